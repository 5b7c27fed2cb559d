import type { GoFunc, GoParamType, GoValue } from './value.js';

/**
 * An error returned by a Go function called from a template (the `error` result in Go). The template
 * engine reports it as Go does: `error calling NAME: MESSAGE`, with the template position.
 */
export class GoFuncError extends Error {
  /** @param message - the Go error text, exactly as the Go function would return it. */
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}

/** Options of {@link defineFunc}. */
export interface DefineFuncOptions {
  /** Type of the variadic tail (`...interface{}` → `'any'`). */
  variadic?: GoParamType;
}

/**
 * Declares a template function with its Go signature. The engine checks and converts arguments exactly
 * as Go's text/template does for that signature (e.g. a float64 passed to an `int` parameter is an error
 * `wrong type for value; expected int; got float64`), then calls `call` with the converted arguments:
 * `string` params receive strings, `int`/`int64` params bigints, `float64` numbers, `bool` booleans,
 * `any` the raw {@link GoValue}.
 */
export function defineFunc(
  name: string,
  params: readonly GoParamType[],
  call: (...args: GoValue[]) => GoValue,
  options: DefineFuncOptions = {},
): GoFunc {
  const f: GoFunc = options.variadic
    ? { goFunc: true, name, params, variadic: options.variadic, call }
    : { goFunc: true, name, params, call };
  return f;
}

/** A set of named template functions (Go's `template.FuncMap`). */
export type FuncMap = Record<string, GoFunc>;
