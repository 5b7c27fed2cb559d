import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('JSON functions (oracle table)', new URL('./cases/json.json', import.meta.url), 120);
