/**
 * Go's float formatting as the YAML and JSON encoders use it (`strconv.FormatFloat(f, 'g', -1, 64|32)` and
 * `encoding/json`'s float encoding). Written by hand because JavaScript's `Number#toString` switches to
 * exponent notation at other thresholds than Go's `'g'` verb (Go: exponent < -4 or >= 21 for shortest,
 * with a 6-digit decision point; JS: < 1e-6 or >= 1e21) and prints exponents without Go's two-digit padding.
 */

/** Shortest decimal digits and decimal exponent of a finite non-zero float: value = 0.d1d2d3… × 10^dp. */
interface Digits {
  digits: string;
  /** Position of the decimal point relative to the digits (Go's `decimal.dp`). */
  dp: number;
}

function shortestDigits(abs: number, bits: 32 | 64): Digits {
  let exp: string;
  if (bits === 32) {
    // The shortest decimal that reads back as the same float32.
    let s = abs.toExponential();
    for (let p = 1; p <= 9; p++) {
      const c = abs.toExponential(p - 1);
      if (Math.fround(Number(c)) === abs) {
        s = c;
        break;
      }
    }
    exp = s;
  } else {
    exp = abs.toExponential();
  }
  const e = exp.indexOf('e');
  const mant = exp.slice(0, e).replace('.', '');
  const digits = mant.replace(/0+$/, '') || '0';
  return { digits, dp: Number(exp.slice(e + 1)) + 1 };
}

function fmtE(neg: boolean, d: Digits): string {
  let s = neg ? '-' : '';
  s += d.digits[0];
  if (d.digits.length > 1) s += `.${d.digits.slice(1)}`;
  const x = d.dp - 1;
  const ax = Math.abs(x);
  return `${s}e${x < 0 ? '-' : '+'}${ax < 10 ? `0${ax}` : ax}`;
}

function fmtF(neg: boolean, d: Digits): string {
  let s = neg ? '-' : '';
  if (d.dp <= 0) return `${s}0.${'0'.repeat(-d.dp)}${d.digits}`;
  if (d.dp >= d.digits.length) return s + d.digits + '0'.repeat(d.dp - d.digits.length);
  s += `${d.digits.slice(0, d.dp)}.${d.digits.slice(d.dp)}`;
  return s;
}

/** `strconv.FormatFloat(x, 'g', -1, bits)`: `1e+06`, `1.5`, `1e-07`, `+Inf`, `NaN`. */
export function formatGoFloatG(x: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '+Inf';
  if (x === Number.NEGATIVE_INFINITY) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return neg ? '-0' : '0';
  const d = shortestDigits(Math.abs(x), bits);
  const exp = d.dp - 1;
  // Go decides with a precision of 6 for the shortest representation (`if shortest { eprec = 6 }`).
  if (exp < -4 || exp >= 6) return fmtE(neg, d);
  return fmtF(neg, d);
}

/**
 * The text `encoding/json` writes for a float (`bits` 64 for float64, 32 for float32): `'f'` format between
 * 1e-6 and 1e21, otherwise `'e'` with a one-digit negative exponent cleaned up (`1e-07` → `1e-7`).
 * Returns null for NaN and infinities (Go's `json: unsupported value`).
 */
export function formatGoJsonFloat(x: number, bits: 32 | 64 = 64): string | null {
  if (!Number.isFinite(x)) return null;
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return neg ? '-0' : '0';
  const abs = Math.abs(x);
  const d = shortestDigits(abs, bits);
  if (abs < 1e-6 || abs >= 1e21) {
    let s = fmtE(neg, d);
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') s = s.slice(0, n - 2) + s[n - 1];
    return s;
  }
  return fmtF(neg, d);
}

const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * How yaml.v2 prints a number it decoded from Go's JSON text (sigs.k8s.io/yaml's JSON→YAML step): integer
 * text within int64/uint64 stays an integer, everything else becomes a float64 printed with `'g'`.
 */
export function yamlNumberFromJsonText(text: string, value: number): string {
  let allDigits = text.length > 0;
  for (let i = text[0] === '-' ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) {
    const b = BigInt(text);
    if (b >= INT64_MIN && b <= UINT64_MAX) return b.toString();
  }
  return formatGoFloatG(value, 64);
}
