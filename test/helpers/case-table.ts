import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OracleCase, renderSnippet, type SnippetResult } from './snippet.js';

/** One row of an oracle case table: the inputs and what Helm 3 and Helm 4 printed. */
export interface TableCase extends OracleCase {
  helm3: SnippetResult;
  helm4: SnippetResult;
}

/** Reads a committed case table (written by a scripts/gen generator from the real Helm). */
export function loadCaseTable(file: URL): TableCase[] {
  return JSON.parse(readFileSync(file, 'utf8')) as TableCase[];
}

/**
 * Declares the tests of an oracle case table: the table holds at least `minCases` rows, and every case,
 * rendered through helmkit's real pipeline, equals what Helm 3 and Helm 4 printed.
 */
export function describeCaseTable(title: string, file: URL, minCases = 1): void {
  const table = loadCaseTable(file);
  describe(title, () => {
    it(`has at least ${minCases} cases`, () => {
      expect(table.length).toBeGreaterThanOrEqual(minCases);
    });
    for (const compat of ['helm3', 'helm4'] as const) {
      for (const c of table) {
        it(`${compat} ${c.id} ${JSON.stringify(c.template).slice(0, 80)}`, async () => {
          expect(await renderSnippet(c, compat)).toEqual(c[compat]);
        });
      }
    }
  });
}
