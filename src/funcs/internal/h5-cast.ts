/**
 * spf13/cast v1.7.0 conversions as Sprig uses them (`toInt64`, `toInt`, `toFloat64`): strings are parsed,
 * bools are 1/0, nil is 0, floats are truncated, and every failure silently yields 0. Hand-written to match
 * cast's exact acceptance rules (base prefixes via `strconv.ParseInt(s, 0, 0)`, a trailing `.000` trimmed).
 */
import { parseFloat as goParseFloat, parseInt as goParseInt } from '../../util/go/strconv.js';
import { GoNumber, type GoValue } from '../../util/go/value.js';

const MIN_INT64 = -(1n << 63n);
const TWO63 = 2 ** 63;

/** Go's `int64(f)` conversion as amd64 performs it (NaN and out-of-range give the minimum int64). */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO63 || f < -TWO63) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** cast's trimZeroDecimal: `12.000` → `12`, `12.50` unchanged. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** `cast.ToInt64` (and `cast.ToInt`, identical on 64-bit): any Go value to an int64, 0 on failure. */
export function castToInt64(v: GoValue): bigint {
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      try {
        return goParseInt(trimZeroDecimal(v), 0, 0);
      } catch {
        return 0n;
      }
    case 'undefined':
      return 0n;
  }
  if (v instanceof GoNumber) {
    if (typeof v.value === 'number') return floatToInt64(v.value);
    return BigInt.asIntN(64, v.value);
  }
  return 0n;
}

/** `cast.ToFloat64`: any Go value to a float64, 0 on failure. */
export function castToFloat64(v: GoValue): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      try {
        return goParseFloat(v, 64);
      } catch {
        return 0;
      }
    case 'undefined':
      return 0;
  }
  if (v instanceof GoNumber) return Number(v.value);
  return 0;
}
