/** X.509 certificate creation as Go's `x509.CreateCertificate` lays it out for Sprig's templates. */
import { sha1 } from '@noble/hashes/legacy.js';
import {
  bitString,
  bool,
  children,
  type Der,
  derOid,
  explicit,
  int,
  octets,
  oid,
  readDer,
  seq,
  set,
  tlv,
} from './h6-der.js';
import { type PrivateKey, publicKeyBits, publicKeyInfo, signerFor } from './h6-keys.js';
import { randomBigBelow } from './h6-random.js';

/** What Sprig's `getBaseCertTemplate` fills in. */
export interface CertTemplate {
  cn: string;
  ips: Uint8Array[];
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
}

/** A parsed parent certificate: the raw subject and subject key id. */
export interface ParentCert {
  rawSubject: Uint8Array;
  subjectKeyId?: Uint8Array;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*&]*$/;

function name(cn: string): Uint8Array {
  if (cn === '') return seq();
  const value = PRINTABLE.test(cn)
    ? tlv(0x13, new TextEncoder().encode(cn))
    : tlv(0x0c, new TextEncoder().encode(cn));
  return seq(set(seq(oid('2.5.4.3'), value)));
}

function time(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  const p = (n: number) => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(p(y % 100) + rest));
  return tlv(0x18, new TextEncoder().encode(String(y).padStart(4, '0') + rest));
}

function ext(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function keyUsage(bits: number[]): Uint8Array {
  let v = 0;
  for (const b of bits) v |= 1 << (7 - b);
  let unused = 0;
  while (unused < 8 && !(v & (1 << unused))) unused++;
  return bitString(Uint8Array.of(v), unused);
}

/** A certificate failure with Go's wording. */
export class CertError extends Error {}

/** Go's `x509.CreateCertificate(rand, template, parent, pub, signer)` as Sprig calls it. */
export function createCertificate(
  tpl: CertTemplate,
  subjectKey: PrivateKey,
  parent: ParentCert | undefined,
  signingKey: PrivateKey,
): Uint8Array {
  const signer = signerFor(signingKey);
  if (!signer) throw new CertError('x509: certificate private key does not implement crypto.Signer');
  const serial = randomBigBelow(1n << 128n);
  const subject = name(tpl.cn);
  const issuer = parent ? parent.rawSubject : subject;
  const exts: Uint8Array[] = [];
  // KeyUsage: digitalSignature(0), keyEncipherment(2), certSign(5)
  exts.push(ext('2.5.29.15', true, keyUsage(tpl.isCA ? [0, 2, 5] : [0, 2])));
  exts.push(ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))));
  exts.push(ext('2.5.29.19', true, tpl.isCA ? seq(bool(true)) : seq()));
  let ski: Uint8Array | undefined;
  if (tpl.isCA) {
    ski = sha1(publicKeyBits(subjectKey));
    exts.push(ext('2.5.29.14', false, octets(ski)));
  }
  if (parent?.subjectKeyId && !bytesEqual(issuer, subject)) {
    exts.push(ext('2.5.29.35', false, seq(tlv(0x80, parent.subjectKeyId))));
  }
  if (tpl.dnsNames.length > 0 || tpl.ips.length > 0) {
    const names = [
      ...tpl.dnsNames.map((d) => tlv(0x82, new TextEncoder().encode(d))),
      ...tpl.ips.map((ip) => tlv(0x87, ip)),
    ];
    exts.push(ext('2.5.29.17', false, seq(...names)));
  }
  const tbs = seq(
    explicit(0, int(2)),
    int(serial),
    signer.algorithm,
    issuer,
    seq(time(tpl.notBefore), time(tpl.notAfter)),
    subject,
    publicKeyInfo(subjectKey),
    explicit(3, seq(...exts)),
  );
  return seq(tbs, signer.algorithm, bitString(signer.sign(tbs)));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Enough of Go's `x509.ParseCertificate` to sign with a parent: its subject and subject key id. */
export function parseCertificate(der: Uint8Array): ParentCert {
  try {
    const cert = readDer(der);
    if (cert.raw.length !== der.length) throw new CertError('x509: trailing data');
    const tbs = children(children(cert)[0]!);
    let i = 0;
    if (tbs[0]!.tag === 0xa0) i = 1;
    const subject = tbs[i + 4]!;
    let subjectKeyId: Uint8Array | undefined;
    const extsWrap = tbs.find((d) => d.tag === 0xa3);
    if (extsWrap) {
      for (const e of children(readDer(extsWrap.body))) {
        const parts: Der[] = children(e);
        if (derOid(parts[0]!) === '2.5.29.14') subjectKeyId = readDer(parts[parts.length - 1]!.body).body;
      }
    }
    return subjectKeyId ? { rawSubject: subject.raw, subjectKeyId } : { rawSubject: subject.raw };
  } catch (e) {
    if (e instanceof CertError) throw e;
    throw new CertError('x509: malformed certificate');
  }
}

/** Go's `net.ParseIP`: 4 bytes for IPv4 (as `To4`), 16 for IPv6; undefined when invalid. */
export function parseIP(s: string): Uint8Array | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p, i) => p > 255 || (v4[i + 1]!.length > 1 && v4[i + 1]![0] === '0'))) return undefined;
    return Uint8Array.from(parts);
  }
  if (!s.includes(':')) return undefined;
  let head = s;
  let v4tail: Uint8Array | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    v4tail = parseIP(s.slice(lastColon + 1));
    if (v4tail?.length !== 4) return undefined;
    head = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const dbl = head.split('::');
  if (dbl.length > 2) return undefined;
  const parse = (t: string): number[] | undefined => {
    if (t === '') return [];
    const out: number[] = [];
    for (const g of t.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const a = parse(dbl[0]!);
  const b = dbl.length === 2 ? parse(dbl[1]!) : [];
  if (!a || !b) return undefined;
  const groups = dbl.length === 2 ? [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b] : a;
  if (groups.length !== 8 || (dbl.length === 2 && a.length + b.length > 7)) return undefined;
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 255;
  });
  if (v4tail) out.set(v4tail, 12);
  // To4: an IPv4-mapped address is written as 4 bytes
  if (out.subarray(0, 10).every((x) => x === 0) && out[10] === 0xff && out[11] === 0xff) return out.slice(12);
  return out;
}
