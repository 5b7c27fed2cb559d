/**
 * go-yaml's map key order (`keyList.Less` in sorter.go), for string keys: a "natural" order where runs of
 * digits compare by value and, at the first difference, a non-letter sorts before a letter. yaml.v3 adds one
 * rule (after a shared digit, a letter sorts before a non-letter). Written by hand because the order is
 * go-yaml's own, neither byte order nor any locale collation.
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(String.fromCodePoint(c));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/** Go's `rune - '0'` accumulated in an int64 (wrapping like Go). */
function digitRun(r: number[], from: number, start: bigint): [bigint, number] {
  let n = start;
  let i = from;
  let big = false;
  let small = Number(start);
  for (; i < r.length && isDigit(r[i]); i++) {
    if (!big && small < 1e14) small = small * 10 + (r[i] - 48);
    else {
      if (!big) {
        n = BigInt(small);
        big = true;
      }
      n = BigInt.asIntN(64, n * 10n + BigInt(r[i] - 48));
    }
  }
  return [big ? n : BigInt(small), i];
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * {@link goYamlKeyLessRunes} without allocating, for keys that are ASCII where it matters (almost every key):
 * `undefined` when a non-ASCII character or a digit run too long for exact float arithmetic is met.
 */
function asciiKeyLess(a: string, b: string, v3: boolean): boolean | undefined {
  let digits = false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca >= 128 || cb >= 128) return undefined;
    if (ca === cb) {
      if (v3) digits = isAsciiDigit(ca);
      continue;
    }
    const al = isAsciiLetter(ca);
    const bl = isAsciiLetter(cb);
    if (al && bl) return ca < cb;
    if (al || bl) return v3 && digits ? al : bl;
    let start = 0;
    if (ca === 48 || cb === 48) {
      for (let j = i - 1; j >= 0 && isAsciiDigit(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== 48) {
          start = 1;
          break;
        }
      }
    }
    let av = start;
    let ai = i;
    for (; ai < a.length; ai++) {
      const c = a.charCodeAt(ai);
      if (c >= 128 || ai - i > 14) return undefined;
      if (!isAsciiDigit(c)) break;
      av = av * 10 + (c - 48);
    }
    let bv = start;
    let bi = i;
    for (; bi < b.length; bi++) {
      const c = b.charCodeAt(bi);
      if (c >= 128 || bi - i > 14) return undefined;
      if (!isAsciiDigit(c)) break;
      bv = bv * 10 + (c - 48);
    }
    if (av !== bv) return av < bv;
    if (ai !== bi) return ai < bi;
    return ca < cb;
  }
  return a.length < b.length;
}

/** `keyList.Less` for two string keys; `v3` selects yaml.v3's variant. */
export function goYamlKeyLess(a: string, b: string, v3: boolean): boolean {
  return asciiKeyLess(a, b, v3) ?? goYamlKeyLessRunes(a, b, v3);
}

/** `keyList.Less` over runes, for any keys (exported for the test that checks the ASCII fast path). */
export function goYamlKeyLessRunes(a: string, b: string, v3: boolean): boolean {
  const ar = runes(a);
  const br = runes(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      if (v3) digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return v3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    const [av, ai] = digitRun(ar, i, an);
    const [bv, bi] = digitRun(br, i, bn);
    if (av !== bv) return av < bv;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Sorts string map keys in go-yaml's order (yaml.v2, or yaml.v3 when `v3`). */
export function sortGoYamlKeys(keys: string[], v3: boolean): string[] {
  return keys.sort((x, y) => (goYamlKeyLess(x, y, v3) ? -1 : goYamlKeyLess(y, x, v3) ? 1 : 0));
}
