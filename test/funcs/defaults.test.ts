import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('defaults functions (oracle table)', new URL('./cases/defaults.json', import.meta.url));
