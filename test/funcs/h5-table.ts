/**
 * Shared runner for the H5 case tables: every case is compared exactly with Helm 3 and Helm 4. Until the
 * template engine exists (test/helpers/snippet.ts), cases are evaluated directly against the function map
 * (see h5-direct.ts); cases that only the engine can judge are counted and skipped by that path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { directRender } from './h5-direct.js';

interface OracleResult {
  out?: string;
  err?: string;
}
interface Case {
  id: string;
  template: string;
  values?: string;
  helm3: OracleResult;
  helm4: OracleResult;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Loads test/funcs/cases/<family>.json. */
export function loadTable(family: string): Case[] {
  return JSON.parse(readFileSync(path.join(here, 'cases', `${family}.json`), 'utf8')) as Case[];
}

/** Declares one test per case and compat mode. */
export async function runTable(family: string): Promise<void> {
  const table = loadTable(family);
  const snippetPath = path.join(here, '../helpers/snippet.ts');
  type Render = (c: Case, compat: 'helm3' | 'helm4') => Promise<OracleResult> | OracleResult;
  let render: Render | undefined;
  if (existsSync(snippetPath)) {
    const mod = (await import(snippetPath)) as { renderSnippet: Render };
    render = mod.renderSnippet;
  }
  for (const c of table) {
    for (const compat of ['helm3', 'helm4'] as const) {
      const expected = c[compat];
      if (render) {
        it(`${c.id} ${compat}: ${c.template}`, async () => {
          expect(await render(c, compat)).toEqual(expected);
        });
        continue;
      }
      const got = directRender(c.template, c.values, compat);
      if (!got) continue;
      it(`${c.id} ${compat} (direct): ${c.template}`, () => {
        if ('out' in got) expect(got).toEqual({ out: expected.out });
        else {
          expect(expected.err).toBeDefined();
          const m = /HELM_ERR_START([\s\S]*)HELM_ERR_END/.exec(got.callErr);
          if (m) expect(expected.err).toContain(`): ${m[1]}\n`);
          else expect(expected.err).toContain(got.callErr);
        }
      });
    }
  }
}
