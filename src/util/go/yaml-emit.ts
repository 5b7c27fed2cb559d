/**
 * Go YAML output as Helm prints it.
 *
 * - {@link marshalGoYaml} is `sigs.k8s.io/yaml.Marshal` (Helm's `toYaml`, `mustToYaml`): the value goes through
 *   `encoding/json` first (structs become maps with JSON field names, `[]byte` becomes base64, NaN/Inf and
 *   functions are errors), the JSON text is decoded by yaml.v2 (numbers become int, uint64 or float64 by their
 *   text) and encoded again by yaml.v2: keys in go-yaml's natural order, go-yaml's quoting, folding at 80
 *   columns, sequences not indented under their key.
 * - {@link marshalGoYamlPretty} is Helm's `toYamlPretty`: yaml.v3's encoder with indent 2 on the Go value
 *   itself (no JSON step): floats in `%g` form, indented sequences, no folding.
 *
 * Hand-written because exact byte compatibility with go-yaml is required (see yaml-emit-writer.ts).
 */

import { isGoNil, JSONError, marshalJSON, parseJSON } from './json.js';
import { hasByteEscape } from './strconv.js';
import { type GoMap, GoNumber, GoStruct, type GoValue, isFunc, typeName } from './value.js';
import { formatGoFloatG, formatGoJsonFloat, yamlNumberFromJsonText } from './yaml-emit-number.js';
import { needsQuotesAsPlain } from './yaml-emit-resolve.js';
import { sortGoYamlKeys } from './yaml-emit-sort.js';
import { GoYamlWriter, ScalarStyle } from './yaml-emit-writer.js';

/**
 * The optional yaml.v3 view of a {@link GoStruct} (for `toYamlPretty`), under this registered symbol: a function
 * returning an ordered list of `[key, value]` pairs. Without it, yaml.v3's default is used: the fields in
 * declaration order under their lower-cased Go names.
 */
export const GO_YAML_VIEW: unique symbol = Symbol.for('helmkit.goYamlView') as never;

/** A value Go's YAML or JSON encoder cannot marshal; `message` is Go's error text. */
export class GoMarshalError extends Error {
  /** @param message - Go's error text, e.g. `json: unsupported value: NaN`. */
  constructor(message: string) {
    super(message);
    this.name = 'GoMarshalError';
  }
}

type YamlViewFn = () => Array<readonly [string, GoValue]>;

const V2 = { v3: false, bestWidth: 80 } as const;
const V3 = { v3: true, bestWidth: 0x7fffffff } as const;

function requestedStringStyle(s: string): ScalarStyle {
  if (s.indexOf('\n') >= 0) return ScalarStyle.Literal;
  return needsQuotesAsPlain(s) ? ScalarStyle.Double : ScalarStyle.Plain;
}

// Characters yaml.v2's reader rejects in the JSON text it decodes (`control characters are not allowed`);
// encoding/json escapes those below 0x20 (and U+2028/U+2029), so only these reach the reader raw.
const READER_REJECTS = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Go `encoding/json` string escaping length of a key, as yaml.v2's scanner counts it (characters). */
function jsonQuotedLength(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10 || c === 13 || c === 9 || c === 8 || c === 12) n += 2;
    else if (c < 0x20 || c === 60 || c === 62 || c === 38 || c === 0x2028 || c === 0x2029) n += 6;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 1;
      i++;
    } else n += 1;
  }
  return n;
}

/** The JSON-decoded view of a string as yaml.v2 reads it back (a raw U+0085 in a quoted scalar is a line fold). */
function checkJsonString(s: string, isKey: boolean): string {
  // encoding/json writes a byte that is not UTF-8 (a byte escape, see strconv) as U+FFFD.
  if (hasByteEscape(s)) s = s.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd');
  if (READER_REJECTS.test(s)) throw new GoMarshalError('yaml: control characters are not allowed');
  // A flow-mapping key must be a simple key: at most 1024 characters, on one line (a raw NEL breaks it).
  if (isKey && ((s.length > 170 && jsonQuotedLength(s) > 1024) || s.indexOf('\u0085') >= 0)) {
    throw new GoMarshalError("yaml: did not find expected ',' or '}'");
  }
  if (s.indexOf('\u0085') >= 0) s = foldNel(s);
  return s;
}

/** yaml.v2 folds a raw NEL (U+0085) inside a double-quoted scalar like a line break: runs of it become spaces
 * or line feeds as YAML line folding does. */
function foldNel(s: string): string {
  return s.replace(/[ \t]*\u0085+[ \t]*/g, (m) => {
    const breaks = m.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function base64(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += A[n >> 18] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + A[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    out += A[n >> 18] + A[(n >> 12) & 63];
    out += i + 1 < bytes.length ? A[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

/** The value Go's encoding/json makes of a struct (its `MarshalJSON` hook or its fields), decoded again. */
function structJsonView(s: GoStruct): GoValue {
  try {
    return parseJSON(marshalJSON(s));
  } catch (e) {
    if (e instanceof JSONError) throw new GoMarshalError(`error marshaling into JSON: ${e.message}`);
    throw e;
  }
}

// ---- sigs.k8s.io/yaml (JSON → yaml.v2) ---------------------------------------------------------------

function emitJsonValue(w: GoYamlWriter, v: GoValue): void {
  switch (typeof v) {
    case 'undefined':
      w.value('null', ScalarStyle.Plain);
      return;
    case 'string': {
      const s = checkJsonString(v, false);
      w.value(s, requestedStringStyle(s));
      return;
    }
    case 'boolean':
      w.value(v ? 'true' : 'false', ScalarStyle.Plain);
      return;
    case 'bigint':
      w.value(v.toString(), ScalarStyle.Plain);
      return;
    case 'number': {
      const text = formatGoJsonFloat(v, 64);
      if (text === null)
        throw new GoMarshalError(`error marshaling into JSON: json: unsupported value: ${formatGoFloatG(v)}`);
      w.value(yamlNumberFromJsonText(text, v), ScalarStyle.Plain);
      return;
    }
  }
  if (v === null) {
    w.value('null', ScalarStyle.Plain);
    return;
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float32') {
      const x = v.value as number;
      const text = formatGoJsonFloat(x, 32);
      if (text === null)
        throw new GoMarshalError(
          `error marshaling into JSON: json: unsupported value: ${formatGoFloatG(x, 32)}`,
        );
      w.value(yamlNumberFromJsonText(text, Number(text)), ScalarStyle.Plain);
    } else w.value(String(v.value), ScalarStyle.Plain);
    return;
  }
  if (v instanceof Uint8Array) {
    const s = base64(v);
    w.value(s, requestedStringStyle(s));
    return;
  }
  if (isGoNil(v)) {
    w.value('null', ScalarStyle.Plain);
    return;
  }
  if (Array.isArray(v)) {
    if (typeName(v) === '[]uint8') {
      const s = base64(Uint8Array.from(v, (e) => Number((e as GoNumber).value)));
      w.value(s, requestedStringStyle(s));
      return;
    }
    if (v.length === 0) {
      w.emptyFlow('[');
      return;
    }
    w.beginSequence();
    for (const item of v) {
      w.sequenceItem();
      emitJsonValue(w, item);
    }
    w.endBlock();
    return;
  }
  if (v instanceof GoStruct) {
    emitJsonValue(w, structJsonView(v));
    return;
  }
  if (isFunc(v))
    throw new GoMarshalError(`error marshaling into JSON: json: unsupported type: ${typeName(v)}`);
  const map = v as GoMap;
  const keys = Object.keys(map);
  if (keys.length === 0) {
    w.emptyFlow('{');
    return;
  }
  // JSON keys come back as strings; a key folded by the reader (NEL) is the key yaml.v2 sorts and prints.
  const entries = new Map<string, GoValue>();
  for (const k of keys) entries.set(checkJsonString(k, true), map[k]);
  const sorted = sortGoYamlKeys([...entries.keys()], false);
  w.beginMapping();
  for (const k of sorted) {
    w.mappingKey(k, requestedStringStyle(k));
    emitJsonValue(w, entries.get(k));
  }
  w.endBlock();
}

/** Options of {@link marshalGoYaml}. */
export interface MarshalGoYamlOptions {
  /** Reserved for Helm 3/Helm 4 differences; both use the same encoder today (verified with the oracle). */
  compat?: 'helm3' | 'helm4';
}

/**
 * `sigs.k8s.io/yaml.Marshal(v)` exactly as Helm's `toYaml` calls it, including the final line break (Helm's
 * `toYaml` trims one). Throws {@link GoMarshalError} where Go returns an error (NaN/Inf, functions, characters
 * yaml.v2 cannot read back, map keys longer than its 1024-character simple-key limit).
 */
export function marshalGoYaml(v: GoValue, _options: MarshalGoYamlOptions = {}): string {
  const w = new GoYamlWriter(V2);
  w.root();
  emitJsonValue(w, v);
  return w.finish();
}

// ---- yaml.v3 on the Go value (toYamlPretty) --------------------------------------------------------------

function structYamlView(s: GoStruct): Array<readonly [string, GoValue]> {
  const view = (s as unknown as Record<symbol, YamlViewFn | undefined>)[GO_YAML_VIEW];
  if (typeof view === 'function') return view.call(s);
  return Object.keys(s.fields).map((k) => [k.toLowerCase(), s.fields[k]] as const);
}

function emitV3Value(w: GoYamlWriter, v: GoValue): void {
  switch (typeof v) {
    case 'undefined':
      w.value('null', ScalarStyle.Plain);
      return;
    case 'string':
      w.value(v, requestedStringStyle(v));
      return;
    case 'boolean':
      w.value(v ? 'true' : 'false', ScalarStyle.Plain);
      return;
    case 'bigint':
      w.value(v.toString(), ScalarStyle.Plain);
      return;
    case 'number':
      w.value(yamlFloat(formatGoFloatG(v, 64)), ScalarStyle.Plain);
      return;
  }
  if (v === null) {
    w.value('null', ScalarStyle.Plain);
    return;
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float32') w.value(yamlFloat(formatGoFloatG(v.value as number, 32)), ScalarStyle.Plain);
    else w.value(String(v.value), ScalarStyle.Plain);
    return;
  }
  if (v instanceof Uint8Array) {
    emitV3Seq(
      w,
      Array.from(v, (b) => BigInt(b)),
    );
    return;
  }
  if (Array.isArray(v)) {
    emitV3Seq(w, v);
    return;
  }
  if (v instanceof GoStruct) {
    const entries = structYamlView(v);
    if (entries.length === 0) {
      w.emptyFlow('{');
      return;
    }
    w.beginMapping();
    for (const [k, val] of entries) {
      w.mappingKey(k, requestedStringStyle(k));
      emitV3Value(w, val);
    }
    w.endBlock();
    return;
  }
  if (isFunc(v)) throw new GoMarshalError('cannot marshal type: func');
  const map = v as GoMap;
  const keys = sortGoYamlKeys(Object.keys(map), true);
  if (keys.length === 0) {
    w.emptyFlow('{');
    return;
  }
  w.beginMapping();
  for (const k of keys) {
    w.mappingKey(k, requestedStringStyle(k));
    emitV3Value(w, map[k]);
  }
  w.endBlock();
}

function emitV3Seq(w: GoYamlWriter, items: GoValue[]): void {
  if (items.length === 0) {
    w.emptyFlow('[');
    return;
  }
  w.beginSequence();
  for (const item of items) {
    w.sequenceItem();
    emitV3Value(w, item);
  }
  w.endBlock();
}

function yamlFloat(s: string): string {
  if (s === '+Inf') return '.inf';
  if (s === '-Inf') return '-.inf';
  if (s === 'NaN') return '.nan';
  return s;
}

/**
 * yaml.v3's `Encoder` with `SetIndent(2)` on the Go value, as Helm's `toYamlPretty` uses it, including the
 * final line break. Throws {@link GoMarshalError} for values yaml.v3 cannot encode (functions).
 */
export function marshalGoYamlPretty(v: GoValue): string {
  const w = new GoYamlWriter(V3);
  w.root();
  emitV3Value(w, v);
  return w.finish();
}
