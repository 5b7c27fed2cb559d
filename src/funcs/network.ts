import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The network function family (stub: filled in by the function library work). */
export function networkFuncs(_options: FuncOptions): FuncMap {
  return {};
}
