import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('encoding functions (oracle table)', async () => {
  await runTable('encoding');
});
