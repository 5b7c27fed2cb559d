import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The yaml function family (stub: filled in by the function library work). */
export function yamlFuncs(_options: FuncOptions): FuncMap {
  return {};
}
