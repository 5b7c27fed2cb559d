import { createPrivateKey, generatePrime, generatePrimeSync, sign } from 'node:crypto';
import {
  modInv,
  type RsaKeyParts,
  rsaKeyFromPrimes,
  setNativeRsaKeyGenerator,
  setNativeRsaSigner,
} from '../funcs/internal/h6-keys.js';

/**
 * RSA keys for `genCA`, `genSelfSignedCert`, `genPrivateKey "rsa"` & co. Charts call these on every render, and
 * the keys dominate such renders. Each key is assembled from two primes that OpenSSL generates
 * (`crypto.generatePrime`: CSPRNG candidates with the top two bits set, trial division, 64 Miller–Rabin rounds)
 * the way Go's `rsa.GenerateKey` assembles its primes. OpenSSL's own RSA key generation (FIPS 186-4 auxiliary
 * primes) costs about three times as much on the same machine (~200 ms vs ~60 ms mean for 2048 bits) for keys
 * of the same strength.
 *
 * A small pool per size is refilled on libuv's thread pool after each use, so repeated renders in one process
 * take keys that were generated in the background. Pooled keys are as random as keys made on demand; they never
 * leave the process and each is used once.
 */
let poolTarget = 2;
const pools = new Map<number, RsaKeyParts[]>();
const pending = new Map<number, number>();

function halves(bits: number): [number, number] {
  const half = Math.floor(bits / 2);
  return [half, bits - half];
}

function generateRsaSync(bits: number): RsaKeyParts {
  const [a, b] = halves(bits);
  for (;;) {
    const key = rsaKeyFromPrimes(
      bits,
      generatePrimeSync(a, { bigint: true }),
      generatePrimeSync(b, { bigint: true }),
    );
    if (key) return key;
  }
}

function generateRsaAsync(bits: number, done: (key: RsaKeyParts | undefined) => void): void {
  const [a, b] = halves(bits);
  const primes: (bigint | undefined)[] = [];
  let settled = 0;
  let failed = false;
  const onPrime = (i: number) => (err: Error | null, prime: bigint) => {
    if (err) failed = true;
    else primes[i] = prime;
    if (++settled < 2) return;
    if (failed) return done(undefined);
    const key = rsaKeyFromPrimes(bits, primes[0]!, primes[1]!);
    if (key) done(key);
    else generateRsaAsync(bits, done);
  };
  generatePrime(a, { bigint: true }, onPrime(0));
  generatePrime(b, { bigint: true }, onPrime(1));
}

function refill(bits: number): void {
  const pool = pools.get(bits) ?? [];
  pools.set(bits, pool);
  while (pool.length + (pending.get(bits) ?? 0) < poolTarget) {
    pending.set(bits, (pending.get(bits) ?? 0) + 1);
    generateRsaAsync(bits, (key) => {
      pending.set(bits, (pending.get(bits) ?? 1) - 1);
      if (key) pool.push(key);
    });
  }
}

/**
 * Sets how many RSA keys per size are kept ready in the background (default 2; 0 turns the pool off, as the
 * one-shot CLI does: there background generation would only compete with the render for the CPU).
 */
export function setRsaKeyPoolSize(size: number): void {
  poolTarget = size;
}

/** Starts generating RSA keys of the given size in the background (e.g. when a render is about to start). */
export function prefetchRsaKeys(bits = 2048): void {
  refill(bits);
}

function b64u(v: bigint): string {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

/** RSASSA-PKCS1-v1_5 SHA-256 with OpenSSL: the same (deterministic) bytes as the pure-JS signer. */
function signRsa(k: RsaKeyParts, msg: Uint8Array): Uint8Array {
  const key = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'RSA',
      n: b64u(k.n),
      e: b64u(k.e),
      d: b64u(k.d),
      p: b64u(k.p),
      q: b64u(k.q),
      dp: b64u(k.d % (k.p - 1n)),
      dq: b64u(k.d % (k.q - 1n)),
      qi: b64u(modInv(k.q, k.p)),
    },
  });
  return new Uint8Array(sign('sha256', msg, key));
}

/**
 * Makes the function library generate RSA keys (OpenSSL primes) and sign with RSA through node:crypto instead
 * of pure JS.
 */
export function installNodeCrypto(): void {
  setNativeRsaSigner(signRsa);
  setNativeRsaKeyGenerator((bits) => {
    const key = pools.get(bits)?.shift();
    refill(bits);
    return key ?? generateRsaSync(bits);
  });
}
