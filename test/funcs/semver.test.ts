import { describe } from 'vitest';
import { runTable } from './h5-table.js';

describe('semver functions (oracle table)', async () => {
  await runTable('semver');
});
