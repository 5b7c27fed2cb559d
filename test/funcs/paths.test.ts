import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('paths functions (oracle table)', async () => {
  await runTable('paths');
});
