import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('flow functions (oracle table)', new URL('./cases/flow.json', import.meta.url));
