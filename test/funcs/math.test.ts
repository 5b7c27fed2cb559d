import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('math functions (oracle table)', async () => {
  await runTable('math');
});
