import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('encoding functions (oracle table)', new URL('./cases/encoding.json', import.meta.url));
