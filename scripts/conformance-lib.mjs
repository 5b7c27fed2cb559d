// The conformance harness over ../shared/corpus: renders every case through helmkit's library API and
// compares with Helm's goldens. Used by `npm run conformance` (scripts/conformance.mjs, on dist/) and by
// the ratchet test (test/conformance/ratchet.test.ts, on src/). The API object is passed in so both share
// this file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Root of the corpus (../shared/corpus beside the project). */
export const CORPUS = path.resolve(here, '../../shared/corpus');

/** Loads cases.json, or null when the corpus is absent. */
export function loadCases() {
  const p = path.join(CORPUS, 'cases.json');
  if (!existsSync(p)) return null;
  return JSON.parse(readFileSync(p, 'utf8'));
}

/**
 * Maps a case (its -f files, --set strings and verbatim flags) to `template()` options, the way the
 * helm CLI maps the same arguments.
 */
export function caseOptions(c, compat, root = CORPUS) {
  const opts = {
    releaseName: c.release,
    namespace: c.namespace,
    valueFiles: (c.values ?? []).map((v) => path.join(root, v)),
    set: [...(c.set ?? [])],
    setString: [],
    setJson: [],
    setFile: [],
    setLiteral: [],
    apiVersions: [],
    showOnly: [],
    compat,
  };
  const flags = c.flags ?? [];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    const next = () => flags[++i];
    switch (f) {
      case '--set':
        opts.set.push(next());
        break;
      case '--set-string':
        opts.setString.push(next());
        break;
      case '--set-json':
        opts.setJson.push(next());
        break;
      case '--set-file':
        opts.setFile.push(next());
        break;
      case '--set-literal':
        opts.setLiteral.push(next());
        break;
      case '-f':
      case '--values':
        opts.valueFiles.push(path.join(root, next()));
        break;
      case '--include-crds':
        opts.includeCrds = true;
        break;
      case '--skip-crds':
        opts.skipCrds = true;
        break;
      case '--skip-tests':
        opts.skipTests = true;
        break;
      case '--no-hooks':
        opts.noHooks = true;
        break;
      case '--is-upgrade':
        opts.isUpgrade = true;
        break;
      case '--kube-version':
        opts.kubeVersion = next();
        break;
      case '--api-versions':
      case '-a':
        opts.apiVersions.push(next());
        break;
      case '--show-only':
      case '-s':
        opts.showOnly.push(next());
        break;
      default:
        throw new Error(`conformance: unsupported flag ${f} in case ${c.id}`);
    }
  }
  // --set-file paths are relative to the corpus root (the helm command runs there).
  opts.baseDir = root;
  return opts;
}

/** Compares helmkit's output with a golden, honouring the volatile lines of nondeterministic cases. */
export function sameOutput(actual, golden, volatileLines) {
  if (actual === golden) return true;
  if (!volatileLines || volatileLines.length === 0) return false;
  const a = actual.split('\n');
  const g = golden.split('\n');
  if (a.length !== g.length) return false;
  const vol = new Set(volatileLines);
  for (let i = 0; i < a.length; i++) {
    if (vol.has(i)) {
      if (a[i] === '') return false;
    } else if (a[i] !== g[i]) return false;
  }
  return true;
}

/**
 * Runs one case in one compat mode. Returns { ok, exit, stdout, stderr, expected }.
 * `api` is `{ loadChart, template, formatError }` from helmkit; `charts` caches loaded charts by path.
 */
export async function runCase(api, c, compat, charts) {
  const spec = c[compat];
  const expectedOut = readFileSync(path.join(CORPUS, spec.stdout), 'utf8');
  const expectedErr = readFileSync(path.join(CORPUS, spec.stderr), 'utf8');
  let stdout = '';
  let stderr = '';
  let exit = 0;
  try {
    const chartPath = path.join(CORPUS, c.chart);
    let chart = charts.get(chartPath);
    if (!chart) {
      chart = await api.loadChart(chartPath);
      charts.set(chartPath, chart);
    }
    const result = await api.template(chart, caseOptions(c, compat));
    stdout = result.manifest;
    if (api.formatWarnings) stderr = api.formatWarnings(result.warnings ?? [], compat);
  } catch (e) {
    exit = 1;
    stderr = api.formatRenderError ? api.formatRenderError(e, compat) : `Error: ${e?.message ?? e}\n`;
  }
  const ok = exit === spec.exit && sameOutput(stdout, expectedOut, spec.volatile_lines);
  return { ok, exit, stdout, stderr, expectedOut, expectedErr, stderrOk: stderr === expectedErr };
}
