/**
 * `helm package` on a loaded chart, in memory: the archive is laid out exactly as Helm's `chartutil.Save` lays it
 * out (see docs/archives.md), but byte-reproducible: every entry gets the same fixed mtime and subcharts,
 * templates and files are written in a sorted order (Helm iterates a Go map for subcharts).
 */
import { walkOrderCompare } from '../chart/go-path.js';
import type { Compat } from '../chart/metadata.js';
import { isValidChartVersion } from '../chart/semver-valid.js';
import type { Chart, ChartFile, ChartMetadata } from '../chart/types.js';
import { marshalChartLock, marshalChartYaml } from './chart-yaml.js';
import { ArchiveError } from './errors.js';
import { type GzipCompressor, gzipHelm } from './gzip.js';
import { TarWriter } from './tar-writer.js';

/**
 * The default mtime of every entry: 1980-01-01T00:00:00Z (seconds), the usual epoch of reproducible builds.
 * The Node entry points use `SOURCE_DATE_EPOCH` instead when it is set.
 */
export const DEFAULT_ARCHIVE_MTIME = 315532800;

/** Options of {@link packageChart}. */
export interface PackageOptions {
  /** `--version`: overrides the chart's version. */
  version?: string;
  /** `--app-version`: overrides the chart's appVersion. */
  appVersion?: string;
  /** Modification time of every entry, in seconds since the Unix epoch (default {@link DEFAULT_ARCHIVE_MTIME}). */
  mtime?: number;
  /** Helm 3 (default) or Helm 4 error wording. */
  compat?: Compat;
  /** The gzip implementation (default: `CompressionStream`); the Node entry points pass `zlib.gzipSync`. */
  compress?: GzipCompressor;
}

/** A packaged chart. */
export interface PackagedChart {
  /** File name Helm gives the archive: `<name>-<version>.tgz`. */
  readonly fileName: string;
  /** The `.tgz` bytes. */
  readonly data: Uint8Array;
  /** The metadata written to Chart.yaml (after `version`/`appVersion` overrides). */
  readonly metadata: ChartMetadata;
}

const encoder = new TextEncoder();

function byWalkOrder(files: readonly ChartFile[]): ChartFile[] {
  return [...files].sort((a, b) => walkOrderCompare(a.name, b.name));
}

/** Go's `json.Valid`, which Helm applies to values.schema.json before saving. */
function isValidJson(data: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    return data[0] !== 0xef; // Go rejects a byte-order mark; TextDecoder would silently drop it.
  } catch {
    return false;
  }
}

function writeChart(
  tw: TarWriter,
  chart: Chart,
  md: ChartMetadata,
  prefix: string,
  mtime: number,
  compat: Compat,
): void {
  const base = `${prefix}${md.name}`;
  const add = (name: string, data: Uint8Array) => tw.addFile({ name: `${base}/${name}`, data, mtime });
  // Helm re-marshals Chart.yaml; for apiVersion v1 the dependencies live in requirements.yaml and are dropped.
  add('Chart.yaml', encoder.encode(marshalChartYaml(md, md.apiVersion === 'v1')));
  if (md.apiVersion === 'v2' && chart.lock) add('Chart.lock', encoder.encode(marshalChartLock(chart.lock)));
  const values = chart.raw.find((f) => f.name === 'values.yaml');
  if (values) add('values.yaml', values.data);
  if (chart.schema) {
    if (!isValidJson(chart.schema)) {
      throw new ArchiveError(
        'CHART_INVALID',
        `failed to save: ${compat === 'helm4' ? 'invalid' : 'Invalid'} JSON in values.schema.json`,
        `${base}/values.schema.json`,
      );
    }
    add('values.schema.json', chart.schema);
  }
  for (const f of byWalkOrder(chart.templates)) add(f.name, f.data);
  for (const f of byWalkOrder(chart.files)) add(f.name, f.data);
  const deps = [...chart.dependencies].sort((a, b) => walkOrderCompare(a.metadata.name, b.metadata.name));
  for (const dep of deps) writeChart(tw, dep, dep.metadata, `${base}/charts/`, mtime, compat);
}

/**
 * Packages a loaded chart like `helm package`: validates the version, checks that every dependency of Chart.yaml
 * is present in `charts/`, and writes the `.tgz` (Chart.yaml and Chart.lock re-marshalled the way Helm does,
 * mode 0644, no directory entries, Helm's gzip header). The same chart always gives the same bytes.
 *
 * @example
 * ```ts
 * const chart = await loadChart('./mychart');
 * const { fileName, data } = await packageChart(chart, { version: '1.2.3' });
 * ```
 * @throws ArchiveError `CHART_INVALID` (bad version, bad schema JSON) or `DEPENDENCY_MISSING`.
 */
export async function packageChart(chart: Chart, options: PackageOptions = {}): Promise<PackagedChart> {
  const compat = options.compat ?? 'helm3';
  const md: ChartMetadata = { ...chart.metadata };
  if (options.version) md.version = options.version;
  if (!isValidChartVersion(md.version)) {
    throw new ArchiveError(
      'CHART_INVALID',
      compat === 'helm4' ? 'invalid semantic version' : 'Invalid Semantic Version',
      'Chart.yaml',
    );
  }
  if (options.appVersion) md.appVersion = options.appVersion;
  if (md.dependencies) {
    const present = new Set(chart.dependencies.map((d) => d.metadata.name));
    const missing = md.dependencies.filter((d) => d && !present.has(d.name)).map((d) => d.name);
    if (missing.length > 0) {
      throw new ArchiveError(
        'DEPENDENCY_MISSING',
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
        'Chart.yaml',
      );
    }
  }
  const mtime = options.mtime ?? DEFAULT_ARCHIVE_MTIME;
  if (!Number.isInteger(mtime) || mtime < 0 || mtime >= 8 ** 11) {
    throw new ArchiveError('ARCHIVE_WRITE', `mtime ${mtime} cannot be stored in a tar header`);
  }
  const tw = new TarWriter();
  writeChart(tw, chart, md, '', mtime, compat);
  const data = await gzipHelm(tw.finish(), options.compress);
  return { fileName: `${md.name}-${md.version}.tgz`, data, metadata: md };
}
