/** Byte helpers shared by the H6 function families (Go strings are byte strings; JS strings are UTF-16). */

import { goStringFromBytes, utf8Bytes } from '../../util/go/strconv.js';

/** The bytes of a Go string, as Go's `[]byte(s)` (byte escapes are raw bytes; see util/go/strconv). */
export function utf8(s: string): Uint8Array {
  return utf8Bytes(s);
}

/** A Go `string(bytes)`: bytes that are not UTF-8 stay bytes (byte escapes; see util/go/strconv). */
export function fromUtf8(b: Uint8Array): string {
  return goStringFromBytes(b);
}

const HEX = '0123456789abcdef';

/** Lower-case hex, as Go's `hex.EncodeToString`. */
export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += HEX[x >> 4]! + HEX[x & 15]!;
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 (Go's `base64.StdEncoding.EncodeToString`). */
export function b64encode(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  const rem = b.length - i;
  if (rem === 1) {
    const v = b[i]! << 16;
    out += `${B64[v >> 18]!}${B64[(v >> 12) & 63]!}==`;
  } else if (rem === 2) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8);
    out += `${B64[v >> 18]!}${B64[(v >> 12) & 63]!}${B64[(v >> 6) & 63]!}=`;
  }
  return out;
}

const B64_MAP = new Int16Array(256).fill(-1);
for (let i = 0; i < B64.length; i++) B64_MAP[B64.charCodeAt(i)] = i;

/** A base64/base32 decoding failure at a byte offset (Go's `CorruptInputError`). */
export class CorruptInputError extends Error {
  /** @param kind - `base64` or `base32`. @param offset - the input byte offset Go reports. */
  constructor(kind: string, offset: number) {
    super(`illegal ${kind} data at input byte ${offset}`);
  }
}

/**
 * Go's `base64.StdEncoding.DecodeString`, hand-written because Go's error offsets, its skipping of `\r`/`\n`
 * and its padding rules are visible in `b64dec`'s output (Sprig prints the error text).
 */
export function b64decode(src: Uint8Array): Uint8Array {
  const dst = new Uint8Array(Math.ceil(src.length / 4) * 3);
  let n = 0;
  let si = 0;
  const dbuf = [0, 0, 0, 0];
  while (si < src.length) {
    let dlen = 4;
    let err: number | undefined;
    dbuf.fill(0);
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return dst.subarray(0, n);
        throw new CorruptInputError('base64', si - j);
      }
      const c = src[si]!;
      si++;
      const out = B64_MAP[c]!;
      if (out >= 0) {
        dbuf[j] = out;
        continue;
      }
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      if (c !== 61) throw new CorruptInputError('base64', si - 1);
      if (j === 0 || j === 1) throw new CorruptInputError('base64', si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
        if (si === src.length) throw new CorruptInputError('base64', src.length);
        if (src[si] !== 61) throw new CorruptInputError('base64', si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
      if (si < src.length) err = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    if (dlen >= 2) dst[n] = (val >> 16) & 255;
    if (dlen >= 3) dst[n + 1] = (val >> 8) & 255;
    if (dlen >= 4) dst[n + 2] = val & 255;
    n += dlen - 1;
    if (err !== undefined) throw new CorruptInputError('base64', err);
  }
  return dst.subarray(0, n);
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32_MAP = new Int16Array(256).fill(-1);
for (let i = 0; i < B32.length; i++) B32_MAP[B32.charCodeAt(i)] = i;

/** Standard padded base32 (Go's `base32.StdEncoding.EncodeToString`). */
export function b32encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = [0, 0, 0, 0, 0];
    const len = Math.min(5, b.length - i);
    for (let k = 0; k < len; k++) chunk[k] = b[i + k]!;
    const [c0, c1, c2, c3, c4] = chunk as [number, number, number, number, number];
    const idx = [
      c0 >> 3,
      ((c0 & 7) << 2) | (c1 >> 6),
      (c1 >> 1) & 31,
      ((c1 & 1) << 4) | (c2 >> 4),
      ((c2 & 15) << 1) | (c3 >> 7),
      (c3 >> 2) & 31,
      ((c3 & 3) << 3) | (c4 >> 5),
      c4 & 31,
    ];
    const used = [0, 2, 4, 5, 7, 8][len]!;
    for (let k = 0; k < 8; k++) out += k < used ? B32[idx[k]!]! : '=';
  }
  return out;
}

/**
 * Go's `base32.StdEncoding.DecodeString` (newlines stripped first, then Go's quantum decoder with its exact
 * error offsets), hand-written for the same reason as {@link b64decode}.
 */
export function b32decode(input: Uint8Array): Uint8Array {
  const src = input.filter((c) => c !== 10 && c !== 13);
  const olen = src.length;
  const dst = new Uint8Array(Math.ceil(olen / 8) * 5);
  let n = 0;
  let dsti = 0;
  let pos = 0;
  let end = false;
  while (pos < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (pos === olen) throw new CorruptInputError('base32', olen - j);
      const c = src[pos]!;
      pos++;
      const left = olen - pos;
      if (c === 61 && j >= 2 && left < 8) {
        if (left + j < 7) throw new CorruptInputError('base32', olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[pos + k] !== 61) throw new CorruptInputError('base32', olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw new CorruptInputError('base32', olen - left - 1);
        break;
      }
      const v = B32_MAP[c]!;
      if (v < 0) throw new CorruptInputError('base32', olen - left - 1);
      dbuf[j] = v;
      j++;
    }
    const d = dbuf as [number, number, number, number, number, number, number, number];
    if (dlen >= 8) {
      dst[dsti + 4] = ((d[6] << 5) | d[7]) & 255;
      n++;
    }
    if (dlen >= 7) {
      dst[dsti + 3] = ((d[4] << 7) | (d[5] << 2) | (d[6] >> 3)) & 255;
      n++;
    }
    if (dlen >= 5) {
      dst[dsti + 2] = ((d[3] << 4) | (d[4] >> 1)) & 255;
      n++;
    }
    if (dlen >= 4) {
      dst[dsti + 1] = ((d[1] << 6) | (d[2] << 1) | (d[3] >> 4)) & 255;
      n++;
    }
    if (dlen >= 2) {
      dst[dsti] = ((d[0] << 3) | (d[1] >> 2)) & 255;
      n++;
    }
    dsti += 5;
  }
  return dst.subarray(0, n);
}
