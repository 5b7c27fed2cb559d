#!/usr/bin/env node
// Thin launcher. `npm ci` runs `prepare`, which builds dist/ and bundles the CLI into dist/cli.bundle.mjs
// (one module to load: fast start). The unbundled dist/cli/main.js is the fallback.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/cli.bundle.mjs', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js');

/** Exits once stdout and stderr are flushed, without waiting for background work (e.g. key prefetching). */
function exit(code) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exit, (err) => {
  process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  exit(1);
});
