/**
 * text/template's builtin functions (`funcs.go`): and, or, not, len, index, slice, print, printf, println,
 * html, js, urlquery, call, eq, ne, lt, le, gt, ge. Hand-written to reproduce Go's reflect-based type rules
 * and error texts. Arguments typed `reflect.Value` arrive raw: `undefined` is Go's invalid value, `null` a
 * nil interface.
 */
import { sprint, sprintf, sprintln } from '../util/go/fmt.js';
import { GoFuncError } from '../util/go/func.js';
import { utf8Bytes, utf8String } from '../util/go/strconv.js';
import {
  GO_EQUAL_KEY,
  GO_TYPE,
  GoNumber,
  GoStruct,
  type GoValue,
  truth as goTruth,
  isFunc,
  isMap,
  kindOf,
  typeName,
} from '../util/go/value.js';
import type { Fn } from './types.js';

/** The Go version whose text/template behaviour to reproduce (Helm 3.17: go1.23, Helm 4.1: go1.25). */
export type GoVersion = 'go1.23' | 'go1.25';

/** Zero value of a Go element type name (interface and reference types are nil). */
export function zeroOf(t: string): GoValue {
  switch (t) {
    case 'string':
      return '';
    case 'int':
      return 0n;
    case 'float64':
      return 0;
    case 'bool':
      return false;
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return new GoNumber(t, 0n);
    case 'float32':
      return new GoNumber('float32', 0);
    case '[]uint8':
    case '[]byte':
      // A nil []byte: prints as [] and is empty.
      return new Uint8Array(0);
  }
  return null;
}

/** Underlying types of the named map types Helm hands to templates. */
const NAMED_MAP_TYPES: Record<string, string> = {
  'engine.files': 'map[string][]uint8',
  'chartutil.Values': 'map[string]interface {}',
  'common.Values': 'map[string]interface {}',
};

/** Element type of a map (`map[string]interface {}` → `interface {}`; Helm's `engine.files` → `[]uint8`). */
export function mapElemType(m: object): string {
  const named = (m as { [GO_TYPE]?: string })[GO_TYPE];
  if (!named) return 'interface {}';
  const t = NAMED_MAP_TYPES[named] ?? named;
  const i = t.indexOf(']');
  return t.startsWith('map[') && i > 0 ? t.slice(i + 1) : 'interface {}';
}

/** Element type of a slice. */
export function sliceElemType(a: GoValue[]): string {
  const t = (a as { [GO_TYPE]?: string })[GO_TYPE];
  return t?.startsWith('[]') ? t.slice(2) : 'interface {}';
}

/** Go's truth of a builtin argument (`not`, `and`, `or`). */
export function truth(v: GoValue): boolean {
  return goTruth(v);
}

enum K {
  Invalid,
  Bool,
  Complex,
  Int,
  Float,
  String,
  Uint,
}

function basicKind(v: GoValue): K {
  switch (typeof v) {
    case 'boolean':
      return K.Bool;
    case 'bigint':
      return K.Int;
    case 'number':
      return K.Float;
    case 'string':
      return K.String;
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float32') return K.Float;
    return v.kind.startsWith('u') ? K.Uint : K.Int;
  }
  return K.Invalid;
}

function num(v: GoValue): bigint | number {
  if (v instanceof GoNumber) return v.value;
  return v as bigint | number;
}

function lessFrom(go: GoVersion, a: GoValue, b: GoValue): never {
  if (go === 'go1.25')
    throw new GoFuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
  throw new GoFuncError('incompatible types for comparison');
}

function isComparable(v: GoValue): boolean {
  return !(Array.isArray(v) || isMap(v) || isFunc(v) || v instanceof Uint8Array);
}

function isNilish(v: GoValue): boolean {
  return v === null || v === undefined;
}

function eqOne(go: GoVersion, a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if (k1 === K.Int && k2 === K.Uint) return (num(a) as bigint) >= 0n && num(a) === num(b);
    if (k1 === K.Uint && k2 === K.Int) return (num(b) as bigint) >= 0n && num(a) === num(b);
    if (a !== undefined && a !== null && b !== undefined && b !== null) lessFrom(go, a, b);
    // One side nil: compare as below.
    if (isNilish(a) || isNilish(b)) return isNilish(a) === isNilish(b);
    return false;
  }
  switch (k1) {
    case K.Bool:
    case K.String:
      return a === b;
    case K.Int:
    case K.Uint:
    case K.Float:
      // biome-ignore lint/suspicious/noDoubleEquals: bigint/number compare by value
      return num(a) == num(b);
  }
  // Invalid kinds: nil, maps, slices, structs, funcs. Go's canCompare: the same reflect kind, or one nil.
  if (isNilish(a) || isNilish(b)) return isNilish(a) === isNilish(b);
  if (kindOf(a) !== kindOf(b))
    throw new GoFuncError(
      `non-comparable types ${sprintf('%s', [a])}: ${typeName(a)}, ${typeName(b)}: ${sprintf('%v', [b])}`,
    );
  if (!isComparable(b)) throw new GoFuncError(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
  if (a instanceof GoStruct && b instanceof GoStruct) {
    type Keyed = GoStruct & { [GO_EQUAL_KEY]?: () => string };
    const ka = (a as Keyed)[GO_EQUAL_KEY]?.();
    const kb = (b as Keyed)[GO_EQUAL_KEY]?.();
    if (ka !== undefined && kb !== undefined) return a.typeName === b.typeName && ka === kb;
  }
  return a === b;
}

function lt(go: GoVersion, a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  if (k1 === K.Invalid) throw new GoFuncError('invalid type for comparison');
  const k2 = basicKind(b);
  if (k2 === K.Invalid) throw new GoFuncError('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === K.Int && k2 === K.Uint)
      return (num(a) as bigint) < 0n || (num(a) as bigint) < (num(b) as bigint);
    if (k1 === K.Uint && k2 === K.Int)
      return (num(b) as bigint) >= 0n && (num(a) as bigint) < (num(b) as bigint);
    lessFrom(go, a, b);
  }
  switch (k1) {
    case K.Bool:
    case K.Complex:
      throw new GoFuncError('invalid type for comparison');
    case K.String:
      return compareBytes(a as string, b as string) < 0;
  }
  return num(a) < num(b);
}

function compareBytes(a: string, b: string): number {
  // UTF-16 order differs from UTF-8 byte order only for surrogates vs U+E000..U+FFFF.
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Go's int64 view of an integer index (`index.Int()`, or `int64(index.Uint())` which wraps). */
function intArg(v: GoValue, what: string): bigint {
  if (typeof v === 'bigint') return BigInt.asIntN(64, v);
  if (v instanceof GoNumber && v.kind !== 'float32') return BigInt.asIntN(64, v.value as bigint);
  if (v === undefined || v === null) throw new GoFuncError(`cannot index ${what} with nil`);
  throw new GoFuncError(`cannot index ${what} with type ${typeName(v)}`);
}

function indexArg(v: GoValue, cap: number): number {
  const x = intArg(v, 'slice/array');
  if (x < 0n || x > BigInt(cap)) throw new GoFuncError(`index out of range: ${x}`);
  return Number(x);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) throw new GoFuncError('index of untyped nil');
  for (let idx of indexes) {
    if (idx === null) idx = undefined;
    if (item === null || item === undefined) throw new GoFuncError('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item) || item instanceof Uint8Array) {
      const len: number =
        typeof item === 'string' ? (isAscii(item) ? item.length : utf8Bytes(item).length) : item.length;
      const x = indexArg(idx, len);
      if (x === len) {
        // Go's reflect panics (recovered by text/template) when indexing at len.
        throw new GoFuncError(`reflect: ${typeof item === 'string' ? 'string' : 'slice'} index out of range`);
      }
      if (typeof item === 'string') {
        item = new GoNumber('uint8', BigInt(isAscii(item) ? item.charCodeAt(x) : utf8Bytes(item)[x]));
      } else if (item instanceof Uint8Array) item = new GoNumber('uint8', BigInt(item[x]));
      else item = item[x];
      continue;
    }
    if (isMap(item)) {
      if (idx === undefined) throw new GoFuncError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new GoFuncError(`value has type ${typeName(idx)}; should be string`);
      item = Object.hasOwn(item, idx) ? item[idx] : zeroOf(mapElemType(item));
      continue;
    }
    throw new GoFuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) throw new GoFuncError('slice of untyped nil');
  if (indexes.length > 3) throw new GoFuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | undefined;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new GoFuncError('cannot 3-index slice a string');
    if (isAscii(item)) len = item.length;
    else {
      bytes = utf8Bytes(item);
      len = bytes.length;
    }
  } else if (Array.isArray(item) || item instanceof Uint8Array) len = item.length;
  else throw new GoFuncError(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  for (let i = 0; i < indexes.length; i++) {
    const v = indexes[i] === null ? undefined : indexes[i];
    idx[i] = indexArg(v, len);
  }
  if (idx[0] > idx[1]) throw new GoFuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2])
    throw new GoFuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') {
    return bytes ? utf8String(bytes.subarray(idx[0], idx[1])) : item.slice(idx[0], idx[1]);
  }
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const out = item.slice(idx[0], idx[1]);
  const t = (item as { [GO_TYPE]?: string })[GO_TYPE];
  if (t) Object.defineProperty(out, GO_TYPE, { value: t, enumerable: false, configurable: true });
  return out;
}

function length(item: GoValue): GoValue {
  if (item === null) throw new GoFuncError('len of nil pointer');
  if (item === undefined) throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(isAscii(item) ? item.length : utf8Bytes(item).length);
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (isMap(item)) {
    let n = 0;
    for (const _ in item) n++;
    return BigInt(n);
  }
  throw new GoFuncError(`len of type ${typeName(item)}`);
}

/** Go's printableValue for evalArgs (html/js/urlquery): nil prints as `<no value>`. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const a = args.map((v) => (v === null || v === undefined ? '<no value>' : v));
  return sprint(a);
}

function htmlEscape(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    let r: string;
    switch (s.charCodeAt(i)) {
      case 0x22:
        r = '&#34;';
        break;
      case 0x27:
        r = '&#39;';
        break;
      case 0x26:
        r = '&amp;';
        break;
      case 0x3c:
        r = '&lt;';
        break;
      case 0x3e:
        r = '&gt;';
        break;
      case 0:
        r = '\uFFFD';
        break;
      default:
        continue;
    }
    out += s.slice(last, i) + r;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const HEX = '0123456789ABCDEF';

function isPrintRune(r: number): boolean {
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]/u.test(String.fromCodePoint(r));
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      switch (c) {
        case 0x5c:
          out += '\\\\';
          continue;
        case 0x27:
          out += "\\'";
          continue;
        case 0x22:
          out += '\\"';
          continue;
        case 0x3c:
          out += '\\u003C';
          continue;
        case 0x3e:
          out += '\\u003E';
          continue;
        case 0x26:
          out += '\\u0026';
          continue;
        case 0x3d:
          out += '\\u003D';
          continue;
      }
      if (c < 0x20) out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      else out += ch;
    } else if (c >= 0xdc80 && c <= 0xdcff) {
      out += ch; // a byte that is not UTF-8 (see strconv's byte escapes): Go writes it raw
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\uFFFD';
    } else if (isPrintRune(c)) out += ch;
    else out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    if (
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x2e ||
      b === 0x5f ||
      b === 0x7e
    )
      out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

const RV = 'reflect.Value' as const;

/** The builtin function table for one Go version. `and`/`or`/`call` are evaluated specially by the engine. */
export function builtins(go: GoVersion): Map<string, Fn> {
  const m = new Map<string, Fn>();
  const def = (name: string, params: Fn['params'], call: Fn['call'], variadic?: Fn['variadic']): void => {
    m.set(
      name,
      variadic ? { name, params, variadic, call, builtin: true } : { name, params, call, builtin: true },
    );
  };
  def('and', [RV], () => null, RV);
  def('or', [RV], () => null, RV);
  def('call', [RV], () => null, RV);
  def('not', [RV], (a) => !truth(a));
  def('len', [RV], length);
  def('index', [RV], index, RV);
  def('slice', [RV], slice, RV);
  def('print', [], (...a) => sprint(a), 'any');
  def('printf', ['string'], (f, ...a) => sprintf(f as string, a), 'any');
  def('println', [], (...a) => sprintln(a), 'any');
  def('html', [], (...a) => htmlEscape(evalArgs(a)), 'any');
  def('js', [], (...a) => jsEscape(evalArgs(a)), 'any');
  def('urlquery', [], (...a) => urlQueryEscape(evalArgs(a)), 'any');
  const nil = (v: GoValue): GoValue => (v === null ? undefined : v);
  def(
    'eq',
    [RV],
    (a, ...rest) => {
      if (rest.length === 0) throw new GoFuncError('missing argument for comparison');
      const x = nil(a);
      for (const b of rest) if (eqOne(go, x, nil(b))) return true;
      return false;
    },
    RV,
  );
  def('ne', [RV, RV], (a, b) => !eqOne(go, nil(a), nil(b)));
  def('lt', [RV, RV], (a, b) => lt(go, nil(a), nil(b)));
  def('le', [RV, RV], (a, b) => lt(go, nil(a), nil(b)) || eqOne(go, nil(a), nil(b)));
  def('gt', [RV, RV], (a, b) => !(lt(go, nil(a), nil(b)) || eqOne(go, nil(a), nil(b))));
  def('ge', [RV, RV], (a, b) => !lt(go, nil(a), nil(b)));
  return m;
}
