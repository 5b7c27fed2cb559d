#!/usr/bin/env node
// Thin launcher. `npm ci` runs `prepare`, which builds dist/, bundles the CLI into dist/cli.bundle.cjs and
// records its V8 code cache (see cli-loader.js): one script to load, already compiled, makes `helmkit` start fast.
import { loadCli } from './cli-loader.js';

const { main } = await loadCli();

/** Exits once stdout and stderr are flushed, without waiting for background work (e.g. key prefetching). */
function exit(code) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exit, (err) => {
  process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  exit(1);
});
