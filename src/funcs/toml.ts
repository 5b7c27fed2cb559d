import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { encodeToml, TomlEncodeError } from '../util/go/toml.js';
import type { GoValue } from '../util/go/value.js';
import type { FuncOptions } from './options.js';

/**
 * The toml function family: `toToml` (Helm returns the encoder's error text as the result, except for a nil
 * value, where BurntSushi/toml panics and the template fails).
 *
 * Not yet provided: `fromToml` (exists in Helm 3.17 and 4.1; needs a TOML parser with BurntSushi's error texts).
 */
export function tomlFuncs(options: FuncOptions): FuncMap {
  const toToml = (v: GoValue): string => {
    try {
      return encodeToml(v, { compat: options.compat });
    } catch (e) {
      if (e instanceof TomlEncodeError) {
        if (v === null || v === undefined) throw new GoFuncError(e.message);
        return e.message;
      }
      throw e;
    }
  };
  return { toToml: defineFunc('toToml', ['any'], toToml) };
}
