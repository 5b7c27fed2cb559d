// npm run bench — helmkit vs the real Helm, measured in the same run (needs `npm run build` first and
// ../shared/oracle/install-helm). Prints ratios, not only absolute times:
//   (a) warm in-process template() vs spawning `helm3 template`, per chart
//   (b) corpus cases in one Node process (charts loaded once) vs one `helm3` process per case
//   (c) `helmkit template` CLI cold start vs `helm3 template`
//   (d) peak memory (max RSS) rendering the largest chart, helmkit CLI vs helm3
// Options: --runs N (default 10), --cases N (default 300, the whole corpus, for (b); fewer = an even sample).
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, caseOptions, loadCases } from '../../scripts/conformance-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const api = await import(path.join(root, 'dist/index.js'));
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const RUNS = opt('--runs', 10);
const SAMPLE = opt('--cases', 300);
const binDir = execFileSync(path.join(root, '../shared/oracle/install-helm'), { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();
const HELM = path.join(binDir, 'helm3');
const env = { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', HOME: '/tmp' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function helmArgs(c) {
  const a = ['template', c.release, c.chart, '--namespace', c.namespace];
  for (const v of c.values ?? []) a.push('-f', v);
  for (const s of c.set ?? []) a.push('--set', s);
  return [...a, ...(c.flags ?? [])];
}
function timeHelm(c) {
  const t = performance.now();
  spawnSync(HELM, helmArgs(c), { cwd: CORPUS, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return performance.now() - t;
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const cases = loadCases();
const byId = new Map(cases.map((c) => [c.id, c]));

console.log('(a) warm template() vs helm3 template (median of', RUNS, 'runs)');
const ratiosA = [];
for (const id of [
  'bitnami__nginx__default', // two RSA-2048 keys per render (genCA): bound by key generation in both
  'bitnami__redis__default',
  'bitnami__postgresql__default',
  'argo__argo-cd__default', // the largest output of the corpus (1.9 MB)
  'keda__keda__default',
  'istio__istiod__default',
  'prometheus-community__prometheus__default',
]) {
  const c = byId.get(id);
  const chart = await api.loadChart(path.join(CORPUS, c.chart));
  const opts = caseOptions(c, 'helm3');
  for (let i = 0; i < 10; i++) await api.template(chart, opts); // warm: parse, compile and JIT
  const mine = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await api.template(chart, opts);
    mine.push(performance.now() - t);
  }
  const theirs = [];
  for (let i = 0; i < RUNS; i++) theirs.push(timeHelm(c));
  const r = median(theirs) / median(mine);
  ratiosA.push(r);
  console.log(
    `  ${id.padEnd(36)} helmkit ${fmt(median(mine)).padStart(10)}  helm3 ${fmt(median(theirs)).padStart(10)}  ${r.toFixed(1)}x faster`,
  );
}

console.log(
  `(b) ${SAMPLE} corpus cases: one Node process (each chart loaded once) vs one helm3 process per case`,
);
const sample = cases
  .filter((_, i) => i % Math.max(1, Math.floor(cases.length / SAMPLE)) === 0)
  .slice(0, SAMPLE);
let t0 = performance.now();
const loaded = new Map();
for (const c of sample) {
  try {
    // One process: each chart is loaded once and rendered for every case that uses it.
    let chart = loaded.get(c.chart);
    if (!chart) loaded.set(c.chart, (chart = await api.loadChart(path.join(CORPUS, c.chart))));
    await api.template(chart, caseOptions(c, 'helm3'));
  } catch {
    // failing cases count too, as for helm
  }
}
const mineB = performance.now() - t0;
t0 = performance.now();
for (const c of sample) timeHelm(c);
const theirsB = performance.now() - t0;
console.log(`  helmkit ${fmt(mineB)}  helm3 ${fmt(theirsB)}  ${(theirsB / mineB).toFixed(1)}x faster`);

console.log('(c) CLI cold start: node bin/helmkit.js template vs helm3 template (median)');
const ratiosC = [];
for (const id of ['bitnami__nginx__default', 'bitnami__redis__default', 'argo__argo-cd__default']) {
  const c = byId.get(id);
  const cliMine = [];
  const cliTheirs = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    spawnSync(process.execPath, [path.join(root, 'bin/helmkit.js'), ...helmArgs(c)], {
      cwd: CORPUS,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    cliMine.push(performance.now() - t);
    t = performance.now();
    spawnSync(HELM, helmArgs(c), { cwd: CORPUS, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    cliTheirs.push(performance.now() - t);
  }
  const r = median(cliMine) / median(cliTheirs);
  ratiosC.push(r);
  console.log(
    `  ${id.padEnd(36)} helmkit ${fmt(median(cliMine)).padStart(10)}  helm3 ${fmt(median(cliTheirs)).padStart(10)}  ratio ${r.toFixed(2)} (helmkit/helm)`,
  );
}

console.log('(d) peak memory (max RSS) rendering argo-cd (largest corpus output)');
const argo = byId.get('argo__argo-cd__default');
const rss = (cmd, a) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...a], {
    cwd: CORPUS,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return Number(r.stderr.trim().split('\n').pop());
};
const memMine = rss(process.execPath, [path.join(root, 'bin/helmkit.js'), ...helmArgs(argo)]);
const memTheirs = rss(HELM, helmArgs(argo));
console.log(
  `  helmkit ${(memMine / 1024).toFixed(0)} MB  helm3 ${(memTheirs / 1024).toFixed(0)} MB  ratio ${(memMine / memTheirs).toFixed(2)}`,
);
console.log(
  `summary: (a) ${Math.min(...ratiosA).toFixed(1)}-${Math.max(...ratiosA).toFixed(1)}x (median ${median(ratiosA).toFixed(1)}x)  (b) ${(theirsB / mineB).toFixed(1)}x  (c) nginx ${ratiosC[0].toFixed(2)}, redis ${ratiosC[1].toFixed(2)}, argo-cd ${ratiosC[2].toFixed(2)}  (d) ${(memMine / memTheirs).toFixed(2)}`,
);
