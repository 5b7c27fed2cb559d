import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The encoding function family (stub: filled in by the function library work). */
export function encodingFuncs(_options: FuncOptions): FuncMap {
  return {};
}
