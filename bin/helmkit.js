#!/usr/bin/env node
// Thin launcher. `npm ci` runs `prepare`, which builds dist/, bundles the CLI into dist/cli.bundle.cjs and
// records its V8 code cache (see cli-loader.js): one script to load, already compiled, makes `helmkit` start fast.
import { Worker } from 'node:worker_threads';
import { loadCli } from './cli-loader.js';

const { main, DEEP_RETRY } = await loadCli();

/** Exits once stdout and stderr are flushed, without waiting for background work (e.g. key prefetching). */
function exit(code) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

/** Runs the command again on a thread with a 512 MB stack (deep template recursion, as Go allows). */
function runDeep(argv) {
  return new Promise((resolve) => {
    let code = 1;
    const worker = new Worker(new URL('./cli-deep-worker.js', import.meta.url), {
      workerData: { argv },
      resourceLimits: { stackSizeMb: 512 },
    });
    worker.on('message', (c) => {
      code = c;
    });
    worker.on('error', (err) => {
      process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    });
    worker.on('exit', () => resolve(code));
  });
}

const argv = process.argv.slice(2);
main(argv, { retryDeep: DEEP_RETRY !== undefined })
  .then((code) => (code === DEEP_RETRY ? runDeep(argv) : code))
  .then(exit, (err) => {
    process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    exit(1);
  });
