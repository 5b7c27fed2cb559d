import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('strings functions (oracle table)', async () => {
  await runTable('strings');
});
