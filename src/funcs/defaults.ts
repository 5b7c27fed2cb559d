import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The defaults function family (stub: filled in by the function library work). */
export function defaultsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
