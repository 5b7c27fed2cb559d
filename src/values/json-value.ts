import { type GoValue, newMap } from '../util/go/value.js';

/** Thrown when the text does not start with a valid JSON value (Go's decoder would fail). */
export class JSONValueError extends Error {}

const WS = ' \t\n\r';
const NUM_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Finds the end of the JSON value starting at `i` (after whitespace). Throws if malformed. */
function scanValue(s: string, i: number): number {
  const c = s[i];
  if (c === undefined) throw new JSONValueError('unexpected EOF');
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = scanString(s, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new JSONValueError('unexpected EOF');
  }
  if (c === '"') return scanString(s, i);
  for (const lit of ['true', 'false', 'null']) if (s.startsWith(lit, i)) return i + lit.length;
  NUM_RE.lastIndex = i;
  const m = NUM_RE.exec(s);
  if (m === null) throw new JSONValueError(`invalid character ${c}`);
  const end = i + m[0].length;
  const next = s[end];
  // Go's scanner fails on a number cut short ("1.", "1e", "-").
  if (next === '.' || next === 'e' || next === 'E') throw new JSONValueError('invalid number');
  return end;
}

function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const d = s[j];
    if (d === '\\') j++;
    else if (d === '"') return j + 1;
  }
  throw new JSONValueError('unexpected EOF');
}

function convert(v: unknown): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new JSONValueError('number out of range');
    return v;
  }
  if (Array.isArray(v)) return v.map(convert);
  const m = newMap();
  for (const k of Object.keys(v as object)) m[k] = convert((v as Record<string, unknown>)[k]);
  return m;
}

/**
 * Decodes the first JSON value of `s` the way Go's `json.Decoder.Decode` into `interface{}` does (numbers are
 * float64, objects become Go maps with `__proto__` as a plain key). Returns the value and the number of
 * UTF-16 units consumed (leading whitespace included).
 */
export function jsonValueToGo(s: string): [GoValue, number] {
  let i = 0;
  while (i < s.length && WS.includes(s[i] as string)) i++;
  const end = scanValue(s, i);
  let parsed: unknown;
  try {
    parsed = JSON.parse(s.slice(i, end));
  } catch (e) {
    throw new JSONValueError((e as Error).message);
  }
  return [convert(parsed), end];
}
