import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The crypto function family (stub: filled in by the function library work). */
export function cryptoFuncs(_options: FuncOptions): FuncMap {
  return {};
}
