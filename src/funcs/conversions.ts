/**
 * Sprig's conversions: `atoi`, `int`, `int64`, `float64`, `toString`, `toStrings`, `toDecimal`. They use
 * spf13/cast semantics (see internal/h5-cast): failures give 0, never an error.
 */
import { formatValue } from '../util/go/fmt.js';
import { defineFunc, type FuncMap } from '../util/go/func.js';
import { parseInt as goParseInt, NumError } from '../util/go/strconv.js';
import { int64 } from '../util/go/value.js';
import { castToFloat64, castToInt64 } from './internal/h5-cast.js';
import { strslice, strval } from './internal/h5-strval.js';
import type { FuncOptions } from './options.js';

const MAX_INT64 = (1n << 63n) - 1n;

/** Go's `strconv.Atoi` with the error dropped: out-of-range input gives the clamped value, bad syntax 0. */
function atoi(s: string): bigint {
  try {
    return goParseInt(s, 10, 0);
  } catch (e) {
    if (e instanceof NumError && e.err === 'value out of range') {
      return s.startsWith('-') ? -MAX_INT64 - 1n : MAX_INT64;
    }
    return 0n;
  }
}

/** The conversions function family. */
export function conversionsFuncs(_options: FuncOptions): FuncMap {
  return {
    atoi: defineFunc('atoi', ['string'], (s) => atoi(s as string)),
    int: defineFunc('int', ['any'], (v) => castToInt64(v)),
    int64: defineFunc('int64', ['any'], (v) => int64(castToInt64(v))),
    float64: defineFunc('float64', ['any'], (v) => castToFloat64(v)),
    toString: defineFunc('toString', ['any'], (v) => strval(v)),
    toStrings: defineFunc('toStrings', ['any'], (v) => strslice(v)),
    toDecimal: defineFunc('toDecimal', ['any'], (v) => {
      try {
        return int64(goParseInt(formatValue(v), 8, 64));
      } catch {
        return int64(0n);
      }
    }),
  };
}
