import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The conversions function family (stub: filled in by the function library work). */
export function conversionsFuncs(_options: FuncOptions): FuncMap {
  return {};
}
