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

// Every case of the mustfromjson table (Sprig's mustFromJson), rendered through the engine and compared with
// what Helm 3 and Helm 4 printed.
const table: Case[] = JSON.parse(readFileSync(new URL('./cases/mustfromjson.json', import.meta.url), 'utf8'));

describe('mustfromjson table', () => {
  it('is large enough', () => {
    expect(table.length).toBeGreaterThanOrEqual(20);
  });
});

for (const compat of ['helm3', 'helm4'] as const) {
  describe(`mustFromJson (${compat})`, () => {
    for (const c of table) {
      it(`${c.id} ${c.template.slice(0, 70)}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
