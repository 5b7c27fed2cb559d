// Loads the bundled CLI (dist/cli.bundle.cjs) through V8's code cache (dist/cli.bundle.cache), so that a
// fresh `helmkit` process does not parse and compile ~800 kB of JavaScript before it can start: the cache
// holds the bytecode of every function a typical `template` run compiles, written by `prepare`
// (scripts/cli-code-cache.mjs). Node 20 has no built-in compile cache for ES modules (module.enableCompileCache
// arrives in Node 22), hence this loader. A cache made by another Node/V8 build is rejected by V8 and the
// source is compiled as usual; without the bundle, the unbundled dist/cli/main.js is used.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
/** The bundled CLI and its V8 code cache. */
export const BUNDLE = path.join(dist, 'cli.bundle.cjs');
export const CODE_CACHE = path.join(dist, 'cli.bundle.cache');

/**
 * Returns the CLI module's exports (`main`, `DEEP_RETRY`, …) and, for the cache writer, the compiled script.
 * @returns {Promise<{ main: (argv: string[], options?: object) => Promise<number>, DEEP_RETRY: number, script?: vm.Script }>}
 */
export async function loadCli() {
  if (!existsSync(BUNDLE)) return { ...(await import('../dist/cli/main.js')) };
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined;
  }
  // The bundle has no dynamic import() (scripts/bundle-cli.mjs turns them into lazy requires), so the script
  // needs no dynamic-import host.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dist);
  return { ...module.exports, script };
}
