import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import { rsaSignPkcs1Sha256 } from '../../src/funcs/internal/h6-keys.js';
import { installNodeCrypto, prefetchRsaKeys, setRsaKeyPoolSize } from '../../src/node/crypto.js';
import type { GoStruct } from '../../src/util/go/value.js';

const big = (b64u: string | undefined): bigint =>
  BigInt(`0x${Buffer.from(b64u ?? '', 'base64url').toString('hex')}`);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Checks an RSA private key PEM the way a consumer would rely on it: sizes, algebra, a signature round trip. */
function checkRsaPem(pem: string, bits: number): void {
  const key = createPrivateKey(pem);
  expect(key.asymmetricKeyType).toBe('rsa');
  expect(key.asymmetricKeyDetails?.modulusLength).toBe(bits);
  expect(key.asymmetricKeyDetails?.publicExponent).toBe(65537n);
  const jwk = key.export({ format: 'jwk' });
  const [n, e, d, p, q] = [jwk.n, jwk.e, jwk.d, jwk.p, jwk.q].map(big) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  expect(p * q).toBe(n);
  expect(p).toBeGreaterThan(q);
  expect(p.toString(2).length + q.toString(2).length).toBe(bits);
  const phi = (p - 1n) * (q - 1n);
  expect((d * e) % phi).toBe(1n);
  expect(big(jwk.dp)).toBe(d % (p - 1n));
  expect(big(jwk.dq)).toBe(d % (q - 1n));
  expect((big(jwk.qi) * q) % p).toBe(1n);
  expect(gcd(e, phi)).toBe(1n);
  const data = Buffer.from('helmkit');
  expect(verify('sha256', data, createPublicKey(key), sign('sha256', data, key))).toBe(true);
}

describe('native RSA keys (OpenSSL primes assembled as Go does)', () => {
  installNodeCrypto();
  const f = createFuncMap({ compat: 'helm3' });

  it('genPrivateKey "rsa" is a valid 4096-bit key', () => {
    checkRsaPem(String(f.genPrivateKey!.call('rsa')), 4096);
  }, 60000);

  it('genCA signs itself with a valid 2048-bit key, and keys differ between calls', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const ca = f.genCA!.call('my-ca', 365n) as GoStruct;
      const keyPem = String(ca.fields.Key);
      checkRsaPem(keyPem, 2048);
      const cert = new X509Certificate(String(ca.fields.Cert));
      expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
      expect(cert.verify(cert.publicKey)).toBe(true);
      keys.add(keyPem);
    }
    expect(keys.size).toBe(4);
  }, 60000);

  it('OpenSSL signatures are byte-identical to the pure-JS PKCS#1 v1.5 signer (certificates verify)', () => {
    const keyPem = String((f.genPrivateKey!.call('rsa') as string) ?? '');
    const jwk = createPrivateKey(keyPem).export({ format: 'jwk' });
    const parts = { n: big(jwk.n), e: big(jwk.e), d: big(jwk.d), p: big(jwk.p), q: big(jwk.q) };
    const msg = Buffer.from('to be signed');
    const js = rsaSignPkcs1Sha256(parts, msg);
    expect(Buffer.from(js).equals(sign('sha256', msg, createPrivateKey(keyPem)))).toBe(true);
    const ca = f.genCA!.call('signer', 5n) as GoStruct;
    const leaf = f.genSignedCert!.call('leaf', null, null, 5n, ca) as GoStruct;
    const cert = new X509Certificate(String(leaf.fields.Cert));
    expect(cert.verify(new X509Certificate(String(ca.fields.Cert)).publicKey)).toBe(true);
  }, 60000);

  it('keys from the background pool are valid and used once', async () => {
    setRsaKeyPoolSize(2);
    prefetchRsaKeys(2048);
    // Wait until the pool has had time to fill on libuv's threads.
    await new Promise((r) => setTimeout(r, 1500));
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const ca = f.genCA!.call('pool', 1n) as GoStruct;
      checkRsaPem(String(ca.fields.Key), 2048);
      seen.add(String(ca.fields.Key));
    }
    expect(seen.size).toBe(3);
    setRsaKeyPoolSize(0);
  }, 60000);
});
