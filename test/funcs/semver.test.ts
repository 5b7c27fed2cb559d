import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('semver functions (oracle table)', new URL('./cases/semver.json', import.meta.url));
