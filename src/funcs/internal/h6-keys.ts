/**
 * Private keys for Sprig's `genPrivateKey` and certificate functions: RSA and DSA generated with BigInt
 * arithmetic (Web Crypto is asynchronous, template functions are not), ECDSA and Ed25519 through @noble/curves.
 * PEM shapes follow Go: PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, Sprig's ASN.1 `DSA PRIVATE KEY`,
 * PKCS#8 `PRIVATE KEY` for Ed25519.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import {
  bigToBytes,
  bitString,
  bytesToBig,
  children,
  concat,
  type Der,
  derInt,
  derNull,
  derOid,
  explicit,
  int,
  octets,
  oid,
  readDer,
  seq,
} from './h6-der.js';
import { randomBigBelow, randomBytes } from './h6-random.js';

/** A private key of one of the kinds Go's x509 knows. */
export type PrivateKey =
  | { kind: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint }
  | { kind: 'ecdsa'; curve: 'P-256' | 'P-384' | 'P-521'; d: Uint8Array }
  | { kind: 'ed25519'; seed: Uint8Array }
  | { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint; x: bigint };

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

/** The inverse of `a` modulo `m` (extended Euclid). */
export function modInv(a: bigint, m: bigint): bigint {
  let [or, r] = [a % m, m];
  let [os, s] = [1n, 0n];
  while (r !== 0n) {
    const q = or / r;
    [or, r] = [r, or - q * r];
    [os, s] = [s, os - q * s];
  }
  return ((os % m) + m) % m;
}

const SMALL_PRIMES: number[] = [];
for (let i = 3; SMALL_PRIMES.length < 2000; i += 2) {
  if (SMALL_PRIMES.every((p) => p * p > i || i % p !== 0)) SMALL_PRIMES.push(i);
}

function passesSieve(n: bigint): boolean {
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  return true;
}

/** Miller–Rabin with `rounds` random bases (after a small-prime sieve unless `sieved`). */
export function isProbablePrime(n: bigint, rounds = 20, sieved = false): boolean {
  if (n < 2n) return false;
  if (n % 2n === 0n) return n === 2n;
  if (!sieved && !passesSieve(n)) return false;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  outer: for (let i = 0; i < rounds; i++) {
    const a = 2n + randomBigBelow(n - 3n);
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

function randomBits(bits: number): bigint {
  const bytes = randomBytes(Math.ceil(bits / 8));
  let v = bytesToBig(bytes);
  v &= (1n << BigInt(bits)) - 1n;
  return v;
}

/**
 * A random prime of exactly `bits` bits with the top two bits set (so p*q has 2*bits bits). Candidates step by 2
 * from a random start; residues modulo the small primes are computed once and updated with plain numbers, so
 * only survivors of the sieve pay for a BigInt modular exponentiation.
 */
function randomPrime(bits: number): bigint {
  for (;;) {
    const start = randomBits(bits) | (3n << BigInt(bits - 2)) | 1n;
    const residues = SMALL_PRIMES.map((p) => Number(start % BigInt(p)));
    for (let k = 0; k < 20000; k += 2) {
      let ok = true;
      for (let i = 0; i < SMALL_PRIMES.length; i++) {
        if ((residues[i]! + k) % SMALL_PRIMES[i]! === 0) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const c = start + BigInt(k);
      if (isProbablePrime(c, 8, true)) return c;
    }
  }
}

/** RSA key material as a native generator returns it. */
export interface RsaKeyParts {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
}

let nativeRsa: ((bits: number) => RsaKeyParts) | undefined;

/**
 * Installs a native RSA key generator (the Node entry point passes one built on node:crypto). Pure-JS prime
 * search costs seconds for 4096-bit keys; the native one is what makes `genCA` & co. as fast as Go's.
 */
export function setNativeRsaKeyGenerator(fn: ((bits: number) => RsaKeyParts) | undefined): void {
  nativeRsa = fn;
}

/**
 * Assembles an RSA key (e = 65537) from two primes as Go's `rsa.GenerateKey` does: rejected (undefined) when
 * the primes are equal, the modulus is not exactly `bits` long, or e divides the totient; otherwise
 * d = e⁻¹ mod φ(n), with p the larger prime.
 */
export function rsaKeyFromPrimes(bits: number, a: bigint, b: bigint): RsaKeyParts | undefined {
  const e = 65537n;
  if (a === b) return undefined;
  const n = a * b;
  if (n.toString(2).length !== bits) return undefined;
  const phi = (a - 1n) * (b - 1n);
  if (phi % e === 0n) return undefined;
  const d = modInv(e, phi);
  return a > b ? { n, e, d, p: a, q: b } : { n, e, d, p: b, q: a };
}

/** RSA key generation (e = 65537), as Go's `rsa.GenerateKey`. */
export function generateRSA(bits: number): PrivateKey {
  if (nativeRsa) {
    const k = nativeRsa(bits);
    return k.p > k.q ? { kind: 'rsa', ...k } : { kind: 'rsa', ...k, p: k.q, q: k.p };
  }
  const half = Math.floor(bits / 2);
  for (;;) {
    const k = rsaKeyFromPrimes(bits, randomPrime(half), randomPrime(bits - half));
    if (k) return { kind: 'rsa', ...k };
  }
}

/** DSA L=2048 N=256 parameters and key, as Go's `dsa.GenerateParameters` + `dsa.GenerateKey`. */
export function generateDSA(): PrivateKey {
  const L = 2048;
  const N = 256;
  for (;;) {
    const q = randomBits(N) | (1n << BigInt(N - 1)) | 1n;
    if (!isProbablePrime(q, 20)) continue;
    for (let i = 0; i < 4 * L; i++) {
      const x = randomBits(L) | (1n << BigInt(L - 1));
      const p = x - (x % (2n * q)) + 1n;
      if (p.toString(2).length !== L) continue;
      if (!isProbablePrime(p, 20)) continue;
      const e = (p - 1n) / q;
      for (let h = 2n; ; h++) {
        const g = modPow(h, e, p);
        if (g !== 1n) {
          const xk = 1n + randomBigBelow(q - 1n);
          return { kind: 'dsa', p, q, g, y: modPow(g, xk, p), x: xk };
        }
      }
    }
  }
}

/** A P-256 ECDSA key. */
export function generateECDSA(): PrivateKey {
  return { kind: 'ecdsa', curve: 'P-256', d: p256.utils.randomSecretKey() };
}

/** An Ed25519 key. */
export function generateEd25519(): PrivateKey {
  return { kind: 'ed25519', seed: randomBytes(32) };
}

const CURVES = {
  'P-256': { impl: p256, oid: '1.2.840.10045.3.1.7', size: 32, hash: sha256, sigOid: '1.2.840.10045.4.3.2' },
  'P-384': { impl: p384, oid: '1.3.132.0.34', size: 48, hash: sha384, sigOid: '1.2.840.10045.4.3.3' },
  'P-521': { impl: p521, oid: '1.3.132.0.35', size: 66, hash: sha512, sigOid: '1.2.840.10045.4.3.4' },
} as const;

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
const OID_DSA = '1.2.840.10040.4.1';

/** The PEM block Sprig's `pemBlockForKey` produces. */
export function keyToPem(k: PrivateKey): { type: string; der: Uint8Array } {
  switch (k.kind) {
    case 'rsa':
      return {
        type: 'RSA PRIVATE KEY',
        der: seq(
          int(0),
          int(k.n),
          int(k.e),
          int(k.d),
          int(k.p),
          int(k.q),
          int(k.d % (k.p - 1n)),
          int(k.d % (k.q - 1n)),
          int(modInv(k.q, k.p)),
        ),
      };
    case 'dsa':
      return { type: 'DSA PRIVATE KEY', der: seq(int(0), int(k.p), int(k.q), int(k.g), int(k.y), int(k.x)) };
    case 'ecdsa': {
      const c = CURVES[k.curve];
      const pub = c.impl.getPublicKey(k.d, false);
      return {
        type: 'EC PRIVATE KEY',
        der: seq(int(1), octets(k.d), explicit(0, oid(c.oid)), explicit(1, bitString(pub))),
      };
    }
    case 'ed25519':
      return {
        type: 'PRIVATE KEY',
        der: seq(int(0), seq(oid(OID_ED25519)), octets(octets(k.seed))),
      };
  }
}

/** Go's `x509.MarshalPKIXPublicKey` form (SubjectPublicKeyInfo) of a key's public half. */
export function publicKeyInfo(k: PrivateKey): Uint8Array {
  switch (k.kind) {
    case 'rsa':
      return seq(seq(oid(OID_RSA), derNull()), bitString(seq(int(k.n), int(k.e))));
    case 'ecdsa': {
      const c = CURVES[k.curve];
      return seq(seq(oid(OID_EC), oid(c.oid)), bitString(c.impl.getPublicKey(k.d, false)));
    }
    case 'ed25519':
      return seq(seq(oid(OID_ED25519)), bitString(ed25519.getPublicKey(k.seed)));
    case 'dsa':
      return seq(seq(oid(OID_DSA), seq(int(k.p), int(k.q), int(k.g))), bitString(int(k.y)));
  }
}

/** The raw public key bits (the BIT STRING content of the SubjectPublicKeyInfo). */
export function publicKeyBits(k: PrivateKey): Uint8Array {
  const spki = children(readDer(publicKeyInfo(k)));
  return spki[1]!.body.subarray(1);
}

const SHA256_DIGESTINFO = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
  0x20,
]);

let nativeRsaSign: ((key: RsaKeyParts, msg: Uint8Array) => Uint8Array) | undefined;

/**
 * Installs a native RSASSA-PKCS1-v1_5 SHA-256 signer (the Node entry point passes one built on node:crypto).
 * The signature is deterministic, so it is the same bytes as the pure-JS one; BigInt exponentiation costs
 * ~10 ms per certificate, OpenSSL well under 1 ms.
 */
export function setNativeRsaSigner(
  fn: ((key: RsaKeyParts, msg: Uint8Array) => Uint8Array) | undefined,
): void {
  nativeRsaSign = fn;
}

/** RSASSA-PKCS1-v1_5 with SHA-256 in pure JS (CRT), as Go's `rsa.SignPKCS1v15`. */
export function rsaSignPkcs1Sha256(k: RsaKeyParts, msg: Uint8Array): Uint8Array {
  const kLen = Math.ceil(k.n.toString(2).length / 8);
  const t = concat(SHA256_DIGESTINFO, sha256(msg));
  const em = new Uint8Array(kLen);
  em[1] = 1;
  em.fill(0xff, 2, kLen - t.length - 1);
  em.set(t, kLen - t.length);
  const m = bytesToBig(em);
  const dp = k.d % (k.p - 1n);
  const dq = k.d % (k.q - 1n);
  const m1 = modPow(m, dp, k.p);
  const m2 = modPow(m, dq, k.q);
  const h = (modInv(k.q, k.p) * (((m1 - m2) % k.p) + k.p)) % k.p;
  return bigToBytes(m2 + h * k.q, kLen);
}

/** Go's signature algorithm for a signing key: the AlgorithmIdentifier and the signing function. */
export function signerFor(
  k: PrivateKey,
): { algorithm: Uint8Array; sign: (msg: Uint8Array) => Uint8Array } | undefined {
  switch (k.kind) {
    case 'rsa':
      return {
        algorithm: seq(oid('1.2.840.113549.1.1.11'), derNull()),
        sign: (msg) => (nativeRsaSign ?? rsaSignPkcs1Sha256)(k, msg),
      };
    case 'ecdsa': {
      const c = CURVES[k.curve];
      return {
        algorithm: seq(oid(c.sigOid)),
        sign: (msg) => c.impl.sign(c.hash(msg), k.d, { prehash: false, format: 'der' }),
      };
    }
    case 'ed25519':
      return { algorithm: seq(oid(OID_ED25519)), sign: (msg) => ed25519.sign(msg, k.seed) };
    case 'dsa':
      return undefined;
  }
}

/** A key parsing failure with Go's wording. */
export class KeyParseError extends Error {}

function parseRSAPKCS1(b: Uint8Array): PrivateKey {
  try {
    const f = children(readDer(b)).map(derInt);
    if (f.length < 9) throw new Error();
    return { kind: 'rsa', n: f[1]!, e: f[2]!, d: f[3]!, p: f[4]!, q: f[5]! };
  } catch {
    throw new KeyParseError(
      'x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)',
    );
  }
}

function curveByOid(o: string): 'P-256' | 'P-384' | 'P-521' | undefined {
  for (const [name, c] of Object.entries(CURVES)) if (c.oid === o) return name as 'P-256';
  return undefined;
}

function parseEC(b: Uint8Array, curveOid?: string): PrivateKey {
  let f: Der[];
  try {
    f = children(readDer(b));
  } catch {
    throw new KeyParseError('x509: failed to parse EC private key: asn1: syntax error: data truncated');
  }
  const named = f.find((x) => x.tag === 0xa0);
  const o = named ? derOid(readDer(named.body)) : curveOid;
  const curve = o ? curveByOid(o) : undefined;
  if (!curve) throw new KeyParseError('x509: unknown elliptic curve');
  const d = f[1]!.body;
  const size = CURVES[curve].size;
  const padded = new Uint8Array(size);
  padded.set(d.subarray(Math.max(0, d.length - size)), Math.max(0, size - d.length));
  return { kind: 'ecdsa', curve, d: padded };
}

function parsePKCS8(b: Uint8Array): PrivateKey {
  let f: Der[];
  try {
    f = children(readDer(b));
  } catch {
    throw new KeyParseError(
      'x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)',
    );
  }
  const alg = children(f[1]!);
  const o = derOid(alg[0]!);
  const inner = f[2]!.body;
  if (o === OID_RSA) return parseRSAPKCS1(inner);
  if (o === OID_EC) return parseEC(inner, alg[1] ? derOid(alg[1]) : undefined);
  if (o === OID_ED25519) {
    const seed = readDer(inner).body;
    if (seed.length !== 32)
      throw new KeyParseError(`x509: invalid Ed25519 private key length: ${seed.length}`);
    return { kind: 'ed25519', seed };
  }
  throw new KeyParseError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${o}`);
}

/** Sprig's `parsePrivateKeyPEM`. */
export function parsePrivateKeyPEM(block: { type: string; bytes: Uint8Array }): PrivateKey {
  if (block.type === 'PRIVATE KEY') {
    try {
      return parsePKCS8(block.bytes);
    } catch (e) {
      throw new KeyParseError(`decoding PEM as PKCS#8: ${(e as Error).message}`);
    }
  }
  if (!block.type.endsWith(' PRIVATE KEY'))
    throw new KeyParseError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      try {
        return parseRSAPKCS1(block.bytes);
      } catch (e) {
        throw new KeyParseError(`parsing RSA private key from PEM: ${(e as Error).message}`);
      }
    case 'EC':
      try {
        return parseEC(block.bytes);
      } catch (e) {
        throw new KeyParseError(`parsing EC private key from PEM: ${(e as Error).message}`);
      }
    case 'DSA':
      try {
        const f = children(readDer(block.bytes)).map(derInt);
        return { kind: 'dsa', p: f[1]!, q: f[2]!, g: f[3]!, y: f[4]!, x: f[5]! };
      } catch (e) {
        throw new KeyParseError(`parsing DSA private key from PEM: ${(e as Error).message}`);
      }
    default:
      throw new KeyParseError(`invalid private key type ${block.type}`);
  }
}
