import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable(
  'conversions functions (oracle table)',
  new URL('./cases/conversions.json', import.meta.url),
);
