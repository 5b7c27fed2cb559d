// Runs the CLI once more on a thread with a large stack (see helmkit.js): templates that recurse deeper than
// Node's default stack holds (Go allows 100000 nested templates) render as they do with Helm.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCli } from './cli-loader.js';

const { main } = await loadCli();
const code = await main(workerData.argv, { deepStack: true });
// Output written by a worker reaches the parent's streams asynchronously: flush before reporting.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
parentPort.postMessage(code);
