import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('network functions (oracle table)', new URL('./cases/network.json', import.meta.url));
