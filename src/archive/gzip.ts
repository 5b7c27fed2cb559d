import { ArchiveError } from './errors.js';

/**
 * Compresses bytes into one standard gzip member (RFC 1952) with a plain 10-byte header (no name, no extra
 * field), such as `CompressionStream('gzip')` or Node's `zlib.gzipSync` produce.
 */
export type GzipCompressor = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

// The extra field and comment Go's gzip writer is given by Helm's chartutil.Save (headerBytes / "Helm").
const HELM_EXTRA = new TextEncoder().encode('+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=');
const HELM_COMMENT = new TextEncoder().encode('Helm\0');

/**
 * The gzip header exactly as Helm writes it: FLG = FEXTRA|FCOMMENT, MTIME 0, XFL 0 (Go's default level), OS 255
 * (Go's "unknown"), then the extra field and the comment `Helm`. Written by hand because neither zlib nor
 * CompressionStream can write an extra field or a comment.
 */
function helmGzipHeader(): Uint8Array {
  const h = new Uint8Array(10 + 2 + HELM_EXTRA.length + HELM_COMMENT.length);
  h.set([0x1f, 0x8b, 0x08, 0x14, 0, 0, 0, 0, 0x00, 0xff]);
  h[10] = HELM_EXTRA.length & 0xff;
  h[11] = HELM_EXTRA.length >> 8;
  h.set(HELM_EXTRA, 12);
  h.set(HELM_COMMENT, 12 + HELM_EXTRA.length);
  return h;
}

/** Compresses with the platform's `CompressionStream('gzip')` (Node ≥ 18, browsers, workers). */
export async function webGzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream as ReadableStream<Uint8Array<ArrayBuffer>>).arrayBuffer());
}

/**
 * Gzips `data` with Helm's gzip header. The deflate body, CRC-32 and size come from `compress` (whose own plain
 * header is swapped for Helm's), so the result is deterministic for a given compressor.
 */
export async function gzipHelm(data: Uint8Array, compress: GzipCompressor = webGzip): Promise<Uint8Array> {
  const gz = await compress(data);
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0) {
    throw new ArchiveError('ARCHIVE_WRITE', 'gzip compressor returned an unexpected header');
  }
  const header = helmGzipHeader();
  const out = new Uint8Array(header.length + gz.length - 10);
  out.set(header, 0);
  out.set(gz.subarray(10), header.length);
  return out;
}
