/**
 * Does a string read back as something other than a string when written as a plain YAML scalar? This is
 * the test go-yaml's encoder makes (`resolve("", s)` plus `isBase60Float`, and in yaml.v3 `isOldBool`) to
 * decide whether a string must be double-quoted. Written by hand to match go-yaml's resolver exactly (its
 * first-character hint table, Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint` / `ParseFloat` rules and its
 * `time.Parse` timestamp layouts), which no JavaScript YAML library reproduces.
 *
 * The union of yaml.v2's resolve table and yaml.v3's resolve table plus its old-bool list is the same set,
 * so one function serves both encoders.
 */

const RESOLVED_WORDS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);

// go-yaml's hint table: S(ign), D(igit), M(ap word), '.' (float); anything else resolves as a string.
const HINT_SIGN = 1;
const HINT_DIGIT = 2;
const HINT_MAP = 3;
const HINT_DOT = 4;
const hints = new Uint8Array(128);
hints[43] = HINT_SIGN;
hints[45] = HINT_SIGN;
for (let c = 48; c <= 57; c++) hints[c] = HINT_DIGIT;
for (const c of 'yYnNtTfFoO~') hints[c.charCodeAt(0)] = HINT_MAP;
hints[46] = HINT_DOT;

const INT_SYNTAX = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Go `strconv.ParseInt(s, 0, 64)` succeeds, or `ParseUint(s, 0, 64)` does. */
function parsesAsGoInt(s: string): boolean {
  const m = INT_SYNTAX.exec(s);
  if (!m) return false;
  let body = m[2];
  let v: bigint;
  const p = body.length > 1 ? body[1] : '';
  if (p === 'x' || p === 'X' || p === 'o' || p === 'O' || p === 'b' || p === 'B') {
    v = BigInt(`0${p.toLowerCase()}${body.slice(2)}`);
  } else if (body.length > 1 && body[0] === '0') {
    body = body.slice(1);
    v = BigInt(`0o${body}`);
  } else {
    v = BigInt(body);
  }
  if (m[1] === '-') return v <= INT64_MAX + 1n;
  if (m[1] === '+') return v <= INT64_MAX;
  return v <= UINT64_MAX;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** go-yaml's `parseTimestamp`: Go's `time.Parse` with the layouts `2006-1-2T15:4:5.999999999Z07:00`,
 * the same with `t`, `2006-1-2 15:4:5.999999999` and `2006-1-2`. */
export function isGoYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  if (m[6] !== undefined) {
    // T/t layouts need the zone; the space layout has none.
    if (m[4] !== undefined && m[9] === undefined) return false;
    if (m[5] !== undefined && m[9] !== undefined) return false;
    if (Number(m[6]) > 23 || Number(m[7]) > 59 || Number(m[8]) > 59) return false;
    if (m[9] !== undefined && m[9] !== 'Z') {
      if (Number(m[9].slice(1, 3)) > 24 || Number(m[9].slice(4, 6)) > 60) return false;
    }
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysIn(month, year);
}

/** True when go-yaml would not write `s` as a plain scalar because it reads back as non-string. */
export function needsQuotesAsPlain(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  const hint = c < 128 ? hints[c] : 0;
  if (hint === 0) return false;
  if (RESOLVED_WORDS.has(s)) return true;
  switch (hint) {
    case HINT_MAP:
      return false;
    case HINT_DOT:
      return DOT_FLOAT.test(s) && Number.isFinite(Number(s));
    default: {
      if (s.length >= 8 && c !== 43 && c !== 45 && isGoYamlTimestamp(s)) return true;
      const plain = s.indexOf('_') >= 0 ? s.replaceAll('_', '') : s;
      if (parsesAsGoInt(plain)) return true;
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
      if (s.indexOf(':') >= 0 && BASE60_FLOAT.test(s)) return true;
      return false;
    }
  }
}
