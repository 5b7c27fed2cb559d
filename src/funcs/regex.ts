import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The regex function family (stub: filled in by the function library work). */
export function regexFuncs(_options: FuncOptions): FuncMap {
  return {};
}
