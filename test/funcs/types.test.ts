import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('types functions (oracle table)', async () => {
  await runTable('types');
});
