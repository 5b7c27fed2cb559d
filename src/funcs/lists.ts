import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The lists function family (stub: filled in by the function library work). */
export function listsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
