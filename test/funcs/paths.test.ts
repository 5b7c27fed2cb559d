import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('paths functions (oracle table)', new URL('./cases/paths.json', import.meta.url));
