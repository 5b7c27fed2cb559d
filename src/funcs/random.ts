import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import type { GoValue } from '../util/go/value.js';
import { randomBelow, randomBigBelow, randomBytes } from './internal/h6-random.js';
import type { FuncOptions } from './options.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
let ASCII = '';
for (let c = 32; c < 127; c++) ASCII += String.fromCharCode(c);

/**
 * goutils' `CryptoRandom*` as Sprig calls them: `count` characters from the alphabet; a negative count is an
 * error that Sprig discards, giving `""`.
 */
function randString(alphabet: string): (count: GoValue) => GoValue {
  return (count) => {
    const n = Number(count as bigint);
    if (n <= 0) return '';
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[randomBelow(alphabet.length)]!;
    return s;
  };
}

/** Google's `uuid.New().String()`: a random version-4, RFC 4122 variant UUID in lower case. */
export function uuidv4(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let h = '';
  for (const x of b) h += x.toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The random function family: `randAlphaNum`, `randAlpha`, `randNumeric`, `randAscii`, `randInt`, `shuffle`, `uuidv4`. */
export function randomFuncs(_options: FuncOptions): FuncMap {
  return {
    randAlphaNum: defineFunc('randAlphaNum', ['int'], randString(LETTERS + DIGITS)),
    randAlpha: defineFunc('randAlpha', ['int'], randString(LETTERS)),
    randNumeric: defineFunc('randNumeric', ['int'], randString(DIGITS)),
    randAscii: defineFunc('randAscii', ['int'], randString(ASCII)),
    randInt: defineFunc('randInt', ['int', 'int'], (min, max) => {
      const lo = min as bigint;
      const span = BigInt.asIntN(64, (max as bigint) - lo);
      // Go's rand.Intn panics for n <= 0; the template engine reports the panic.
      if (span <= 0n) throw new GoFuncError('invalid argument to Intn');
      return BigInt.asIntN(64, randomBigBelow(span) + lo);
    }),
    // xstrings.Shuffle: a random permutation of the string's runes.
    shuffle: defineFunc('shuffle', ['string'], (s) => {
      const runes = Array.from(s as string);
      for (let i = runes.length - 1; i > 0; i--) {
        const j = randomBelow(i + 1);
        const t = runes[i]!;
        runes[i] = runes[j]!;
        runes[j] = t;
      }
      return runes.join('');
    }),
    uuidv4: defineFunc('uuidv4', [], () => uuidv4()),
  };
}
