/**
 * Safe extraction of chart archives (Helm's `chartutil.Expand`, as `helm pull --untar` uses it), in memory: the
 * result is a list of checked files that a file-system adapter writes out atomically. Stricter than Helm: every
 * link entry is refused, duplicates are refused, and nested `charts/*.tgz` archives are inspected too, charged
 * against one shared {@link LoadBudget} (Helm gives each nested archive a fresh 100 MiB budget).
 */
import { ChartLoadError } from '../chart/errors.js';
import { goPathClean, goPathExt } from '../chart/go-path.js';
import { gunzipBounded } from '../chart/gunzip.js';
import { LoadBudget, type LoadLimits } from '../chart/limits.js';
import { archiveEntryPath } from '../chart/load.js';
import { decodeMetadata } from '../chart/metadata.js';
import { readTar } from '../chart/tar.js';
import type { ChartFile } from '../chart/types.js';

/** Options of {@link unpackChart}. */
export interface UnpackOptions {
  /** Input limits (merged over the loader's defaults), shared by the archive and every nested archive. */
  limits?: Partial<LoadLimits>;
}

/** The checked content of a chart archive. */
export interface UnpackedChart {
  /** The chart's name (from Chart.yaml): the folder Helm extracts into. */
  readonly name: string;
  /** Files relative to the chart folder, in archive order (nested `.tgz` kept as files, as Helm keeps them). */
  readonly files: readonly ChartFile[];
}

function stripBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf
    ? data.subarray(3)
    : data;
}

async function readArchive(
  data: Uint8Array,
  where: string,
  budget: LoadBudget,
  depth: number,
): Promise<ChartFile[]> {
  budget.checkDepth(where, depth);
  const pre = where === '' ? '' : `${where}/`;
  const remaining = budget.limits.maxTotalSize - budget.usedBytes;
  const slack = Math.min(budget.limits.maxFiles * 1536, 32 * 1024 * 1024);
  const tarBytes = await gunzipBounded(data, remaining + slack, where || 'archive');
  const files: ChartFile[] = [];
  const seen = new Set<string>();
  readTar(tarBytes, where || 'archive', (hd) => {
    if (hd.type === '5') return;
    const n = archiveEntryPath(hd.name, pre);
    if (hd.type !== '0') {
      // Helm writes links (and devices, fifos) as empty files; helmkit never extracts them.
      throw new ChartLoadError(
        'UNSAFE_SYMLINK',
        `chart archive contains a link or special file: ${n}${hd.linkName ? ` -> ${hd.linkName}` : ''}`,
        `${pre}${n}`,
      );
    }
    if (seen.has(n)) {
      throw new ChartLoadError(
        'DUPLICATE_ENTRY',
        `chart archive contains ${JSON.stringify(n)} more than once`,
        `${pre}${n}`,
      );
    }
    seen.add(n);
    budget.chargeFile(`${pre}${n}`);
    if (hd.data.length > budget.limits.maxFileSize) {
      throw new ChartLoadError(
        'LIMIT_FILE_SIZE',
        `decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${budget.limits.maxFileSize}`,
        `${pre}${n}`,
      );
    }
    budget.chargeBytes(`${pre}${n}`, hd.data.length);
    files.push({ name: n, data: stripBom(hd.data).slice() });
  });
  if (files.length === 0)
    throw new ChartLoadError('ARCHIVE_INVALID', 'no files in chart archive', where || 'archive');
  // Nested chart archives are written as they are, but inspected first with the same budget.
  for (const f of files) {
    if (f.name.startsWith('charts/') && f.name.indexOf('/', 7) < 0 && goPathExt(f.name) === '.tgz') {
      await readArchive(f.data, `${pre}${f.name}`, budget, depth + 1);
    }
  }
  return files;
}

/**
 * Reads and checks a chart archive for extraction: no absolute or `..` paths, no links, no duplicates, and the
 * loader's limits over the archive and all nested archives together. Nothing is written: pass the result to a
 * file-system adapter (`unpackageFile` in the Node API) which writes it atomically.
 *
 * @throws ChartLoadError (`UNSAFE_PATH`, `UNSAFE_SYMLINK`, `DUPLICATE_ENTRY`, `LIMIT_*`, `ARCHIVE_INVALID`,
 *   `CHART_INVALID`).
 */
export async function unpackChart(data: Uint8Array, options: UnpackOptions = {}): Promise<UnpackedChart> {
  const budget = new LoadBudget(options.limits);
  const files = await readArchive(data, '', budget, 0);
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  let name = '';
  if (chartYaml) {
    try {
      name = decodeMetadata(new TextDecoder().decode(chartYaml.data), 'helm3').name ?? '';
    } catch (e) {
      throw new ChartLoadError(
        'CHART_INVALID',
        `cannot load Chart.yaml: ${(e as Error).message}`,
        'Chart.yaml',
        {
          cause: e,
        },
      );
    }
  }
  if (name === '') throw new ChartLoadError('CHART_INVALID', 'chart name not specified', 'Chart.yaml');
  const clean = goPathClean(name);
  if (clean !== name || name.includes('/') || name === '.' || name === '..') {
    throw new ChartLoadError(
      'UNSAFE_PATH',
      `chart name ${JSON.stringify(name)} cannot be used as a directory`,
      'Chart.yaml',
    );
  }
  return { name, files };
}
