/**
 * Go's `encoding/json` for template values: `Marshal` / `MarshalIndent` / an `Encoder` without HTML
 * escaping, and `Unmarshal` into `interface{}`.
 *
 * Hand-written because Helm's output depends on Go's exact encoding: sorted map keys, `<>&` escaped as
 * `\u003c`…, `\u2028`/`\u2029` escaped, floats in `strconv` 'f' or 'e' form with Go's cut-offs
 * (`1e+21`, `1e-7`), `[]byte` as base64; and on Go's exact error texts (`json: unsupported value: NaN`,
 * `invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`).
 */
import { HelmkitError } from '../errors.js';
import { formatFloat, parseFloat as goParseFloat, quote } from './strconv.js';
import {
  type GoMap,
  GoNumber,
  GoStruct,
  type GoValue,
  isFunc,
  newMap,
  sortedKeys,
  typeName,
} from './value.js';

/** An error from {@link marshalJSON} or {@link parseJSON}; `message` is Go's `err.Error()` text. */
export class JSONError extends HelmkitError {
  /** @param message - Go's error text. */
  constructor(message: string) {
    super('GO_JSON', message);
  }
}

/** Options of {@link marshalJSON}. */
export interface MarshalOptions {
  /** Escape `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` (Go's default; false is `SetEscapeHTML(false)`). */
  escapeHTML?: boolean;
  /** Indent string per level (MarshalIndent); omitted or undefined means compact output. */
  indent?: string;
  /** Prefix of every line after the first (MarshalIndent). */
  prefix?: string;
}

const HEX = '0123456789abcdef';

/** Appends a JSON string literal exactly as Go's encodeState.string does. */
function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (
        c >= 0x20 &&
        c !== 0x22 &&
        c !== 0x5c &&
        (!escapeHTML || (c !== 0x3c && c !== 0x3e && c !== 0x26))
      ) {
        continue;
      }
      out += s.slice(start, i);
      switch (c) {
        case 0x5c:
        case 0x22:
          out += `\\${s[i]}`;
          break;
        case 0x08:
          out += '\\b';
          break;
        case 0x0c:
          out += '\\f';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0d:
          out += '\\r';
          break;
        case 0x09:
          out += '\\t';
          break;
        default:
          out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      }
      start = i + 1;
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      out += s.slice(start, i);
      out += c === 0x2028 ? '\\u2028' : '\\u2029';
      start = i + 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const lo = s.charCodeAt(i + 1);
      if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
      // A lone surrogate is not valid UTF-8 in Go: it becomes \ufffd.
      out += s.slice(start, i);
      out += '\\ufffd';
      start = i + 1;
    }
  }
  out += s.slice(start);
  return `${out}"`;
}

/** encoding/json's floatEncoder: 'f' format, or 'e' below 1e-6 / from 1e21, with `e-07` cleaned to `e-7`. */
function encodeFloat(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f)) throw new JSONError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  // For float64, JavaScript's Number-to-String is the same shortest form with the same cut-offs
  // (decimal for 1e-6 <= |f| < 1e21, else `1e+21` / `1e-7`), except that Go keeps the sign of -0.
  if (bits === 64) return f === 0 && Object.is(f, -0) ? '-0' : String(f);
  const abs = Math.abs(f);
  let fmt: 'f' | 'e' = 'f';
  if (abs !== 0) {
    // float32 compares against the float32 roundings of the cut-offs, as Go does.
    if (abs < Math.fround(1e-6) || abs >= Math.fround(1e21)) {
      fmt = 'e';
    }
  }
  let b = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b[n - 1];
  }
  return b;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (Go's base64.StdEncoding). */
export function base64Std(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < b.length) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

/**
 * Go's `json.Compact` with HTML escaping, used for the output of a struct's MarshalJSON hook:
 * removes insignificant whitespace and, when escapeHTML, escapes `<>&` and U+2028/2029 inside strings.
 */
function compact(src: string, escapeHTML: boolean): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      if (c === '\\') {
        out += c + src[i + 1];
        i++;
        continue;
      }
      if (c === '"') inStr = false;
      if (escapeHTML && (c === '<' || c === '>' || c === '&')) {
        out += `\\u00${HEX[c.charCodeAt(0) >> 4]}${HEX[c.charCodeAt(0) & 15]}`;
        continue;
      }
      if (c === '\u2028' || c === '\u2029') {
        out += c === '\u2028' ? '\\u2028' : '\\u2029';
        continue;
      }
      out += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '"') inStr = true;
    out += c;
  }
  return out;
}

function encodeValue(v: GoValue, escapeHTML: boolean, parts: string[]): void {
  switch (typeof v) {
    case 'undefined':
      parts.push('null');
      return;
    case 'string':
      parts.push(encodeString(v, escapeHTML));
      return;
    case 'boolean':
      parts.push(v ? 'true' : 'false');
      return;
    case 'bigint':
      parts.push(v.toString());
      return;
    case 'number':
      parts.push(encodeFloat(v, 64));
      return;
  }
  if (v === null) {
    parts.push('null');
    return;
  }
  if (v instanceof GoNumber) {
    parts.push(v.kind === 'float32' ? encodeFloat(v.value as number, 32) : (v.value as bigint).toString());
    return;
  }
  if (v instanceof Uint8Array) {
    parts.push(`"${base64Std(v)}"`);
    return;
  }
  if ((v as { [GO_NIL]?: boolean })[GO_NIL] === true) {
    parts.push('null');
    return;
  }
  if (Array.isArray(v)) {
    if (typeName(v) === '[]uint8') {
      parts.push(`"${base64Std(Uint8Array.from(v, (e) => Number((e as GoNumber).value)))}"`);
      return;
    }
    parts.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) parts.push(',');
      encodeValue(v[i], escapeHTML, parts);
    }
    parts.push(']');
    return;
  }
  if (v instanceof GoStruct) {
    const view = (v as GoStruct & { [GO_JSON_VIEW]?: () => string })[GO_JSON_VIEW];
    if (typeof view === 'function') {
      parts.push(compact(view(), escapeHTML));
      return;
    }
    const hook = v.methods.MarshalJSON;
    if (hook && hook.params.length === 0) {
      const raw = hook.call();
      parts.push(compact(typeof raw === 'string' ? raw : 'null', escapeHTML));
      return;
    }
    parts.push('{');
    let first = true;
    for (const name of Object.keys(v.fields)) {
      if (!first) parts.push(',');
      first = false;
      parts.push(encodeString(name, escapeHTML), ':');
      encodeValue(v.fields[name], escapeHTML, parts);
    }
    parts.push('}');
    return;
  }
  if (isFunc(v)) throw new JSONError(`json: unsupported type: ${typeName(v)}`);
  const keys = sortedKeys(v);
  parts.push('{');
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) parts.push(',');
    parts.push(encodeString(keys[i], escapeHTML), ':');
    encodeValue(v[keys[i]], escapeHTML, parts);
  }
  parts.push('}');
}

/** Go's `json.Indent` over compact JSON produced by the encoder. */
function indentJSON(src: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  let inStr = false;
  const newline = () => {
    out += `\n${prefix}`;
    for (let i = 0; i < depth; i++) out += indent;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      out += c;
      if (c === '\\') {
        out += src[i + 1];
        i++;
      } else if (c === '"') inStr = false;
      continue;
    }
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      newline();
    }
    switch (c) {
      case '"':
        inStr = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) needIndent = false;
        else {
          depth--;
          newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * Go's `json.Marshal(v)` (or `MarshalIndent` with `indent`/`prefix`, or an Encoder with
 * `SetEscapeHTML(false)` when `escapeHTML` is false — without the Encoder's trailing newline).
 * Throws {@link JSONError} with Go's message for NaN/Inf (`json: unsupported value: NaN`) and functions.
 */
export function marshalJSON(v: GoValue, opts: MarshalOptions = {}): string {
  const parts: string[] = [];
  encodeValue(v, opts.escapeHTML ?? true, parts);
  const s = parts.join('');
  if (opts.indent === undefined && opts.prefix === undefined) return s;
  return indentJSON(s, opts.prefix ?? '', opts.indent ?? '');
}

// ---------------------------------------------------------------------------------------------------------
// Unmarshal
// ---------------------------------------------------------------------------------------------------------

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Go's scanner quoteChar: how a byte is shown in `invalid character ...` messages. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const s = quote(String.fromCharCode(c));
  return `'${s.slice(1, -1)}'`;
}

class SyntaxErr extends JSONError {}

/** A byte-level JSON reader reproducing Go's scanner errors and decode results into interface{}. */
class Reader {
  i = 0;
  constructor(readonly b: Uint8Array) {}

  err(c: number, context: string): never {
    throw new SyntaxErr(`invalid character ${quoteChar(c)} ${context}`);
  }

  eof(): never {
    throw new SyntaxErr('unexpected end of JSON input');
  }

  ws(): void {
    const b = this.b;
    while (this.i < b.length) {
      const c = b[this.i];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  value(context = 'looking for beginning of value', depth = 0): GoValue {
    this.ws();
    if (this.i >= this.b.length) this.eof();
    if (depth > 10000) throw new SyntaxErr('exceeded max depth');
    const c = this.b[this.i];
    switch (c) {
      case 0x7b:
        return this.object(depth);
      case 0x5b:
        return this.array(depth);
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal('true', true);
      case 0x66:
        return this.literal('false', false);
      case 0x6e:
        return this.literal('null', null);
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    this.err(c, context);
  }

  literal(word: string, v: GoValue): GoValue {
    for (let k = 0; k < word.length; k++) {
      // Go's scanner feeds a space at EOF, so a cut literal reports the space.
      if (this.i >= this.b.length) this.err(0x20, `in literal ${word} (expecting '${word[k]}')`);
      const c = this.b[this.i];
      if (c !== word.charCodeAt(k)) this.err(c, `in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
    return v;
  }

  number(): GoValue {
    const b = this.b;
    const start = this.i;
    const peek = () => (this.i < b.length ? b[this.i] : -1);
    const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
    if (peek() === 0x2d) {
      this.i++;
      const c = peek();
      if (!isDigit(c)) this.err(c < 0 ? 0x20 : c, 'in numeric literal');
    }
    if (peek() === 0x30) this.i++;
    else while (isDigit(peek())) this.i++;
    if (peek() === 0x2e) {
      this.i++;
      const c = peek();
      if (!isDigit(c)) this.err(c < 0 ? 0x20 : c, 'after decimal point in numeric literal');
      while (isDigit(peek())) this.i++;
    }
    if (peek() === 0x65 || peek() === 0x45) {
      this.i++;
      if (peek() === 0x2b || peek() === 0x2d) this.i++;
      const c = peek();
      if (!isDigit(c)) this.err(c < 0 ? 0x20 : c, 'in exponent of numeric literal');
      while (isDigit(peek())) this.i++;
    }
    const text = decoder.decode(b.subarray(start, this.i));
    try {
      return goParseFloat(text, 64);
    } catch {
      this.typeErrors.push(`number ${text}`);
      return null;
    }
  }

  /** Deferred type errors (Go keeps decoding and reports the first one). */
  typeErrors: string[] = [];

  string(): string {
    const b = this.b;
    this.i++;
    const start = this.i;
    let simple = true;
    for (;;) {
      if (this.i >= b.length) this.eof();
      const c = b[this.i];
      if (c === 0x22) break;
      if (c === 0x5c) {
        simple = false;
        this.i++;
        if (this.i >= b.length) this.err(0x20, 'in string escape code');
        const e = b[this.i];
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (this.i >= b.length) this.err(0x20, 'in \\u hexadecimal character escape');
            const h = b[this.i];
            const ok = (h >= 0x30 && h <= 0x39) || (h >= 0x61 && h <= 0x66) || (h >= 0x41 && h <= 0x46);
            if (!ok) this.err(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) this.err(e, 'in string escape code');
        this.i++;
        continue;
      }
      if (c < 0x20) this.err(c, 'in string literal');
      this.i++;
    }
    const raw = b.subarray(start, this.i);
    this.i++;
    if (simple) return decoder.decode(raw);
    return unescapeJSON(decoder.decode(raw));
  }

  object(depth: number): GoValue {
    this.i++;
    const m = newMap();
    this.ws();
    if (this.i >= this.b.length) this.eof();
    if (this.b[this.i] === 0x7d) {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      if (this.i >= this.b.length) this.eof();
      const c = this.b[this.i];
      if (c !== 0x22) this.err(c, 'looking for beginning of object key string');
      const key = this.string();
      this.ws();
      if (this.i >= this.b.length) this.eof();
      const d = this.b[this.i];
      if (d !== 0x3a) this.err(d, 'after object key');
      this.i++;
      m[key] = this.value('looking for beginning of value', depth + 1);
      this.ws();
      if (this.i >= this.b.length) this.eof();
      const e = this.b[this.i];
      this.i++;
      if (e === 0x2c) continue;
      if (e === 0x7d) return m;
      this.err(e, 'after object key:value pair');
    }
  }

  array(depth: number): GoValue {
    this.i++;
    const a: GoValue[] = [];
    this.ws();
    if (this.i >= this.b.length) this.eof();
    if (this.b[this.i] === 0x5d) {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value('looking for beginning of value', depth + 1));
      this.ws();
      if (this.i >= this.b.length) this.eof();
      const e = this.b[this.i];
      this.i++;
      if (e === 0x2c) continue;
      if (e === 0x5d) return a;
      this.err(e, 'after array element');
    }
  }
}

/** Decodes the body of a JSON string that has escapes (already validated). */
function unescapeJSON(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const r = Number.parseInt(s.slice(i + 1, i + 5), 16);
        i += 4;
        if (r >= 0xd800 && r <= 0xdbff && s[i + 1] === '\\' && s[i + 2] === 'u') {
          const lo = Number.parseInt(s.slice(i + 3, i + 7), 16);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            out += String.fromCharCode(r, lo);
            i += 6;
            break;
          }
        }
        out += r >= 0xd800 && r <= 0xdfff ? '\ufffd' : String.fromCharCode(r);
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}

/** The Go type a {@link parseJSON} target has, for `cannot unmarshal X into Go value of type T` errors. */
export type UnmarshalTarget = 'interface {}' | 'map[string]interface {}' | '[]interface {}';

/** Marks a map or slice that is Go's nil map / nil slice (prints `map[]` / `[]`, encodes as `null`). */
/**
 * The JSON encoding of a {@link GoStruct} whose Go fields carry json tags (`json:"name,omitempty"`), under this
 * registered symbol: a function returning the JSON text encoding/json writes. Unlike a `MarshalJSON` method it
 * is invisible to templates.
 */
export const GO_JSON_VIEW: unique symbol = Symbol.for('helmkit.goJsonView') as never;

export const GO_NIL: unique symbol = Symbol.for('helmkit.goNil');

/** Creates Go's nil map: empty, but `toJson` gives `null`. */
export function nilMap(): GoMap {
  const m = newMap();
  Object.defineProperty(m, GO_NIL, { value: true, enumerable: false });
  return m;
}

/** Creates Go's nil `[]interface {}`: empty, but `toJson` gives `null`. */
export function nilSlice(): GoValue[] {
  const a: GoValue[] = [];
  Object.defineProperty(a, GO_NIL, { value: true, enumerable: false });
  return a;
}

/** True for a map or slice made by {@link nilMap} / {@link nilSlice}. */
export function isGoNil(v: GoValue): boolean {
  return typeof v === 'object' && v !== null && (v as { [GO_NIL]?: boolean })[GO_NIL] === true;
}

/** Result of {@link unmarshalJSON}: the decoded value and Go's error text, if any. */
export interface UnmarshalResult {
  /** What Go's target holds afterwards (partially filled on a type error, untouched on a syntax error). */
  value: GoValue;
  /** Go's `err.Error()`, when Unmarshal returned an error. */
  error?: string;
}

function jsonKind(v: GoValue): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
  }
  return 'object';
}

/**
 * Go's `json.Unmarshal(data, &target)` with Go's partial results: a syntax error leaves the target
 * untouched (`undefined` value), a type mismatch at the top leaves it untouched too, a number out of range
 * stores nil at that place and reports `json: cannot unmarshal number 1e400 into Go value of type float64`.
 * JSON `null` into a map or slice target gives Go's nil map / nil slice.
 */
export function unmarshalJSON(text: string, target: UnmarshalTarget = 'interface {}'): UnmarshalResult {
  const r = new Reader(encoder.encode(text));
  let v: GoValue;
  try {
    v = r.value();
    r.ws();
    if (r.i < r.b.length) r.err(r.b[r.i], 'after top-level value');
  } catch (e) {
    if (e instanceof JSONError) return { value: undefined, error: e.message };
    throw e;
  }
  if (v === null) {
    if (target === 'map[string]interface {}') return { value: nilMap() };
    if (target === '[]interface {}') return { value: nilSlice() };
    return { value: null };
  }
  if (target !== 'interface {}') {
    const kind = jsonKind(v);
    const ok = target === '[]interface {}' ? kind === 'array' : kind === 'object';
    if (!ok)
      return { value: undefined, error: `json: cannot unmarshal ${kind} into Go value of type ${target}` };
  }
  if (r.typeErrors.length > 0) {
    return { value: v, error: `json: cannot unmarshal ${r.typeErrors[0]} into Go value of type float64` };
  }
  return { value: v };
}

/**
 * Go's `json.Unmarshal` into a value of the given type (default `interface {}`): objects become
 * {@link newMap} maps, arrays slices, numbers float64. Throws {@link JSONError} with Go's message for
 * syntax errors and type mismatches.
 */
export function parseJSON(text: string, target: UnmarshalTarget = 'interface {}'): GoValue {
  const r = unmarshalJSON(text, target);
  if (r.error !== undefined) throw new JSONError(r.error);
  return r.value;
}
