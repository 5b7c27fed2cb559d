/**
 * Node file-system entry points of the archive stage: package a chart directory to a `.tgz` (+ `.prov`), extract
 * an archive atomically, verify an archive on disk, index a repository directory. Every write goes to a temporary
 * name first and is renamed into place only when everything succeeded, so a failure leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError } from '../archive/errors.js';
import { type PackageOptions, packageChart } from '../archive/package.js';
import { type Keyring, sha256Hex, signChart, type Verification, verifyChart } from '../archive/provenance.js';
import { unpackChart } from '../archive/unpack.js';
import { goStringCompare } from '../chart/go-path.js';
import type { LoadLimits } from '../chart/limits.js';
import { loadChartArchive } from '../chart/load.js';
import type { Compat } from '../chart/metadata.js';
import type { Chart } from '../chart/types.js';
import {
  addToIndex,
  type IndexFile,
  loadIndex,
  marshalIndex,
  mergeIndex,
  newIndex,
  sortIndexEntries,
  urlJoin,
} from '../repo/index-file.js';
import { archiveMtime, nodeGzip } from './archive-gzip.js';
import { loadChart } from './load.js';

/** Signing options of {@link packageDirectory} (`--sign --key --keyring --passphrase-file`). */
export interface PackageSignOptions {
  /** Path of the keyring holding the secret key (or its bytes). */
  keyring: string | Uint8Array;
  /** User id (or part of one) of the key. */
  key: string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
}

/** Options of {@link packageDirectory}. */
export interface PackageDirectoryOptions extends Omit<PackageOptions, 'compress'> {
  /** `-d/--destination` (default: the current directory). */
  destination?: string;
  /** Sign the archive and write `<archive>.prov` next to it. */
  sign?: PackageSignOptions;
  /** Loader limits. */
  limits?: Partial<LoadLimits>;
}

/** Where {@link packageDirectory} wrote its files. */
export interface PackageResult {
  /** Path of the `.tgz`. */
  path: string;
  /** Path of the `.prov`, when signed. */
  provenancePath?: string;
  /** sha256 hex of the archive. */
  digest: string;
}

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function readKeyring(k: string | Uint8Array): Promise<Keyring> {
  if (typeof k !== 'string') return k;
  try {
    return new Uint8Array(await readFile(k));
  } catch (e) {
    throw new ArchiveError('KEY_INVALID', `open ${k}: no such file or directory`, k, { cause: e });
  }
}

/**
 * `helm package DIR`: loads the chart (directory or loaded {@link Chart}), writes `<dest>/<name>-<version>.tgz`
 * reproducibly (mtime from `SOURCE_DATE_EPOCH` or helmkit's fixed date), and with `sign` also `<archive>.prov`.
 * Both files appear together or not at all.
 */
export async function packageDirectory(
  source: string | Chart,
  options: PackageDirectoryOptions = {},
): Promise<PackageResult> {
  const compat: Compat = options.compat ?? 'helm3';
  const chart =
    typeof source === 'string'
      ? await loadChart(source, { compat, ...(options.limits ? { limits: options.limits } : {}) })
      : source;
  const { destination, sign, limits: _l, ...pkgOpts } = options;
  const pkg = await packageChart(chart, { mtime: archiveMtime(), ...pkgOpts, compress: nodeGzip });
  const dest = destination ?? '.';
  await mkdir(dest, { recursive: true });
  const target = path.join(dest, pkg.fileName);
  let prov: string | undefined;
  if (sign) {
    prov = await signChart(pkg.data, pkg.fileName, {
      keyring: await readKeyring(sign.keyring),
      key: sign.key,
      ...(sign.passphrase !== undefined ? { passphrase: sign.passphrase } : {}),
    });
  }
  const tmp = tempName(target);
  const provTarget = `${target}.prov`;
  const provTmp = tempName(provTarget);
  try {
    await writeFile(tmp, pkg.data);
    if (prov !== undefined) await writeFile(provTmp, prov);
    await rename(tmp, target);
    if (prov !== undefined) await rename(provTmp, provTarget);
  } catch (e) {
    await rm(tmp, { force: true });
    await rm(provTmp, { force: true });
    throw e;
  }
  const result: PackageResult = { path: target, digest: await sha256Hex(pkg.data) };
  if (prov !== undefined) result.provenancePath = provTarget;
  return result;
}

/** Options of {@link unpackageFile}. */
export interface UnpackageOptions {
  /** Loader limits, shared by the archive and its nested archives. */
  limits?: Partial<LoadLimits>;
  /** Verify the archive against its `.prov` (default `<archive>.prov`) before writing anything. */
  verify?: { keyring: string | Uint8Array; provenance?: string };
}

/**
 * `helm pull --untar`-style extraction: writes the chart to `<destDir>/<chart name>/`. The archive is fully
 * checked first (paths, links, limits across nested archives, optional signature); files are written into a
 * temporary directory which is renamed into place at the end, so a failure leaves nothing on disk.
 * @returns the chart directory written.
 * @throws ChartLoadError for a hostile or invalid archive, ArchiveError for verification failures or when the
 *   target exists.
 */
export async function unpackageFile(
  archivePath: string,
  destDir: string,
  options: UnpackageOptions = {},
): Promise<string> {
  const data = new Uint8Array(await readFile(archivePath));
  if (options.verify) {
    const provPath = options.verify.provenance ?? `${archivePath}.prov`;
    await verifyChart(
      data,
      path.basename(archivePath),
      await readFile(provPath),
      await readKeyring(options.verify.keyring),
    );
  }
  const unpacked = await unpackChart(data, options.limits ? { limits: options.limits } : {});
  const target = path.join(destDir, unpacked.name);
  if (await exists(target)) {
    throw new ArchiveError(
      'DESTINATION_EXISTS',
      `failed to untar: a file or directory with the name ${target} already exists`,
      target,
    );
  }
  await mkdir(destDir, { recursive: true });
  const tmp = tempName(target);
  try {
    const dirs = new Set<string>([tmp]);
    for (const f of unpacked.files) {
      const i = f.name.lastIndexOf('/');
      if (i > 0) dirs.add(path.join(tmp, ...f.name.slice(0, i).split('/')));
    }
    // Parents before children (sorted by length), each created once; then all files written concurrently.
    for (const d of [...dirs].sort((a, b) => a.length - b.length)) await mkdir(d, { recursive: true });
    await Promise.all(
      unpacked.files.map((f) =>
        writeFile(path.join(tmp, ...f.name.split('/')), f.data, { mode: 0o644, flag: 'wx' }),
      ),
    );
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * `helm verify ARCHIVE --keyring K`: checks `<archive>.prov` (or `provenancePath`) against the archive.
 * @throws ArchiveError on any failure (nothing is written either way).
 */
export async function verifyFile(
  archivePath: string,
  keyring: string | Uint8Array,
  provenancePath?: string,
): Promise<Verification> {
  const data = new Uint8Array(await readFile(archivePath));
  let prov: Uint8Array;
  const pp = provenancePath ?? `${archivePath}.prov`;
  try {
    prov = new Uint8Array(await readFile(pp));
  } catch (e) {
    throw new ArchiveError(
      'PROVENANCE_INVALID',
      `could not load provenance file ${pp}: ${(e as Error).message}`,
      pp,
      {
        cause: e,
      },
    );
  }
  return verifyChart(data, path.basename(archivePath), prov, await readKeyring(keyring));
}

/** Options of {@link indexDirectory}. */
export interface IndexDirectoryOptions {
  /** `--url`: the repository URL the archives will be served from. */
  url?: string;
  /** `--merge`: an existing index to merge into (created empty when missing). */
  merge?: string;
  /** The time to stamp (default: now). */
  now?: Date;
  /** Write the index file (default true; false only returns it). */
  write?: boolean;
}

/** Go's `filepath.Glob` of `DIR/*.tgz` (sorted names). */
async function globTgz(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.tgz')).sort(goStringCompare);
}

/**
 * `helm repo index DIR [--url URL] [--merge FILE]`: indexes `DIR/*.tgz` and `DIR/* /*.tgz`, skipping files that
 * are not charts, merges, sorts and writes `DIR/index.yaml` (atomically).
 */
export async function indexDirectory(dir: string, options: IndexDirectoryOptions = {}): Promise<IndexFile> {
  const now = options.now ?? new Date();
  const index = newIndex(now);
  const archives: string[] = await globTgz(dir);
  const subdirs = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(goStringCompare);
  for (const sub of subdirs) for (const n of await globTgz(path.join(dir, sub))) archives.push(`${sub}/${n}`);
  const baseUrl = options.url ?? '';
  for (const rel of archives) {
    const data = new Uint8Array(await readFile(path.join(dir, ...rel.split('/'))));
    let chart: Chart;
    try {
      chart = await loadChartArchive(data);
    } catch {
      continue; // Helm: "Assume this is not a chart."
    }
    const slash = rel.lastIndexOf('/');
    const parentDir = slash >= 0 ? rel.slice(0, slash) : '';
    const fname = slash >= 0 ? rel.slice(slash + 1) : rel;
    const parentUrl = urlJoin(baseUrl, parentDir);
    addToIndex(index, chart.metadata, fname, parentUrl, await sha256Hex(data), now);
  }
  if (options.merge) {
    let other: IndexFile;
    if (await exists(options.merge)) {
      other = loadIndex(await readFile(options.merge, 'utf8'), { source: options.merge });
    } else {
      other = newIndex(now);
      await writeFile(options.merge, marshalIndex(other));
    }
    mergeIndex(index, other);
  }
  sortIndexEntries(index);
  if (options.write !== false) {
    const out = path.join(dir, 'index.yaml');
    const tmp = tempName(out);
    await writeFile(tmp, marshalIndex(index));
    await rename(tmp, out);
  }
  return index;
}
