import { ChartLoadError } from './errors.js';

/** One entry of a tar archive, as Go's `archive/tar` reports it (PAX and GNU long names applied). */
export interface TarEntry {
  /** Entry name as stored. */
  name: string;
  /** Type flag character (`0` file, `5` dir, `2` symlink, `1` hard link...). */
  type: string;
  /** Link target for links. */
  linkName: string;
  /** Content (a view into the archive buffer, no copy). */
  data: Uint8Array;
}

const BLOCK = 512;
const utf8 = new TextDecoder('utf-8');

function cString(buf: Uint8Array, off: number, len: number): string {
  let end = off;
  const max = off + len;
  while (end < max && buf[end] !== 0) end++;
  return utf8.decode(buf.subarray(off, end));
}

function parseNumeric(buf: Uint8Array, off: number, len: number, name: string): number {
  if (buf[off] & 0x80) {
    // GNU base-256 encoding.
    let v = 0;
    for (let i = 1; i < len; i++) {
      v = v * 256 + buf[off + i];
      if (v > Number.MAX_SAFE_INTEGER) throw invalid(name);
    }
    return v;
  }
  const s = cString(buf, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw invalid(name);
  return Number.parseInt(s, 8);
}

function invalid(name: string): ChartLoadError {
  return new ChartLoadError('ARCHIVE_INVALID', 'archive/tar: invalid tar header', name);
}

function isZeroBlock(buf: Uint8Array, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

function checksumOk(buf: Uint8Array, off: number): boolean {
  const stored = cString(buf, off + 148, 8).trim();
  if (!/^[0-7]+$/.test(stored)) return false;
  const want = Number.parseInt(stored, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : buf[off + i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return want === unsigned || want === signed;
}

function parsePax(data: Uint8Array, name: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = utf8.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) throw invalid(name);
    const len = Number.parseInt(text.slice(i, sp), 10);
    if (!(len > 0)) throw invalid(name);
    // Lengths are in bytes; records are ASCII-dominated, so re-measure on the encoded form.
    const rec = sliceBytes(text, i, len);
    const body = rec.slice(sp - i + 1, rec.length - 1);
    const eq = body.indexOf('=');
    if (eq < 0) throw invalid(name);
    out.set(body.slice(0, eq), body.slice(eq + 1));
    i += rec.length;
  }
  return out;
}

const enc = new TextEncoder();
function sliceBytes(text: string, start: number, byteLen: number): string {
  let bytes = 0;
  let j = start;
  while (j < text.length && bytes < byteLen) {
    const cp = text.codePointAt(j)!;
    bytes += enc.encode(String.fromCodePoint(cp)).length;
    j += cp > 0xffff ? 2 : 1;
  }
  return text.slice(start, j);
}

/**
 * Reads a (decompressed) tar archive: ustar, GNU long names and PAX headers. Written by hand so the core has no
 * Node dependency and so every limit is checked before any content is copied.
 * @param onEntry - called for each regular entry, in archive order; may throw to stop.
 * @throws ChartLoadError `ARCHIVE_INVALID` for a corrupt archive.
 */
export function readTar(buf: Uint8Array, archiveName: string, onEntry: (entry: TarEntry) => void): void {
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Map<string, string> | undefined;
  while (off + BLOCK <= buf.length) {
    if (isZeroBlock(buf, off)) return;
    if (!checksumOk(buf, off)) throw invalid(archiveName);
    let name = cString(buf, off, 100);
    const size = parseNumeric(buf, off + 124, 12, archiveName);
    const type = String.fromCharCode(buf[off + 156] || 0x30);
    let linkName = cString(buf, off + 157, 100);
    const magic = cString(buf, off + 257, 6);
    if (magic === 'ustar') {
      const prefix = cString(buf, off + 345, 155);
      if (prefix !== '') name = `${prefix}/${name}`;
    }
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > buf.length) {
      throw new ChartLoadError('ARCHIVE_INVALID', 'unexpected EOF', archiveName);
    }
    const data = buf.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    switch (type) {
      case 'L':
        longName = cString(data, 0, data.length);
        continue;
      case 'K':
        longLink = cString(data, 0, data.length);
        continue;
      case 'x':
        pax = parsePax(data, archiveName);
        continue;
      case 'g':
        continue;
    }
    if (longName !== undefined) name = longName;
    if (longLink !== undefined) linkName = longLink;
    if (pax) {
      const p = pax.get('path');
      if (p !== undefined) name = p;
      const l = pax.get('linkpath');
      if (l !== undefined) linkName = l;
    }
    longName = longLink = pax = undefined;
    let t = type;
    if (t === '\0' || t === '0' || t === '7') t = name.endsWith('/') ? '5' : '0';
    onEntry({ name, type: t, linkName, data });
  }
  if (off < buf.length) throw new ChartLoadError('ARCHIVE_INVALID', 'unexpected EOF', archiveName);
}
