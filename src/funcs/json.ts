import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The json function family (stub: filled in by the function library work). */
export function jsonFuncs(_options: FuncOptions): FuncMap {
  return {};
}
