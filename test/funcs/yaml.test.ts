import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSnippet } from '../helpers/snippet.js';

interface Case {
  id: string;
  template: string;
  values?: string;
  helm3: unknown;
  helm4: unknown;
}

// Every case of the yaml table, rendered through the engine and compared with what Helm printed.
const table: Case[] = JSON.parse(readFileSync(new URL('./cases/yaml.json', import.meta.url), 'utf8'));

for (const compat of ['helm3', 'helm4'] as const) {
  describe(`yaml functions (${compat})`, () => {
    for (const c of table) {
      it(`${c.id} ${c.template.slice(0, 70)}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
