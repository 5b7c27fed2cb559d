import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The paths function family (stub: filled in by the function library work). */
export function pathsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
