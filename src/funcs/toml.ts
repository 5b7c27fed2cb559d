import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { encodeToml, TomlEncodeError } from '../util/go/toml.js';
import { type GoMap, type GoStruct, type GoValue, newMap } from '../util/go/value.js';
import { goTimeOf } from './dates.js';
import { formatTime, UTC } from './internal/h6-time.js';
import type { FuncOptions } from './options.js';
import { parseTomlDocument } from './toml-parse.js';

/**
 * The toml function family: `toToml` (Helm returns the encoder's error text as the result, except for a nil
 * value, where BurntSushi/toml panics and the template fails).
 *
 * `fromToml` (Helm 3.17 and 4.1): the decoded map; a decoding error is returned in the map under `Error`, like
 * `fromYaml`. See ./toml-parse.ts for what is not yet exact (error wording, sub-millisecond times).
 */
/**
 * BurntSushi/toml's value structs: a `time.Time` is a bare datetime (RFC 3339 with nanoseconds; the local
 * date/time zones `fromToml` produces are written without an offset), an `encoding.TextMarshaler`
 * (a semver version) a quoted string; other structs are tables.
 */
function tomlStructText(s: GoStruct): string | undefined {
  const t = goTimeOf(s);
  if (t) {
    const local = LOCAL_LAYOUTS[t.loc.name];
    return local
      ? formatTime({ ...t, loc: UTC }, local)
      : formatTime(t, '2006-01-02T15:04:05.999999999Z07:00');
  }
  const text = s.methods.MarshalText;
  if (text && text.params.length === 0) {
    return encodeToml(new TextDecoder('utf-8', { ignoreBOM: true }).decode(text.call() as Uint8Array));
  }
  return undefined;
}

const LOCAL_LAYOUTS: Record<string, string> = {
  'datetime-local': '2006-01-02T15:04:05.999999999',
  'date-local': '2006-01-02',
  'time-local': '15:04:05.999999999',
};

export function tomlFuncs(options: FuncOptions): FuncMap {
  const toToml = (v: GoValue): string => {
    try {
      return encodeToml(v, { compat: options.compat, structText: tomlStructText });
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
