import { readdirSync } from 'node:fs';
import { describeCaseTable } from '../helpers/case-table.js';

// Every template-language case generated from the real Helm (scripts/gen/template-cases.mjs), rendered through
// helmkit's engine in both compat modes and compared exactly.
const dir = new URL('./cases/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  describeCaseTable(file, new URL(file, dir), 400);
}
