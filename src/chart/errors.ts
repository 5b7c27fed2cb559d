import { HelmkitError } from '../util/errors.js';

/**
 * Stable codes of {@link ChartLoadError}.
 *
 * - `CHART_INVALID`: Chart.yaml / values.yaml / lock file unreadable or failing Helm's validation.
 * - `CHART_NOT_FOUND`: the source does not exist or has no Chart.yaml.
 * - `ARCHIVE_INVALID`: not a gzip/tar archive, or a corrupt one.
 * - `LIMIT_ARCHIVE_SIZE`, `LIMIT_FILE_SIZE`, `LIMIT_FILE_COUNT`, `LIMIT_DEPTH`: an input limit was hit.
 * - `UNSAFE_PATH`: absolute path, `..` or drive path in an archive.
 * - `UNSAFE_SYMLINK`: a symbolic link leading outside the chart, or a link entry in an archive.
 * - `DUPLICATE_ENTRY`: the same path twice in an archive.
 * - `IRREGULAR_FILE`: a device, socket or fifo in a chart directory.
 * - `HELMIGNORE_INVALID`: a bad `.helmignore` pattern.
 */
export type ChartLoadErrorCode =
  | 'CHART_INVALID'
  | 'CHART_NOT_FOUND'
  | 'ARCHIVE_INVALID'
  | 'LIMIT_ARCHIVE_SIZE'
  | 'LIMIT_FILE_SIZE'
  | 'LIMIT_FILE_COUNT'
  | 'LIMIT_DEPTH'
  | 'UNSAFE_PATH'
  | 'UNSAFE_SYMLINK'
  | 'DUPLICATE_ENTRY'
  | 'IRREGULAR_FILE'
  | 'HELMIGNORE_INVALID';

/** An error while loading a chart. `message` reads like Helm's for the same failure; `file` names the file. */
export class ChartLoadError extends HelmkitError {
  /** The stable error code. */
  declare readonly code: ChartLoadErrorCode;

  /**
   * @param code - stable error code.
   * @param message - Helm-like message.
   * @param file - the chart file or path the error is about.
   * @param options - standard error options (`cause`).
   */
  constructor(code: ChartLoadErrorCode, message: string, file?: string, options?: { cause?: unknown }) {
    super(code, message, file === undefined ? {} : { file }, options);
  }
}
