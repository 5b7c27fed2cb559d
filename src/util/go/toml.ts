/**
 * TOML output as Helm's `toToml` writes it: BurntSushi/toml's `Encoder` (v1.4 in Helm 3.17, a newer release
 * in Helm 4.1 that prints floats in `%g` form). Written by hand because the exact layout matters: keys sorted
 * by bytes, plain values before tables, nested tables indented two spaces per level, a blank line before each
 * top-level table and each `[[array]]` element, nil values skipped, mixed arrays written with inline tables.
 */

import {
  type GoMap,
  GoNumber,
  GoStruct,
  type GoValue,
  isFunc,
  isMap,
  sortedKeys,
  typeName,
} from './value.js';
import { formatGoFloatG } from './yaml-emit-number.js';

/** A value BurntSushi/toml cannot encode; `message` is its error text. */
export class TomlEncodeError extends Error {
  /** @param message - the Go error text, e.g. `toml: cannot encode array with nil element`. */
  constructor(message: string) {
    super(message);
    this.name = 'TomlEncodeError';
  }
}

/** Options of {@link encodeToml}. */
export interface EncodeTomlOptions {
  /** `helm4` uses the newer encoder's float format (`1e+06`); `helm3` (default) writes `1000000.0`. */
  compat?: 'helm3' | 'helm4';
  /**
   * The TOML text of a struct the encoder writes as a value rather than a table (BurntSushi writes a
   * `time.Time` as a bare datetime and an `encoding.TextMarshaler` as a quoted string), or undefined for a
   * plain struct (a table).
   */
  structText?: (s: GoStruct) => string | undefined;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0d:
        out += '\\r';
        break;
      default:
        if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
        else out += s[i];
    }
  }
  return `${out}"`;
}

function quoteKey(k: string): string {
  return BARE_KEY.test(k) ? k : quoteString(k);
}

type TomlKind = 'table' | 'array' | 'scalar' | 'nil';

type StructText = (s: GoStruct) => string | undefined;

const noStructText: StructText = () => undefined;

function isNilValue(v: GoValue): boolean {
  return v === null || v === undefined;
}

function kindOfValue(v: GoValue, structText: StructText): TomlKind {
  if (isNilValue(v)) return 'nil';
  if (v instanceof GoStruct) return structText(v) === undefined ? 'table' : 'scalar';
  if (isMap(v)) return 'table';
  if (Array.isArray(v)) return 'array';
  return 'scalar';
}

/** BurntSushi's `tomlArrayType`: an array whose elements are all tables is an array of tables. */
function isArrayOfTables(a: GoValue[], structText: StructText): boolean {
  if (a.length === 0) return false;
  for (const e of a)
    if (isNilValue(e)) throw new TomlEncodeError('toml: cannot encode array with nil element');
  for (const e of a) if (kindOfValue(e, structText) !== 'table') return false;
  return true;
}

function isTableValue(v: GoValue, structText: StructText): boolean {
  const k = kindOfValue(v, structText);
  if (k === 'table') return true;
  return k === 'array' && isArrayOfTables(v as GoValue[], structText);
}

function entriesOf(v: GoValue): GoMap {
  if (v instanceof GoStruct) return v.fields as GoMap;
  return v as GoMap;
}

class TomlWriter {
  private readonly parts: string[] = [];
  private written = false;

  constructor(
    private readonly helm4: boolean,
    readonly structText: StructText,
  ) {}

  text(): string {
    return this.parts.join('');
  }

  private w(s: string): void {
    this.parts.push(s);
    this.written = true;
  }

  private newline(): void {
    if (this.written) this.w('\n');
  }

  private indent(key: string[]): string {
    return '  '.repeat(Math.max(0, key.length - 1));
  }

  private float(x: number, bits: 32 | 64): string {
    if (Number.isNaN(x)) return 'nan';
    if (x === Number.POSITIVE_INFINITY) return 'inf';
    if (x === Number.NEGATIVE_INFINITY) return '-inf';
    if (this.helm4) {
      const s = formatGoFloatG(x, bits);
      return s.includes('.') || s.includes('e') ? s : `${s}.0`;
    }
    // strconv.FormatFloat(f, 'f', -1, bits) plus ".0" when there is no decimal point.
    const g = formatGoFloatG(x, bits);
    let s = g;
    const e = g.indexOf('e');
    if (e >= 0) {
      const neg = g[0] === '-';
      const mant = g.slice(neg ? 1 : 0, e).replace('.', '');
      const exp = Number(g.slice(e + 1));
      const point = (g.slice(neg ? 1 : 0, e).indexOf('.') < 0 ? mant.length : 1) + exp;
      if (point <= 0) s = `0.${'0'.repeat(-point)}${mant}`;
      else if (point >= mant.length) s = mant + '0'.repeat(point - mant.length);
      else s = `${mant.slice(0, point)}.${mant.slice(point)}`;
      if (neg) s = `-${s}`;
    }
    return s.includes('.') ? s : `${s}.0`;
  }

  /** A value written after `key = ` or inside an array. */
  inline(v: GoValue): string {
    switch (typeof v) {
      case 'string':
        return quoteString(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return v.toString();
      case 'number':
        return this.float(v, 64);
    }
    if (v instanceof GoNumber) {
      return v.kind === 'float32' ? this.float(v.value as number, 32) : String(v.value);
    }
    if (v instanceof Uint8Array) return quoteString(new TextDecoder('utf-8', { ignoreBOM: true }).decode(v));
    if (v instanceof GoStruct) {
      const text = this.structText(v);
      if (text !== undefined) return text;
    }
    if (Array.isArray(v)) {
      const items: string[] = [];
      for (const e of v) {
        if (isNilValue(e)) throw new TomlEncodeError('toml: cannot encode array with nil element');
        items.push(this.inline(e));
      }
      return `[${items.join(', ')}]`;
    }
    if (v instanceof GoStruct || (v !== null && v !== undefined && isMap(v))) {
      const m = entriesOf(v);
      const items: string[] = [];
      for (const k of sortedKeys(m)) {
        if (isNilValue(m[k])) continue;
        items.push(`${quoteKey(k)} = ${this.inline(m[k])}`);
      }
      return `{${items.join(', ')}}`;
    }
    if (isFunc(v)) throw new TomlEncodeError(`toml: unsupported type: ${typeName(v)}`);
    throw new TomlEncodeError('reflect: call of reflect.Value.Type on zero Value');
  }

  private keyString(key: string[]): string {
    return key.map(quoteKey).join('.');
  }

  table(key: string[], v: GoValue): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.w(`${this.indent(key)}[${this.keyString(key)}]`);
      this.newline();
    }
    this.mapBody(key, v);
  }

  private arrayOfTables(key: string[], a: GoValue[]): void {
    for (const e of a) {
      this.newline();
      this.w(`${this.indent(key)}[[${this.keyString(key)}]]`);
      this.newline();
      this.mapBody(key, e);
    }
  }

  mapBody(key: string[], v: GoValue): void {
    const m = entriesOf(v);
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) (isTableValue(m[k], this.structText) ? sub : direct).push(k);
    for (const k of sortedKeys(Object.fromEntries(direct.map((d) => [d, null])) as GoMap)) {
      const val = m[k];
      if (isNilValue(val)) continue;
      const sk = [...key, k];
      this.w(`${this.indent(sk)}${quoteKey(k)} = ${this.inline(val)}`);
      this.newline();
    }
    for (const k of sortedKeys(Object.fromEntries(sub.map((d) => [d, null])) as GoMap)) {
      const val = m[k];
      const sk = [...key, k];
      if (Array.isArray(val)) this.arrayOfTables(sk, val);
      else this.table(sk, val);
    }
  }
}

/**
 * BurntSushi/toml `NewEncoder(w).Encode(v)` as Helm's `toToml` calls it. Maps and structs become documents;
 * other values are written as a bare TOML value. Throws {@link TomlEncodeError} with the encoder's message.
 */
export function encodeToml(v: GoValue, options: EncodeTomlOptions = {}): string {
  const structText = options.structText ?? noStructText;
  const w = new TomlWriter(options.compat === 'helm4', structText);
  if (isNilValue(v)) throw new TomlEncodeError('reflect: call of reflect.Value.Type on zero Value');
  if (kindOfValue(v, structText) === 'table') {
    w.table([], v);
    return w.text();
  }
  // An array of tables needs a key (BurntSushi's `eArrayOfTables` with an empty key: errNoKey).
  if (Array.isArray(v) && isArrayOfTables(v, structText))
    throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
  return w.inline(v);
}
