/** Randomness for the H6 families: Web Crypto's synchronous `getRandomValues` (no node built-ins). */

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let off = 0; off < n; off += 65536) {
    globalThis.crypto.getRandomValues(b.subarray(off, Math.min(n, off + 65536)));
  }
  return b;
}

/** A uniform random integer in `[0, n)` for `0 < n ≤ 2^53` (rejection sampling, no modulo bias). */
export function randomBelow(n: number): number {
  if (n <= 0xffffffff) {
    const limit = Math.floor(0x100000000 / n) * n;
    const buf = new Uint32Array(1);
    for (;;) {
      globalThis.crypto.getRandomValues(buf);
      if (buf[0]! < limit) return buf[0]! % n;
    }
  }
  const big = randomBigBelow(BigInt(n));
  return Number(big);
}

/** A uniform random bigint in `[0, n)`. */
export function randomBigBelow(n: bigint): bigint {
  if (n <= 0n) throw new RangeError('randomBigBelow: n must be positive');
  const bits = n.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const excess = bytes * 8 - bits;
  for (;;) {
    const b = randomBytes(bytes);
    b[0] = b[0]! & (0xff >> excess);
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    if (v < n) return v;
  }
}
