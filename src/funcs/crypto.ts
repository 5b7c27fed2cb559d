import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import bcryptjs from 'bcryptjs';
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { GoStruct, type GoValue, typeName } from '../util/go/value.js';
import { b64decode, b64encode, fromUtf8, toHex, utf8 } from './internal/h6-bytes.js';
import { concat, pemDecode, pemEncode } from './internal/h6-der.js';
import {
  generateDSA,
  generateECDSA,
  generateEd25519,
  generateRSA,
  keyToPem,
  type PrivateKey,
  parsePrivateKeyPEM,
} from './internal/h6-keys.js';
import { randomBytes } from './internal/h6-random.js';
import {
  type CertTemplate,
  createCertificate,
  type ParentCert,
  parseCertificate,
  parseIP,
} from './internal/h6-x509.js';
import type { FuncOptions } from './options.js';

/** Go's `hash/adler32` checksum. */
function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/** Go's bcrypt at DefaultCost (10), with Go's `$2a$` prefix. */
function bcrypt(input: string): string {
  const pw = utf8(input);
  if (pw.length > 72) return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  const salt = bcryptjs.genSaltSync(10).replace(/^\$2b\$/, '$2a$');
  return bcryptjs.hashSync(input, salt);
}

const MASTER_SEED = 'com.lyndir.masterpassword';
const PASSWORD_TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const TEMPLATE_CHARS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function u32(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
}

/** Sprig's `derivePassword`: the Master Password algorithm (scrypt N=32768 r=8 p=2, then HMAC-SHA256). */
function derivePassword(
  counter: number,
  passwordType: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = PASSWORD_TEMPLATES[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = utf8(MASTER_SEED);
  const userB = utf8(user);
  const siteB = utf8(site);
  const salt = concat(seed, u32(userB.length), userB);
  const key = scrypt(utf8(password), salt, { N: 32768, r: 8, p: 2, dkLen: 64, maxmem: 2 ** 32 });
  const mac = hmac(sha256, key, concat(seed, u32(siteB.length), siteB, u32(counter)));
  const temp = templates[mac[0]! % templates.length]!;
  let out = '';
  for (let i = 0; i < temp.length; i++) {
    const chars = TEMPLATE_CHARS[temp[i]!]!;
    out += chars[mac[i + 1]! % chars.length]!;
  }
  return out;
}

function generatePrivateKey(typ: string): string {
  let k: PrivateKey;
  switch (typ) {
    case '':
    case 'rsa':
      k = generateRSA(4096);
      break;
    case 'dsa':
      k = generateDSA();
      break;
    case 'ecdsa':
      k = generateECDSA();
      break;
    case 'ed25519':
      k = generateEd25519();
      break;
    default:
      return `Unknown type ${typ}`;
  }
  const { type, der } = keyToPem(k);
  return pemEncode(type, der);
}

const CERT_TYPE = 'sprig.certificate' as const;

/** Sprig's `certificate` struct (`.Cert`, `.Key`). */
function certificate(cert: string, key: string): GoStruct {
  return new GoStruct(CERT_TYPE, { Cert: cert, Key: key });
}

function parseKeyPEM(pem: string): PrivateKey {
  const block = pemDecode(pem);
  if (!block) throw new Error('no PEM data in input');
  return parsePrivateKeyPEM(block);
}

function goSprint(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return typeName(v);
}

function netIPs(ips: GoValue): Uint8Array[] {
  if (ips === null || ips === undefined) return [];
  const out: Uint8Array[] = [];
  for (const ip of ips as GoValue[]) {
    if (typeof ip !== 'string') throw new GoFuncError(`error parsing ip: ${goSprint(ip)} is not a string`);
    const b = parseIP(ip);
    if (!b) throw new GoFuncError(`error parsing ip: ${ip}`);
    out.push(b);
  }
  return out;
}

function dnsNames(dns: GoValue): string[] {
  if (dns === null || dns === undefined) return [];
  return (dns as GoValue[]).map((d) => {
    if (typeof d !== 'string')
      throw new GoFuncError(`error processing alternate dns name: ${goSprint(d)} is not a string`);
    return d;
  });
}

function baseTemplate(cn: string, ips: GoValue, dns: GoValue, days: bigint, isCA: boolean): CertTemplate {
  const ipList = netIPs(ips);
  const dnsList = dnsNames(dns);
  const now = Date.now();
  return {
    cn,
    ips: ipList,
    dnsNames: dnsList,
    notBefore: new Date(now),
    notAfter: new Date(now + Number(days) * 86400000),
    isCA,
  };
}

function certAndKey(
  tpl: CertTemplate,
  key: PrivateKey,
  parent: ParentCert | undefined,
  signer: PrivateKey,
): GoStruct {
  let der: Uint8Array;
  try {
    der = createCertificate(tpl, key, parent, signer);
  } catch (e) {
    throw new GoFuncError(`error creating certificate: ${(e as Error).message}`);
  }
  const { type, der: keyDer } = keyToPem(key);
  return certificate(pemEncode('CERTIFICATE', der), pemEncode(type, keyDer));
}

function withKey(privPEM: string): PrivateKey {
  try {
    return parseKeyPEM(privPEM);
  } catch (e) {
    throw new GoFuncError(`parsing private key: ${(e as Error).message}`);
  }
}

function signedCert(
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: bigint,
  ca: GoValue,
  key: () => PrivateKey,
): GoStruct {
  if (!(ca instanceof GoStruct) || ca.typeName !== CERT_TYPE)
    throw new GoFuncError(`wrong type for value; expected sprig.certificate; got ${typeName(ca)}`);
  const block = pemDecode(String(ca.fields.Cert ?? ''));
  if (!block) throw new GoFuncError('unable to decode certificate');
  let parent: ParentCert;
  try {
    parent = parseCertificate(block.bytes);
  } catch (e) {
    throw new GoFuncError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signer: PrivateKey;
  try {
    signer = parseKeyPEM(String(ca.fields.Key ?? ''));
  } catch (e) {
    throw new GoFuncError(`error parsing private key: ${(e as Error).message}`);
  }
  const tpl = baseTemplate(cn, ips, dns, days, false);
  return certAndKey(tpl, key(), parent, signer);
}

function b64decodeString(s: string): Uint8Array {
  return b64decode(utf8(s));
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const key = new Uint8Array(32);
  key.set(utf8(password).subarray(0, 32));
  const content = utf8(plaintext);
  const padding = 16 - (content.length % 16);
  const padded = new Uint8Array(content.length + padding).fill(padding);
  padded.set(content);
  const iv = randomBytes(16);
  const ct = cbc(key, iv, { disablePadding: true }).encrypt(padded);
  return b64encode(concat(iv, ct));
}

/** Sprig's `decryptAES`; Go panics on malformed input, reported by the engine as the call's error. */
function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const key = new Uint8Array(32);
  key.set(utf8(password).subarray(0, 32));
  let crypt: Uint8Array;
  try {
    crypt = b64decodeString(crypt64);
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
  if (crypt.length < 16)
    throw new GoFuncError(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const iv = crypt.subarray(0, 16);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoFuncError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
  const dec = cbc(key, iv, { disablePadding: true }).decrypt(body);
  const pad = dec[dec.length - 1]!;
  const end = dec.length - pad;
  if (end < 0) throw new GoFuncError(`runtime error: slice bounds out of range [:${end}]`);
  return fromUtf8(dec.subarray(0, end));
}

/** The crypto function family: hashes, passwords, keys, certificates, AES (same in Helm 3 and 4). */
export function cryptoFuncs(_options: FuncOptions): FuncMap {
  const S = ['string'] as const;
  return {
    sha1sum: defineFunc('sha1sum', S, (s) => toHex(sha1(utf8(s as string)))),
    sha256sum: defineFunc('sha256sum', S, (s) => toHex(sha256(utf8(s as string)))),
    sha512sum: defineFunc('sha512sum', S, (s) => toHex(sha512(utf8(s as string)))),
    adler32sum: defineFunc('adler32sum', S, (s) => String(adler32(utf8(s as string)))),
    bcrypt: defineFunc('bcrypt', S, (s) => bcrypt(s as string)),
    htpasswd: defineFunc('htpasswd', ['string', 'string'], (u, p) => {
      const user = u as string;
      if (user.includes(':')) return `invalid username: ${user}`;
      return `${user}:${bcrypt(p as string)}`;
    }),
    randBytes: defineFunc('randBytes', ['int'], (n) => {
      const count = Number(n as bigint);
      if (count < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
      return b64encode(randomBytes(count));
    }),
    derivePassword: defineFunc(
      'derivePassword',
      ['uint', 'string', 'string', 'string', 'string'],
      (c, t, p, u, s) =>
        derivePassword(
          Number(BigInt.asUintN(32, c as bigint)),
          t as string,
          p as string,
          u as string,
          s as string,
        ),
    ),
    genPrivateKey: defineFunc('genPrivateKey', S, (t) => generatePrivateKey(t as string)),
    buildCustomCert: defineFunc('buildCustomCert', ['string', 'string'], (c, k) => {
      let cert: Uint8Array;
      let key: Uint8Array;
      try {
        cert = b64decodeString(c as string);
      } catch {
        throw new GoFuncError('unable to decode base64 certificate');
      }
      try {
        key = b64decodeString(k as string);
      } catch {
        throw new GoFuncError('unable to decode base64 private key');
      }
      const certText = fromUtf8(cert);
      const keyText = fromUtf8(key);
      const block = pemDecode(certText);
      if (!block) throw new GoFuncError('unable to decode certificate');
      try {
        parseCertificate(block.bytes);
      } catch (e) {
        throw new GoFuncError(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
      }
      try {
        parseKeyPEM(keyText);
      } catch (e) {
        throw new GoFuncError(`error parsing private key: ${(e as Error).message}`);
      }
      return certificate(certText, keyText);
    }),
    genCA: defineFunc('genCA', ['string', 'int'], (cn, days) => {
      const key = generateRSA(2048);
      return certAndKey(baseTemplate(cn as string, null, null, days as bigint, true), key, undefined, key);
    }),
    genCAWithKey: defineFunc('genCAWithKey', ['string', 'int', 'string'], (cn, days, pem) => {
      const key = withKey(pem as string);
      return certAndKey(baseTemplate(cn as string, null, null, days as bigint, true), key, undefined, key);
    }),
    genSelfSignedCert: defineFunc(
      'genSelfSignedCert',
      ['string', '[]interface {}', '[]interface {}', 'int'],
      (cn, ips, dns, days) => {
        const tpl = baseTemplate(cn as string, ips, dns, days as bigint, false);
        const key = generateRSA(2048);
        return certAndKey(tpl, key, undefined, key);
      },
    ),
    genSelfSignedCertWithKey: defineFunc(
      'genSelfSignedCertWithKey',
      ['string', '[]interface {}', '[]interface {}', 'int', 'string'],
      (cn, ips, dns, days, pem) => {
        const key = withKey(pem as string);
        const tpl = baseTemplate(cn as string, ips, dns, days as bigint, false);
        return certAndKey(tpl, key, undefined, key);
      },
    ),
    genSignedCert: defineFunc(
      'genSignedCert',
      ['string', '[]interface {}', '[]interface {}', 'int', CERT_TYPE],
      (cn, ips, dns, days, ca) =>
        signedCert(cn as string, ips, dns, days as bigint, ca, () => generateRSA(2048)),
    ),
    genSignedCertWithKey: defineFunc(
      'genSignedCertWithKey',
      ['string', '[]interface {}', '[]interface {}', 'int', CERT_TYPE, 'string'],
      (cn, ips, dns, days, ca, pem) => {
        const key = withKey(pem as string);
        return signedCert(cn as string, ips, dns, days as bigint, ca, () => key);
      },
    ),
    encryptAES: defineFunc('encryptAES', ['string', 'string'], (p, t) =>
      encryptAES(p as string, t as string),
    ),
    decryptAES: defineFunc('decryptAES', ['string', 'string'], (p, c) =>
      decryptAES(p as string, c as string),
    ),
  };
}
