import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The flow function family (stub: filled in by the function library work). */
export function flowFuncs(_options: FuncOptions): FuncMap {
  return {};
}
