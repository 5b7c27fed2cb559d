/**
 * Helm's `fromToml`: BurntSushi/toml decoding into `map[string]interface{}`, mapped to Go's value model.
 *
 * Parsing uses `smol-toml` (TOML 1.0); its values are turned into what BurntSushi hands Go: integers are
 * `int64`, floats `float64`, datetimes `time.Time` (offset datetimes in UTC or a fixed zone, local ones in
 * BurntSushi's fixed zones `datetime-local`, `date-local`, `time-local`), arrays `[]interface {}`, arrays of
 * tables (`[[x]]`) `[]map[string]interface {}`, tables `map[string]interface {}`.
 *
 * Known differences from BurntSushi (documented, not hidden): error texts are smol-toml's, prefixed the way
 * BurntSushi prefixes them (`toml: line N: …`), not BurntSushi's wording; fractional seconds keep millisecond
 * precision only; documents BurntSushi accepts although TOML 1.0 forbids them (extending an inline table
 * with a dotted key, re-opening a table defined by dotted keys) are errors here.
 */
import { parse, TomlDate, TomlError } from 'smol-toml';
import { type GoMap, type GoValue, int64, newMap, withGoType } from '../util/go/value.js';
import { timeStruct } from './dates.js';
import { daysFromCivil, type GoLocation, localLocation, UTC, zoneOffset } from './internal/h6-time.js';

/** Result of {@link parseTomlDocument}: the map, or BurntSushi-style error text. */
export type TomlParseResult = { value: GoMap } | { error: string };

const DATETIME_LOCAL: GoLocation = { name: 'datetime-local', fixedOffset: 0, fixedAbbr: 'datetime-local' };
const DATE_LOCAL: GoLocation = { name: 'date-local', fixedOffset: 0, fixedAbbr: 'date-local' };
const TIME_LOCAL: GoLocation = { name: 'time-local', fixedOffset: 0, fixedAbbr: 'time-local' };

/** The `time.Time` BurntSushi produces for a TOML date/time (read back from smol-toml's ISO text). */
function tomlTime(d: TomlDate): GoValue {
  const iso = d.toISOString();
  let y = 0;
  let mo = 1;
  let day = 1;
  let rest = iso;
  if (!d.isTime()) {
    y = Number(iso.slice(0, 4));
    mo = Number(iso.slice(5, 7));
    day = Number(iso.slice(8, 10));
    rest = iso.slice(11);
  }
  let h = 0;
  let mi = 0;
  let s = 0;
  let nsec = 0;
  let loc: GoLocation = d.isDate() ? DATE_LOCAL : d.isTime() ? TIME_LOCAL : DATETIME_LOCAL;
  let offset = 0;
  if (!d.isDate()) {
    h = Number(rest.slice(0, 2));
    mi = Number(rest.slice(3, 5));
    s = Number(rest.slice(6, 8));
    let i = 8;
    if (rest[i] === '.') {
      let j = i + 1;
      while (j < rest.length && rest.charCodeAt(j) >= 0x30 && rest.charCodeAt(j) <= 0x39) j++;
      nsec = Number(
        rest
          .slice(i + 1, j)
          .padEnd(9, '0')
          .slice(0, 9),
      );
      i = j;
    }
    const zone = rest.slice(i);
    if (zone === 'Z') loc = UTC;
    else if (zone !== '') {
      const sign = zone[0] === '-' ? -1 : 1;
      offset = sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
      loc = { name: '', fixedOffset: offset, fixedAbbr: '' };
    }
  }
  const sec = daysFromCivil(y, mo, day) * 86400 + h * 3600 + mi * 60 + s - offset;
  // time.Parse uses Local when the offset is Local's at that instant, else a fixed zone with no name.
  if (loc.fixedOffset !== undefined && loc.name === '' && zoneOffset(localLocation(), sec) === offset) {
    loc = localLocation();
  }
  return timeStruct({ sec, nsec, loc });
}

class IntOverflow extends Error {
  constructor(readonly n: bigint) {
    super(`${n} is out of range for int64`);
  }
}

const tablePathSep = '\u0000';

/**
 * Paths (keys joined by NUL) of every `[[array.of.tables]]` header: BurntSushi gives those arrays the Go type
 * `[]map[string]interface {}`, inline arrays stay `[]interface {}`. The key of each header is read with the
 * TOML parser itself so quoting and spacing are handled.
 */
function tableArrayPaths(text: string): Set<string> {
  const paths = new Set<string>();
  if (!text.includes('[[')) return paths;
  for (const line of text.split('\n')) {
    const t = line.trimStart();
    if (!t.startsWith('[[')) continue;
    const end = t.indexOf(']]');
    if (end < 0) continue;
    try {
      let node: unknown = parse(`${t.slice(2, end)} = 0`);
      const keys: string[] = [];
      while (node !== null && typeof node === 'object') {
        const k = Object.keys(node)[0];
        keys.push(k);
        node = (node as Record<string, unknown>)[k];
      }
      paths.add(keys.join(tablePathSep));
    } catch {
      // A header line inside a multi-line string: not a header.
    }
  }
  return paths;
}

function convert(v: unknown, path: string, arrays: Set<string>): GoValue {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      if (v !== BigInt.asIntN(64, v)) throw new IntOverflow(v);
      return int64(v);
    case 'number':
      return v;
  }
  if (v instanceof TomlDate) return tomlTime(v);
  if (Array.isArray(v)) {
    const out: GoValue[] = v.map((x) => convert(x, path, arrays));
    return arrays.has(path) ? withGoType(out, '[]map[string]interface {}') : out;
  }
  const m = newMap();
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    m[k] = convert(o[k], path === '' ? k : `${path}${tablePathSep}${k}`, arrays);
  }
  return m;
}

/** Decodes a TOML document as Helm's `fromToml` does (see the module comment for the known differences). */
export function parseTomlDocument(text: string): TomlParseResult {
  let doc: unknown;
  try {
    doc = parse(text, { integersAsBigInt: true });
  } catch (e) {
    if (e instanceof TomlError) {
      const msg = e.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
      return { error: `toml: line ${e.line}: ${msg}` };
    }
    throw e;
  }
  try {
    return { value: convert(doc, '', tableArrayPaths(text)) as GoMap };
  } catch (e) {
    // Go's int64: smol-toml's bigints are unbounded.
    if (e instanceof IntOverflow) return { error: `toml: ${e.n} is out of range for int64` };
    throw e;
  }
}
