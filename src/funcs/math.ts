/**
 * Sprig's math functions. The integer family (`add`, `sub`, `mul`, `div`, `mod`, `max`, `min`, `add1`)
 * converts every argument with cast.ToInt64 and returns int64 (wrapping on overflow, panicking on division
 * by zero); the float family (`addf`…) computes in decimal (see internal/h5-decimal); `floor`, `ceil` and
 * `round` return float64.
 */
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { type GoValue, int64 } from '../util/go/value.js';
import { castToFloat64, castToInt64 } from './internal/h5-cast.js';
import { add, type Dec, div, fromFloat, mul, sub, toFloat } from './internal/h5-decimal.js';
import type { FuncOptions } from './options.js';

const A = 'any';

function decimalOp(a: GoValue, rest: readonly GoValue[], f: (x: Dec, y: Dec) => Dec): number {
  let acc = fromFloat(castToFloat64(a));
  for (const x of rest) acc = f(acc, fromFloat(castToFloat64(x)));
  return toFloat(acc);
}

function divInt(a: GoValue, b: GoValue, mod: boolean): GoValue {
  const x = castToInt64(a);
  const y = castToInt64(b);
  if (y === 0n) throw new GoFuncError('runtime error: integer divide by zero');
  return int64(mod ? x % y : x / y);
}

/** Sprig's `round`: rounds up when the fractional part reaches `roundOn` (default .5), on the signed value. */
function round(a: GoValue, p: bigint, opt: readonly GoValue[]): number {
  const roundOn = opt.length > 0 ? (opt[0] as number) : 0.5;
  const val = castToFloat64(a);
  const pow = 10 ** Number(p);
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

/** The math function family. */
export function mathFuncs(_options: FuncOptions): FuncMap {
  const maxFn = (a: GoValue, ...rest: GoValue[]) => {
    let aa = castToInt64(a);
    for (const b of rest) {
      const bb = castToInt64(b);
      if (bb > aa) aa = bb;
    }
    return int64(aa);
  };
  const minFn = (a: GoValue, ...rest: GoValue[]) => {
    let aa = castToInt64(a);
    for (const b of rest) {
      const bb = castToInt64(b);
      if (bb < aa) aa = bb;
    }
    return int64(aa);
  };
  return {
    add1: defineFunc('add1', [A], (i) => int64(castToInt64(i) + 1n)),
    add: defineFunc(
      'add',
      [],
      (...xs) => {
        let a = 0n;
        for (const x of xs) a = BigInt.asIntN(64, a + castToInt64(x));
        return int64(a);
      },
      { variadic: A },
    ),
    sub: defineFunc('sub', [A, A], (a, b) => int64(castToInt64(a) - castToInt64(b))),
    div: defineFunc('div', [A, A], (a, b) => divInt(a, b, false)),
    mod: defineFunc('mod', [A, A], (a, b) => divInt(a, b, true)),
    mul: defineFunc(
      'mul',
      [A],
      (a, ...v) => {
        let val = castToInt64(a);
        for (const b of v) val = BigInt.asIntN(64, val * castToInt64(b));
        return int64(val);
      },
      { variadic: A },
    ),
    max: defineFunc('max', [A], maxFn, { variadic: A }),
    biggest: defineFunc('biggest', [A], maxFn, { variadic: A }),
    min: defineFunc('min', [A], minFn, { variadic: A }),
    add1f: defineFunc('add1f', [A], (i) => decimalOp(i, [1n], add)),
    addf: defineFunc('addf', [], (...xs) => decimalOp(0, xs, add), { variadic: A }),
    subf: defineFunc('subf', [A], (a, ...v) => decimalOp(a, v, sub), { variadic: A }),
    divf: defineFunc('divf', [A], (a, ...v) => decimalOp(a, v, div), { variadic: A }),
    mulf: defineFunc('mulf', [A], (a, ...v) => decimalOp(a, v, mul), { variadic: A }),
    maxf: defineFunc(
      'maxf',
      [A],
      (a, ...v) => {
        // JS Math.max/min treat NaN and signed zeros exactly as Go's math.Max/Min.
        let aa = castToFloat64(a);
        for (const b of v) aa = Math.max(aa, castToFloat64(b));
        return aa;
      },
      { variadic: A },
    ),
    minf: defineFunc(
      'minf',
      [A],
      (a, ...v) => {
        let aa = castToFloat64(a);
        for (const b of v) aa = Math.min(aa, castToFloat64(b));
        return aa;
      },
      { variadic: A },
    ),
    floor: defineFunc('floor', [A], (a) => Math.floor(castToFloat64(a))),
    ceil: defineFunc('ceil', [A], (a) => Math.ceil(castToFloat64(a))),
    round: defineFunc('round', [A, 'int'], (a, p, ...o) => round(a, p as bigint, o), { variadic: 'float64' }),
  };
}
