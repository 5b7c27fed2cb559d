// npm run conformance — renders every case of ../shared/corpus through helmkit (built dist/) in Helm 3 and
// Helm 4 mode and prints a table per chart and the totals. `--update-baseline` adds newly passing cases to
// test/conformance/baseline.json (never removes: the baseline is a ratchet). `--only ID_SUBSTRING` filters.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases, runCase } from './conformance-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = await import(path.join(root, 'dist/index.js'));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const verbose = args.includes('--verbose');
const cases = loadCases();
if (!cases) {
  console.error('conformance: ../shared/corpus not found');
  process.exit(2);
}
const baselinePath = path.join(root, 'test/conformance/baseline.json');
const baseline = existsSync(baselinePath)
  ? JSON.parse(readFileSync(baselinePath, 'utf8'))
  : { helm3: [], helm4: [] };
const summary = {};
for (const compat of ['helm3', 'helm4']) {
  const charts = new Map();
  const perChart = new Map();
  let pass = 0;
  let stderrPass = 0;
  let total = 0;
  const det = { pass: 0, total: 0 };
  const nondet = { pass: 0, total: 0 };
  const passed = [];
  const started = performance.now();
  for (const c of cases) {
    if (only && !c.id.includes(only)) continue;
    const r = await runCase(api, c, compat, charts);
    total++;
    const bucket = c.deterministic ? det : nondet;
    bucket.total++;
    if (r.ok) {
      pass++;
      bucket.pass++;
      passed.push(c.id);
    } else if (verbose) {
      console.log(`FAIL ${compat} ${c.id} exit=${r.exit} ${r.stderr.split('\n')[0].slice(0, 200)}`);
    }
    if (r.stderr === r.expectedErr) stderrPass++;
    const row = perChart.get(c.chart) ?? { pass: 0, total: 0 };
    row.pass += r.ok ? 1 : 0;
    row.total++;
    perChart.set(c.chart, row);
  }
  const ms = performance.now() - started;
  console.log(`\n${compat}: per chart`);
  for (const [chart, row] of perChart) {
    console.log(`  ${row.pass === row.total ? ' ' : '!'} ${chart.padEnd(58)} ${row.pass}/${row.total}`);
  }
  console.log(
    `  deterministic ${det.pass}/${det.total}, nondeterministic ${nondet.pass}/${nondet.total}, stderr identical ${stderrPass}/${total}, ${ms.toFixed(0)} ms`,
  );
  summary[compat] = { pass, total, passed };
}
for (const compat of ['helm3', 'helm4']) {
  const { pass, total } = summary[compat];
  console.log(
    `corpus ${compat}: ${pass}/${total} identical (${((100 * pass) / Math.max(total, 1)).toFixed(1)}%)`,
  );
}
if (args.includes('--update-baseline') && !only) {
  const next = {};
  for (const compat of ['helm3', 'helm4']) {
    next[compat] = [...new Set([...baseline[compat], ...summary[compat].passed])].sort();
  }
  writeFileSync(baselinePath, `${JSON.stringify(next, null, 1)}\n`);
  console.log(`baseline updated: helm3 ${next.helm3.length}, helm4 ${next.helm4.length}`);
}
