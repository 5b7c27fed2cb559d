import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The dicts function family (stub: filled in by the function library work). */
export function dictsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
