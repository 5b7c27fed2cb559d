import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('dicts functions (oracle table)', async () => {
  await runTable('dicts');
});
