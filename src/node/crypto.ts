import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type RsaKeyParts, setNativeRsaKeyGenerator } from '../funcs/internal/h6-keys.js';

function b64uToBig(s: string | undefined): bigint {
  return BigInt(`0x${Buffer.from(s ?? '', 'base64url').toString('hex') || '0'}`);
}

function parts(privateKey: KeyObject): RsaKeyParts {
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    n: b64uToBig(jwk.n),
    e: b64uToBig(jwk.e),
    d: b64uToBig(jwk.d),
    p: b64uToBig(jwk.p),
    q: b64uToBig(jwk.q),
  };
}

/**
 * RSA keys cost 100+ ms each (charts call `genCA`/`genSelfSignedCert` on every render). Keys are generated
 * with OpenSSL, and a small pool per size is refilled on libuv's thread pool after each use, so repeated
 * renders in one process take keys that were generated in the background. Pooled keys are as random as
 * keys made on demand; they never leave the process.
 */
let poolTarget = 2;
const pools = new Map<number, RsaKeyParts[]>();
const pending = new Map<number, number>();

function refill(bits: number): void {
  const pool = pools.get(bits) ?? [];
  pools.set(bits, pool);
  while (pool.length + (pending.get(bits) ?? 0) < poolTarget) {
    pending.set(bits, (pending.get(bits) ?? 0) + 1);
    generateKeyPair('rsa', { modulusLength: bits, publicExponent: 65537 }, (err, _pub, priv) => {
      pending.set(bits, (pending.get(bits) ?? 1) - 1);
      if (!err) pool.push(parts(priv));
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

/** Makes the function library generate RSA keys with node:crypto (OpenSSL) instead of pure JS. */
export function installNodeCrypto(): void {
  setNativeRsaKeyGenerator((bits) => {
    const key = pools.get(bits)?.shift();
    refill(bits);
    if (key) return key;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
    return parts(privateKey);
  });
}
