import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('fromToml (oracle table)', new URL('./cases/fromtoml.json', import.meta.url), 60);
