import type { Compat } from '../chart/metadata.js';

/** What a command module gets: output sinks and the global options. Only src/cli touches process I/O. */
export interface CliContext {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** The `--compat` global option (`helm3` by default). */
  compat(): Compat;
}

/** An error a command reports as `Error: MESSAGE` with exit code 1 (or `exitCode`). */
export class CliError extends Error {
  /**
   * @param message - printed after `Error: `.
   * @param exitCode - process exit code.
   */
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Exact stderr text to print instead of `Error: MESSAGE` (e.g. Helm 4's log line + error). */
    readonly stderrText?: string,
    /** The library error behind it. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CliError';
  }
}
