/**
 * A minimal tar writer that produces exactly the headers Go's `archive/tar` writes for `tar.Header{Name, Mode,
 * Size, ModTime}` with no explicit format — which is what `helm package` writes. Hand-written (instead of npm
 * `tar`) because byte-exact layout matters: USTAR with Go's prefix/name split when the path allows it, otherwise
 * a PAX `path` record in a `PaxHeaders.0` entry, Go's field padding, checksum format and no trailing record
 * padding (Go writes two zero blocks and stops).
 */

const BLOCK = 512;
const NAME_SIZE = 100;
const PREFIX_SIZE = 155;
const encoder = new TextEncoder();

/** One regular file to write. */
export interface TarFileEntry {
  /** Path inside the archive (forward slashes, no leading slash). */
  readonly name: string;
  /** Content. */
  readonly data: Uint8Array;
  /** Permission bits (default 0o644, as Helm writes). */
  readonly mode?: number;
  /** Modification time in whole seconds since the Unix epoch. */
  readonly mtime: number;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Go's `toASCII`: drops every non-ASCII character. */
function toAscii(s: string): string {
  if (isAscii(s)) return s;
  let out = '';
  for (const ch of s) if (ch.charCodeAt(0) < 0x80) out += ch;
  return out;
}

/** Go's `splitUSTARPath` (byte lengths; only called for ASCII names). */
function splitUstarPath(name: string): [string, string] | undefined {
  let length = name.length;
  if (length <= NAME_SIZE || !isAscii(name)) return undefined;
  if (length > PREFIX_SIZE + 1) length = PREFIX_SIZE + 1;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  const plen = i;
  if (i <= 0 || nlen > NAME_SIZE || nlen === 0 || plen > PREFIX_SIZE) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Go's `formatter.formatString` on an ASCII string. */
function putString(blk: Uint8Array, off: number, size: number, s: string): void {
  const b = encoder.encode(s);
  const n = Math.min(b.length, size);
  blk.set(b.subarray(0, n), off);
  if (b.length < size) blk[off + b.length] = 0;
  if (b.length > size && blk[off + size - 1] === 0x2f) {
    // Go replaces a trailing slash of a truncated V7 name by NUL.
    let m = size;
    while (m > 0 && blk[off + m - 1] === 0x2f) m--;
    blk[off + m] = 0;
  }
}

/** Go's `formatter.formatOctal`: zero-padded octal leaving room for a NUL. */
function putOctal(blk: Uint8Array, off: number, size: number, x: number): void {
  let s = x.toString(8);
  const pad = size - s.length - 1;
  if (pad > 0) s = '0'.repeat(pad) + s;
  putString(blk, off, size, s);
}

function finishBlock(blk: Uint8Array): void {
  // Magic "ustar\0" and version "00" (USTAR and PAX share them in Go's writer).
  blk.set([0x75, 0x73, 0x74, 0x61, 0x72, 0x00, 0x30, 0x30], 257);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : blk[i];
  putOctal(blk, 148, 7, sum);
  blk[155] = 0x20;
}

function paxRecord(key: string, value: string): string {
  const kv = encoder.encode(`${key}=${value}\n`).length;
  let size = kv + 1;
  size += String(size).length;
  let rec = `${size} ${key}=${value}\n`;
  const len = encoder.encode(rec).length;
  if (len !== size) rec = `${len} ${key}=${value}\n`;
  return rec;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(0, i) : '';
}

/** Builds tar archives in memory, one regular file at a time. */
export class TarWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  private push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }

  private pushData(data: Uint8Array): void {
    if (data.length === 0) return;
    this.push(data);
    const rem = data.length % BLOCK;
    if (rem !== 0) this.push(new Uint8Array(BLOCK - rem));
  }

  /** Appends one regular file, choosing USTAR or PAX the way Go does. */
  addFile(entry: TarFileEntry): void {
    const { name, data, mtime } = entry;
    const mode = entry.mode ?? 0o644;
    let prefix = '';
    let shortName = name;
    const needsPax = !isAscii(name) || encoder.encode(name).length > NAME_SIZE;
    if (needsPax) {
      const split = splitUstarPath(name);
      if (split) {
        [prefix, shortName] = split;
      } else {
        this.writePaxHeader(name);
        shortName = toAscii(name);
      }
    }
    const blk = new Uint8Array(BLOCK);
    putString(blk, 0, 100, shortName);
    putOctal(blk, 100, 8, mode);
    putOctal(blk, 108, 8, 0);
    putOctal(blk, 116, 8, 0);
    putOctal(blk, 124, 12, data.length);
    putOctal(blk, 136, 12, mtime);
    blk[156] = 0x30;
    putOctal(blk, 329, 8, 0);
    putOctal(blk, 337, 8, 0);
    if (prefix !== '') putString(blk, 345, PREFIX_SIZE, prefix);
    finishBlock(blk);
    this.push(blk);
    this.pushData(data);
  }

  /** Go's `writePAXHeader` + `writeRawFile` for a single `path` record. */
  private writePaxHeader(name: string): void {
    const data = encoder.encode(paxRecord('path', name));
    const dir = dirname(name);
    let hname = toAscii(
      dir === '' ? `PaxHeaders.0/${basename(name)}` : `${dir}/PaxHeaders.0/${basename(name)}`,
    );
    if (hname.length > NAME_SIZE) hname = hname.slice(0, NAME_SIZE);
    hname = hname.replace(/\/+$/, '');
    const blk = new Uint8Array(BLOCK);
    putString(blk, 0, 100, hname);
    putOctal(blk, 100, 8, 0);
    putOctal(blk, 108, 8, 0);
    putOctal(blk, 116, 8, 0);
    putOctal(blk, 124, 12, data.length);
    putOctal(blk, 136, 12, 0);
    blk[156] = 0x78; // 'x'
    finishBlock(blk);
    this.push(blk);
    this.pushData(data);
  }

  /** Closes the archive (two zero blocks, as Go writes) and returns its bytes. */
  finish(): Uint8Array {
    this.push(new Uint8Array(BLOCK * 2));
    const out = new Uint8Array(this.length);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}
