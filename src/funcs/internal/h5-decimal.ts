/**
 * shopspring/decimal v1.4.0 as Sprig's float functions use it (`addf`, `subf`, `mulf`, `divf`, `add1f`):
 * each float64 becomes the exact decimal of its shortest representation, the operation is exact (division
 * rounds half away from zero to 16 places), and the result is converted back to the nearest float64.
 * Hand-written so `addf 0.1 0.2` gives `0.3` exactly as in Helm (plain float arithmetic gives 0.30000000000000004).
 */
import { GoFuncError } from '../../util/go/func.js';

/** A decimal m × 10^e. */
export interface Dec {
  m: bigint;
  e: number;
}

const DIVISION_PRECISION = 16;

/** `decimal.NewFromFloat`: panics on NaN and infinities with shopspring's message. */
export function fromFloat(x: number): Dec {
  if (Number.isNaN(x)) throw new GoFuncError('Cannot create a Decimal from NaN');
  if (!Number.isFinite(x)) throw new GoFuncError(`Cannot create a Decimal from ${x > 0 ? '+Inf' : '-Inf'}`);
  if (x === 0) return { m: 0n, e: 0 };
  const [mant, exp] = x.toExponential().split('e') as [string, string];
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const m = BigInt(digits);
  return { m: neg ? -m : m, e: Number(exp) - (digits.length - 1) };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.e === b.e) return [a.m, b.m, a.e];
  if (a.e < b.e) return [a.m, b.m * 10n ** BigInt(b.e - a.e), a.e];
  return [a.m * 10n ** BigInt(a.e - b.e), b.m, b.e];
}

/** Exact sum. */
export function add(a: Dec, b: Dec): Dec {
  const [x, y, e] = align(a, b);
  return { m: x + y, e };
}
/** Exact difference. */
export function sub(a: Dec, b: Dec): Dec {
  const [x, y, e] = align(a, b);
  return { m: x - y, e };
}
/** Exact product. */
export function mul(a: Dec, b: Dec): Dec {
  return { m: a.m * b.m, e: a.e + b.e };
}
/** `Decimal.Div`: 16 decimal places, half away from zero; division by zero panics. */
export function div(a: Dec, b: Dec): Dec {
  if (b.m === 0n) throw new GoFuncError('decimal division by 0');
  const k = a.e - b.e + DIVISION_PRECISION;
  let n = a.m;
  let d = b.m;
  if (k >= 0) n *= 10n ** BigInt(k);
  else d *= 10n ** BigInt(-k);
  let q = n / d;
  const r = n - q * d;
  const ar = r < 0n ? -r : r;
  const ad = d < 0n ? -d : d;
  if (2n * ar >= ad) q += n < 0n !== d < 0n ? -1n : 1n;
  return { m: q, e: -DIVISION_PRECISION };
}

/** `Decimal.Float64`: the nearest float64. */
export function toFloat(d: Dec): number {
  return Number(`${d.m}e${d.e}`);
}
