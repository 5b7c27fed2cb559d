import type { FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** The toml function family (stub: filled in by the function library work). */
export function tomlFuncs(_options: FuncOptions): FuncMap {
  return {};
}
