import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { marshalChartYaml } from '../../src/archive/chart-yaml.js';
import { packageChart } from '../../src/archive/package.js';
import type { Chart } from '../../src/chart/types.js';
import { nodeGzip } from '../../src/node/archive-gzip.js';
import { loadChart } from '../../src/node/load.js';
import { type CorpusCase, corpusRoot, pool, runHelm } from './helm.js';
import { rawEntries } from './tar-read.js';

// Every corpus chart is packaged by helmkit and by the real `helm package`; the archives must have the same
// layout (entry names, headers except mtime/checksum, contents), the real Helm must render helmkit's archive
// exactly like the directory (the corpus goldens), and helmkit must load Helm's archive like the directory.
const cases = JSON.parse(readFileSync(path.join(corpusRoot, 'cases.json'), 'utf8')) as CorpusCase[];
const charts = [...new Set(cases.map((c) => c.chart))].sort();
const work = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-corpus-'));

interface Packed {
  chart: string;
  /** Set when packaging fails: helmkit's message and Helm's stderr. */
  refused?: { ours: string; helm: string };
  ours: string;
  oursData: Uint8Array;
  helm: string;
  helmData: Uint8Array;
}
const packed = new Map<string, Packed>();

/** The case rendering the chart with no extra inputs (the __default case, or a bare one). */
function bareCase(chart: string): CorpusCase | undefined {
  return cases.find(
    (c) => c.chart === chart && c.values.length === 0 && c.set.length === 0 && c.flags.length === 0,
  );
}

function mask(text: string, lines: number[] | undefined): string {
  if (!lines || lines.length === 0) return text;
  const out = text.split('\n');
  // volatile_lines are 0-based line indexes (checked against the goldens).
  for (const n of lines) if (n < out.length) out[n] = '<volatile>';
  return out.join('\n');
}

function fileMap(files: readonly { name: string; data: Uint8Array }[]): Record<string, string> {
  const m: Record<string, string> = {};
  for (const f of files) m[f.name] = createHash('sha256').update(f.data).digest('hex');
  return m;
}

// Chart.yaml is re-marshalled by both Helm and helmkit (empty fields dropped, `repository: ""` added): compare
// metadata in that marshalled form.
function summary(c: Chart): unknown {
  return {
    metadata: marshalChartYaml(c.metadata),
    lock: c.lock,
    templates: fileMap(c.templates),
    files: fileMap(c.files),
    values: c.values,
    schema: c.schema ? createHash('sha256').update(c.schema).digest('hex') : undefined,
    deps: c.dependencies.map(summary),
  };
}

beforeAll(async () => {
  await pool(charts, 8, async (chart) => {
    const id = chart.replace(/[/]/g, '__');
    const dir = path.join(corpusRoot, chart);
    const oursDir = path.join(work, 'ours', id);
    const helmDir = path.join(work, 'helm', id);
    mkdirSync(oursDir, { recursive: true });
    mkdirSync(helmDir, { recursive: true });
    const r = await runHelm('helm3', ['package', dir, '-d', helmDir], corpusRoot);
    let p: Awaited<ReturnType<typeof packageChart>>;
    try {
      p = await packageChart(await loadChart(dir), { compress: nodeGzip });
    } catch (e) {
      const refused = { ours: `Error: ${(e as Error).message}\n`, helm: r.stderr };
      packed.set(chart, {
        chart,
        refused,
        ours: '',
        oursData: new Uint8Array(),
        helm: '',
        helmData: new Uint8Array(),
      });
      return;
    }
    const ours = path.join(oursDir, p.fileName);
    writeFileSync(ours, p.data);
    if (r.exit !== 0) throw new Error(`helm package ${chart} failed but helmkit's succeeded: ${r.stderr}`);
    const helm = path.join(helmDir, readdirSync(helmDir)[0]);
    packed.set(chart, { chart, ours, oursData: p.data, helm, helmData: new Uint8Array(readFileSync(helm)) });
  });
}, 600_000);

describe('helmkit package vs helm package on the corpus', () => {
  test('covers every corpus chart', () => {
    expect(charts.length).toBeGreaterThanOrEqual(50);
    expect([...packed.keys()].sort()).toEqual(charts);
  });

  for (const chart of charts) {
    test(`${chart}: same layout as helm package`, () => {
      const p = packed.get(chart)!;
      if (p.refused) {
        // Helm refuses to package it too (dependencies not vendored): same message.
        expect(p.refused.ours).toBe(p.refused.helm);
        return;
      }
      expect(path.basename(p.ours)).toBe(path.basename(p.helm));
      // The gzip header Helm writes (extra field + comment "Helm").
      expect(Buffer.from(p.oursData.subarray(0, 58)).toString('hex')).toBe(
        Buffer.from(p.helmData.subarray(0, 58)).toString('hex'),
      );
      const ours = rawEntries(p.oursData);
      const helm = rawEntries(p.helmData);
      const key = (e: { name: string; header: string; data: Buffer }) =>
        `${e.name}\n${e.header}\n${e.data.toString('base64')}`;
      expect(ours.map(key).sort()).toEqual(helm.map(key).sort());
      // Order is Helm's except where Helm iterates a Go map (subcharts): compare the top chart's own entries.
      const own = (es: typeof ours) =>
        es.map((e) => e.name).filter((n) => !n.slice(n.indexOf('/') + 1).startsWith('charts/'));
      expect(own(ours)).toEqual(own(helm));
    });
  }
});

describe('the real Helm renders helmkit archives like the directory', () => {
  for (const helmBin of ['helm3', 'helm4'] as const) {
    test(`${helmBin} template of every helmkit archive equals the corpus golden`, async () => {
      const failures: string[] = [];
      let compared = 0;
      let rendered = 0;
      await pool(charts, 8, async (chart) => {
        const c = bareCase(chart);
        const p = packed.get(chart)!;
        if (!c || p.refused) {
          compared++;
          return;
        }
        const r = await runHelm(
          helmBin,
          ['template', c.release, p.ours, '--namespace', c.namespace],
          corpusRoot,
        );
        const g = c[helmBin];
        const want = readFileSync(path.join(corpusRoot, g.stdout), 'utf8');
        const wantErr = readFileSync(path.join(corpusRoot, g.stderr), 'utf8');
        compared++;
        rendered++;
        if (r.exit !== g.exit) failures.push(`${chart}: exit ${r.exit} != ${g.exit}: ${r.stderr}`);
        else if (mask(r.stdout, g.volatile_lines) !== mask(want, g.volatile_lines))
          failures.push(`${chart}: stdout differs`);
        else if (r.stderr !== wantErr) failures.push(`${chart}: stderr differs: ${r.stderr} vs ${wantErr}`);
      });
      expect(failures).toEqual([]);
      expect(compared).toBe(charts.length);
      const refused = [...packed.values()].filter((p) => p.refused).length;
      expect(refused).toBeLessThanOrEqual(2);
      expect(rendered).toBe(charts.length - refused);
    }, 600_000);
  }

  const sample = [
    'charts/bitnami/wordpress',
    'charts/argo/argo-cd',
    'charts/grafana-community/grafana',
    'charts/bitnami/common',
  ];
  for (const helmBin of ['helm3', 'helm4'] as const) {
    test(`${helmBin} show/lint/install --dry-run accept helmkit archives like the directory`, async () => {
      for (const chart of sample) {
        const p = packed.get(chart)!;
        const dir = path.join(corpusRoot, chart);
        const showA = await runHelm(helmBin, ['show', 'all', p.ours], corpusRoot);
        const showB = await runHelm(helmBin, ['show', 'all', dir], corpusRoot);
        expect(showA, chart).toEqual(showB);
        const lintA = await runHelm(helmBin, ['lint', p.ours], corpusRoot);
        const lintB = await runHelm(helmBin, ['lint', dir], corpusRoot);
        expect(lintA.exit, `${chart}: ${lintA.stdout}${lintA.stderr}`).toBe(lintB.exit);
        const norm = (s: string) => s.split(p.ours).join('CHART').split(dir).join('CHART');
        expect(norm(lintA.stdout).replace(/\[INFO\] Chart\.yaml: icon is recommended\n/g, '')).toBe(
          norm(lintB.stdout).replace(/\[INFO\] Chart\.yaml: icon is recommended\n/g, ''),
        );
        const instA = await runHelm(
          helmBin,
          ['install', 'demo', p.ours, '--dry-run=client', '-n', 'demo-ns'],
          corpusRoot,
        );
        const instB = await runHelm(
          helmBin,
          ['install', 'demo', dir, '--dry-run=client', '-n', 'demo-ns'],
          corpusRoot,
        );
        expect(instA.exit, `${chart}: ${instA.stderr}`).toBe(instB.exit);
        expect(instA.stderr).toBe(instB.stderr);
      }
    }, 300_000);
  }
});

describe('helmkit loads archives made by helm package', () => {
  for (const chart of charts) {
    test(`${chart}: loadChart(helm's .tgz) equals loadChart(directory)`, async () => {
      const p = packed.get(chart)!;
      if (p.refused) return;
      const fromHelm = await loadChart(p.helmData);
      const fromDir = await loadChart(path.join(corpusRoot, chart));
      const fromOurs = await loadChart(p.oursData);
      expect(summary(fromHelm)).toEqual(summary(fromDir));
      expect(summary(fromOurs)).toEqual(summary(fromDir));
    });
  }
});
