import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('Go fmt printing (oracle table)', new URL('./cases/fmt.json', import.meta.url), 250);
