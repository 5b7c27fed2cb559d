// Records the V8 code cache of the bundled CLI (dist/cli.bundle.cache): loads the bundle, runs typical
// commands on the charts bundled with the repository (so that the functions they need are compiled), then
// saves the bytecode. Run by scripts/bundle-cli.mjs with stdout discarded.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE, loadCli } from '../bin/cli-loader.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { main, script } = await loadCli();
if (!script) throw new Error('dist/cli.bundle.cjs is missing: run scripts/bundle-cli.mjs');
const charts = ['examples/mychart', 'fixtures/charts/umbrella'].map((c) => path.join(root, c));
for (const compat of ['helm3', 'helm4']) {
  for (const chart of charts) {
    await main(['--compat', compat, 'template', 'demo', chart, '--include-crds']);
    await main(['--compat', compat, 'show', 'all', chart]);
  }
}
writeFileSync(CODE_CACHE, script.createCachedData());
process.exit(0);
