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

// Every case of the fromtoml table (Helm's fromToml: BurntSushi/toml into Go values), rendered through the
// engine and compared with what Helm 3 and Helm 4 printed.
const table: Case[] = JSON.parse(readFileSync(new URL('./cases/fromtoml.json', import.meta.url), 'utf8'));

describe('fromtoml table', () => {
  it('is large enough', () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
  });
});

for (const compat of ['helm3', 'helm4'] as const) {
  describe(`fromToml (${compat})`, () => {
    for (const c of table) {
      it(`${c.id} ${c.template.slice(0, 70)}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
