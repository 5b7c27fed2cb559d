import { gunzipSync } from 'node:zlib';

/** One raw tar header + content, for layout comparisons. */
export interface RawEntry {
  name: string;
  /** The 512-byte header with mtime and checksum blanked. */
  header: string;
  data: Buffer;
}

/** Splits a .tgz into raw entries (PAX headers kept as their own entries). */
export function rawEntries(tgz: Uint8Array): RawEntry[] {
  const tar = gunzipSync(tgz);
  const out: RawEntry[] = [];
  let off = 0;
  while (off + 512 <= tar.length) {
    const h = Buffer.from(tar.subarray(off, off + 512));
    if (h.every((b) => b === 0)) break;
    const size = Number.parseInt(
      h.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim() || '0',
      8,
    );
    const nameEnd = h.indexOf(0);
    let name = h.subarray(0, nameEnd < 0 || nameEnd > 100 ? 100 : nameEnd).toString('utf8');
    const prefix = h.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    if (prefix) name = `${prefix}/${name}`;
    const blank = Buffer.from(h);
    blank.fill(0x20, 136, 156);
    out.push({
      name,
      header: blank.toString('hex'),
      data: Buffer.from(tar.subarray(off + 512, off + 512 + size)),
    });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
