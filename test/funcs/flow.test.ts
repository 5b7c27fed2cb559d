import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('flow functions (oracle table)', async () => {
  await runTable('flow');
});
