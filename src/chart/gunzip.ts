import { ChartLoadError } from './errors.js';

/** True when the bytes start with the gzip magic number. */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream` (Node ≥ 18, browsers, workers), stopping as
 * soon as the output would exceed `maxBytes` — a gzip bomb costs at most `maxBytes` of memory.
 * @param name - the archive's name, for error messages.
 * @throws ChartLoadError `ARCHIVE_INVALID` for bad data, `LIMIT_ARCHIVE_SIZE` when the output is too large.
 */
export async function gunzipBounded(data: Uint8Array, maxBytes: number, name: string): Promise<Uint8Array> {
  if (!isGzip(data)) throw new ChartLoadError('ARCHIVE_INVALID', 'gzip: invalid header', name);
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const reader = input
    .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ChartLoadError(
          'LIMIT_ARCHIVE_SIZE',
          `decompressed chart is larger than the maximum size ${maxBytes}`,
          name,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ChartLoadError) throw e;
    throw new ChartLoadError('ARCHIVE_INVALID', `gzip: ${e instanceof Error ? e.message : String(e)}`, name, {
      cause: e,
    });
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
