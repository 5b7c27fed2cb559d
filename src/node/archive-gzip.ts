import { gzipSync } from 'node:zlib';
import { DEFAULT_ARCHIVE_MTIME } from '../archive/package.js';

/** Node's zlib gzip (default level): same deflate bytes as `CompressionStream('gzip')`, without stream overhead. */
export function nodeGzip(data: Uint8Array): Uint8Array {
  return gzipSync(data);
}

/**
 * The archive mtime to use: `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set to a valid number of seconds,
 * else helmkit's fixed default.
 */
export function archiveMtime(env: NodeJS.ProcessEnv = process.env): number {
  const s = env.SOURCE_DATE_EPOCH;
  if (s !== undefined && /^[0-9]{1,11}$/.test(s)) {
    const n = Number(s);
    if (n < 8 ** 11) return n;
  }
  return DEFAULT_ARCHIVE_MTIME;
}
