import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('defaults functions (oracle table)', async () => {
  await runTable('defaults');
});
