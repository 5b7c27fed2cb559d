import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The types function family (stub: filled in by the function library work). */
export function typesFuncs(_options: FuncOptions): FuncMap {
  return {};
}
