/**
 * Byte-string helpers for the H5 families. Go strings are byte sequences and several Sprig functions index
 * them by byte (`trunc`, `substr`, `abbrev`, `wrap`) or even turn single bytes into runes (`nospace`,
 * `initials`), so the UTF-16 JavaScript string is converted to a "binary string" (one char per byte) where
 * Go's byte arithmetic can be reproduced exactly, then converted back.
 */
import { goStringFromBytes, utf8Bytes } from '../../util/go/strconv.js';

/** True when every char is ASCII (byte offsets equal string offsets). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The UTF-8 bytes of `s` as a binary string (each char code is one byte, 0..255). */
export function toBinary(s: string): string {
  if (isAscii(s)) return s;
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 4096) {
    out += String.fromCharCode(...b.subarray(i, i + 4096));
  }
  return out;
}

/**
 * Decodes a binary string (bytes) as Go's `string(bytes)`: bytes that are not UTF-8 stay bytes (as the byte
 * escapes of {@link goStringFromBytes}).
 */
export function fromBinary(b: string): string {
  if (isAscii(b)) return b;
  const bytes = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
  return goStringFromBytes(bytes);
}

/** Go's `len(s)`: the UTF-8 byte length. */
export function byteLength(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xdc80 && c <= 0xdcff)
      n += 1; // a byte escape (a lone low surrogate)
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
