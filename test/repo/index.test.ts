import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, test } from 'vitest';
import { registerRepo } from '../../src/cli/commands/repo.js';
import { packageDirectory } from '../../src/node/archive-fs.js';
import { type ChartVersion, loadIndex, marshalIndex, newIndex } from '../../src/repo/index-file.js';
import { corpusRoot, runHelm } from '../archive/helm.js';

// `helm repo index` (helm3 and helm4) and helmkit run on copies of the same directory; the files must be equal
// except for the timestamps (`generated`, `created`), which are now().
const work = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-repo-'));
const src = path.join(work, 'src');

const stamps = (s: string) => s.replace(/^(\s*(?:- )?(?:created|generated): ).*$/gm, '$1<time>');

async function helmkitRepoIndex(args: string[]): Promise<void> {
  const program = new Command('helmkit').exitOverride();
  registerRepo(program, { stdout: () => undefined, stderr: () => undefined, compat: () => 'helm3' });
  await program.parseAsync(['repo', 'index', ...args], { from: 'user' });
}

const FILES = [
  'nginx-22.1.1.tgz',
  'wordpress-27.0.0.tgz',
  'nginx-9.9.9-rc.1.tgz',
  'nginx-v1.2.tgz',
  'junk.tgz',
];

function copyRepo(name: string): string {
  const d = path.join(work, name);
  mkdirSync(path.join(d, 'sub'), { recursive: true });
  for (const f of FILES) copyFileSync(path.join(src, f), path.join(d, f));
  copyFileSync(path.join(src, 'sub/redis.tgz'), path.join(d, 'sub/redis.tgz'));
  return d;
}

function copyMerge(dir: string): string {
  const p = path.join(dir, 'merge.yaml');
  copyFileSync(path.join(work, 'merge.yaml'), p);
  return p;
}

beforeAll(async () => {
  mkdirSync(path.join(src, 'sub'), { recursive: true });
  const nginx = path.join(corpusRoot, 'charts/bitnami/nginx');
  await packageDirectory(nginx, { destination: src });
  await packageDirectory(nginx, { destination: src, version: '9.9.9-rc.1' });
  await packageDirectory(nginx, { destination: src, version: 'v1.2', appVersion: '1.10' });
  const h = await runHelm(
    'helm3',
    ['package', path.join(corpusRoot, 'charts/bitnami/wordpress'), '-d', src],
    work,
  );
  if (h.exit !== 0) throw new Error(h.stderr);
  const r = await packageDirectory(path.join(corpusRoot, 'charts/bitnami/redis'), {
    destination: path.join(src, 'sub'),
  });
  copyFileSync(r.path, path.join(src, 'sub/redis.tgz'));
  writeFileSync(path.join(src, 'junk.tgz'), 'not a chart');
  writeFileSync(
    path.join(work, 'merge.yaml'),
    'apiVersion: v1\nentries:\n  old:\n  - name: old\n    version: 1.0.0\n    created: "2020-01-01T00:00:00Z"\n    urls: [old-1.0.0.tgz]\n  nginx:\n  - name: nginx\n    version: 22.1.1\n    digest: stale\n    created: "2020-01-01T00:00:00Z"\n    urls: [x.tgz]\ngenerated: "2020-01-01T00:00:00Z"\n',
  );
}, 120_000);

describe('repo index', () => {
  const variants: Array<[string, string[]]> = [
    ['plain', []],
    ['url', ['--url', 'https://charts.example.com/stable/']],
    ['merge', ['--url', 'https://charts.example.com', '--merge', 'MERGE']],
  ];
  for (const helm of ['helm3', 'helm4'] as const) {
    for (const [name, args] of variants) {
      test(`${helm} repo index (${name}) == helmkit repo index`, async () => {
        const a = copyRepo(`${helm}-${name}-helm`);
        const b = copyRepo(`${helm}-${name}-helmkit`);
        const fix = (dir: string) => args.map((x) => (x === 'MERGE' ? copyMerge(dir) : x));
        const r = await runHelm(helm, ['repo', 'index', a, ...fix(a)], work);
        expect(r.exit, r.stderr).toBe(0);
        await helmkitRepoIndex([b, ...fix(b)]);
        const want = readFileSync(path.join(a, 'index.yaml'), 'utf8');
        const got = readFileSync(path.join(b, 'index.yaml'), 'utf8');
        expect(stamps(got)).toBe(stamps(want));
        // Helm's own file, read and re-written by helmkit, is unchanged.
        expect(marshalIndex(loadIndex(want))).toBe(want);
      });
    }
  }
});

describe('loadIndex on a large index', () => {
  test('20k entries: parsed fast, sorted newest first, invalid entries skipped', () => {
    const idx = newIndex(new Date('2025-01-01T00:00:00Z'));
    for (let c = 0; c < 400; c++) {
      const list: ChartVersion[] = [];
      for (let v = 0; v < 50; v++) {
        list.push({
          apiVersion: 'v2',
          name: `chart-${c}`,
          version: `${v % 7}.${v}.${c % 3}`,
          appVersion: `${v}.0`,
          description: 'A synthetic chart for the index benchmark',
          urls: [`https://example.com/chart-${c}-${v}.tgz`],
          created: '2024-05-06T07:08:09.123456789Z',
          digest: 'a'.repeat(64),
        });
      }
      idx.entries[`chart-${c}`] = list;
    }
    idx.entries['chart-0'].push({ apiVersion: 'v2', name: 'chart-0', version: 'not a version', urls: [] });
    const text = marshalIndex(idx);
    const warnings: string[] = [];
    const t0 = performance.now();
    const loaded = loadIndex(text, { onWarning: (w) => warnings.push(w) });
    const ms = performance.now() - t0;
    expect(Object.keys(loaded.entries)).toHaveLength(400);
    expect(Object.values(loaded.entries).reduce((n, l) => n + l.length, 0)).toBe(20_000);
    expect(warnings).toHaveLength(1);
    expect(loaded.entries['chart-1'][0].version).toBe('6.48.1');
    expect(ms).toBeLessThan(2000);
  });
});
