import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The semver function family (stub: filled in by the function library work). */
export function semverFuncs(_options: FuncOptions): FuncMap {
  return {};
}
