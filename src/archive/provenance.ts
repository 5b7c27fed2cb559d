/**
 * Provenance files (`.prov`), Helm's format: an OpenPGP clear-signed message (SHA-512) whose text is the chart's
 * Chart.yaml (re-marshalled), the YAML document end marker `...`, and `files: {<archive name>: sha256:<hex>}`.
 * Interoperable both ways with `helm package --sign` and `helm verify`. Uses `openpgp` (pure JS) and Web Crypto.
 */
import type * as openpgp from 'openpgp';

/** openpgp is large: load it only when something is signed or verified (keeps CLI start-up fast). */
const pgp = (): Promise<typeof openpgp> => import('openpgp');

import { loadChartArchive } from '../chart/load.js';
import type { ChartMetadata } from '../chart/types.js';
import { parseYamlDocument } from '../chart/yaml.js';
import { newMap } from '../util/go/value.js';
import { marshalGoYaml } from '../util/go/yaml-emit.js';
import { marshalChartYaml } from './chart-yaml.js';
import { ArchiveError } from './errors.js';

/** A keyring: binary OpenPGP packets (GnuPG's legacy `pubring.gpg`/`secring.gpg`, what Helm reads) or armored text. */
export type Keyring = Uint8Array | string;

/** Options of {@link signChart}. */
export interface SignOptions {
  /** The keyring holding the secret key (binary, as Helm's `--keyring`, or armored). */
  keyring: Keyring;
  /** `--key`: a user id, or part of one, selecting the key (Helm's matching rules). */
  key: string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
  /** Signature time (default: now). */
  date?: Date;
}

/** Result of {@link verifyChart}, the facts `helm verify` prints. */
export interface Verification {
  /** User ids of the signing key (`Signed by: ...`). */
  signedBy: string[];
  /** Fingerprint of the signing key, upper-case hex (`Using Key With Fingerprint: ...`). */
  fingerprint: string;
  /** `sha256:<hex>` of the archive (`Chart Hash Verified: ...`). */
  fileHash: string;
  /** The archive's base name as named in the provenance file. */
  fileName: string;
  /** The Chart.yaml block of the provenance file. */
  metadata: Record<string, unknown>;
}

/** Lower-case hex sha256 of bytes (Web Crypto). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * The text Helm signs (`messageBlock`): Chart.yaml, `\n...\n`, then the file sums. Returned without its final line
 * break, which the clear-signature framework does not sign (Go's clearsign writer treats it that way too).
 */
export function provenanceMessage(metadata: ChartMetadata, fileName: string, sha256: string): string {
  const files = newMap();
  files[fileName] = `sha256:${sha256}`;
  const sums = newMap();
  sums.files = files;
  const text = `${marshalChartYaml(metadata)}\n...\n${marshalGoYaml(sums)}`;
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

async function readKeyring(keyring: Keyring): Promise<openpgp.Key[]> {
  try {
    if (typeof keyring === 'string') return await (await pgp()).readKeys({ armoredKeys: keyring });
    if (keyring.length > 0 && keyring[0] === 0x2d) {
      return await (await pgp()).readKeys({ armoredKeys: new TextDecoder().decode(keyring) });
    }
    return await (await pgp()).readKeys({ binaryKeys: keyring });
  } catch (e) {
    throw new ArchiveError('KEY_INVALID', `openpgp: invalid keyring: ${(e as Error).message}`, undefined, {
      cause: e,
    });
  }
}

function userIds(key: openpgp.Key): string[] {
  return key.getUserIDs();
}

/** Helm's `NewFromKeyring` key choice: an exact user id wins, else the single key whose id contains `id`. */
function selectKey(keys: openpgp.Key[], id: string): openpgp.Key | undefined {
  let candidate: openpgp.Key | undefined;
  let vague = false;
  for (const k of keys) {
    for (const n of userIds(k)) {
      if (n === id) return k;
      if (n.includes(id)) {
        if (candidate) vague = true;
        candidate = k;
      }
    }
  }
  if (vague) throw new ArchiveError('KEY_NOT_FOUND', `more than one key contain the id "${id}"`);
  return candidate;
}

/**
 * Signs a packaged chart like `helm package --sign`: returns the `.prov` text (clear-signed with SHA-512). The
 * metadata is read back from the archive, as Helm does.
 * @param fileName - the archive's base name (the key in `files:`), e.g. `mychart-0.1.0.tgz`.
 * @throws ArchiveError `KEY_NOT_FOUND`, `KEY_INVALID`.
 */
export async function signChart(
  archive: Uint8Array,
  fileName: string,
  options: SignOptions,
): Promise<string> {
  const chart = await loadChartArchive(archive);
  const keys = await readKeyring(options.keyring);
  const key = selectKey(keys, options.key);
  if (!key?.isPrivate()) throw new ArchiveError('KEY_NOT_FOUND', 'private key not found');
  let priv = key as openpgp.PrivateKey;
  if (!priv.isDecrypted()) {
    if (options.passphrase === undefined) {
      throw new ArchiveError('KEY_INVALID', 'private key is encrypted: a passphrase is required');
    }
    try {
      priv = await (await pgp()).decryptKey({ privateKey: priv, passphrase: options.passphrase });
    } catch (e) {
      throw new ArchiveError('KEY_INVALID', `openpgp: ${(e as Error).message}`, undefined, { cause: e });
    }
  }
  const text = provenanceMessage(chart.metadata, fileName, await sha256Hex(archive));
  const message = await (await pgp()).createCleartextMessage({ text });
  const signed = await (await pgp()).sign({
    message,
    signingKeys: priv,
    ...(options.date ? { date: options.date } : {}),
    config: {
      preferredHashAlgorithm: (await pgp()).enums.hash.sha512,
      nonDeterministicSignaturesViaNotation: false,
    },
  });
  return helmArmor(signed);
}

const SIG_BEGIN = '-----BEGIN PGP SIGNATURE-----\n';

/**
 * Re-lays the armored signature the way Go's armor writer does: base64 lines of 64 characters (openpgp.js uses
 * 60), and no line break after the last line.
 */
function helmArmor(signed: string): string {
  const begin = signed.indexOf(SIG_BEGIN);
  if (begin < 0) return signed;
  const bodyStart = signed.indexOf('\n\n', begin) + 2;
  const crc = signed.indexOf('\n=', bodyStart);
  const end = signed.indexOf('\n-----END PGP SIGNATURE-----', bodyStart);
  const bodyEnd = crc >= 0 && crc < end ? crc : end;
  const b64 = signed.slice(bodyStart, bodyEnd).replace(/\s+/g, '');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  const tail = signed.slice(bodyEnd + 1).replace(/\n+$/, '');
  return `${signed.slice(0, bodyStart)}${lines.join('\n')}\n${tail}`;
}

/**
 * Helm's `parseMessageBlock`: splits the signed text at `\n...\n` into the Chart.yaml block and the sums block.
 * @throws ArchiveError `PROVENANCE_INVALID`.
 */
export function parseProvenanceText(text: string): {
  metadata: Record<string, unknown>;
  files: Record<string, string>;
} {
  const parts = text.split('\n...\n');
  if (parts.length < 2)
    throw new ArchiveError('PROVENANCE_INVALID', 'message block must have at least two parts');
  const asObject = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  let md: unknown;
  let sums: unknown;
  try {
    md = parseYamlDocument(parts[0]);
    sums = parseYamlDocument(parts[1]);
  } catch (e) {
    throw new ArchiveError('PROVENANCE_INVALID', (e as Error).message, undefined, { cause: e });
  }
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObject(asObject(sums).files)))
    if (typeof v === 'string') files[k] = v;
  return { metadata: asObject(md), files };
}

/**
 * Verifies a chart archive against its provenance file like `helm verify`: the signature must verify with a key
 * of the keyring, and the archive's sha256 must equal the one recorded for `fileName`.
 * @throws ArchiveError `PROVENANCE_INVALID`, `SIGNATURE_INVALID`, `DIGEST_MISMATCH`, `KEY_INVALID`.
 */
export async function verifyChart(
  archive: Uint8Array,
  fileName: string,
  provenance: string | Uint8Array,
  keyring: Keyring,
): Promise<Verification> {
  const provText = typeof provenance === 'string' ? provenance : new TextDecoder().decode(provenance);
  let message: openpgp.CleartextMessage;
  try {
    message = await (await pgp()).readCleartextMessage({ cleartextMessage: provText });
  } catch (e) {
    throw new ArchiveError(
      'PROVENANCE_INVALID',
      `failed to decode signature: ${(e as Error).message}`,
      undefined,
      {
        cause: e,
      },
    );
  }
  const keys = await readKeyring(keyring);
  let signer: openpgp.Key | undefined;
  try {
    const result = await (await pgp()).verify({ message, verificationKeys: keys, expectSigned: true });
    const keyId = result.signatures[0].keyID;
    signer = keys.find((k) => k.getKeys(keyId).length > 0);
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Could not find signing key/i.test(msg);
    throw new ArchiveError(
      'SIGNATURE_INVALID',
      unknown ? 'openpgp: signature made by unknown entity' : `openpgp: invalid signature: ${msg}`,
      undefined,
      { cause: e },
    );
  }
  if (!signer) throw new ArchiveError('SIGNATURE_INVALID', 'openpgp: signature made by unknown entity');
  const { metadata, files } = parseProvenanceText(message.getText());
  const sum = `sha256:${await sha256Hex(archive)}`;
  const recorded = files[fileName];
  if (recorded === undefined) {
    throw new ArchiveError(
      'DIGEST_MISMATCH',
      `provenance does not contain a SHA for a file named "${fileName}"`,
      fileName,
    );
  }
  if (recorded !== sum) {
    throw new ArchiveError(
      'DIGEST_MISMATCH',
      `sha256 sum does not match for ${fileName}: "${recorded}" != "${sum}"`,
      fileName,
    );
  }
  return {
    signedBy: userIds(signer),
    fingerprint: signer.getFingerprint().toUpperCase(),
    fileHash: sum,
    fileName,
    metadata,
  };
}
