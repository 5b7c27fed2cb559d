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

// Every case of the urls table (Sprig's urlParse/urlJoin over Go's net/url), rendered through the engine and
// compared with what Helm 3 (Go 1.23) and Helm 4 (Go 1.25) printed.
const table: Case[] = JSON.parse(readFileSync(new URL('./cases/urls.json', import.meta.url), 'utf8'));

describe('urls table', () => {
  it('is large enough', () => {
    expect(table.length).toBeGreaterThanOrEqual(120);
  });
});

for (const compat of ['helm3', 'helm4'] as const) {
  describe(`url functions (${compat})`, () => {
    for (const c of table) {
      it(`${c.id} ${c.template.slice(0, 70)}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
