import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type ShowKind, showChart } from '../../src/chart/show.js';
import { loadChart } from '../../src/node/load.js';

// Goldens are `helm show` output from the real Helm 3 and Helm 4, written by scripts/gen/show-goldens.mjs.
const goldenDir = path.resolve(import.meta.dirname, 'golden');
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');

interface GoldenResult {
  exit: number;
  stdout: string;
  stderr: string;
}
interface GoldenEntry {
  id: string;
  chart: string;
  helm3: Record<string, GoldenResult>;
  helm4: Record<string, GoldenResult>;
}

const index = JSON.parse(readFileSync(path.join(goldenDir, 'index.json'), 'utf8')) as GoldenEntry[];

describe('helm show on every corpus chart', () => {
  test('the golden index covers the corpus charts', () => {
    const cases = JSON.parse(readFileSync(path.join(corpus, 'cases.json'), 'utf8')) as Array<{
      chart: string;
    }>;
    expect(index.map((e) => e.chart).sort()).toEqual([...new Set(cases.map((c) => c.chart))].sort());
  });
  for (const entry of index) {
    for (const compat of ['helm3', 'helm4'] as const) {
      test(`${entry.id} (${compat})`, async () => {
        const chart = await loadChart(path.join(corpus, entry.chart), { compat });
        for (const [kind, golden] of Object.entries(entry[compat])) {
          expect(golden.exit).toBe(0);
          const want = readFileSync(path.join(goldenDir, golden.stdout), 'utf8');
          expect(showChart(chart, kind as ShowKind, compat), `${kind}`).toBe(want);
        }
      });
    }
  }
});
