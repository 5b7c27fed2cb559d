import { defineFunc, type FuncMap } from '../util/go/func.js';
import type { GoValue } from '../util/go/value.js';
import { goBase, goClean, goDir, goExt, goIsAbs } from './internal/h6-path.js';
import type { FuncOptions } from './options.js';

const str =
  (f: (s: string) => GoValue) =>
  (s: GoValue): GoValue =>
    f(s as string);

/**
 * The path function family: `base`, `dir`, `clean`, `ext`, `isAbs` (Go's `path`) and the `os*` variants
 * (Go's `path/filepath`, identical on Linux where Helm runs). Same in Helm 3 and 4.
 */
export function pathsFuncs(_options: FuncOptions): FuncMap {
  const m: FuncMap = {};
  const fns: [string, (s: string) => GoValue][] = [
    ['base', goBase],
    ['dir', goDir],
    ['clean', goClean],
    ['ext', goExt],
    ['isAbs', goIsAbs],
  ];
  for (const [name, f] of fns) {
    m[name] = defineFunc(name, ['string'], str(f));
    const os = `os${name[0]!.toUpperCase()}${name.slice(1)}`;
    m[os] = defineFunc(os, ['string'], str(f));
  }
  return m;
}
