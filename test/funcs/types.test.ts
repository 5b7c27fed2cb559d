import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('types functions (oracle table)', new URL('./cases/types.json', import.meta.url));
