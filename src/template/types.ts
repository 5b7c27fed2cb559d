import type { GoParamType, GoValue } from '../util/go/value.js';

/** Parameter types the engine understands: Go's function parameter types plus builtins' `reflect.Value`. */
export type ParamType = GoParamType | 'reflect.Value';

/** A callable as the engine sees it: a {@link GoFunc}, a builtin, or a context function. */
export interface Fn {
  readonly name: string;
  readonly params: readonly ParamType[];
  readonly variadic?: ParamType;
  readonly call: (...args: GoValue[]) => GoValue;
  /** True for text/template's own builtins. */
  readonly builtin?: boolean;
}

/** Resource limits of one execution (a top-level `execute` and everything it calls). */
export interface TemplateLimits {
  /**
   * Maximum nesting in depth units: a `template` call costs 1, a nested execution (`include`, `tpl`) 3.
   * Go allows 100000 nested templates, which the JavaScript stack cannot hold; the default stays within
   * Node's default stack. Reaching it through `template` reports Go's own message.
   */
  maxDepth: number;
  /** Maximum output size in UTF-16 code units of one execution (including nested executions). */
  maxOutputLength: number;
  /** Maximum number of evaluation steps (actions, iterations, calls). */
  maxSteps: number;
  /** Maximum wall-clock time in milliseconds (checked every few thousand steps). */
  maxDurationMs: number;
}

/** Default limits: far above anything a real chart needs, low enough to stop hostile templates. */
export const DEFAULT_LIMITS: TemplateLimits = {
  maxDepth: 1800,
  maxOutputLength: 256 * 1024 * 1024,
  maxSteps: 200_000_000,
  maxDurationMs: 60_000,
};

/**
 * Changes the defaults of template sets created from now on (e.g. a larger `maxDepth` in a worker thread
 * started with a larger stack, where recursion can go as deep as Go lets it).
 */
export function setDefaultTemplateLimits(limits: Partial<TemplateLimits>): void {
  Object.assign(DEFAULT_LIMITS, limits);
}
