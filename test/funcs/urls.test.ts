import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('urlParse / urlJoin (oracle table)', new URL('./cases/urls.json', import.meta.url), 120);
