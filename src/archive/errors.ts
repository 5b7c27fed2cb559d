import { HelmkitError } from '../util/errors.js';

/**
 * Stable codes of {@link ArchiveError}.
 *
 * - `ARCHIVE_WRITE`: the archive could not be written.
 * - `CHART_INVALID`: the chart fails Helm's packaging validation (name, version, apiVersion, schema JSON...).
 * - `DEPENDENCY_MISSING`: a dependency of Chart.yaml is not in `charts/` (Helm's `CheckDependencies`).
 * - `PROVENANCE_INVALID`: a `.prov` file that is not a clear-signed Helm message block.
 * - `SIGNATURE_INVALID`: the signature does not verify with the keyring.
 * - `DIGEST_MISMATCH`: the archive's sha256 differs from the one in the provenance file.
 * - `KEY_NOT_FOUND`: no usable (secret) key in the keyring matches.
 * - `KEY_INVALID`: the keyring cannot be read, or the key is encrypted and no/a wrong passphrase was given.
 * - `INDEX_INVALID`: a repository index that cannot be read.
 * - `DESTINATION_EXISTS`: the extraction target already exists.
 */
export type ArchiveErrorCode =
  | 'ARCHIVE_WRITE'
  | 'CHART_INVALID'
  | 'DEPENDENCY_MISSING'
  | 'PROVENANCE_INVALID'
  | 'SIGNATURE_INVALID'
  | 'DIGEST_MISMATCH'
  | 'KEY_NOT_FOUND'
  | 'KEY_INVALID'
  | 'INDEX_INVALID'
  | 'DESTINATION_EXISTS';

/** An error while packaging, signing, verifying or indexing. `message` reads like Helm's for the same failure. */
export class ArchiveError extends HelmkitError {
  /** The stable error code. */
  declare readonly code: ArchiveErrorCode;

  /**
   * @param code - stable error code.
   * @param message - Helm-like message.
   * @param file - the file the error is about.
   * @param options - standard error options (`cause`).
   */
  constructor(code: ArchiveErrorCode, message: string, file?: string, options?: { cause?: unknown }) {
    super(code, message, file === undefined ? {} : { file }, options);
  }
}
