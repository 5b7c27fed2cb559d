/** Where in a chart an error happened. */
export interface ErrorLocation {
  /** Chart-relative file (e.g. `mychart/templates/deploy.yaml`) or a file-system path. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
}

/**
 * Base class of every error helmkit throws on purpose. `code` is stable and machine-readable
 * (e.g. `CHART_INVALID`, `TEMPLATE_EXEC`); `message` reads like Helm's message for the same failure.
 */
export class HelmkitError extends Error {
  /** A stable, machine-readable error code. */
  readonly code: string;
  /** The file the error is about, when known. */
  readonly file?: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;

  /**
   * @param code - stable error code.
   * @param message - human-readable message (Helm's wording where Helm has one).
   * @param location - file and position, when known.
   * @param options - standard error options (`cause`).
   */
  constructor(code: string, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    if (location.file !== undefined) this.file = location.file;
    if (location.line !== undefined) this.line = location.line;
    if (location.column !== undefined) this.column = location.column;
  }
}
