import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('toml functions (oracle table)', new URL('./cases/toml.json', import.meta.url), 100);
