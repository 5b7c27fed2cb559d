import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The math function family (stub: filled in by the function library work). */
export function mathFuncs(_options: FuncOptions): FuncMap {
  return {};
}
