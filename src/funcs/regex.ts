import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { nilSlice } from '../util/go/json.js';
import { type GoValue, withGoType } from '../util/go/value.js';
import {
  compileGo,
  findAllString,
  findString,
  type GoRegexp,
  matchString,
  mustCompileMessage,
  quoteMeta,
  replaceAll,
  split,
} from './internal/h6-regexp.js';
import type { FuncOptions } from './options.js';

/** Sprig's non-`must` functions use `regexp.MustCompile`: a bad pattern panics, which the engine reports. */
function mustCompile(expr: string): GoRegexp {
  try {
    return compileGo(expr);
  } catch (e) {
    throw new GoFuncError(mustCompileMessage(expr, e as Error));
  }
}

/** Sprig's `must*` functions return Go's compile error. */
function compileOrError(expr: string): GoRegexp {
  try {
    return compileGo(expr);
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
}

/** A Go `[]string`; Go's nil slice (no matches, `n == 0`) prints `[]` but encodes as JSON `null`. */
const strings = (a: string[] | undefined): GoValue =>
  withGoType(a && a.length > 0 ? a : a ? [] : (nilSlice() as string[]), '[]string');

/** Go's FindAllString returns nil when nothing matches. */
const nilIfEmpty = (a: string[]): GoValue => strings(a.length > 0 ? a : undefined);

/**
 * The regex function family (Go RE2 semantics through re2js; never JS RegExp on chart input). Same in Helm 3
 * and 4.
 */
export function regexFuncs(_options: FuncOptions): FuncMap {
  const S3 = ['string', 'string', 'string'] as const;
  const SSI = ['string', 'string', 'int'] as const;
  return {
    regexMatch: defineFunc('regexMatch', ['string', 'string'], (re, s) => {
      try {
        return matchString(compileGo(re as string), s as string);
      } catch {
        return false;
      }
    }),
    mustRegexMatch: defineFunc('mustRegexMatch', ['string', 'string'], (re, s) =>
      matchString(compileOrError(re as string), s as string),
    ),
    regexFindAll: defineFunc('regexFindAll', SSI, (re, s, n) =>
      nilIfEmpty(findAllString(mustCompile(re as string), s as string, Number(n as bigint))),
    ),
    mustRegexFindAll: defineFunc('mustRegexFindAll', SSI, (re, s, n) =>
      nilIfEmpty(findAllString(compileOrError(re as string), s as string, Number(n as bigint))),
    ),
    regexFind: defineFunc('regexFind', ['string', 'string'], (re, s) =>
      findString(mustCompile(re as string), s as string),
    ),
    mustRegexFind: defineFunc('mustRegexFind', ['string', 'string'], (re, s) =>
      findString(compileOrError(re as string), s as string),
    ),
    regexReplaceAll: defineFunc('regexReplaceAll', S3, (re, s, r) =>
      replaceAll(mustCompile(re as string), s as string, r as string, false),
    ),
    mustRegexReplaceAll: defineFunc('mustRegexReplaceAll', S3, (re, s, r) =>
      replaceAll(compileOrError(re as string), s as string, r as string, false),
    ),
    regexReplaceAllLiteral: defineFunc('regexReplaceAllLiteral', S3, (re, s, r) =>
      replaceAll(mustCompile(re as string), s as string, r as string, true),
    ),
    mustRegexReplaceAllLiteral: defineFunc('mustRegexReplaceAllLiteral', S3, (re, s, r) =>
      replaceAll(compileOrError(re as string), s as string, r as string, true),
    ),
    regexSplit: defineFunc('regexSplit', SSI, (re, s, n) =>
      strings(split(mustCompile(re as string), s as string, Number(n as bigint))),
    ),
    mustRegexSplit: defineFunc('mustRegexSplit', SSI, (re, s, n) =>
      strings(split(compileOrError(re as string), s as string, Number(n as bigint))),
    ),
    regexQuoteMeta: defineFunc('regexQuoteMeta', ['string'], (s) => quoteMeta(s as string)),
  };
}
