import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('math functions (oracle table)', new URL('./cases/math.json', import.meta.url));
