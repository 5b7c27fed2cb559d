/**
 * Go's `strconv` package: float formatting, quoting, unquoting and number parsing, byte-exact to Go.
 *
 * Hand-written because Go's output differs from JavaScript's in ways visible in rendered charts: `%v` of
 * 1e6 is `1e+06` (JS: `1000000`), exponents have at least two digits, fixed precision rounds exact ties to
 * even (`%.0f` of 2.5 is `2`, JS `toFixed` gives `3`), and quoting follows Go's escape rules.
 */
import { HelmkitError } from '../errors.js';

/** A `strconv.NumError`: `strconv.ParseInt: parsing "x": invalid syntax`. */
export class NumError extends HelmkitError {
  /**
   * @param func - the failing function (`ParseInt`, `ParseFloat`, `ParseUint`, `ParseBool`).
   * @param num - the input text.
   * @param err - `invalid syntax`, `value out of range` or `invalid base N` / `invalid bit size N`.
   */
  constructor(
    readonly func: string,
    readonly num: string,
    readonly err: string,
  ) {
    super('GO_STRCONV', `strconv.${func}: parsing ${quote(num)}: ${err}`);
  }
}

/** strconv.ErrSyntax as thrown by {@link unquote}: the message is Go's `invalid syntax`. */
export class ErrSyntax extends HelmkitError {
  constructor() {
    super('GO_STRCONV', 'invalid syntax');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Float formatting
// ---------------------------------------------------------------------------------------------------------

/** A decimal number: value = 0.d[0]d[1]... × 10^dp; `d` has no leading or trailing zeros ('' is zero). */
interface Decimal {
  d: string;
  dp: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** Splits a finite float64 into sign, integer mantissa and binary exponent (value = mant × 2^exp). */
function decompose(x: number): { neg: boolean; mant: bigint; exp: number; biasedExp: number } {
  f64[0] = x;
  const bits = u64[0];
  const neg = bits >> 63n === 1n;
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp: number;
  if (biasedExp === 0) exp = -1022 - 52;
  else {
    mant |= 1n << 52n;
    exp = biasedExp - 1023 - 52;
  }
  return { neg, mant, exp, biasedExp };
}

/** The exact decimal expansion of |x| (every double has a finite one). */
function exactDecimal(x: number): Decimal {
  const { mant, exp } = decompose(x);
  if (mant === 0n) return { d: '', dp: 0 };
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  return { d: trimZeros(s), dp };
}

function trimZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** Shortest decimal that reads back as x (float64), or as Math.fround(x) for bitSize 32. */
function shortestDecimal(x: number, bitSize: 32 | 64): Decimal {
  const a = Math.abs(x);
  if (a === 0) return { d: '', dp: 0 };
  let s: string;
  if (bitSize === 64) s = a.toExponential();
  else {
    s = '';
    for (let p = 1; p <= 9; p++) {
      s = a.toExponential(p - 1);
      if (Math.fround(Number(s)) === a) break;
    }
  }
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('.', '');
  const exp10 = Number(s.slice(e + 1));
  return { d: trimZeros(mantissa), dp: exp10 + 1 };
}

/** Rounds to nd digits as Go's decimal.Round: exact ties go to even. */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) return { d: trimZeros(a.d.slice(0, nd)), dp: a.dp };
  let i = nd - 1;
  while (i >= 0 && a.d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length === 0 ? '0' : d.d[0];
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.d.length, prec + 1);
    if (m > 1) out += d.d.slice(1, m);
    if (prec + 1 > Math.max(m, 1)) out += '0'.repeat(prec + 1 - Math.max(m, 1));
  }
  out += fmt;
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? `0${exp}` : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    if (d.dp > m) out += '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, x: number, bitSize: 32 | 64): string {
  let mant: bigint;
  let exp: number;
  if (bitSize === 64) {
    const p = decompose(x);
    mant = p.mant;
    exp = p.biasedExp === 0 ? -1022 - 52 : p.exp;
  } else {
    const f = new Float32Array([x]);
    const bits = new Uint32Array(f.buffer)[0];
    const be = (bits >>> 23) & 0xff;
    mant = BigInt(bits & 0x7fffff);
    if (be === 0) exp = -126 - 23;
    else {
      mant |= 1n << 23n;
      exp = be - 127 - 23;
    }
  }
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
}

const MASK64 = (1n << 64n) - 1n;

function fmtX(neg: boolean, x: number, prec: number, fmt: 'x' | 'X', bitSize: 32 | 64): string {
  let mant: bigint;
  let exp: number;
  let mantbits: number;
  if (bitSize === 64) {
    const p = decompose(x);
    mant = p.mant;
    mantbits = 52;
    exp = (p.biasedExp === 0 ? -1022 : p.biasedExp - 1023) as number;
  } else {
    const bits = new Uint32Array(new Float32Array([x]).buffer)[0];
    const be = (bits >>> 23) & 0xff;
    mant = BigInt(bits & 0x7fffff);
    mantbits = 23;
    if (be === 0) exp = -126;
    else {
      mant |= 1n << 23n;
      exp = be - 127;
    }
  }
  if (mant === 0n) exp = 0;
  mant = (mant << BigInt(60 - mantbits)) & MASK64;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant = (mant << 1n) & MASK64;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant = (mant << (60n - shift)) & MASK64;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${neg ? '-' : ''}0${fmt}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? `0${exp}` : String(exp);
  return out;
}

/** The float formats of {@link formatFloat}. */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

/**
 * Go's `strconv.FormatFloat(x, fmt, prec, bitSize)`. `prec` -1 means the shortest representation that
 * reads back exactly. With bitSize 32, x is first rounded to float32.
 */
export function formatFloat(x: number, fmt: FloatFormat, prec: number, bitSize: 32 | 64): string {
  if (bitSize === 32) x = Math.fround(x);
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '+Inf';
  if (x === Number.NEGATIVE_INFINITY) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  if (fmt === 'b') return fmtB(neg, x, bitSize);
  if (fmt === 'x' || fmt === 'X') return fmtX(neg, x, prec, fmt, bitSize);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(x, bitSize);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(d.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
  } else {
    d = exactDecimal(x);
    if (fmt === 'e' || fmt === 'E') d = roundDecimal(d, prec + 1);
    else if (fmt === 'f') d = roundDecimal(d, d.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(d, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, prec, fmt);
    case 'f':
      return fmtF(neg, d, prec);
    default: {
      let eprec = prec;
      const nd = d.d.length;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return fmtE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > d.dp) prec = nd;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Quoting
// ---------------------------------------------------------------------------------------------------------

const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const GRAPHIC_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/** Go's `strconv.IsPrint` (unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space). */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return PRINT_RE.test(String.fromCodePoint(r));
}

/** Go's `strconv.IsGraphic` (IsPrint plus Unicode space separators). */
export function isGraphic(r: number): boolean {
  if (isPrint(r)) return true;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return GRAPHIC_RE.test(String.fromCodePoint(r));
}

const HEX = '0123456789abcdef';

function hexPad(n: number, width: number): string {
  const s = n.toString(16);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function escapeRune(r: number, q: number, asciiOnly: boolean, graphicOnly: boolean): string {
  if (r === q || r === 0x5c) return `\\${String.fromCharCode(r)}`;
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r) || (graphicOnly && isGraphic(r))) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${HEX[r >> 4]}${HEX[r & 15]}`;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return `\\u${hexPad(r, 4)}`;
  return `\\U${hexPad(r, 8)}`;
}

function quoteWith(s: string, q: number, asciiOnly: boolean, graphicOnly: boolean): string {
  const qc = String.fromCharCode(q);
  let out = qc;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && c >= 0x20 && c !== 0x7f && c !== q && c !== 0x5c) {
      out += s[i];
      continue;
    }
    let r = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        r = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (r >= 0xdc80 && r <= 0xdcff) {
      // A byte escape (see goStringFromBytes): Go quotes a byte that is not UTF-8 as \xNN.
      out += `\\x${(r - 0xdc00).toString(16)}`;
      continue;
    }
    if (r >= 0xd800 && r <= 0xdfff) {
      // Any other lone surrogate: the replacement rune, as Go's decoder would give.
      out += asciiOnly ? '\\ufffd' : '\ufffd';
      continue;
    }
    out += escapeRune(r, q, asciiOnly, graphicOnly);
  }
  return out + qc;
}

/** Go's `strconv.Quote`: a double-quoted Go string literal with Go's escapes. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false, false);
}

/** Go's `strconv.QuoteToASCII`: like {@link quote} but escapes every non-ASCII rune. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true, false);
}

/** Go's `strconv.QuoteToGraphic`. */
export function quoteToGraphic(s: string): string {
  return quoteWith(s, 0x22, false, true);
}

function validRune(r: number): number {
  return r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
}

/** Go's `strconv.QuoteRune`: a single-quoted Go rune literal (invalid runes become `'�'`). */
export function quoteRune(r: number): string {
  return `'${escapeRune(validRune(r), 0x27, false, false)}'`;
}

/** Go's `strconv.QuoteRuneToASCII`. */
export function quoteRuneToASCII(r: number): string {
  return `'${escapeRune(validRune(r), 0x27, true, false)}'`;
}

/** Go's `strconv.CanBackquote`: true if s can be a raw string literal (no backquote, no controls but tab). */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x60 || c === 0x7f || (c < 0x20 && c !== 9) || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      const lo = s.charCodeAt(i + 1);
      if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
  }
  return true;
}

function unhex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * Go's `strconv.Unquote`: interprets a Go string literal (`"…"` with escapes, `` `…` `` raw, or a `'x'`
 * rune literal) and returns its value. Throws {@link ErrSyntax} (`invalid syntax`) when s is not one.
 */
export function unquote(s: string): string {
  const n = s.length;
  if (n < 2) throw new ErrSyntax();
  const q = s.charCodeAt(0);
  if (q !== s.charCodeAt(n - 1)) throw new ErrSyntax();
  const body = s.slice(1, n - 1);
  if (q === 0x60) {
    if (body.includes('`')) throw new ErrSyntax();
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== 0x22 && q !== 0x27) throw new ErrSyntax();
  if (body.includes('\n')) throw new ErrSyntax();
  if (!body.includes('\\') && !body.includes(String.fromCharCode(q))) {
    if (q === 0x22) return body;
    const cp = body.codePointAt(0);
    if (cp !== undefined && body.length === (cp > 0xffff ? 2 : 1)) return body;
    throw new ErrSyntax();
  }
  // Escapes can produce arbitrary bytes (\x, octal), so decode through UTF-8 bytes.
  const bytes: number[] = [];
  let i = 0;
  let runes = 0;
  const pushRune = (r: number) => {
    for (const b of utf8Encoder.encode(String.fromCodePoint(r))) bytes.push(b);
  };
  while (i < body.length) {
    const c = body.charCodeAt(i);
    runes++;
    if (c === q) throw new ErrSyntax();
    if (c !== 0x5c) {
      const cp = body.codePointAt(i)!;
      pushRune(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i + 1 >= body.length) throw new ErrSyntax();
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case 'a':
        bytes.push(7);
        break;
      case 'b':
        bytes.push(8);
        break;
      case 'f':
        bytes.push(12);
        break;
      case 'n':
        bytes.push(10);
        break;
      case 'r':
        bytes.push(13);
        break;
      case 't':
        bytes.push(9);
        break;
      case 'v':
        bytes.push(11);
        break;
      case '\\':
        bytes.push(0x5c);
        break;
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        if (i + len > body.length) throw new ErrSyntax();
        let v = 0;
        for (let k = 0; k < len; k++) {
          const h = unhex(body.charCodeAt(i + k));
          if (h < 0) throw new ErrSyntax();
          v = v * 16 + h;
        }
        i += len;
        if (e === 'x') {
          if (q === 0x27) pushRune(v);
          else bytes.push(v);
        } else {
          if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new ErrSyntax();
          pushRune(v);
        }
        break;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        let v = e.charCodeAt(0) - 48;
        if (i + 2 > body.length) throw new ErrSyntax();
        for (let k = 0; k < 2; k++) {
          const d = body.charCodeAt(i + k) - 48;
          if (d < 0 || d > 7) throw new ErrSyntax();
          v = v * 8 + d;
        }
        i += 2;
        if (v > 255) throw new ErrSyntax();
        if (q === 0x27) pushRune(v);
        else bytes.push(v);
        break;
      }
      case "'":
      case '"':
        if (e.charCodeAt(0) !== q) throw new ErrSyntax();
        bytes.push(e.charCodeAt(0));
        break;
      default:
        throw new ErrSyntax();
    }
  }
  if (q === 0x27 && runes !== 1) throw new ErrSyntax();
  return utf8Decoder.decode(new Uint8Array(bytes));
}

/** Result of {@link unquoteChar}: the decoded rune (or byte) and the text after it. */
export interface UnquotedChar {
  /** The code point (or the byte value for `\x` and octal escapes). */
  value: number;
  /** Whether the value is a multi-byte rune (Go's `multibyte`). */
  multibyte: boolean;
  /** The rest of the input after the first character or escape. */
  tail: string;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/**
 * Go's `strconv.UnquoteChar(s, quote)`: decodes the first character or escape sequence of s, the body of a
 * literal quoted with `quote`. Throws {@link ErrSyntax} (`invalid syntax`) as Go does.
 */
export function unquoteChar(s: string, quote: string): UnquotedChar {
  if (s.length === 0) throw new ErrSyntax();
  const c = s[0];
  if (c === quote && (quote === "'" || quote === '"')) throw new ErrSyntax();
  if (c !== '\\') {
    const cp = s.codePointAt(0)!;
    const size = cp > 0xffff ? 2 : 1;
    return { value: cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, multibyte: cp >= 0x80, tail: s.slice(size) };
  }
  if (s.length <= 1) throw new ErrSyntax();
  const e = s[1];
  let rest = s.slice(2);
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { value: simple, multibyte: false, tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') {
    const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (rest.length < len) throw new ErrSyntax();
    let v = 0;
    for (let k = 0; k < len; k++) {
      const h = unhex(rest.charCodeAt(k));
      if (h < 0) throw new ErrSyntax();
      v = v * 16 + h;
    }
    rest = rest.slice(len);
    if (e === 'x') return { value: v, multibyte: false, tail: rest };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new ErrSyntax();
    return { value: v, multibyte: true, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    let v = e.charCodeAt(0) - 48;
    if (rest.length < 2) throw new ErrSyntax();
    for (let k = 0; k < 2; k++) {
      const d = rest.charCodeAt(k) - 48;
      if (d < 0 || d > 7) throw new ErrSyntax();
      v = v * 8 + d;
    }
    if (v > 255) throw new ErrSyntax();
    return { value: v, multibyte: false, tail: rest.slice(2) };
  }
  if ((e === "'" || e === '"') && e === quote)
    return { value: e.charCodeAt(0), multibyte: false, tail: rest };
  throw new ErrSyntax();
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

/** Go's underscoreOK: underscores only between digits or between a base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const l = s[1].toLowerCase();
    if (l === 'b' || l === 'o' || l === 'x') {
      i = 2;
      saw = '0';
      hex = l === 'x';
    }
  }
  for (; i < s.length; i++) {
    const c = s[i];
    const lc = c.toLowerCase();
    if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function digitVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return l - 97 + 10;
  return 99;
}

/** Go's `strconv.ParseUint(s, base, bitSize)`; returns a bigint. */
export function parseUint(s: string, base: number, bitSize: number, fnName = 'ParseUint'): bigint {
  const s0 = s;
  if (s === '') throw new NumError(fnName, s0, 'invalid syntax');
  const base0 = base === 0;
  if (base >= 2 && base <= 36) {
    // ok
  } else if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const l = s.length >= 3 ? s[1].toLowerCase() : '';
      if (l === 'b') {
        base = 2;
        s = s.slice(2);
      } else if (l === 'o') {
        base = 8;
        s = s.slice(2);
      } else if (l === 'x') {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else throw new NumError(fnName, s0, `invalid base ${base}`);
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw new NumError(fnName, s0, `invalid bit size ${bitSize}`);
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  let overflow = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 && base0) {
      underscores = true;
      continue;
    }
    const d = digitVal(c);
    if (d >= base) throw new NumError(fnName, s0, 'invalid syntax');
    if (!overflow) {
      n = n * b + BigInt(d);
      if (n > maxVal) overflow = true;
    }
  }
  if (underscores && !underscoreOK(s0)) throw new NumError(fnName, s0, 'invalid syntax');
  if (overflow) throw new NumError(fnName, s0, 'value out of range');
  return n;
}

/** Go's `strconv.ParseInt(s, base, bitSize)` (base 0: `0x`, `0o`, `0b`, `0` prefixes and underscores). */
// biome-ignore lint/suspicious/noShadowRestrictedNames: Go's strconv name; callers import it under an alias.
export function parseInt(s: string, base: number, bitSize: number): bigint {
  if (s === '') throw new NumError('ParseInt', s, 'invalid syntax');
  const s0 = s;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  let un: bigint;
  try {
    un = parseUint(s, base, bitSize, 'ParseInt');
  } catch (e) {
    if (e instanceof NumError) {
      if (e.err === 'value out of range') {
        // fall through to the range error with the full input
        throw new NumError('ParseInt', s0, 'value out of range');
      }
      throw new NumError('ParseInt', s0, e.err);
    }
    throw e;
  }
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) throw new NumError('ParseInt', s0, 'value out of range');
  if (neg && un > cutoff) throw new NumError('ParseInt', s0, 'value out of range');
  return neg ? -un : un;
}

const INF_NAN = /^([+-]?)(inf|infinity|nan)$/i;
const DEC_FLOAT = /^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;

/** Correctly rounded m × 2^e as a float64 (m ≥ 0). */
function scaleBig(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bits = m.toString(2).length;
  // Keep 54+ significant bits plus sticky to round half-even at the right position.
  let exp = e + bits; // value in [2^(exp-1), 2^exp)
  let prec = 53;
  if (exp - 1 < -1022) prec = Math.max(0, 53 - (-1022 - (exp - 1)));
  const drop = bits - prec;
  let q: bigint;
  if (drop > 0) {
    q = m >> BigInt(drop);
    const rem = m & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    e += drop;
  } else q = m;
  // q × 2^e exactly representable (or overflow) now.
  exp = e;
  let r = Number(q);
  while (exp > 0) {
    const step = Math.min(exp, 1000);
    r *= 2 ** step;
    exp -= step;
  }
  while (exp < 0) {
    const step = Math.max(exp, -1000);
    r *= 2 ** step;
    exp -= step;
  }
  return r;
}

/** Go's `strconv.ParseFloat(s, bitSize)`: Go float syntax (decimal, hex with p exponent, inf, nan, `_`). */
// biome-ignore lint/suspicious/noShadowRestrictedNames: Go's strconv name; callers import it under an alias.
export function parseFloat(s: string, bitSize: 32 | 64 = 64): number {
  const m = INF_NAN.exec(s);
  if (m) {
    if (m[2].toLowerCase() === 'nan') return Number.NaN;
    return m[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  let v: number;
  if (DEC_FLOAT.test(s)) {
    if (s.includes('_')) {
      if (!underscoreOK(s)) throw new NumError('ParseFloat', s, 'invalid syntax');
    }
    const body = s.replaceAll('_', '');
    if (!/[0-9]/.test(body)) throw new NumError('ParseFloat', s, 'invalid syntax');
    v = Number(body);
  } else {
    const h = HEX_FLOAT.exec(s);
    if (!h) throw new NumError('ParseFloat', s, 'invalid syntax');
    if (s.includes('_') && !underscoreOK(s)) throw new NumError('ParseFloat', s, 'invalid syntax');
    const ip = h[2].replaceAll('_', '');
    const fp = (h[3] ?? '').replaceAll('_', '');
    if (ip === '' && fp === '') throw new NumError('ParseFloat', s, 'invalid syntax');
    const mant = BigInt(`0x${ip || '0'}${fp}`);
    const e = Number(h[4].replaceAll('_', '')) - 4 * fp.length;
    v = scaleBig(mant, e);
    if (h[1] === '-') v = -v;
  }
  if (bitSize === 32) v = Math.fround(v);
  if (!Number.isFinite(v)) throw new NumError('ParseFloat', s, 'value out of range');
  return v;
}

/** Go's `strconv.ParseBool`: `1 t T TRUE true True 0 f F FALSE false False`. */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
  }
  throw new NumError('ParseBool', s, 'invalid syntax');
}

/** Go's `strconv.FormatInt(n, base)`. */
export function formatInt(n: bigint, base: number): string {
  return n.toString(base);
}

/**
 * A lone low surrogate U+DC80–U+DCFF that stands for one byte 0x80–0xFF of a Go string that is not valid
 * UTF-8 ("surrogate escape"): Go strings are byte strings, and functions such as `b64dec` or `trunc` can
 * produce bytes that no UTF-16 string holds. Paired surrogates are ordinary characters.
 */
const BYTE_ESCAPE_RE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** True when `s` holds a byte escape (see {@link goStringFromBytes}). */
export function hasByteEscape(s: string): boolean {
  return BYTE_ESCAPE_RE.test(s);
}

/** The byte (0x80–0xFF) a char code stands for when it is a lone byte escape at index i of s, else -1. */
export function byteEscapeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xdc80 || c > 0xdcff) return -1;
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  return prev >= 0xd800 && prev <= 0xdbff ? -1 : c - 0xdc00;
}

/** UTF-8 bytes of a string, as Go's `[]byte(s)`: byte escapes (see {@link goStringFromBytes}) are raw bytes. */
export function utf8Bytes(s: string): Uint8Array {
  if (!BYTE_ESCAPE_RE.test(s)) return utf8Encoder.encode(s);
  const parts: Uint8Array[] = [];
  let start = 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const b = byteEscapeAt(s, i);
    if (b < 0) continue;
    const head = utf8Encoder.encode(s.slice(start, i));
    parts.push(head, Uint8Array.of(b));
    total += head.length + 1;
    start = i + 1;
  }
  const tail = utf8Encoder.encode(s.slice(start));
  parts.push(tail);
  total += tail.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Width of the valid UTF-8 sequence at b[i] by Go's rules (utf8.DecodeRune), or 0 when b[i] is invalid. */
function utf8Width(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => i + j < b.length && b[i + j]! >= lo && b[i + j]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Go's `string(b)`: bytes to a Go string. Valid UTF-8 decodes normally; every byte Go's decoder rejects (one
 * at a time, as `utf8.DecodeRune` does) becomes a byte escape U+DC80–U+DCFF, which {@link utf8Bytes} turns
 * back into the same byte.
 */
export function goStringFromBytes(b: Uint8Array): string {
  try {
    return strictDecoder.decode(b);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i < b.length; ) {
      const w = utf8Width(b, i);
      if (w > 0) {
        i += w;
        continue;
      }
      out += utf8Decoder.decode(b.subarray(start, i)) + String.fromCharCode(0xdc00 + b[i]!);
      i++;
      start = i;
    }
    return out + utf8Decoder.decode(b.subarray(start));
  }
}

/** Decodes UTF-8 bytes to a string (invalid sequences become U+FFFD, as Go's range over a string). */
export function utf8String(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}
