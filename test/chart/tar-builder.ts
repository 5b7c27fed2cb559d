// Builds (possibly hostile) .tgz archives in memory for loader tests.
import { gzipSync } from 'node:zlib';

/** One archive entry. `type`: '0' file, '5' dir, '2' symlink, '1' hard link. */
export interface Entry {
  name: string;
  data?: string | Uint8Array;
  type?: string;
  linkName?: string;
}

function header(name: string, size: number, type: string, linkName: string): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, off: number, len: number) => {
    const b = new TextEncoder().encode(s);
    h.set(b.subarray(0, len), off);
  };
  put(name, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('00000000000\0', 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put(linkName, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

/** Uncompressed tar bytes. */
export function tar(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? new TextEncoder().encode(e.data) : (e.data ?? new Uint8Array());
    parts.push(header(e.name, data.length, e.type ?? '0', e.linkName ?? ''));
    parts.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** A gzipped tar. */
export function tgz(entries: Entry[]): Uint8Array {
  return new Uint8Array(gzipSync(tar(entries)));
}

/** Chart.yaml text for a chart named `name`. */
export function chartYaml(name: string): string {
  return `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
}
