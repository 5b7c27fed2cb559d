import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The dates function family (stub: filled in by the function library work). */
export function datesFuncs(_options: FuncOptions): FuncMap {
  return {};
}
