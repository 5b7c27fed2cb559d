import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('strings functions (oracle table)', new URL('./cases/strings.json', import.meta.url));
