/**
 * Masterminds/goutils v1.1.1 string helpers as Sprig calls them. Several work on bytes rather than runes
 * (`Abbreviate`, `Wrap`, `Initials`, `DeleteWhiteSpace`), which changes the output for non-ASCII text, so they
 * operate on binary strings (see h5-bytes) to stay byte-exact.
 */
import { fromBinary, toBinary } from './h5-bytes.js';
import { isLower, isSpace, isTitle, isUpper, mapRunes, toLower, toTitle } from './h5-unicode.js';

/** goutils.AbbreviateFull on a binary string (returns null where goutils returns an error). */
function abbreviateFullBin(str: string, offset: number, maxWidth: number): string | null {
  if (str === '') return '';
  if (maxWidth < 4) return null;
  if (str.length <= maxWidth) return str;
  if (offset > str.length) offset = str.length;
  if (str.length - offset < maxWidth - 3) offset = str.length - (maxWidth - 3);
  if (offset <= 4) return `${str.slice(0, maxWidth - 3)}...`;
  if (maxWidth < 7) return null;
  if (offset + maxWidth - 3 < str.length) {
    return `...${abbreviateFullBin(str.slice(offset), 0, maxWidth - 3) ?? ''}`;
  }
  return `...${str.slice(str.length - (maxWidth - 3))}`;
}

/** goutils.AbbreviateFull (errors become ""). */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  return fromBinary(abbreviateFullBin(toBinary(s), offset, maxWidth) ?? '');
}

/** goutils.WrapCustom. */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLong: boolean): string {
  if (s === '') return '';
  const nl = newLine === '' ? '\n' : toBinary(newLine);
  if (wrapLength < 1) wrapLength = 1;
  const str = toBinary(s);
  const len = str.length;
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (str.charCodeAt(offset) === 32) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const spaceToWrapAt = str.slice(offset, end).lastIndexOf(' ') + offset;
    if (spaceToWrapAt >= offset) {
      out += str.slice(offset, spaceToWrapAt) + nl;
      offset = spaceToWrapAt + 1;
    } else if (wrapLong) {
      out += str.slice(offset, wrapLength + offset) + nl;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = str.slice(e).indexOf(' ');
      if (idx >= 0) {
        out += str.slice(offset, idx + e) + nl;
        offset = idx + e + 1;
      } else {
        out += str.slice(offset);
        offset = len;
      }
    }
  }
  out += str.slice(offset);
  return fromBinary(out);
}

/**
 * goutils.Initials: walks bytes, and writes each kept byte as a rune (so a multi-byte character comes out
 * as Latin-1 mojibake, exactly as Helm prints it).
 */
export function initials(s: string): string {
  if (s === '') return s;
  const b = toBinary(s);
  let out = '';
  let gap = true;
  for (let i = 0; i < b.length; i++) {
    const ch = b.charCodeAt(i);
    if (isSpace(ch)) gap = true;
    else if (gap) {
      out += b[i];
      gap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: byte-wise, like {@link initials} (unchanged input is returned as is). */
export function deleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const b = toBinary(s);
  let out = '';
  for (let i = 0; i < b.length; i++) if (!isSpace(b.charCodeAt(i))) out += b[i];
  if (out.length === b.length) return s;
  return out;
}

/** goutils.Uncapitalize (whitespace delimiters). */
export function uncapitalize(s: string): string {
  if (s === '') return s;
  let next = true;
  return mapRunes(s, (r) => {
    if (isSpace(r)) {
      next = true;
      return r;
    }
    if (next) {
      next = false;
      return toLower(r);
    }
    return r;
  });
}

/** goutils.SwapCase. */
export function swapCase(s: string): string {
  if (s === '') return s;
  let ws = true;
  return mapRunes(s, (r) => {
    if (isUpper(r) || isTitle(r)) {
      ws = false;
      return toLower(r);
    }
    if (isLower(r)) {
      if (ws) {
        ws = false;
        return toTitle(r);
      }
      return toUpperSimple(r);
    }
    ws = isSpace(r);
    return r;
  });
}

function toUpperSimple(r: number): number {
  if (r < 0x80) return r >= 97 && r <= 122 ? r - 32 : r;
  const u = String.fromCodePoint(r).toUpperCase();
  const c = u.codePointAt(0)!;
  return u.length === (c > 0xffff ? 2 : 1) ? c : r;
}
