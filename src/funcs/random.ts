import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The random function family (stub: filled in by the function library work). */
export function randomFuncs(_options: FuncOptions): FuncMap {
  return {};
}
