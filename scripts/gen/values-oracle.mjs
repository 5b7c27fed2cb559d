// Oracle driver for values cases: builds a (multi-level) chart on disk, runs `helm template` (helm3 and helm4)
// with -f files and the --set family, and records every chart's `{{ toJson .Values }}` (one template per chart,
// keyed by Helm's "# Source:" path) or Helm's exact stderr.
//
// Case: { id, chart: Spec, valueFiles?: [{ name, text }], set?, setString?, setJson?, setFile?: [{ expr, files }],
//         setLiteral?: [] }
// Spec: { name, version?, extra?: 'more Chart.yaml text', values?: 'text', schema?: 'json text', dir?: 'dir name',
//         deps?: Spec[], noTemplate?: bool, type?: 'library' }
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let binDir;
function helmBin(helm) {
  if (!binDir) {
    const script = path.resolve(here, '../../../shared/oracle/install-helm');
    binDir = execFileSync(script, [], { encoding: 'utf8' }).trim().split('\n').pop();
  }
  return path.join(binDir, helm);
}

export const VALUES_TEMPLATE = '{{ toJson .Values }}\n';

function writeChart(dir, spec) {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  let chartYaml = `apiVersion: v2\nname: ${spec.name}\nversion: ${spec.version ?? '0.1.0'}\n`;
  if (spec.type) chartYaml += `type: ${spec.type}\n`;
  if (spec.extra) chartYaml += spec.extra;
  writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml);
  if (spec.values !== undefined) writeFileSync(path.join(dir, 'values.yaml'), spec.values);
  if (spec.schema !== undefined) writeFileSync(path.join(dir, 'values.schema.json'), spec.schema);
  if (!spec.noTemplate && spec.type !== 'library')
    writeFileSync(path.join(dir, 'templates', 'values.yaml'), VALUES_TEMPLATE);
  for (const d of spec.deps ?? []) writeChart(path.join(dir, 'charts', d.dir ?? d.name), d);
}

function run(cmd, args, opts) {
  return new Promise((resolve) => {
    execFile(cmd, args, { ...opts, maxBuffer: 1 << 26, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ exit: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function parseSources(stdout) {
  const out = {};
  const parts = stdout.split(/^---\n# Source: /m).slice(1);
  for (const p of parts) {
    const nl = p.indexOf('\n');
    out[p.slice(0, nl)] = p.slice(nl + 1);
  }
  return out;
}

async function runCase(helm, c, tmp) {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const home = path.join(tmp, '.home');
  mkdirSync(home, { recursive: true });
  writeChart(path.join(tmp, 'probe'), c.chart);
  const args = ['template', 'rel', 'probe', '--namespace', 'ns'];
  for (const f of c.valueFiles ?? []) {
    writeFileSync(path.join(tmp, f.name), f.text);
    args.push('-f', f.name);
  }
  for (const s of c.setJson ?? []) args.push('--set-json', s);
  for (const s of c.set ?? []) args.push('--set', s);
  for (const s of c.setString ?? []) args.push('--set-string', s);
  for (const s of c.setFile ?? []) {
    for (const [p, content] of Object.entries(s.files ?? {})) writeFileSync(path.join(tmp, p), content);
    args.push('--set-file', s.expr);
  }
  for (const s of c.setLiteral ?? []) args.push('--set-literal', s);
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
  const r = await run(helmBin(helm), args, { cwd: tmp, env });
  if (r.exit !== 0) return { err: r.stderr, exit: r.exit };
  return { out: parseSources(r.stdout) };
}

/** Runs every case with one Helm; returns { [id]: result }. */
export async function runValuesOracle(cases, helm, concurrency = 4) {
  const results = {};
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-values-'));
      try {
        while (queue.length) {
          const c = queue.shift();
          results[c.id] = await runCase(helm, c, path.join(tmp, 'w'));
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }),
  );
  return results;
}

/** Generates a table: runs helm3 and helm4 and writes test/values/cases/<name>.json. */
export async function generateTable(name, cases) {
  const ids = new Set();
  for (const c of cases) {
    if (!/^[a-zA-Z0-9_.-]+$/.test(c.id) || ids.has(c.id)) throw new Error(`bad or duplicate id ${c.id}`);
    ids.add(c.id);
  }
  const [h3, h4] = await Promise.all([runValuesOracle(cases, 'helm3'), runValuesOracle(cases, 'helm4')]);
  const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
  const out = path.resolve(here, '../../test/values/cases', `${name}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`${name}: ${table.length} cases → ${path.relative(process.cwd(), out)}`);
}
