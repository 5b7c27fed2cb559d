import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, test } from 'vitest';
import { ArchiveError } from '../../src/archive/errors.js';
import { registerVerify } from '../../src/cli/commands/verify.js';
import { packageDirectory, unpackageFile, verifyFile } from '../../src/node/archive-fs.js';
import { corpusRoot, runHelm } from './helm.js';

// Keys are generated here with openpgp (RSA, as every Helm version reads it) and written as legacy binary
// keyrings, the format Helm's --keyring expects. Helm signs, helmkit verifies; helmkit signs, Helm verifies.
const work = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-prov-'));
const secring = path.join(work, 'secring.gpg');
const pubring = path.join(work, 'pubring.gpg');
const otherPub = path.join(work, 'other-pubring.gpg');
let fingerprint = '';
const chartDir = path.join(corpusRoot, 'charts/bitnami/nginx');

async function cliVerify(archive: string, keyring: string): Promise<string> {
  let out = '';
  const program = new Command('helmkit').exitOverride();
  registerVerify(program, { stdout: (t) => void (out += t), stderr: () => undefined, compat: () => 'helm3' });
  await program.parseAsync(['verify', archive, '--keyring', keyring], { from: 'user' });
  return out;
}

beforeAll(async () => {
  const gen = (name: string) =>
    openpgp.generateKey({
      type: 'rsa',
      rsaBits: 2048,
      userIDs: [{ name, email: 'tester@example.com' }],
      format: 'object',
    });
  const [{ privateKey }, other] = await Promise.all([gen('Helmkit Tester'), gen('Someone Else')]);
  writeFileSync(secring, privateKey.write());
  writeFileSync(pubring, privateKey.toPublic().write());
  writeFileSync(otherPub, other.publicKey.write());
  fingerprint = privateKey.getFingerprint().toUpperCase();
}, 120_000);

describe('provenance interop', () => {
  for (const helm of ['helm3', 'helm4'] as const) {
    test(`${helm} package --sign → helmkit verify`, async () => {
      const dest = path.join(work, `${helm}-signed`);
      const r = await runHelm(
        helm,
        ['package', chartDir, '--sign', '--key', 'Helmkit Tester', '--keyring', secring, '-d', dest],
        work,
      );
      expect(r.stderr).toBe('');
      expect(r.exit).toBe(0);
      const tgz = path.join(dest, readdirSync(dest).find((n) => n.endsWith('.tgz'))!);
      const v = await verifyFile(tgz, pubring);
      expect(v.fingerprint).toBe(fingerprint);
      expect(v.signedBy).toEqual(['Helmkit Tester <tester@example.com>']);
      // helmkit's `verify` prints what `helm verify` prints.
      const h = await runHelm(helm, ['verify', tgz, '--keyring', pubring], work);
      expect(h.exit).toBe(0);
      expect(await cliVerify(tgz, pubring)).toBe(h.stdout);
      // The wrong keyring fails in both.
      expect((await runHelm(helm, ['verify', tgz, '--keyring', otherPub], work)).exit).not.toBe(0);
      await expect(verifyFile(tgz, otherPub)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    });

    test(`helmkit package --sign → ${helm} verify; tampering fails in both`, async () => {
      const dest = path.join(work, `helmkit-signed-${helm}`);
      const res = await packageDirectory(chartDir, {
        destination: dest,
        sign: { keyring: secring, key: 'Helmkit Tester' },
      });
      expect(res.provenancePath).toBe(`${res.path}.prov`);
      const ok = await runHelm(helm, ['verify', res.path, '--keyring', pubring], work);
      expect(ok.stderr).toBe('');
      expect(ok.exit).toBe(0);
      expect(ok.stdout).toContain(`Chart Hash Verified: sha256:${res.digest}`);
      expect(await cliVerify(res.path, pubring)).toBe(ok.stdout);
      // Same layout as Helm's .prov: message block, SHA512, 64-column armor, no final newline.
      const prov = readFileSync(res.provenancePath!, 'utf8');
      expect(prov.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n')).toBe(true);
      expect(prov.endsWith('-----END PGP SIGNATURE-----')).toBe(true);
      // Tampered archive: one byte appended.
      const tdir = path.join(work, `tampered-${helm}`);
      mkdirSync(tdir);
      const tgz = path.join(tdir, path.basename(res.path));
      writeFileSync(tgz, Buffer.concat([readFileSync(res.path), Buffer.from([0])]));
      copyFileSync(res.provenancePath!, `${tgz}.prov`);
      const bad = await runHelm(helm, ['verify', tgz, '--keyring', pubring], work);
      expect(bad.exit).not.toBe(0);
      expect(bad.stderr).toContain('sha256 sum does not match');
      const err = await verifyFile(tgz, pubring).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArchiveError);
      expect((err as ArchiveError).code).toBe('DIGEST_MISMATCH');
      expect(`Error: ${(err as Error).message}\n`).toBe(bad.stderr);
      // Tampered provenance (the recorded sum edited): the signature no longer verifies.
      const pdir = path.join(work, `tampered-prov-${helm}`);
      mkdirSync(pdir);
      const ptgz = path.join(pdir, path.basename(res.path));
      copyFileSync(res.path, ptgz);
      writeFileSync(`${ptgz}.prov`, prov.replace(`sha256:${res.digest}`, `sha256:${'0'.repeat(64)}`));
      expect((await runHelm(helm, ['verify', ptgz, '--keyring', pubring], work)).exit).not.toBe(0);
      await expect(verifyFile(ptgz, pubring)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
      // A failed verification leaves nothing on disk.
      const out = path.join(work, `untar-${helm}`);
      await expect(unpackageFile(tgz, out, { verify: { keyring: pubring } })).rejects.toMatchObject({
        code: 'DIGEST_MISMATCH',
      });
      expect(existsSync(out)).toBe(false);
      const good = await unpackageFile(res.path, out, { verify: { keyring: pubring } });
      expect(readFileSync(path.join(good, 'Chart.yaml'), 'utf8')).toContain('name: nginx');
    });
  }
});
