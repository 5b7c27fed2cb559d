import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('lists functions (oracle table)', async () => {
  await runTable('lists');
});
