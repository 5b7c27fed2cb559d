import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('lists functions (oracle table)', new URL('./cases/lists.json', import.meta.url));
