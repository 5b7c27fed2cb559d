/** Go `strings` functions whose edge cases differ from JavaScript's (empty separators split by rune, panics). */
import { GoFuncError } from '../../util/go/func.js';
import { isDigit, isLetter, isSpace, mapRunes, toTitle } from './h5-unicode.js';

/** Go's `strings.Split` with `n` (SplitN; n < 0 means all, n == 0 gives no parts). */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = Array.from(s);
    if (n < 0 || n >= rs.length) return rs;
    const head = rs.slice(0, n - 1);
    head.push(rs.slice(n - 1).join(''));
    return head;
  }
  if (n < 0) return s.split(sep);
  const out: string[] = [];
  let start = 0;
  while (out.length < n - 1) {
    const i = s.indexOf(sep, start);
    if (i < 0) break;
    out.push(s.slice(start, i));
    start = i + sep.length;
  }
  out.push(s.slice(start));
  return out;
}

/** Go's `strings.Replace(s, old, new, -1)`: an empty `old` inserts `new` around every rune. */
export function goReplaceAll(s: string, old: string, rep: string): string {
  if (old === '') {
    let out = rep;
    for (const ch of s) out += ch + rep;
    return out;
  }
  return s.split(old).join(rep);
}

/** Go's `strings.Trim(s, cutset)`: strips leading and trailing runes found in cutset. */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set<number>();
  for (const ch of cutset) set.add(ch.codePointAt(0)!);
  const rs = Array.from(s);
  let a = 0;
  let b = rs.length;
  while (a < b && set.has(rs[a]!.codePointAt(0)!)) a++;
  while (b > a && set.has(rs[b - 1]!.codePointAt(0)!)) b--;
  return rs.slice(a, b).join('');
}

/** Go's `strings.Repeat`, including its panics. */
export function goRepeat(s: string, count: number): string {
  if (count < 0) throw new GoFuncError('strings: negative Repeat count');
  if (s.length * count > 0x1fffffe8) throw new GoFuncError('strings: Repeat output length overflow');
  return s.repeat(count);
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if ((r >= 48 && r <= 57) || (r >= 97 && r <= 122) || (r >= 65 && r <= 90) || r === 95) return false;
    return true;
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** Go's (deprecated) `strings.Title`. */
export function goTitle(s: string): string {
  let prev = 32;
  return mapRunes(s, (r) => {
    const sep = isSeparator(prev);
    prev = r;
    return sep ? toTitle(r) : r;
  });
}
