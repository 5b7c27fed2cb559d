/**
 * Chart repository index files (`index.yaml`), as Helm's `repo.IndexFile` reads and writes them: `helm repo index`
 * (add, merge, sort, marshal) and fast loading of large real-world indexes.
 */
import { load } from 'js-yaml';
import { metadataValue } from '../archive/chart-yaml.js';
import { ArchiveError } from '../archive/errors.js';
import { isValidChartVersion } from '../chart/semver-valid.js';
import type { ChartMetadata } from '../chart/types.js';
import { compareVersions, parseVersion, type SemVersion } from '../funcs/internal/h6-semver.js';
import { type GoMap, type GoValue, newMap } from '../util/go/value.js';
import { marshalGoYaml } from '../util/go/yaml-emit.js';

/** One chart version of an index: the chart's metadata plus where to get it. */
export interface ChartVersion extends ChartMetadata {
  /** Download URLs (absolute or relative to the repository URL). */
  urls: string[];
  /** When the entry was added (RFC 3339 text, as in the file). */
  created?: string;
  /** Whether the version was removed. */
  removed?: boolean;
  /** sha256 hex of the archive. */
  digest?: string;
}

/** An index file. */
export interface IndexFile {
  /** Always `v1` for files Helm writes. */
  apiVersion: string;
  /** When the index was generated (RFC 3339 text). */
  generated: string;
  /** Chart name → versions, newest first. */
  entries: Record<string, ChartVersion[]>;
  /** Armored public keys (rare). */
  publicKeys?: string[];
  /** Free-form annotations. */
  annotations?: Record<string, string>;
  /** ChartMuseum's server info (kept for round trips). */
  serverInfo?: Record<string, unknown>;
}

/** Options of {@link loadIndex}. */
export interface LoadIndexOptions {
  /** Where the index came from, for warnings. */
  source?: string;
  /** Receives Helm's "skipping loading invalid entry" warnings. */
  onWarning?: (message: string) => void;
}

/** Go's `time.Time` JSON form (RFC 3339 with nanoseconds trimmed) of a date, in its local offset as Go prints. */
export function formatGoTime(d: Date, utc = false): string {
  const offMin = utc ? 0 : -d.getTimezoneOffset();
  const local = new Date(d.getTime() + offMin * 60000);
  let s = local
    .toISOString()
    .slice(0, 23)
    .replace(/\.?0+$/, '');
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (offMin === 0) return `${s}Z`;
  const sign = offMin < 0 ? '-' : '+';
  const a = Math.abs(offMin);
  return `${s}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** A new, empty index (`repo.NewIndexFile`). */
export function newIndex(now: Date = new Date()): IndexFile {
  return { apiVersion: 'v1', generated: formatGoTime(now), entries: Object.create(null) };
}

// Masterminds' loose version grammar; a JS regex is exact here (no alternation) and much faster than RE2 on
// indexes with tens of thousands of entries.
const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

function semverOrNull(v: string): SemVersion | null {
  const m = LOOSE.exec(v);
  if (!m) return null;
  if (m[5] !== undefined || m[1].length > 18 || (m[2]?.length ?? 0) > 19 || (m[3]?.length ?? 0) > 19) {
    try {
      return parseVersion(v);
    } catch {
      return null;
    }
  }
  return {
    major: BigInt(m[1]),
    minor: m[2] ? BigInt(m[2].slice(1)) : 0n,
    patch: m[3] ? BigInt(m[3].slice(1)) : 0n,
    pre: '',
    metadata: m[8] ?? '',
    original: v,
  };
}

/** `IndexFile.SortEntries`: each chart's versions newest first; unparsable versions last. Stable. */
export function sortIndexEntries(index: IndexFile): void {
  for (const name of Object.keys(index.entries)) {
    const list = index.entries[name];
    if (list.length < 2) continue;
    const keyed = list.map((cv) => ({ cv, v: semverOrNull(cv.version ?? '') }));
    keyed.sort((a, b) => {
      if (a.v === null) return b.v === null ? 0 : 1;
      if (b.v === null) return -1;
      return compareVersions(b.v, a.v);
    });
    index.entries[name] = keyed.map((k) => k.cv);
  }
}

/** `urlutil.URLJoin`: joins paths onto a URL's path (Go's `path.Join` semantics). */
export function urlJoin(base: string, ...paths: string[]): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)(.*)$/.exec(base)!;
  const prefix = m[1] ?? '';
  const all = [m[2], ...paths].filter((p) => p !== '');
  let joined = all.join('/');
  if (joined !== '') {
    const rooted = joined.startsWith('/');
    const out: string[] = [];
    for (const seg of joined.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (!rooted) out.push('..');
      } else out.push(seg);
    }
    joined = (rooted ? '/' : '') + out.join('/');
    if (joined === '' && !rooted) joined = '.';
  }
  if (prefix !== '' && joined !== '' && !joined.startsWith('/')) joined = `/${joined}`;
  return `${prefix}${joined}${m[3]}`;
}

/**
 * `IndexFile.MustAdd`: adds a chart version. `fileName` is the archive path relative to the repository; with a
 * `baseUrl` the URL is the base joined with the file's base name (Helm's rule).
 * @throws ArchiveError `CHART_INVALID` when the metadata fails validation.
 */
export function addToIndex(
  index: IndexFile,
  metadata: ChartMetadata,
  fileName: string,
  baseUrl: string,
  digest: string,
  created: Date = new Date(),
): void {
  const md: ChartMetadata = { ...metadata };
  if (!md.apiVersion) md.apiVersion = 'v1';
  if (!md.name || !md.version || !isValidChartVersion(md.version)) {
    throw new ArchiveError(
      'CHART_INVALID',
      `validate failed for ${fileName}: chart.metadata is invalid`,
      fileName,
    );
  }
  let url = fileName;
  if (baseUrl !== '') {
    const i = fileName.lastIndexOf('/');
    url = urlJoin(baseUrl, i >= 0 ? fileName.slice(i + 1) : fileName);
  }
  const cv: ChartVersion = { ...md, urls: [url], created: formatGoTime(created), digest };
  const list = index.entries[md.name] ?? [];
  list.push(cv);
  index.entries[md.name] = list;
}

/** `IndexFile.Has`. */
export function indexHas(index: IndexFile, name: string, version: string): boolean {
  return (index.entries[name] ?? []).some((cv) => cv.version === version);
}

/** `IndexFile.Merge`: adds the versions of `other` that `index` lacks (entries of `index` win). */
export function mergeIndex(index: IndexFile, other: IndexFile): void {
  for (const name of Object.keys(other.entries)) {
    for (const cv of other.entries[name]) {
      if (!indexHas(index, cv.name, cv.version)) {
        const list = index.entries[cv.name] ?? [];
        list.push(cv);
        index.entries[cv.name] = list;
      }
    }
  }
}

function toGo(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return formatGoTime(v, true);
  if (Array.isArray(v)) return v.map(toGo);
  const m = newMap();
  for (const k of Object.keys(v as object)) m[k] = toGo((v as Record<string, unknown>)[k]);
  return m;
}

function chartVersionValue(cv: ChartVersion): GoMap {
  const m = metadataValue(cv);
  m.urls = cv.urls ? cv.urls.slice() : null;
  m.created = cv.created ?? '0001-01-01T00:00:00Z';
  if (cv.removed) m.removed = true;
  if (cv.digest) m.digest = cv.digest;
  return m;
}

/** The index as `helm repo index` writes it (`yaml.Marshal` of the struct: sorted keys, Go YAML quoting). */
export function marshalIndex(index: IndexFile): string {
  const m = newMap();
  if (index.serverInfo && Object.keys(index.serverInfo).length > 0) m.serverInfo = toGo(index.serverInfo);
  m.apiVersion = index.apiVersion;
  m.generated = index.generated;
  const entries = newMap();
  for (const name of Object.keys(index.entries)) {
    const list = index.entries[name];
    entries[name] = list ? list.map(chartVersionValue) : null;
  }
  m.entries = entries;
  if (index.publicKeys && index.publicKeys.length > 0) m.publicKeys = index.publicKeys.slice();
  if (index.annotations && Object.keys(index.annotations).length > 0) m.annotations = toGo(index.annotations);
  return marshalGoYaml(m);
}

function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return formatGoTime(v, true);
  return undefined;
}

/**
 * Reads an `index.yaml` (or JSON) quickly, with Helm's `loadIndex` rules: null entries and entries failing
 * validation are skipped (with a warning), a missing entry apiVersion becomes `v1`, versions are sorted newest
 * first. Uses js-yaml's plain `load` for speed: index fields are simple strings, lists and maps.
 * @throws ArchiveError `INDEX_INVALID` (empty file, bad YAML, no apiVersion).
 */
export function loadIndex(text: string, options: LoadIndexOptions = {}): IndexFile {
  const source = options.source ?? 'index.yaml';
  if (text.length === 0) throw new ArchiveError('INDEX_INVALID', 'empty index.yaml file', source);
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    throw new ArchiveError(
      'INDEX_INVALID',
      `error converting YAML to JSON: ${(e as Error).message}`,
      source,
      {
        cause: e,
      },
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ArchiveError('INDEX_INVALID', 'no API version specified', source);
  }
  const d = doc as Record<string, unknown>;
  const index: IndexFile = {
    apiVersion: str(d.apiVersion) ?? '',
    generated: str(d.generated) ?? '0001-01-01T00:00:00Z',
    entries: Object.create(null),
  };
  if (Array.isArray(d.publicKeys)) index.publicKeys = d.publicKeys.map((k) => str(k) ?? '');
  if (d.annotations && typeof d.annotations === 'object') {
    index.annotations = d.annotations as Record<string, string>;
  }
  if (d.serverInfo && typeof d.serverInfo === 'object')
    index.serverInfo = d.serverInfo as Record<string, unknown>;
  const entries = d.entries && typeof d.entries === 'object' ? (d.entries as Record<string, unknown>) : {};
  for (const name of Object.keys(entries)) {
    const raw = entries[name];
    const list: ChartVersion[] = [];
    if (Array.isArray(raw)) {
      for (const e of raw) {
        if (e === null || typeof e !== 'object') {
          options.onWarning?.(
            `skipping loading invalid entry for chart "${name}" from ${source}: empty entry`,
          );
          continue;
        }
        const cv = e as Record<string, unknown>;
        if (typeof cv.version !== 'string') {
          const v = str(cv.version);
          if (v !== undefined) cv.version = v;
        }
        if (typeof cv.appVersion !== 'string' && cv.appVersion !== undefined)
          cv.appVersion = str(cv.appVersion);
        if (cv.created instanceof Date) cv.created = formatGoTime(cv.created, true);
        if (!cv.apiVersion) cv.apiVersion = 'v1';
        if (!Array.isArray(cv.urls)) cv.urls = [];
        const version = cv.version as string | undefined;
        if (!cv.name || !version || !isValidChartVersion(version)) {
          options.onWarning?.(
            `skipping loading invalid entry for chart "${name}" "${version ?? ''}" from ${source}: validation: chart.metadata is invalid`,
          );
          continue;
        }
        list.push(cv as unknown as ChartVersion);
      }
    }
    index.entries[name] = list;
  }
  sortIndexEntries(index);
  if (index.apiVersion === '') throw new ArchiveError('INDEX_INVALID', 'no API version specified', source);
  return index;
}
