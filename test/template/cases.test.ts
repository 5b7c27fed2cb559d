import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OracleCase, renderSnippet } from '../helpers/snippet.js';

interface Case extends OracleCase {
  helm3: unknown;
  helm4: unknown;
}

// Every template-language case generated from the real Helm (scripts/gen/template-cases.mjs), rendered through
// helmkit's engine in both compat modes and compared exactly.
const dir = new URL('./cases/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const table: Case[] = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  for (const compat of ['helm3', 'helm4'] as const) {
    describe(`${file} (${compat})`, () => {
      for (const c of table) {
        it(`${c.id} ${JSON.stringify(c.template).slice(0, 80)}`, async () => {
          expect(await renderSnippet(c, compat)).toEqual(c[compat]);
        });
      }
    });
  }
}
