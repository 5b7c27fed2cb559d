import { ChartLoadError } from './errors.js';

/** Input limits applied while loading a chart. All sizes in bytes. */
export interface LoadLimits {
  /** Total decompressed bytes over the whole chart tree, nested archives included (Helm: 100 MiB per archive). */
  maxTotalSize: number;
  /** Largest single file (Helm: 5 MiB). */
  maxFileSize: number;
  /** Most files over the whole chart tree. */
  maxFiles: number;
  /** Deepest subchart nesting (`charts/a/charts/b/...`). */
  maxDepth: number;
  /** Follow symbolic links that lead outside the chart directory (Helm does; helmkit refuses by default). */
  allowSymlinksOutside: boolean;
}

/** Helm's limits (`MaxDecompressedChartSize`, `MaxDecompressedFileSize`) plus helmkit's own. */
export const DEFAULT_LIMITS: Readonly<LoadLimits> = Object.freeze({
  maxTotalSize: 100 * 1024 * 1024,
  maxFileSize: 5 * 1024 * 1024,
  maxFiles: 20_000,
  maxDepth: 64,
  allowSymlinksOutside: false,
});

/**
 * One budget shared by a whole load (the top chart and every nested archive or directory), so that a
 * chart cannot multiply Helm's per-archive limit by nesting archives.
 */
export class LoadBudget {
  /** The limits this budget enforces. */
  readonly limits: Readonly<LoadLimits>;
  private bytes = 0;
  private files = 0;

  /** @param limits - partial limits, merged over {@link DEFAULT_LIMITS}. */
  constructor(limits: Partial<LoadLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Bytes charged so far. */
  get usedBytes(): number {
    return this.bytes;
  }

  /** Throws unless a file of `size` bytes fits the per-file limit. */
  checkFileSize(name: string, size: number): void {
    if (size > this.limits.maxFileSize) {
      throw new ChartLoadError(
        'LIMIT_FILE_SIZE',
        `chart file "${name}" is larger than the maximum file size ${this.limits.maxFileSize}`,
        name,
      );
    }
  }

  /** Charges decompressed bytes (while streaming); throws when the total budget is exceeded. */
  chargeBytes(name: string, n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalSize) {
      throw new ChartLoadError(
        'LIMIT_ARCHIVE_SIZE',
        `decompressed chart is larger than the maximum size ${this.limits.maxTotalSize}`,
        name,
      );
    }
  }

  /** Counts one more file; throws when the file-count limit is exceeded. */
  chargeFile(name: string): void {
    this.files++;
    if (this.files > this.limits.maxFiles) {
      throw new ChartLoadError(
        'LIMIT_FILE_COUNT',
        `chart has more than the maximum of ${this.limits.maxFiles} files`,
        name,
      );
    }
  }

  /** Throws when a path has more components than any chart within the depth limit can have. */
  checkPathDepth(name: string): void {
    let n = 1;
    for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 0x2f) n++;
    const max = this.limits.maxDepth * 2 + 64;
    if (n > max) {
      throw new ChartLoadError(
        'LIMIT_DEPTH',
        `chart path has more than ${max} components`,
        name.slice(0, 200),
      );
    }
  }

  /** Throws when subchart nesting goes deeper than allowed. */
  checkDepth(name: string, depth: number): void {
    if (depth > this.limits.maxDepth) {
      throw new ChartLoadError(
        'LIMIT_DEPTH',
        `subcharts are nested deeper than the maximum of ${this.limits.maxDepth}`,
        name,
      );
    }
  }
}
