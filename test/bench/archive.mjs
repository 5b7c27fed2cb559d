// Archive benchmark: helmkit package + unpack vs `helm package` + `helm pull --untar`-like extraction
// (`tar xzf` of Helm's archive is not Helm, so Helm's side is `helm package` then `helm show chart` of the .tgz,
// which loads and decompresses the archive), and repository index parsing, measured in the same run.
// Runs on dist/: `npm run build && node test/bench/archive.mjs [--runs N]`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '../..');
const { packageDirectory, unpackageFile } = await import(path.join(root, 'dist/node/archive-fs.js'));
const { loadIndex, marshalIndex, newIndex } = await import(path.join(root, 'dist/repo/index-file.js'));
const bin = execFileSync(path.resolve(root, '../shared/oracle/install-helm'), { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();
const corpus = path.resolve(root, '../shared/corpus');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const charts = ['charts/bitnami/nginx', 'charts/bitnami/wordpress', 'charts/argo/argo-cd'];
const work = mkdtempSync(path.join(tmpdir(), 'helmkit-bench-archive-'));
const env = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: work,
  HELM_CACHE_HOME: work,
  HELM_CONFIG_HOME: work,
  HELM_DATA_HOME: work,
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

console.log(`archive benchmark, median of ${RUNS} runs (ms)`);
console.log('chart'.padEnd(52), 'helm'.padStart(9), 'helmkit'.padStart(9), 'ratio'.padStart(8));
let sumHelm = 0;
let sumKit = 0;
for (const c of charts) {
  const dir = path.join(corpus, c);
  const helmT = [];
  const kitT = [];
  for (let i = 0; i < RUNS; i++) {
    const d1 = mkdtempSync(path.join(work, 'h-'));
    helmT.push(
      await time(() => {
        execFileSync(path.join(bin, 'helm3'), ['package', dir, '-d', d1], { env, stdio: 'pipe' });
        const tgz = execFileSync('sh', ['-c', `ls ${d1}/*.tgz`], { encoding: 'utf8' }).trim();
        execFileSync(path.join(bin, 'helm3'), ['show', 'chart', tgz], { env, stdio: 'pipe' });
      }),
    );
    const d2 = mkdtempSync(path.join(work, 'k-'));
    kitT.push(
      await time(async () => {
        const r = await packageDirectory(dir, { destination: d2 });
        await unpackageFile(r.path, path.join(d2, 'x'));
      }),
    );
    rmSync(d1, { recursive: true, force: true });
    rmSync(d2, { recursive: true, force: true });
  }
  const h = median(helmT);
  const k = median(kitT);
  sumHelm += h;
  sumKit += k;
  console.log(
    `package + unpack ${c}`.padEnd(52),
    h.toFixed(1).padStart(9),
    k.toFixed(1).padStart(9),
    `${(h / k).toFixed(1)}x`.padStart(8),
  );
}
console.log(
  'package + unpack total'.padEnd(52),
  sumHelm.toFixed(1).padStart(9),
  sumKit.toFixed(1).padStart(9),
  `${(sumHelm / sumKit).toFixed(1)}x`.padStart(8),
);

// Index: 20k entries. Helm's side: `helm repo index EMPTY_DIR --merge big.yaml` (loads, merges, sorts, writes).
const idx = newIndex(new Date('2025-01-01T00:00:00Z'));
for (let c = 0; c < 400; c++) {
  idx.entries[`chart-${c}`] = Array.from({ length: 50 }, (_, v) => ({
    apiVersion: 'v2',
    name: `chart-${c}`,
    version: `${v % 7}.${v}.${c % 3}`,
    appVersion: `${v}.0`,
    description: 'A synthetic chart for the index benchmark',
    urls: [`https://example.com/chart-${c}-${v}.tgz`],
    created: '2024-05-06T07:08:09.123456789Z',
    digest: 'a'.repeat(64),
  }));
}
const big = path.join(work, 'big.yaml');
writeFileSync(big, marshalIndex(idx));
const emptyDir = mkdtempSync(path.join(work, 'empty-'));
const hT = [];
const kT = [];
const kParse = [];
for (let i = 0; i < RUNS; i++) {
  hT.push(
    await time(() =>
      execFileSync(path.join(bin, 'helm3'), ['repo', 'index', emptyDir, '--merge', big], {
        env,
        stdio: 'pipe',
      }),
    ),
  );
  kParse.push(
    await time(() => {
      loadIndex(readFileSync(big, 'utf8'));
    }),
  );
  kT.push(
    await time(() =>
      writeFileSync(
        path.join(emptyDir, 'index-kit.yaml'),
        marshalIndex(loadIndex(readFileSync(big, 'utf8'))),
      ),
    ),
  );
}
const h = median(hT);
const k = median(kT);
console.log(
  'repo index --merge (20k entries: load+sort+write)'.padEnd(52),
  h.toFixed(1).padStart(9),
  k.toFixed(1).padStart(9),
  `${(h / k).toFixed(1)}x`.padStart(8),
);
console.log(
  'loadIndex alone (20k entries)'.padEnd(52),
  ''.padStart(9),
  median(kParse).toFixed(1).padStart(9),
);
rmSync(work, { recursive: true, force: true });
