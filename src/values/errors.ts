import { HelmkitError } from '../util/errors.js';

/**
 * An error computing values (a values file Helm cannot read, a bad `--set` expression, a type mismatch while
 * coalescing, a schema violation). `message` reads like Helm's text after `Error: `.
 */
export class ValuesError extends HelmkitError {
  /** A log line Helm prints to stderr before the error (Helm 4's slog output), when it does. */
  log?: string;

  /**
   * @param code - `VALUES_PARSE`, `VALUES_SET`, `VALUES_COALESCE`, `VALUES_SCHEMA`, `VALUES_SCHEMA_REF`, `VALUES_LIMIT`.
   * @param message - Helm's wording.
   * @param file - the file concerned, when known.
   * @param options - standard error options (`cause`).
   */
  constructor(code: string, message: string, file?: string, options?: { cause?: unknown }) {
    super(code, message, file !== undefined ? { file } : {}, options);
  }
}
