import { describe, expect, it } from 'vitest';
// @ts-expect-error - plain ESM helper shared with scripts/conformance.mjs, no types.
import { loadCases, runCase } from '../../scripts/conformance-lib.mjs';
import * as api from '../../src/index.js';
import baseline from './baseline.json' with { type: 'json' };

interface CorpusCase {
  id: string;
}
type Compat = 'helm3' | 'helm4';

const cases = loadCases() as CorpusCase[] | null;

describe('conformance ratchet (../shared/corpus)', () => {
  it('finds the corpus', () => {
    expect(cases, '../shared/corpus/cases.json must exist beside the project').not.toBeNull();
    expect(cases!.length).toBeGreaterThan(0);
  });
  for (const compat of ['helm3', 'helm4'] as Compat[]) {
    const ids = new Set<string>((baseline as Record<Compat, string[]>)[compat]);
    const selected = (cases ?? []).filter((c) => ids.has(c.id));
    it(`every baseline case still matches Helm (${compat}: ${ids.size} cases)`, async () => {
      expect(selected.length).toBe(ids.size);
      const charts = new Map();
      const failures: string[] = [];
      for (const c of selected) {
        const r = await runCase(api, c, compat, charts);
        if (!r.ok) failures.push(`${c.id}: exit ${r.exit} ${String(r.stderr).split('\n')[0]}`);
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
