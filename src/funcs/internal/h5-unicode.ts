/**
 * Go's `unicode` predicates and simple (one-rune) case mappings. Hand-written because JavaScript's
 * `toUpperCase` applies full case mapping (`ß` → `SS`) whereas Go maps rune by rune and keeps a rune that
 * has no single-rune mapping; Go also has a title case (`ǆ` → `ǅ`) that JavaScript lacks.
 */
import { isGoSpace } from '../../util/go/strings.js';

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const DIGIT = /^\p{Nd}$/u;
const PUNCT = /^\p{P}$/u;

/** `unicode.IsUpper`. */
export function isUpper(r: number): boolean {
  if (r < 0x80) return r >= 65 && r <= 90;
  return UPPER.test(String.fromCodePoint(r));
}
/** `unicode.IsLower`. */
export function isLower(r: number): boolean {
  if (r < 0x80) return r >= 97 && r <= 122;
  return LOWER.test(String.fromCodePoint(r));
}
/** `unicode.IsTitle`. */
export function isTitle(r: number): boolean {
  if (r < 0x80) return false;
  return TITLE.test(String.fromCodePoint(r));
}
/** `unicode.IsLetter`. */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  return LETTER.test(String.fromCodePoint(r));
}
/** `unicode.IsNumber`. */
export function isNumber(r: number): boolean {
  if (r < 0x80) return r >= 48 && r <= 57;
  return NUMBER.test(String.fromCodePoint(r));
}
/** `unicode.IsDigit`. */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 48 && r <= 57;
  return DIGIT.test(String.fromCodePoint(r));
}
/** `unicode.IsPunct`. */
export function isPunct(r: number): boolean {
  return PUNCT.test(String.fromCodePoint(r));
}
/** `unicode.IsSpace`. */
export const isSpace: (r: number) => boolean = isGoSpace;

function single(s: string, r: number): number {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : r;
}

/** `unicode.ToUpper` (simple mapping). */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 97 && r <= 122 ? r - 32 : r;
  return single(String.fromCodePoint(r).toUpperCase(), r);
}
/** `unicode.ToLower` (simple mapping). */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 65 && r <= 90 ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: Go's simple mapping is i; JS gives i + combining dot.
  return single(String.fromCodePoint(r).toLowerCase(), r);
}
/** `unicode.ToTitle` (simple mapping; the Latin digraphs have their own title case). */
export function toTitle(r: number): number {
  if (r >= 0x1c4 && r <= 0x1cc) return 0x1c5 + 3 * Math.floor((r - 0x1c4) / 3);
  if (r >= 0x1f1 && r <= 0x1f3) return 0x1f2;
  return toUpper(r);
}

/** Maps every rune of `s` through `f` (as Go's `strings.Map`). */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    // A byte that is not UTF-8 (a byte escape, see util/go/strconv) decodes as U+FFFD, which Go writes out.
    if (r >= 0xdc80 && r <= 0xdcff) r = 0xfffd;
    const m = f(r);
    out += m === r && r !== 0xfffd ? ch : String.fromCodePoint(m);
  }
  return out;
}

/** Go's `strings.ToUpper`. */
export function goUpper(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  return ascii ? s.toUpperCase() : mapRunes(s, toUpper);
}
/** Go's `strings.ToLower`. */
export function goLower(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  return ascii ? s.toLowerCase() : mapRunes(s, toLower);
}
