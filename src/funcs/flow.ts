/**
 * Helm's flow functions `fail` and `required` (Helm overrides Sprig's `fail`). Both fail with the message
 * wrapped in `HELM_ERR_START`…`HELM_ERR_END`; the render layer recognises the markers and reports
 * `execution error at (FILE:LINE:COL): MESSAGE` as Helm's `cleanupExecError` does.
 */
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/** Marker opening a user-facing message in a template error (Helm's `warnStartDelim`). */
export const HELM_ERR_START = 'HELM_ERR_START';
/** Marker closing a user-facing message in a template error (Helm's `warnEndDelim`). */
export const HELM_ERR_END = 'HELM_ERR_END';

/** Wraps a message in Helm's markers (Helm's `warnWrap`). */
export function warnWrap(msg: string): string {
  return HELM_ERR_START + msg + HELM_ERR_END;
}

/** The flow function family. */
export function flowFuncs(_options: FuncOptions): FuncMap {
  return {
    fail: defineFunc('fail', ['string'], (msg) => {
      throw new GoFuncError(warnWrap(msg as string));
    }),
    required: defineFunc('required', ['string', 'any'], (warn, val) => {
      if (val === null || val === undefined || val === '') throw new GoFuncError(warnWrap(warn as string));
      return val;
    }),
  };
}
