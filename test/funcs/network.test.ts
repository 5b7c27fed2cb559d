import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('network functions (oracle table)', async () => {
  await runTable('network');
});
