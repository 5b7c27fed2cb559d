// Bundles the CLI (dist/cli/main.js and everything it imports, except lazily loaded openpgp) into one file,
// dist/cli.bundle.mjs: one module to load instead of ~300 makes `helmkit` start ~3x faster. Run by `prepare`.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = await rolldown({
  input: path.join(root, 'dist/cli/main.js'),
  platform: 'node',
  external: ['openpgp'],
  logLevel: 'silent',
});
await bundle.write({
  file: path.join(root, 'dist/cli.bundle.mjs'),
  format: 'esm',
  minify: true,
  codeSplitting: false,
});
await bundle.close();
