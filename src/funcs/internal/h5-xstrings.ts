/**
 * huandu/xstrings v1.5.0 case conversions (`snakecase`, `kebabcase`, `camelcase`), rewritten over code points.
 * The word splitting rules (abbreviations, digits glued to words, punctuation) are xstrings' own, so they are
 * reproduced step by step rather than approximated with a regex.
 */
import { isLetter, isNumber, isPunct, isSpace, isUpper, toLower, toUpper } from './h5-unicode.js';

const RUNE_ERROR = 0xfffd;

function isConnector(r: number): boolean {
  return r === 45 || r === 95 || isSpace(r);
}

/** xstrings' isAlphabet: a letter that is not a CJK ideograph. */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

enum W {
  Invalid = 0,
  Number = 1,
  Upper = 2,
  Alphabet = 3,
  Connector = 4,
  Punct = 5,
  Other = 6,
}

/** nextValidRune over code points: skips RuneErrors (and byte escapes), returns [rune, count consumed] (prev when exhausted). */
function nextValid(rs: number[], at: number, prev: number): [number, number] {
  let n = 0;
  while (at + n < rs.length) {
    const r = rs[at + n]!;
    n++;
    // A byte that is not UTF-8 (a byte escape, see util/go/strconv) decodes as RuneError too.
    if (r !== RUNE_ERROR && (r < 0xdc80 || r > 0xdcff)) return [r, n];
  }
  return [prev, n];
}

/** Returns [type, wordStart, wordEnd] from position `pos`; remaining starts at wordEnd. */
function nextWord(rs: number[], pos: number): [W, number, number] {
  if (pos >= rs.length) return [W.Invalid, pos, pos];
  let offset = 0;
  let rem = pos;
  let [r, size] = nextValid(rs, rem, RUNE_ERROR);
  offset += size;
  if (r === RUNE_ERROR) return [W.Invalid, pos, pos + offset];
  const len = rs.length;
  let wt: W;
  if (isConnector(r)) {
    wt = W.Connector;
    rem += size;
    while (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (!isConnector(r)) break;
      offset += size;
      rem += size;
    }
  } else if (isPunct(r)) {
    wt = W.Punct;
    rem += size;
    while (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (!isPunct(r)) break;
      offset += size;
      rem += size;
    }
  } else if (isUpper(r)) {
    wt = W.Upper;
    rem += size;
    if (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (isUpper(r)) {
        let prevSize = size;
        offset += size;
        rem += size;
        while (rem < len) {
          [r, size] = nextValid(rs, rem, r);
          if (!isUpper(r)) break;
          prevSize = size;
          offset += size;
          rem += size;
        }
        if (rem < len && isAlphabet(r)) {
          offset -= prevSize;
          rem = pos + offset;
        }
      } else if (isAlphabet(r)) {
        offset += size;
        rem += size;
        while (rem < len) {
          [r, size] = nextValid(rs, rem, r);
          if (!isAlphabet(r) || isUpper(r)) break;
          offset += size;
          rem += size;
        }
      }
    }
  } else if (isAlphabet(r)) {
    wt = W.Alphabet;
    rem += size;
    while (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (!isAlphabet(r) || isUpper(r)) break;
      offset += size;
      rem += size;
    }
  } else if (isNumber(r)) {
    wt = W.Number;
    rem += size;
    while (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (!isNumber(r)) break;
      offset += size;
      rem += size;
    }
  } else {
    wt = W.Other;
    rem += size;
    while (rem < len) {
      [r, size] = nextValid(rs, rem, r);
      if (size === 0 || isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r)) break;
      offset += size;
      rem += size;
    }
  }
  return [wt, pos, pos + offset];
}

function lowerWord(out: number[], wt: W, rs: number[], a: number, b: number, connector: number): void {
  if (wt !== W.Upper && wt !== W.Connector) {
    for (let i = a; i < b; i++) out.push(rs[i]!);
    return;
  }
  for (let i = a; i < b; i++) {
    const r = rs[i]!;
    if (isConnector(r)) out.push(connector);
    else if (isUpper(r)) out.push(toLower(r));
    else out.push(r);
  }
}

/** xstrings.ToSnakeCase (`_`) / ToKebabCase (`-`). */
export function camelCaseToLowerCase(s: string, connector: number): string {
  if (s.length === 0) return '';
  const rs = runes(s);
  const out: number[] = [];
  let [wt, a, b] = nextWord(rs, 0);
  while (b < rs.length) {
    if (wt !== W.Connector) lowerWord(out, wt, rs, a, b, connector);
    const prev = wt;
    const la = a;
    const lb = b;
    [wt, a, b] = nextWord(rs, b);
    switch (prev) {
      case W.Number:
        while (wt === W.Alphabet || wt === W.Number) {
          lowerWord(out, wt, rs, a, b, connector);
          [wt, a, b] = nextWord(rs, b);
        }
        if (wt !== W.Invalid && wt !== W.Punct && wt !== W.Connector) out.push(connector);
        break;
      case W.Connector:
        lowerWord(out, prev, rs, la, lb, connector);
        break;
      case W.Punct:
        break;
      default: {
        if (wt !== W.Number) {
          if (wt !== W.Connector && wt !== W.Punct) out.push(connector);
          break;
        }
        if (b >= rs.length) break;
        const na = a;
        const nb = b;
        [wt, a, b] = nextWord(rs, b);
        if (wt !== W.Alphabet) {
          lowerWord(out, W.Number, rs, na, nb, connector);
          if (wt !== W.Connector && wt !== W.Punct) out.push(connector);
          break;
        }
        out.push(connector);
        lowerWord(out, W.Number, rs, na, nb, connector);
        while (wt === W.Alphabet || wt === W.Number) {
          lowerWord(out, wt, rs, a, b, connector);
          [wt, a, b] = nextWord(rs, b);
        }
        if (wt !== W.Invalid && wt !== W.Connector && wt !== W.Punct) out.push(connector);
      }
    }
  }
  lowerWord(out, wt, rs, a, b, connector);
  return String.fromCodePoint(...out);
}

/** xstrings.ToCamelCase (isBig=false) / ToPascalCase (isBig=true). */
export function toCamelCase(s: string, isBig: boolean): string {
  if (s.length === 0) return '';
  // ToCamelCase decodes runes and writes them back: a byte that is not UTF-8 becomes U+FFFD.
  const rs = runes(s).map((r) => (r >= 0xdc80 && r <= 0xdcff ? 0xfffd : r));
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let r1 = 0;
  let firstUpper = false;
  let consumed = false;
  while (i < rs.length) {
    r0 = rs[i++]!;
    consumed = true;
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = isBig ? toUpper(r0) : toLower(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // xstrings writes the last rune again here, even when it was a connector already written ("_" → "__").
    if (consumed) out.push(r0);
    return String.fromCodePoint(...out);
  }
  while (i < rs.length) {
    r1 = r0;
    r0 = rs[i++]!;
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else firstUpper = false;
      }
      out.push(r1);
    }
  }
  if (firstUpper && !isBig) r0 = toLower(r0);
  out.push(r0);
  return String.fromCodePoint(...out);
}
