// Runs template cases through the real Helm (the oracle) in batches and records what Helm prints.
//
// Library use (from generator scripts):
//   import { runOracle } from './oracle.mjs';
//   const results = await runOracle(cases, { helm: 'helm3' });
//   // cases: [{ id, template, values?: 'yaml text', helpers?: 'tpl text', set?: ['a=b'], setString?: [...],
//   //           setJson?: [...], files?: { 'path/in/chart': 'content' }, chartYaml?: 'yaml text' }]
//   // results: { [id]: { out: string } | { err: string, exit: number } }
//
// CLI use: node scripts/oracle.mjs cases.json > results.json  (both helm3 and helm4: { id: { helm3, helm4 } })
//
// How: cases sharing values/helpers/--set/files are rendered together, one template file per case
// (templates/<id>.yaml) in a chart named `probe`, with `helm template rel CHART --namespace ns --debug`.
// --debug makes Helm print the raw rendered text even when it is not valid YAML; each case's text is wrapped
// in markers so whitespace is kept exactly. A batch that fails at execution is split in halves until the
// failing case is alone; a failing case is re-run without --debug to capture Helm's exact stderr.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BEGIN = '\u27e6\u27e6';
const END = '\u27e7\u27e7';

let binDir;
function helmBin(helm) {
  if (!binDir) {
    const script = path.resolve(here, '../../shared/oracle/install-helm');
    binDir = execFileSync(script, [], { encoding: 'utf8' }).trim().split('\n').pop();
  }
  return path.join(binDir, helm);
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, maxBuffer: 1 << 28, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ exit: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function groupKey(c) {
  return JSON.stringify([
    c.values ?? '',
    c.helpers ?? '',
    c.set ?? [],
    c.setString ?? [],
    c.setJson ?? [],
    c.files ?? {},
    c.chartYaml ?? '',
    c.flags ?? [],
  ]);
}

const DEFAULT_CHART = 'apiVersion: v2\nname: probe\nversion: 0.1.0\nappVersion: "1.0"\n';

function writeChart(dir, cases, wrap) {
  const first = cases[0];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), first.chartYaml ?? DEFAULT_CHART);
  writeFileSync(path.join(dir, 'values.yaml'), first.values ?? '');
  if (first.helpers) writeFileSync(path.join(dir, 'templates', '_helpers.tpl'), first.helpers);
  for (const [p, content] of Object.entries(first.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  }
  for (const c of cases) {
    const text = wrap ? BEGIN + c.template + END : c.template;
    writeFileSync(path.join(dir, 'templates', `${c.id}.yaml`), text);
  }
}

function helmArgs(dir, c, debug) {
  const args = ['template', 'rel', dir, '--namespace', 'ns'];
  if (debug) args.push('--debug');
  for (const s of c.set ?? []) args.push('--set', s);
  for (const s of c.setString ?? []) args.push('--set-string', s);
  for (const s of c.setJson ?? []) args.push('--set-json', s);
  for (const f of c.flags ?? []) args.push(f);
  return args;
}

function env(tmp) {
  const home = path.join(tmp, 'home');
  mkdirSync(home, { recursive: true });
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
}

function parseOutputs(stdout, ids) {
  const found = {};
  for (const id of ids) {
    const head = `# Source: probe/templates/${id}.yaml\n${BEGIN}`;
    const i = stdout.indexOf(head);
    if (i < 0) return null;
    const j = stdout.indexOf(END, i + head.length);
    if (j < 0) return null;
    found[id] = stdout.slice(i + head.length, j);
  }
  return found;
}

async function runGroup(helm, cases, tmp, results) {
  const dir = path.join(tmp, 'probe');
  writeChart(dir, cases, true);
  const r = await run(helmBin(helm), helmArgs(dir, cases[0], true), env(tmp));
  const outs = parseOutputs(
    r.stdout,
    cases.map((c) => c.id),
  );
  if (outs) {
    for (const c of cases) results[c.id] = { out: outs[c.id] };
    return;
  }
  if (cases.length === 1) {
    // Re-run unwrapped and without --debug: the exact stderr a user sees.
    writeChart(dir, cases, false);
    const e = await run(helmBin(helm), helmArgs(dir, cases[0], false), env(tmp));
    results[cases[0].id] = { err: e.stderr, exit: e.exit, ...(e.exit === 0 ? { stdout: e.stdout } : {}) };
    return;
  }
  const mid = cases.length >> 1;
  await runGroup(helm, cases.slice(0, mid), tmp, results);
  await runGroup(helm, cases.slice(mid), tmp, results);
}

/**
 * Renders every case with the given Helm and returns `{ [id]: { out } | { err, exit } }`.
 * @param {Array<object>} cases
 * @param {{ helm?: 'helm3'|'helm4', concurrency?: number }} [opts]
 */
export async function runOracle(cases, opts = {}) {
  const helm = opts.helm ?? 'helm3';
  const groups = new Map();
  for (const c of cases) {
    if (!/^[a-zA-Z0-9_.-]+$/.test(c.id)) throw new Error(`bad case id ${c.id}`);
    const k = groupKey(c);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(c);
  }
  const results = {};
  const queue = [...groups.values()].flatMap((g) => {
    const chunks = [];
    for (let i = 0; i < g.length; i += 200) chunks.push(g.slice(i, i + 200));
    return chunks;
  });
  const workers = Array.from({ length: opts.concurrency ?? 4 }, async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-oracle-'));
    try {
      while (queue.length) await runGroup(helm, queue.shift(), tmp, results);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  await Promise.all(workers);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const [h3, h4] = await Promise.all([
    runOracle(cases, { helm: 'helm3' }),
    runOracle(cases, { helm: 'helm4' }),
  ]);
  const out = {};
  for (const c of cases) out[c.id] = { helm3: h3[c.id], helm4: h4[c.id] };
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}
