import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { encodeToml, TomlEncodeError } from '../util/go/toml.js';
import { type GoMap, type GoValue, newMap } from '../util/go/value.js';
import type { FuncOptions } from './options.js';
import { parseTomlDocument } from './toml-parse.js';

/**
 * The toml function family: `toToml` (Helm returns the encoder's error text as the result, except for a nil
 * value, where BurntSushi/toml panics and the template fails).
 *
 * `fromToml` (Helm 3.17 and 4.1): the decoded map; a decoding error is returned in the map under `Error`, like
 * `fromYaml`. See ./toml-parse.ts for what is not yet exact (error wording, sub-millisecond times).
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
  const fromToml = (s: GoValue): GoMap => {
    const r = parseTomlDocument(s as string);
    if ('value' in r) return r.value;
    const m = newMap();
    m.Error = r.error;
    return m;
  };
  return {
    toToml: defineFunc('toToml', ['any'], toToml),
    fromToml: defineFunc('fromToml', ['string'], fromToml),
  };
}
