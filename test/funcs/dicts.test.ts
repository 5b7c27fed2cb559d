import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('dicts functions (oracle table)', new URL('./cases/dicts.json', import.meta.url));
