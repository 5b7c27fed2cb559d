import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { type GoValue, isMap, newMap } from '../util/go/value.js';
import { GoMarshalError, marshalGoYaml, marshalGoYamlPretty } from '../util/go/yaml-emit.js';
import { GoYamlError, jsonTypeName, parseGoYaml } from '../util/go/yaml-parse.js';
import { deepCopy } from '../values/copy.js';
import type { FuncOptions } from './options.js';

function trimFinalNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

/** Helm's `toYaml`: sigs.k8s.io/yaml output without its final newline; "" when Go cannot marshal the value. */
function toYaml(v: GoValue): string {
  try {
    return trimFinalNewline(marshalGoYaml(v));
  } catch (e) {
    if (e instanceof GoMarshalError) return '';
    throw e;
  }
}

/** Helm 4's `mustToYaml`: like `toYaml`, but a marshal error fails the template. */
function mustToYaml(v: GoValue): string {
  try {
    return trimFinalNewline(marshalGoYaml(v));
  } catch (e) {
    if (e instanceof GoMarshalError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** Helm's `toYamlPretty`: yaml.v3 with indent 2, without the final newline; "" on error. */
function toYamlPretty(v: GoValue): string {
  try {
    return trimFinalNewline(marshalGoYamlPretty(v));
  } catch (e) {
    if (e instanceof GoMarshalError) return '';
    throw e;
  }
}

/**
 * `parseGoYaml` memoised by text: charts call `fromYaml (include ...)` with the same text on every render.
 * Results are deep-copied on the way out because templates may mutate what `fromYaml` returned.
 */
const parsed = new Map<string, { value: GoValue } | { error: GoYamlError }>();
let parsedChars = 0;
const PARSED_CHARS_MAX = 32 << 20;

function parseCached(text: string): GoValue {
  let hit = parsed.get(text);
  if (!hit) {
    try {
      hit = { value: parseGoYaml(text) };
    } catch (e) {
      if (!(e instanceof GoYamlError)) throw e;
      hit = { error: e };
    }
    parsedChars += text.length;
    if (parsedChars > PARSED_CHARS_MAX) {
      parsed.clear();
      parsedChars = text.length;
    }
    parsed.set(text, hit);
  }
  if ('error' in hit) throw hit.error;
  return deepCopy(hit.value);
}

/** Helm's `fromYaml`: a map; a parse error is returned in the map under `Error`; an empty or null document is `{}`. */
function fromYaml(s: GoValue): GoValue {
  let v: GoValue;
  try {
    v = parseCached(s as string);
  } catch (e) {
    if (e instanceof GoYamlError) {
      const m = newMap();
      m.Error = e.message;
      return m;
    }
    throw e;
  }
  if (v === null || v === undefined) return newMap();
  if (!isMap(v)) {
    const m = newMap();
    m.Error = `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type map[string]interface {}`;
    return m;
  }
  return v;
}

/** Helm's `fromYamlArray`: a list; a parse error is the list's only item; an empty or null document is `[]`. */
function fromYamlArray(s: GoValue): GoValue {
  let v: GoValue;
  try {
    v = parseCached(s as string);
  } catch (e) {
    if (e instanceof GoYamlError) return [e.message];
    throw e;
  }
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) {
    return [
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type []interface {}`,
    ];
  }
  return v;
}

/**
 * The yaml function family: `toYaml`, `toYamlPretty`, `fromYaml`, `fromYamlArray` (Helm 3.17 and 4), and
 * `mustToYaml` (Helm 4 only; in Helm 3 it is not defined).
 */
export function yamlFuncs(options: FuncOptions): FuncMap {
  const m: FuncMap = {
    toYaml: defineFunc('toYaml', ['any'], toYaml),
    toYamlPretty: defineFunc('toYamlPretty', ['any'], toYamlPretty),
    fromYaml: defineFunc('fromYaml', ['string'], fromYaml),
    fromYamlArray: defineFunc('fromYamlArray', ['string'], fromYamlArray),
  };
  if (options.compat === 'helm4') m.mustToYaml = defineFunc('mustToYaml', ['any'], mustToYaml);
  return m;
}
