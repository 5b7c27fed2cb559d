import { describe, expect, it } from 'vitest';
import { renderSnippet } from '../helpers/snippet.js';
import table from './cases/files.json' with { type: 'json' };

// .Files methods and the built-in objects, against helm3 and helm4 (scripts/gen/render-files.mjs).
describe('.Files and built-in objects', () => {
  for (const compat of ['helm3', 'helm4'] as const) {
    for (const c of table) {
      it(`${compat} ${c.id} ${c.template}`, async () => {
        expect(await renderSnippet(c, compat)).toEqual(c[compat]);
      });
    }
  }
});
