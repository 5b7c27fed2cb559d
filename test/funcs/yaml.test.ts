import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('yaml functions (oracle table)', new URL('./cases/yaml.json', import.meta.url), 250);
