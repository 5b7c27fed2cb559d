import { describeCaseTable } from '../helpers/case-table.js';

// .Files methods and the built-in objects, against helm3 and helm4 (scripts/gen/render-files.mjs).
describeCaseTable('.Files and built-in objects', new URL('./cases/files.json', import.meta.url), 20);
