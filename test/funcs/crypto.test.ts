import { createDecipheriv, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import { GoStruct } from '../../src/util/go/value.js';
import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('crypto functions (oracle table)', new URL('./cases/crypto.json', import.meta.url));

describe('generated keys and certificates (validity checked with node:crypto)', () => {
  const f = createFuncMap({ compat: 'helm3' });
  const field = (v: unknown, name: string): string => {
    expect(v).toBeInstanceOf(GoStruct);
    expect((v as GoStruct).typeName).toBe('sprig.certificate');
    return String((v as GoStruct).fields[name]);
  };

  it('genPrivateKey produces keys node can load, in Go PEM shapes', () => {
    const shapes: [string, string, string][] = [
      ['ecdsa', 'EC PRIVATE KEY', 'ec'],
      ['ed25519', 'PRIVATE KEY', 'ed25519'],
      ['rsa', 'RSA PRIVATE KEY', 'rsa'],
    ];
    for (const [typ, pemType, keyType] of shapes) {
      const pem = String(f.genPrivateKey!.call(typ));
      expect(pem.startsWith(`-----BEGIN ${pemType}-----\n`)).toBe(true);
      expect(pem.endsWith(`-----END ${pemType}-----\n`)).toBe(true);
      for (const line of pem.trim().split('\n').slice(1, -1)) expect(line.length).toBeLessThanOrEqual(64);
      const key = createPrivateKey(pem);
      expect(key.asymmetricKeyType).toBe(keyType);
      if (typ === 'rsa') expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
      if (typ === 'ecdsa') expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    }
  }, 60000);

  it('genPrivateKey "dsa" produces Sprig’s ASN.1 DSA key (version, p, q, g, y, x)', () => {
    const pem = String(f.genPrivateKey!.call('dsa'));
    expect(pem.startsWith('-----BEGIN DSA PRIVATE KEY-----\n')).toBe(true);
    const key = createPrivateKey({ key: pem, format: 'pem' });
    expect(key.asymmetricKeyType).toBe('dsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.asymmetricKeyDetails?.divisorLength).toBe(256);
  }, 120000);

  it('genCA makes a self-signed RSA-2048 CA certificate', () => {
    const ca = f.genCA!.call('my-ca', 365n);
    const cert = new X509Certificate(field(ca, 'Cert'));
    const key = createPrivateKey(field(ca, 'Key'));
    expect(cert.subject).toBe('CN=my-ca');
    expect(cert.issuer).toBe('CN=my-ca');
    expect(cert.ca).toBe(true);
    expect(cert.checkPrivateKey(key)).toBe(true);
    expect(cert.verify(createPublicKey(key))).toBe(true);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86400000;
    expect(Math.round(days)).toBe(365);
    expect(cert.serialNumber.length).toBeGreaterThan(0);
    expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
  }, 60000);

  it('genSignedCert is signed by the CA and carries the SANs', () => {
    const ca = f.genCA!.call('ca', 30n);
    const c = f.genSignedCert!.call('svc', ['10.0.0.1', '::1'], ['svc.ns.svc', 'svc'], 30n, ca);
    const cert = new X509Certificate(field(c, 'Cert'));
    const caCert = new X509Certificate(field(ca, 'Cert'));
    expect(cert.subject).toBe('CN=svc');
    expect(cert.issuer).toBe('CN=ca');
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(field(c, 'Key')))).toBe(true);
    expect(cert.subjectAltName).toBe(
      'DNS:svc.ns.svc, DNS:svc, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
  }, 60000);

  it('the *WithKey variants use the given ECDSA / Ed25519 keys', () => {
    for (const typ of ['ecdsa', 'ed25519']) {
      const pem = String(f.genPrivateKey!.call(typ));
      const ca = f.genCAWithKey!.call('ca', 10n, pem);
      expect(field(ca, 'Key')).toBe(pem);
      const caCert = new X509Certificate(field(ca, 'Cert'));
      expect(caCert.verify(createPublicKey(createPrivateKey(pem)))).toBe(true);
      const self = f.genSelfSignedCertWithKey!.call('self', null, ['a.example'], 10n, pem);
      expect(new X509Certificate(field(self, 'Cert')).checkPrivateKey(createPrivateKey(pem))).toBe(true);
      const leaf = f.genSignedCertWithKey!.call('leaf', null, null, 10n, ca, pem);
      expect(new X509Certificate(field(leaf, 'Cert')).verify(caCert.publicKey)).toBe(true);
    }
  }, 60000);

  it('encryptAES output decrypts with node:crypto (AES-256-CBC, IV prefix, PKCS#7)', () => {
    const enc = String(f.encryptAES!.call('secret', 'hello world'));
    const raw = Buffer.from(enc, 'base64');
    const key = Buffer.alloc(32);
    Buffer.from('secret').copy(key);
    const d = createDecipheriv('aes-256-cbc', key, raw.subarray(0, 16));
    expect(Buffer.concat([d.update(raw.subarray(16)), d.final()]).toString()).toBe('hello world');
  });
});
