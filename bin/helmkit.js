#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli (built by `npm run build`, run by npm's `prepare` step).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
