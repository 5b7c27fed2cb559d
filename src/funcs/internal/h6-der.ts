/** Minimal ASN.1 DER encoding/decoding and PEM, for Sprig's key and certificate functions. */
import { b64decode, b64encode } from './h6-bytes.js';

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function lengthBytes(n: number): Uint8Array {
  if (n < 128) return Uint8Array.of(n);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 255);
    n = Math.floor(n / 256);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** A DER TLV with the given tag byte. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(Uint8Array.of(tag), lengthBytes(body.length), body);
}

/** SEQUENCE. */
export const seq = (...c: Uint8Array[]): Uint8Array => tlv(0x30, ...c);
/** SET. */
export const set = (...c: Uint8Array[]): Uint8Array => tlv(0x31, ...c);
/** OCTET STRING. */
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
/** NULL. */
export const derNull = (): Uint8Array => Uint8Array.of(5, 0);
/** BOOLEAN. */
export const bool = (v: boolean): Uint8Array => Uint8Array.of(1, 1, v ? 0xff : 0);
/** BIT STRING with `unused` trailing bits. */
export const bitString = (b: Uint8Array, unused = 0): Uint8Array => tlv(0x03, Uint8Array.of(unused), b);
/** Explicit context tag `[n]`. */
export const explicit = (n: number, ...c: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...c);

/** Big-endian unsigned bytes of a non-negative bigint (at least one byte). */
export function bigToBytes(v: bigint, len = 0): Uint8Array {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const n = Math.max(len, hex.length / 2);
  const out = new Uint8Array(n);
  const off = n - hex.length / 2;
  for (let i = 0; i < hex.length / 2; i++) out[off + i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Bigint from big-endian unsigned bytes. */
export function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** INTEGER (non-negative). */
export function int(v: bigint | number): Uint8Array {
  let b = bigToBytes(BigInt(v));
  if (b[0]! & 0x80) b = concat(Uint8Array.of(0), b);
  return tlv(0x02, b);
}

/** OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    let v = Math.floor(p / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...stack);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** A parsed DER element. */
export interface Der {
  tag: number;
  /** Content bytes. */
  body: Uint8Array;
  /** Whole encoding (tag, length, content). */
  raw: Uint8Array;
}

/** A DER decoding failure. */
export class DerError extends Error {}

/** Reads one DER element at `off`. */
export function readDer(b: Uint8Array, off = 0): Der {
  if (off + 2 > b.length) throw new DerError('truncated');
  const tag = b[off]!;
  let len = b[off + 1]!;
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > b.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i]!;
    p += n;
  }
  if (p + len > b.length) throw new DerError('truncated');
  return { tag, body: b.subarray(p, p + len), raw: b.subarray(off, p + len) };
}

/** The child elements of a constructed element. */
export function children(d: Der): Der[] {
  const out: Der[] = [];
  let off = 0;
  while (off < d.body.length) {
    const c = readDer(d.body, off);
    out.push(c);
    off += c.raw.length;
  }
  return out;
}

/** Decodes an INTEGER element. */
export function derInt(d: Der): bigint {
  if (d.tag !== 0x02) throw new DerError('expected integer');
  return bytesToBig(d.body);
}

/** Decodes an OBJECT IDENTIFIER element to dotted text. */
export function derOid(d: Der): string {
  if (d.tag !== 0x06) throw new DerError('expected oid');
  const b = d.body;
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** Go's `pem.EncodeToMemory`: base64 body in 64-column lines. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = b64encode(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`;
}

/** Go's `pem.Decode` (first block; headers skipped), or undefined when there is none. */
export function pemDecode(text: string): { type: string; bytes: Uint8Array } | undefined {
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/;
  const m = re.exec(text);
  if (!m) return undefined;
  let body = m[2]!;
  // drop RFC 1421 headers
  if (/^[^\n]*:/.test(body)) body = body.slice(body.indexOf('\n\n') + 2);
  try {
    const bytes = b64decode(new TextEncoder().encode(body.replace(/[ \t\r\n]/g, '')));
    return { type: m[1]!, bytes };
  } catch {
    return undefined;
  }
}
