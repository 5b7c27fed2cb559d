import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('mustFromJson (oracle table)', new URL('./cases/mustfromjson.json', import.meta.url), 20);
