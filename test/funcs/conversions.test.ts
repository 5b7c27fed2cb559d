import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('conversions functions (oracle table)', async () => {
  await runTable('conversions');
});
