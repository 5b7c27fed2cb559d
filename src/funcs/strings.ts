import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The strings function family (stub: filled in by the function library work). */
export function stringsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
