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

// Every case of the toml table, rendered through the engine and compared with what Helm printed.
const table: Case[] = JSON.parse(readFileSync(new URL('./cases/toml.json', import.meta.url), 'utf8'));

for (const compat of ['helm3', 'helm4'] as const) {
  describe(`toml functions (${compat})`, () => {
    for (const c of table) {
      it(`${c.id} ${c.template.slice(0, 70)}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
