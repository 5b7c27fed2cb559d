// Generates test/cli/golden/: the exact stdout/stderr/exit of `helm show chart|values|crds|readme` for every
// top-level corpus chart, with Helm 3 and Helm 4 (the oracle). Never edit the output by hand.
//   node scripts/gen/show-goldens.mjs
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const corpus = path.resolve(root, '../shared/corpus');
const outDir = path.join(root, 'test/cli/golden');
const binDir = execFileSync(path.resolve(root, '../shared/oracle/install-helm'), [], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();

const cases = JSON.parse(readFileSync(path.join(corpus, 'cases.json'), 'utf8'));
const charts = [...new Set(cases.map((c) => c.chart))].sort();
const KINDS = ['chart', 'values', 'readme', 'crds'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'show-goldens-'));
for (const d of ['cache', 'config', 'data']) mkdirSync(path.join(tmp, d));
const env = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LANG: 'C.UTF-8',
  HOME: tmp,
  HELM_CACHE_HOME: path.join(tmp, 'cache'),
  HELM_CONFIG_HOME: path.join(tmp, 'config'),
  HELM_DATA_HOME: path.join(tmp, 'data'),
};

function run(helm, args) {
  return new Promise((resolve) => {
    execFile(
      path.join(binDir, helm),
      args,
      { cwd: corpus, env, maxBuffer: 1 << 28, encoding: 'utf8' },
      (err, stdout, stderr) => {
        resolve({ exit: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const index = [];
for (const chart of charts) {
  const id = chart.replace(/^charts\//, '').replaceAll('/', '__');
  const entry = { id, chart };
  for (const helm of ['helm3', 'helm4']) {
    entry[helm] = {};
    for (const kind of KINDS) {
      const r = await run(helm, ['show', kind, chart]);
      const file = `${helm}/${id}.${kind}.txt`;
      mkdirSync(path.join(outDir, helm), { recursive: true });
      writeFileSync(path.join(outDir, file), r.stdout);
      entry[helm][kind] = { exit: r.exit, stdout: file, stderr: r.stderr };
    }
  }
  index.push(entry);
  process.stderr.write(`${id}\n`);
}
writeFileSync(path.join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
rmSync(tmp, { recursive: true, force: true });
