import { generateKeyPairSync } from 'node:crypto';
import { setNativeRsaKeyGenerator } from '../funcs/internal/h6-keys.js';

function b64uToBig(s: string): bigint {
  return BigInt(`0x${Buffer.from(s, 'base64url').toString('hex') || '0'}`);
}

/** Makes the function library generate RSA keys with node:crypto (OpenSSL) instead of pure JS. */
export function installNodeCrypto(): void {
  setNativeRsaKeyGenerator((bits) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
    const jwk = privateKey.export({ format: 'jwk' });
    return {
      n: b64uToBig(jwk.n!),
      e: b64uToBig(jwk.e!),
      d: b64uToBig(jwk.d!),
      p: b64uToBig(jwk.p!),
      q: b64uToBig(jwk.q!),
    };
  });
}
