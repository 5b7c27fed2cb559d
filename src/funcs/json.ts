import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { JSONError, marshalJSON, unmarshalJSON } from '../util/go/json.js';
import type { GoValue } from '../util/go/value.js';
import { newMap } from '../util/go/value.js';
import type { FuncOptions } from './options.js';

/** Runs a marshal and turns Go's json error into the function's `error` result. */
function mustMarshal(v: GoValue, opts: Parameters<typeof marshalJSON>[1]): string {
  try {
    return marshalJSON(v, opts);
  } catch (e) {
    if (e instanceof JSONError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** Runs a marshal and returns "" on error (Helm's toJson, Sprig's toPrettyJson swallow the error). */
function quietMarshal(v: GoValue, opts: Parameters<typeof marshalJSON>[1]): string {
  try {
    return marshalJSON(v, opts);
  } catch (e) {
    if (e instanceof JSONError) return '';
    throw e;
  }
}

/** Strips JSON whitespace (space, tab, CR, LF) from both ends. */
function jsonTrim(s: string): string {
  let i = 0;
  let j = s.length;
  const ws = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  while (i < j && ws(s.charCodeAt(i))) i++;
  while (j > i && ws(s.charCodeAt(j - 1))) j--;
  return s.slice(i, j);
}

const PRETTY = { indent: '  ', prefix: '' } as const;
const RAW = { escapeHTML: false } as const;

/**
 * The JSON functions: Helm's `toJson`, `fromJson`, `fromJsonArray` and Sprig's `toPrettyJson`,
 * `toRawJson`, `mustToJson`, `mustToPrettyJson`, `mustToRawJson`, `mustFromJson`. Identical in Helm 3.17 and Helm 4.1
 * (Helm 4's own `mustToJson` errors with the same message as Sprig's).
 */
export function jsonFuncs(_options: FuncOptions): FuncMap {
  return {
    // Helm's toJSON: json.Marshal, error → "".
    toJson: defineFunc('toJson', ['any'], (v) => quietMarshal(v, {})),
    mustToJson: defineFunc('mustToJson', ['any'], (v) => mustMarshal(v, {})),
    // Sprig: json.MarshalIndent(v, "", "  "), error → "".
    toPrettyJson: defineFunc('toPrettyJson', ['any'], (v) => quietMarshal(v, PRETTY)),
    mustToPrettyJson: defineFunc('mustToPrettyJson', ['any'], (v) => mustMarshal(v, PRETTY)),
    // Sprig: an Encoder with SetEscapeHTML(false); toRawJson panics on error, which the template reports
    // exactly like a returned error.
    toRawJson: defineFunc('toRawJson', ['any'], (v) => mustMarshal(v, RAW)),
    mustToRawJson: defineFunc('mustToRawJson', ['any'], (v) => mustMarshal(v, RAW)),
    // Helm's fromJSON: errors are returned inside the map under "Error".
    fromJson: defineFunc('fromJson', ['string'], (s) => {
      const r = unmarshalJSON(s as string, 'map[string]interface {}');
      const m = r.value === undefined ? newMap() : r.value;
      if (r.error !== undefined) (m as Record<string, GoValue>).Error = r.error;
      return m;
    }),
    // Sprig's mustFromJson (present in Helm 3.17 and 4.1): json.Unmarshal into interface{}, any JSON value;
    // the decoder's error is the function's error.
    mustFromJson: defineFunc('mustFromJson', ['string'], (s) => {
      const r = unmarshalJSON(s as string, 'interface {}');
      if (r.error !== undefined) throw new GoFuncError(r.error);
      if (r.value === null) {
        // unmarshalJSON reports no error for an out-of-range number at the top level (it gives nil); Go's
        // decoder fails on it as it does inside a container.
        const t = jsonTrim(s as string);
        if (t !== 'null')
          throw new GoFuncError(`json: cannot unmarshal number ${t} into Go value of type float64`);
      }
      return r.value === undefined ? null : r.value;
    }),
    // Helm's fromJSONArray: an error replaces the result with a one-element list holding the message.
    fromJsonArray: defineFunc('fromJsonArray', ['string'], (s) => {
      const r = unmarshalJSON(s as string, '[]interface {}');
      if (r.error !== undefined) return [r.error];
      return r.value === undefined ? [] : r.value;
    }),
  };
}
