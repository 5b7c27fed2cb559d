/**
 * Go's `time` package as Sprig's date functions use it: instants with a location, `Format`/`Parse` with Go
 * layouts (`2006-01-02T15:04:05Z07:00`), `Duration.String`, `ParseDuration`. Hand-written because JavaScript
 * has no Go layouts, no nanoseconds and different zone abbreviations. Zones come from `Intl` (no node
 * built-ins); Go's tzdata abbreviations are approximated from `Intl`'s (see {@link zoneAbbrev}).
 */

/** A Go `*time.Location`. */
export interface GoLocation {
  /** `Location.String()`: `UTC`, `Local`, an IANA name, or `""` for a fixed zone. */
  name: string;
  /** IANA zone for `Intl` (undefined for UTC and fixed zones). */
  iana?: string;
  /** Fixed offset in seconds (fixed zones). */
  fixedOffset?: number;
  /** Fixed zone abbreviation. */
  fixedAbbr?: string;
}

/** A Go `time.Time`. */
export interface GoTime {
  /** Seconds since the Unix epoch. */
  sec: number;
  /** Nanoseconds within the second, 0..999999999. */
  nsec: number;
  loc: GoLocation;
  /** Monotonic clock reading in nanoseconds (only `now()` has one; `String()` prints `m=±…`). */
  mono?: bigint;
}

export const UTC: GoLocation = { name: 'UTC' };

let localLoc: GoLocation | undefined;
/** Go's `time.Local`: the host's zone (from Intl), named `Local`. */
export function localLocation(): GoLocation {
  if (!localLoc) {
    const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    localLoc = !tz || tz === 'UTC' || tz === 'Etc/UTC' ? { name: 'Local' } : { name: 'Local', iana: tz };
  }
  return localLoc;
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string, locale = 'en-US', withName = false): Intl.DateTimeFormat {
  const key = `${tz}|${locale}|${withName}`;
  let f = fmtCache.get(key);
  if (!f) {
    f = withName
      ? new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' })
      : new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
          era: 'short',
        });
    fmtCache.set(key, f);
  }
  return f;
}

/** Go's `time.LoadLocation`; undefined when Go would fail. */
export function loadLocation(name: string): GoLocation | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return localLocation();
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Go reads zoneinfo files by exact (case-sensitive) name; Intl matches case-insensitively.
    if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return undefined;
    return { name, iana: name };
  } catch {
    return undefined;
  }
}

// Clamp to the range Intl/Date can handle; beyond it, use the offset at the edge.
const MAX_MS = 8.64e15;

/** The zone offset in seconds east of UTC at an instant. */
export function zoneOffset(loc: GoLocation, sec: number): number {
  if (loc.fixedOffset !== undefined) return loc.fixedOffset;
  if (!loc.iana) return 0;
  const ms = Math.max(-MAX_MS, Math.min(MAX_MS, sec * 1000));
  const parts = formatter(loc.iana).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wall =
    daysFromCivil(year, get('month'), get('day')) * 86400 +
    get('hour') * 3600 +
    get('minute') * 60 +
    get('second');
  const utc = Math.floor(ms / 1000);
  return wall - utc;
}

const abbrevCache = new Map<string, string>();
const ABBREV_LOCALES: [RegExp, string][] = [
  [/^(Europe|Atlantic)\/|^(CET|EET|WET|MET)$/, 'en-GB'],
  [/^(Asia\/(Kolkata|Calcutta)|Asia\/Karachi)$/, 'en-IN'],
  [/^Australia\//, 'en-AU'],
  [/^Asia\/Tokyo$/, 'ja-JP'],
  [/^Asia\/(Seoul)$/, 'ko-KR'],
  [/^Pacific\/Auckland$/, 'en-NZ'],
];

/**
 * The zone abbreviation Go prints for `MST`: Go uses tzdata's abbreviations (`CET`, `IST`, `JST`) or a number
 * (`+04`, `-03`) where tzdata has none. Intl only names zones in some locales, so this asks `en-US` then a
 * locale matching the zone's region, and falls back to Go's numeric form.
 */
export function zoneAbbrev(loc: GoLocation, sec: number): string {
  if (loc.fixedOffset !== undefined) return loc.fixedAbbr ?? '';
  if (!loc.iana) return 'UTC';
  const off = zoneOffset(loc, sec);
  const key = `${loc.iana}|${off}`;
  const hit = abbrevCache.get(key);
  if (hit !== undefined) return hit;
  const date = new Date(Math.max(-MAX_MS, Math.min(MAX_MS, sec * 1000)));
  const nameIn = (locale: string): string | undefined => {
    const v = formatter(loc.iana!, locale, true)
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    return v && /^[A-Z]{2,5}$/.test(v) ? v : undefined;
  };
  let abbr = nameIn('en-US');
  if (abbr === undefined) {
    for (const [re, locale] of ABBREV_LOCALES) {
      if (re.test(loc.iana)) {
        abbr = nameIn(locale);
        break;
      }
    }
  }
  if (abbr === undefined) {
    const sign = off < 0 ? '-' : '+';
    const a = Math.abs(off);
    const h = Math.floor(a / 3600);
    const m = Math.floor((a % 3600) / 60);
    abbr = sign + pad(h, 2) + (m ? pad(m, 2) : '');
  }
  abbrevCache.set(key, abbr);
  return abbr;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01. */
export function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length < w ? '0'.repeat(w - s.length) + s : s);
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Broken-down wall-clock fields of a time in its location. */
export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  yday: number;
  offset: number;
}

/** The wall-clock fields of `t` in its location. */
export function civil(t: GoTime): Civil {
  const offset = zoneOffset(t.loc, t.sec);
  const local = t.sec + offset;
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    offset,
  };
}

// Layout element codes (Go's std* constants).
enum Std {
  None = 0,
  LongMonth,
  Month,
  NumMonth,
  ZeroMonth,
  LongWeekDay,
  WeekDay,
  Day,
  UnderDay,
  ZeroDay,
  UnderYearDay,
  ZeroYearDay,
  Hour,
  Hour12,
  ZeroHour12,
  Minute,
  ZeroMinute,
  Second,
  ZeroSecond,
  LongYear,
  Year,
  PM,
  pm,
  TZ,
  ISO8601TZ,
  ISO8601SecondsTZ,
  ISO8601ShortTZ,
  ISO8601ColonTZ,
  ISO8601ColonSecondsTZ,
  NumTZ,
  NumSecondsTz,
  NumShortTZ,
  NumColonTZ,
  NumColonSecondsTZ,
  FracSecond0,
  FracSecond9,
}

interface Chunk {
  prefix: string;
  std: Std;
  /** Fractional-second digit count and separator. */
  fracDigits?: number;
  fracSep?: string;
  suffix: string;
  /** The layout text of the element (for parse errors). */
  stdText: string;
}

const isLower = (s: string, i: number): boolean => i < s.length && s[i]! >= 'a' && s[i]! <= 'z';
const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's `nextStdChunk`: the text before the next layout element, the element and the rest. */
function nextStdChunk(layout: string): Chunk {
  const mk = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    suffix: layout.slice(i + len),
    stdText: layout.slice(prefixEnd, i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i]!;
    const at = (s: string): boolean => layout.startsWith(s, i);
    switch (c) {
      case 'J':
        if (at('Jan')) {
          if (at('January')) return mk(i, Std.LongMonth, 7);
          if (!isLower(layout, i + 3)) return mk(i, Std.Month, 3);
        }
        break;
      case 'M':
        if (at('Mon')) {
          if (at('Monday')) return mk(i, Std.LongWeekDay, 6);
          if (!isLower(layout, i + 3)) return mk(i, Std.WeekDay, 3);
        }
        if (at('MST')) return mk(i, Std.TZ, 3);
        break;
      case '0': {
        const n = layout[i + 1];
        if (n !== undefined && n >= '1' && n <= '6') {
          const codes = [
            Std.ZeroMonth,
            Std.ZeroDay,
            Std.ZeroHour12,
            Std.ZeroMinute,
            Std.ZeroSecond,
            Std.Year,
          ];
          return mk(i, codes[Number(n) - 1]!, 2);
        }
        if (at('002')) return mk(i, Std.ZeroYearDay, 3);
        break;
      }
      case '1':
        if (layout[i + 1] === '5') return mk(i, Std.Hour, 2);
        return mk(i, Std.NumMonth, 1);
      case '2':
        if (at('2006')) return mk(i, Std.LongYear, 4);
        return mk(i, Std.Day, 1);
      case '_':
        if (layout[i + 1] === '2') {
          if (layout.startsWith('2006', i + 1)) return mk(i + 1, Std.LongYear, 4, i + 1);
          return mk(i, Std.UnderDay, 2);
        }
        if (at('__2')) return mk(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return mk(i, Std.Hour12, 1);
      case '4':
        return mk(i, Std.Minute, 1);
      case '5':
        return mk(i, Std.Second, 1);
      case 'P':
        if (layout[i + 1] === 'M') return mk(i, Std.PM, 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return mk(i, Std.pm, 2);
        break;
      case '-':
        if (at('-070000')) return mk(i, Std.NumSecondsTz, 7);
        if (at('-07:00:00')) return mk(i, Std.NumColonSecondsTZ, 9);
        if (at('-0700')) return mk(i, Std.NumTZ, 5);
        if (at('-07:00')) return mk(i, Std.NumColonTZ, 6);
        if (at('-07')) return mk(i, Std.NumShortTZ, 3);
        break;
      case 'Z':
        if (at('Z070000')) return mk(i, Std.ISO8601SecondsTZ, 7);
        if (at('Z07:00:00')) return mk(i, Std.ISO8601ColonSecondsTZ, 9);
        if (at('Z0700')) return mk(i, Std.ISO8601TZ, 5);
        if (at('Z07:00')) return mk(i, Std.ISO8601ColonTZ, 6);
        if (at('Z07')) return mk(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            const chunk = mk(i, ch === '0' ? Std.FracSecond0 : Std.FracSecond9, j - i);
            chunk.fracDigits = j - (i + 1);
            chunk.fracSep = c;
            return chunk;
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: Std.None, suffix: '', stdText: '' };
}

function formatOffset(std: Std, offset: number): string {
  const iso =
    std === Std.ISO8601TZ ||
    std === Std.ISO8601SecondsTZ ||
    std === Std.ISO8601ShortTZ ||
    std === Std.ISO8601ColonTZ ||
    std === Std.ISO8601ColonSecondsTZ;
  if (iso && offset === 0) return 'Z';
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let b = '+';
  if (zone < 0) {
    b = '-';
    zone = -zone;
    abs = -abs;
  }
  b += pad(Math.floor(zone / 60), 2);
  const colon =
    std === Std.ISO8601ColonTZ ||
    std === Std.NumColonTZ ||
    std === Std.ISO8601ColonSecondsTZ ||
    std === Std.NumColonSecondsTZ;
  if (colon) b += ':';
  if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) b += pad(zone % 60, 2);
  if (
    std === Std.ISO8601SecondsTZ ||
    std === Std.NumSecondsTz ||
    std === Std.NumColonSecondsTZ ||
    std === Std.ISO8601ColonSecondsTZ
  ) {
    if (std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) b += ':';
    b += pad(abs % 60, 2);
  }
  return b;
}

/** Go's `Time.Format(layout)`. */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const ch = nextStdChunk(rest);
    out += ch.prefix;
    if (ch.std === Std.None) break;
    rest = ch.suffix;
    switch (ch.std) {
      case Std.Year:
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case Std.LongYear:
        out += pad(c.year, 4);
        break;
      case Std.Month:
        out += LONG_MONTHS[c.month - 1]!.slice(0, 3);
        break;
      case Std.LongMonth:
        out += LONG_MONTHS[c.month - 1]!;
        break;
      case Std.NumMonth:
        out += String(c.month);
        break;
      case Std.ZeroMonth:
        out += pad(c.month, 2);
        break;
      case Std.WeekDay:
        out += LONG_DAYS[c.weekday]!.slice(0, 3);
        break;
      case Std.LongWeekDay:
        out += LONG_DAYS[c.weekday]!;
        break;
      case Std.Day:
        out += String(c.day);
        break;
      case Std.UnderDay:
        out += c.day < 10 ? ` ${c.day}` : String(c.day);
        break;
      case Std.ZeroDay:
        out += pad(c.day, 2);
        break;
      case Std.UnderYearDay:
        out += String(c.yday).padStart(3, ' ');
        break;
      case Std.ZeroYearDay:
        out += pad(c.yday, 3);
        break;
      case Std.Hour:
        out += pad(c.hour, 2);
        break;
      case Std.Hour12:
        out += String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        break;
      case Std.ZeroHour12:
        out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case Std.Minute:
        out += String(c.minute);
        break;
      case Std.ZeroMinute:
        out += pad(c.minute, 2);
        break;
      case Std.Second:
        out += String(c.second);
        break;
      case Std.ZeroSecond:
        out += pad(c.second, 2);
        break;
      case Std.PM:
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case Std.TZ: {
        const name = zoneAbbrev(t.loc, t.sec);
        if (name !== '') out += name;
        else {
          const z = Math.trunc(c.offset / 60);
          const a = Math.abs(z);
          out += (z < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
        }
        break;
      }
      case Std.FracSecond0:
        out += ch.fracSep! + String(t.nsec).padStart(9, '0').slice(0, ch.fracDigits);
        break;
      case Std.FracSecond9: {
        const digits = String(t.nsec).padStart(9, '0').slice(0, ch.fracDigits).replace(/0+$/, '');
        if (digits !== '') out += ch.fracSep! + digits;
        break;
      }
      default:
        out += formatOffset(ch.std, c.offset);
    }
  }
  return out;
}

/** Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, plus ` m=±s.nnnnnnnnn` when monotonic. */
export function timeString(t: GoTime): string {
  let s = formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (t.mono !== undefined) {
    const m = t.mono;
    const sign = m < 0n ? '-' : '+';
    const a = m < 0n ? -m : m;
    s += ` m=${sign}${a / 1000000000n}.${String(a % 1000000000n).padStart(9, '0')}`;
  }
  return s;
}

/** A Go `time.ParseError` with Go's message. */
export class TimeParseError extends Error {}

function quote(s: string): string {
  return JSON.stringify(s);
}

const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

function lookupName(tab: string[], val: string): [number, string] | undefined {
  for (let i = 0; i < tab.length; i++) {
    const n = tab[i]!;
    if (val.length >= n.length && val.slice(0, n.length).toLowerCase() === n.toLowerCase())
      return [i, val.slice(n.length)];
  }
  return undefined;
}

function getNum(value: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(value, 0)) return undefined;
  if (!isDigitAt(value, 1)) {
    if (fixed) return undefined;
    return [Number(value[0]), value.slice(1)];
  }
  return [Number(value.slice(0, 2)), value.slice(2)];
}

function getNum3(value: string, fixed: boolean): [number, string] | undefined {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(value, i); i++) n = n * 10 + Number(value[i]);
  if (i === 0 || (fixed && i !== 3)) return undefined;
  return [n, value.slice(i)];
}

function atoiPrefix(s: string, len: number): number | undefined {
  if (s.length < len) return undefined;
  let n = 0;
  for (let i = 0; i < len; i++) {
    if (!isDigitAt(s, i)) return undefined;
    n = n * 10 + Number(s[i]);
  }
  return n;
}

function parseTZAbbrev(value: string): number {
  // Go's parseTimeZone (simplified): 3+ upper-case letters, or GMT±n.
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) {
    let n = 3;
    if (value[3] === '+' || value[3] === '-') {
      let j = 4;
      while (isDigitAt(value, j)) j++;
      if (j > 4) n = j;
    }
    return n;
  }
  if (value[0] === '+' || value[0] === '-') {
    let j = 1;
    while (isDigitAt(value, j)) j++;
    return j === 3 || j === 5 ? j : 0;
  }
  let n = 0;
  while (n < value.length && value[n]! >= 'A' && value[n]! <= 'Z') n++;
  if (n === 3 || n === 4 || (n === 5 && value[4] === 'T')) return n;
  if (n === 4 && value[3] === 'T') return 4;
  return 0;
}

/**
 * Go's `time.ParseInLocation(layout, value, loc)` for the layout elements charts use. Throws
 * {@link TimeParseError} with Go's message.
 */
export function parseTime(layout: string, value: string, defaultLoc: GoLocation): GoTime {
  const alayout = layout;
  const avalue = value;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pmSet = false;
  let amSet = false;
  let zoneOffsetSec: number | undefined;
  let zoneName = '';
  let z: GoLocation | undefined;
  const fail = (elem: string, val: string, msg = ''): never => {
    throw new TimeParseError(
      msg
        ? `parsing time ${quote(avalue)}${msg}`
        : `parsing time ${quote(avalue)} as ${quote(alayout)}: cannot parse ${quote(val)} as ${quote(elem)}`,
    );
  };
  let rest = layout;
  for (;;) {
    const ch = nextStdChunk(rest);
    const stdstr = ch.stdText;
    // skip the literal prefix (Go: skip, allowing runs of spaces to match)
    let p = ch.prefix;
    while (p.length > 0) {
      if (p[0] === ' ') {
        if (value.length > 0 && value[0] !== ' ') fail(ch.prefix, value);
        p = p.replace(/^ +/, '');
        value = value.replace(/^ +/, '');
        continue;
      }
      if (value.length === 0 || value[0] !== p[0]) fail(ch.prefix, value);
      p = p.slice(1);
      value = value.slice(1);
    }
    if (ch.std === Std.None) {
      if (value.length !== 0)
        throw new TimeParseError(`parsing time ${quote(avalue)}: extra text: ${quote(value)}`);
      break;
    }
    rest = ch.suffix;
    const hold = value;
    let r: [number, string] | undefined;
    let rangeErr = '';
    switch (ch.std) {
      case Std.Year: {
        const n = atoiPrefix(value, 2);
        if (n === undefined) fail(stdstr, hold);
        year = n! >= 69 ? n! + 1900 : n! + 2000;
        value = value.slice(2);
        break;
      }
      case Std.LongYear: {
        const n = atoiPrefix(value, 4);
        if (n === undefined) fail(stdstr, hold);
        year = n!;
        value = value.slice(4);
        break;
      }
      case Std.Month:
        r = lookupName(SHORT_MONTHS, value);
        if (!r) fail(stdstr, hold);
        month = r![0] + 1;
        value = r![1];
        break;
      case Std.LongMonth:
        r = lookupName(LONG_MONTHS, value);
        if (!r) fail(stdstr, hold);
        month = r![0] + 1;
        value = r![1];
        break;
      case Std.NumMonth:
      case Std.ZeroMonth:
        r = getNum(value, ch.std === Std.ZeroMonth);
        if (!r) fail(stdstr, hold);
        if (r![0] <= 0 || r![0] > 12) rangeErr = 'month';
        month = r![0];
        value = r![1];
        break;
      case Std.WeekDay:
        r = lookupName(SHORT_DAYS, value);
        if (!r) fail(stdstr, hold);
        value = r![1];
        break;
      case Std.LongWeekDay:
        r = lookupName(LONG_DAYS, value);
        if (!r) fail(stdstr, hold);
        value = r![1];
        break;
      case Std.Day:
      case Std.UnderDay:
      case Std.ZeroDay:
        if (ch.std === Std.UnderDay && value[0] === ' ') value = value.slice(1);
        r = getNum(value, ch.std === Std.ZeroDay);
        if (!r) fail(stdstr, hold);
        day = r![0];
        value = r![1];
        break;
      case Std.UnderYearDay:
      case Std.ZeroYearDay:
        for (let i = 0; i < 2; i++)
          if (ch.std === Std.UnderYearDay && value[0] === ' ') value = value.slice(1);
        r = getNum3(value, ch.std === Std.ZeroYearDay);
        if (!r) fail(stdstr, hold);
        yday = r![0];
        value = r![1];
        break;
      case Std.Hour:
        r = getNum(value, false);
        if (!r) fail(stdstr, hold);
        if (r![0] < 0 || r![0] >= 24) rangeErr = 'hour';
        hour = r![0];
        value = r![1];
        break;
      case Std.Hour12:
      case Std.ZeroHour12:
        r = getNum(value, ch.std === Std.ZeroHour12);
        if (!r) fail(stdstr, hold);
        if (r![0] < 0 || r![0] > 12) rangeErr = 'hour';
        hour = r![0];
        value = r![1];
        break;
      case Std.Minute:
      case Std.ZeroMinute:
        r = getNum(value, ch.std === Std.ZeroMinute);
        if (!r) fail(stdstr, hold);
        if (r![0] < 0 || r![0] >= 60) rangeErr = 'minute';
        min = r![0];
        value = r![1];
        break;
      case Std.Second:
      case Std.ZeroSecond: {
        r = getNum(value, ch.std === Std.ZeroSecond);
        if (!r) fail(stdstr, hold);
        if (r![0] < 0 || r![0] >= 60) {
          rangeErr = 'second';
          break;
        }
        sec = r![0];
        value = r![1];
        // Go accepts a fractional second after seconds even when the layout has none.
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
          const next = nextStdChunk(rest);
          if (next.prefix === '' && (next.std === Std.FracSecond0 || next.std === Std.FracSecond9)) break;
          let n = 1;
          while (isDigitAt(value, n)) n++;
          nsec = Number(`${value.slice(1, n)}000000000`.slice(0, 9));
          value = value.slice(n);
        }
        break;
      }
      case Std.PM:
      case Std.pm: {
        const a = value.slice(0, 2);
        const up = ch.std === Std.PM ? a : a.toUpperCase();
        if (up === 'PM' && (ch.std === Std.PM || a === 'pm')) pmSet = true;
        else if (up === 'AM' && (ch.std === Std.PM || a === 'am')) amSet = true;
        else fail(stdstr, hold);
        value = value.slice(2);
        break;
      }
      case Std.TZ: {
        if (value.length >= 3 && value.slice(0, 3) === 'UTC') {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const n = parseTZAbbrev(value);
        if (n === 0) fail(stdstr, hold);
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case Std.FracSecond0: {
        const ndigit = 1 + ch.fracDigits!;
        if (value.length < ndigit || value[0] !== ch.fracSep) fail(stdstr, hold);
        const digits = value.slice(1, ndigit);
        if (!/^[0-9]*$/.test(digits)) fail(stdstr, hold);
        nsec = Number(`${digits}000000000`.slice(0, 9));
        value = value.slice(ndigit);
        break;
      }
      case Std.FracSecond9: {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) break;
        let i = 0;
        while (i + 1 < value.length && i < 9 && isDigitAt(value, i + 1)) i++;
        nsec = Number(`${value.slice(1, 1 + i)}000000000`.slice(0, 9));
        value = value.slice(1 + i);
        break;
      }
      default: {
        // numeric zones
        const iso =
          ch.std === Std.ISO8601TZ ||
          ch.std === Std.ISO8601SecondsTZ ||
          ch.std === Std.ISO8601ShortTZ ||
          ch.std === Std.ISO8601ColonTZ ||
          ch.std === Std.ISO8601ColonSecondsTZ;
        if (iso && value.length >= 1 && value[0] === 'Z') {
          value = value.slice(1);
          z = UTC;
          break;
        }
        let sign = '';
        let hh = '';
        let mm = '00';
        let ss = '00';
        const s = ch.std;
        const need = (len: number): void => {
          if (value.length < len) fail(stdstr, hold);
        };
        if (s === Std.ISO8601ColonTZ || s === Std.NumColonTZ) {
          need(6);
          if (value[3] !== ':') fail(stdstr, hold);
          [sign, hh, mm] = [value[0]!, value.slice(1, 3), value.slice(4, 6)];
          value = value.slice(6);
        } else if (s === Std.NumShortTZ || s === Std.ISO8601ShortTZ) {
          need(3);
          [sign, hh] = [value[0]!, value.slice(1, 3)];
          value = value.slice(3);
        } else if (s === Std.ISO8601ColonSecondsTZ || s === Std.NumColonSecondsTZ) {
          need(9);
          if (value[3] !== ':' || value[6] !== ':') fail(stdstr, hold);
          [sign, hh, mm, ss] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          value = value.slice(9);
        } else if (s === Std.ISO8601SecondsTZ || s === Std.NumSecondsTz) {
          need(7);
          [sign, hh, mm, ss] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          value = value.slice(7);
        } else {
          need(5);
          [sign, hh, mm] = [value[0]!, value.slice(1, 3), value.slice(3, 5)];
          value = value.slice(5);
        }
        const h = atoiPrefix(hh, 2);
        const m = atoiPrefix(mm, 2);
        const sx = atoiPrefix(ss, 2);
        if (h === undefined || m === undefined || sx === undefined || (sign !== '+' && sign !== '-'))
          fail(stdstr, hold);
        let off = (h! * 60 + m!) * 60 + sx!;
        if (sign === '-') off = -off;
        zoneOffsetSec = off;
        break;
      }
    }
    if (rangeErr) throw new TimeParseError(`parsing time ${quote(avalue)}: ${rangeErr} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    let m = 0;
    let d = 0;
    if (yday < 1 || yday > (isLeap(year) ? 366 : 365))
      throw new TimeParseError(`parsing time ${quote(avalue)}: day-of-year out of range`);
    const dd = daysFromCivil(year, 1, 1) + yday - 1;
    [, m, d] = civilFromDays(dd);
    if (month >= 0 && month !== m)
      throw new TimeParseError(`parsing time ${quote(avalue)}: day-of-year does not match month`);
    month = m;
    if (day >= 0 && day !== d)
      throw new TimeParseError(`parsing time ${quote(avalue)}: day-of-year does not match day`);
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year))
    throw new TimeParseError(`parsing time ${quote(avalue)}: day out of range`);
  const wallSec = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  if (z) return { sec: wallSec, nsec, loc: z };
  if (zoneOffsetSec !== undefined) {
    const utc = wallSec - zoneOffsetSec;
    if (zoneOffset(defaultLoc, utc) === zoneOffsetSec && defaultLoc.fixedOffset === undefined)
      return { sec: utc, nsec, loc: defaultLoc };
    return { sec: utc, nsec, loc: { name: '', fixedOffset: zoneOffsetSec, fixedAbbr: '' } };
  }
  if (zoneName !== '') {
    // Go: if the abbreviation is the local zone's at that time, use it; else a fabricated zone at offset 0
    // (or the GMT±n offset).
    const guess = wallSec - zoneOffset(defaultLoc, wallSec);
    if (zoneAbbrev(defaultLoc, guess) === zoneName) return { sec: guess, nsec, loc: defaultLoc };
    let off = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) off = Number(zoneName.slice(3)) * 3600;
    return { sec: wallSec - off, nsec, loc: { name: zoneName, fixedOffset: off, fixedAbbr: zoneName } };
  }
  // No zone in the value: interpret the wall clock in defaultLoc.
  let utc = wallSec - zoneOffset(defaultLoc, wallSec);
  utc = wallSec - zoneOffset(defaultLoc, utc);
  return { sec: utc, nsec, loc: defaultLoc };
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysIn(m: number, y: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Go's zero `time.Time` (January 1, year 1, 00:00:00 UTC). */
export const ZERO_TIME: GoTime = { sec: daysFromCivil(1, 1, 1) * 86400, nsec: 0, loc: UTC };

/** Go's `Duration.String()` for a duration in nanoseconds. */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1000000000n) {
    // sub-second: ns, µs, ms with fraction
    let unit: string;
    let prec: number;
    if (u < 1000n) return `${neg ? '-' : ''}${u}ns`;
    if (u < 1000000n) {
      unit = 'µs';
      prec = 3;
    } else {
      unit = 'ms';
      prec = 6;
    }
    out = fracString(u, prec) + unit;
  } else {
    const s = fracString(u % 60000000000n, 9);
    u /= 60000000000n; // minutes
    out = `${s}s`;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return (neg ? '-' : '') + out;
}

function fracString(v: bigint, prec: number): string {
  const div = 10n ** BigInt(prec);
  const whole = v / div;
  const frac = (v % div).toString().padStart(prec, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** A Go `time.ParseDuration` failure with Go's message. */
export class DurationError extends Error {}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** Go's `time.ParseDuration`, in nanoseconds. */
export function parseDuration(s0: string): bigint {
  const orig = s0;
  const q = quote(orig);
  let s = s0;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw new DurationError(`time: invalid duration ${q}`);
  const MAX = (1n << 63n) - 1n;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigitAt(s, 0))) throw new DurationError(`time: invalid duration ${q}`);
    let i = 0;
    while (isDigitAt(s, i)) i++;
    const pre = i > 0;
    let v = i > 0 ? BigInt(s.slice(0, i)) : 0n;
    if (v > MAX) throw new DurationError(`time: invalid duration ${q}`);
    s = s.slice(i);
    let fracDigits = '';
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      while (isDigitAt(s, j)) j++;
      fracDigits = s.slice(0, j);
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw new DurationError(`time: invalid duration ${q}`);
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigitAt(s, u)) u++;
    if (u === 0) throw new DurationError(`time: missing unit in duration ${q}`);
    const unitName = s.slice(0, u);
    const unit = UNITS[unitName];
    if (unit === undefined) throw new DurationError(`time: unknown unit ${quote(unitName)} in duration ${q}`);
    s = s.slice(u);
    if (v > MAX / unit) throw new DurationError(`time: invalid duration ${q}`);
    v *= unit;
    if (fracDigits !== '') {
      // Go: fractional part scaled by unit, truncated, digits beyond precision ignored
      // Go: v += int64(float64(f) * (float64(unit) / scale)), digits past int64 precision dropped.
      let f = 0;
      let scale = 1;
      let overflow = false;
      for (const c of fracDigits) {
        if (overflow) continue;
        if (f > (2 ** 63 - 1 - 9) / 10) {
          overflow = true;
          continue;
        }
        f = f * 10 + Number(c);
        scale *= 10;
      }
      v += BigInt(Math.trunc(f * (Number(unit) / scale)));
      if (v > MAX) throw new DurationError(`time: invalid duration ${q}`);
    }
    d += v;
    if (d > MAX) throw new DurationError(`time: invalid duration ${q}`);
  }
  return neg ? -d : d;
}
