import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { GO_EQUAL_KEY, GoNumber, GoStruct, type GoValue, int64, typeName } from '../util/go/value.js';
import {
  civil,
  DurationError,
  durationString,
  formatTime,
  type GoTime,
  loadLocation,
  localLocation,
  parseDuration,
  parseTime,
  TimeParseError,
  timeString,
  UTC,
  ZERO_TIME,
} from './internal/h6-time.js';
import type { FuncOptions } from './options.js';

const times = new WeakMap<GoStruct, GoTime>();
const locationIds = new WeakMap<object, number>();
let nextLocationId = 1;
/** Identity of a *time.Location (Go compares the pointer). */
function locationId(loc: object): number {
  let id = locationIds.get(loc);
  if (id === undefined) {
    id = nextLocationId++;
    locationIds.set(loc, id);
  }
  return id;
}

/** The Go time of a `time.Time` template value, or undefined for any other value. */
export function goTimeOf(v: GoValue): GoTime | undefined {
  return v instanceof GoStruct ? times.get(v) : undefined;
}

// Monotonic clock origin, so `now` prints `m=+0.00…` like a fresh Go process.
const monoStart = globalThis.performance.now();

function nowTime(): GoTime {
  const ms = Date.now();
  const mono = BigInt(Math.round((globalThis.performance.now() - monoStart) * 1e6));
  return {
    sec: Math.floor(ms / 1000),
    nsec: (ms % 1000) * 1e6 + Number(mono % 1000000n),
    loc: localLocation(),
    mono,
  };
}

function addNanos(t: GoTime, d: bigint): GoTime {
  const total = BigInt(t.nsec) + d;
  let secs = total / 1000000000n;
  let ns = total % 1000000000n;
  if (ns < 0n) {
    ns += 1000000000n;
    secs -= 1n;
  }
  const out: GoTime = { sec: t.sec + Number(secs), nsec: Number(ns), loc: t.loc };
  if (t.mono !== undefined) out.mono = t.mono + d;
  return out;
}

function sinceNanos(t: GoTime): bigint {
  const now = nowTime();
  return BigInt(now.sec - t.sec) * 1000000000n + BigInt(now.nsec - t.nsec);
}

/**
 * A Go `time.Time` as templates see it: printed as Go's `Time.String()` (`2006-01-02 15:04:05.999999999 -0700
 * MST`, plus ` m=+…` for `now`), with the methods charts call (`.Format`, `.Unix`, `.Year`, `.UTC`…).
 */
export function timeStruct(t: GoTime): GoStruct {
  const c = () => civil(t);
  const i = (n: number): bigint => BigInt(n);
  const methods = {
    String: defineFunc('String', [], () => timeString(t)),
    // encoding/json uses Time.MarshalJSON: RFC 3339 with nanoseconds.
    MarshalJSON: defineFunc(
      'MarshalJSON',
      [],
      () => `"${formatTime(t, '2006-01-02T15:04:05.999999999Z07:00')}"`,
    ),
    Format: defineFunc('Format', ['string'], (l) => formatTime(t, l as string)),
    Unix: defineFunc('Unix', [], () => int64(BigInt(t.sec))),
    UnixMilli: defineFunc('UnixMilli', [], () =>
      int64(BigInt(t.sec) * 1000n + BigInt(Math.floor(t.nsec / 1e6))),
    ),
    UnixNano: defineFunc('UnixNano', [], () => int64(BigInt(t.sec) * 1000000000n + BigInt(t.nsec))),
    Year: defineFunc('Year', [], () => i(c().year)),
    YearDay: defineFunc('YearDay', [], () => i(c().yday)),
    Day: defineFunc('Day', [], () => i(c().day)),
    Hour: defineFunc('Hour', [], () => i(c().hour)),
    Minute: defineFunc('Minute', [], () => i(c().minute)),
    Second: defineFunc('Second', [], () => i(c().second)),
    Nanosecond: defineFunc('Nanosecond', [], () => i(t.nsec)),
    IsZero: defineFunc('IsZero', [], () => t.sec === ZERO_TIME.sec && t.nsec === 0),
    UTC: defineFunc('UTC', [], () => timeStruct({ sec: t.sec, nsec: t.nsec, loc: UTC })),
    Local: defineFunc('Local', [], () => timeStruct({ sec: t.sec, nsec: t.nsec, loc: localLocation() })),
    Add: defineFunc('Add', ['int64'], (d) => timeStruct(addNanos(t, d as bigint))),
  };
  const s = new GoStruct('time.Time', {}, methods);
  times.set(s, t);
  // Go's == on time.Time: wall clock, monotonic reading and *Location (UTC is stored as nil).
  Object.defineProperty(s, GO_EQUAL_KEY, {
    value: () => `${t.sec}:${t.nsec}:${t.mono ?? '-'}:${t.loc === UTC ? 0 : locationId(t.loc)}`,
  });
  return s;
}

/** Sprig's `date`/`dateInZone` argument: a time, or Unix seconds as int, int32 or int64; anything else is now. */
function toTime(v: GoValue): GoTime {
  const t = goTimeOf(v);
  if (t) return t;
  if (typeof v === 'bigint') return { sec: Number(v), nsec: 0, loc: localLocation() };
  if (v instanceof GoNumber && (v.kind === 'int64' || v.kind === 'int32'))
    return { sec: Number(v.value), nsec: 0, loc: localLocation() };
  return nowTime();
}

function dateInZone(layout: string, date: GoValue, zone: string): string {
  const t = toTime(date);
  const loc = loadLocation(zone) ?? UTC;
  return formatTime({ sec: t.sec, nsec: t.nsec, loc }, layout);
}

/** Go's `time.Time` as a parameter type (Sprig's `dateModify` and `unixEpoch` take one). */
const TIME_TYPE = 'time.Time' as const;

function needTime(v: GoValue): GoTime {
  const t = goTimeOf(v);
  if (!t) throw new GoFuncError(`wrong type for value; expected time.Time; got ${typeName(v)}`);
  return t;
}

/** Go's `Duration.Round(time.Second)` (halves away from zero). */
function roundSecond(d: bigint): bigint {
  const m = 1000000000n;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    return d - m + r;
  }
  if (r + r < m) return d - r;
  return d + m - r;
}

/** Sprig's `durationRound`: the largest whole unit (y, m = 30 days, d, h, m, s) of a duration. */
function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoNumber && v.kind === 'int64') d = v.value as bigint;
  else if (goTimeOf(v)) d = sinceNanos(goTimeOf(v)!);
  let u = BigInt.asUintN(64, d);
  if (d < 0n) u = BigInt.asUintN(64, -u);
  const second = 1000000000n;
  const minute = 60n * second;
  const hour = 60n * minute;
  const day = 24n * hour;
  const month = 30n * day;
  const year = 365n * day;
  if (u > year) return `${u / year}y`;
  if (u > month) return `${u / month}mo`;
  if (u > day) return `${u / day}d`;
  if (u > hour) return `${u / hour}h`;
  if (u > minute) return `${u / minute}m`;
  if (u > second) return `${u / second}s`;
  return '0s';
}

const MAX_I64 = (1n << 63n) - 1n;
const MIN_I64 = -(1n << 63n);

/** Sprig's `duration`: seconds as a string or an int64 (an `int` literal gives 0, Sprig's quirk). */
function duration(v: GoValue): string {
  let n = 0n;
  if (typeof v === 'string') {
    // strconv.ParseInt: errors give 0, except out-of-range, which gives the clamped value.
    if (/^[+-]?[0-9]+$/.test(v)) {
      n = BigInt(v);
      if (n > MAX_I64) n = MAX_I64;
      if (n < MIN_I64) n = MIN_I64;
    }
  } else if (v instanceof GoNumber && v.kind === 'int64') n = v.value as bigint;
  return durationString(BigInt.asIntN(64, n * 1000000000n));
}

/** The date function family (same in Helm 3 and 4). */
export function datesFuncs(_options: FuncOptions): FuncMap {
  const dateModify = (spec: GoValue, date: GoValue): GoValue => {
    const t = needTime(date);
    try {
      return timeStruct(addNanos(t, parseDuration(spec as string)));
    } catch {
      return date;
    }
  };
  const mustDateModify = (spec: GoValue, date: GoValue): GoValue => {
    const t = needTime(date);
    try {
      return timeStruct(addNanos(t, parseDuration(spec as string)));
    } catch (e) {
      if (e instanceof DurationError) throw new GoFuncError(e.message);
      throw e;
    }
  };
  return {
    now: defineFunc('now', [], () => timeStruct(nowTime())),
    date: defineFunc('date', ['string', 'any'], (f, d) => dateInZone(f as string, d, 'Local')),
    dateInZone: defineFunc('dateInZone', ['string', 'any', 'string'], (f, d, z) =>
      dateInZone(f as string, d, z as string),
    ),
    date_in_zone: defineFunc('date_in_zone', ['string', 'any', 'string'], (f, d, z) =>
      dateInZone(f as string, d, z as string),
    ),
    htmlDate: defineFunc('htmlDate', ['any'], (d) => dateInZone('2006-01-02', d, 'Local')),
    htmlDateInZone: defineFunc('htmlDateInZone', ['any', 'string'], (d, z) =>
      dateInZone('2006-01-02', d, z as string),
    ),
    dateModify: defineFunc('dateModify', ['string', TIME_TYPE], dateModify),
    date_modify: defineFunc('date_modify', ['string', TIME_TYPE], dateModify),
    mustDateModify: defineFunc('mustDateModify', ['string', TIME_TYPE], mustDateModify),
    must_date_modify: defineFunc('must_date_modify', ['string', TIME_TYPE], mustDateModify),
    toDate: defineFunc('toDate', ['string', 'string'], (f, s) => {
      try {
        return timeStruct(parseTime(f as string, s as string, localLocation()));
      } catch {
        return timeStruct(ZERO_TIME);
      }
    }),
    mustToDate: defineFunc('mustToDate', ['string', 'string'], (f, s) => {
      try {
        return timeStruct(parseTime(f as string, s as string, localLocation()));
      } catch (e) {
        if (e instanceof TimeParseError) throw new GoFuncError(e.message);
        throw e;
      }
    }),
    unixEpoch: defineFunc('unixEpoch', [TIME_TYPE], (d) => String(needTime(d).sec)),
    duration: defineFunc('duration', ['any'], duration),
    durationRound: defineFunc('durationRound', ['any'], durationRound),
    ago: defineFunc('ago', ['any'], (d) => {
      let t = goTimeOf(d);
      if (!t) {
        if (typeof d === 'bigint') t = { sec: Number(d), nsec: 0, loc: localLocation() };
        else if (d instanceof GoNumber && d.kind === 'int64')
          t = { sec: Number(d.value), nsec: 0, loc: localLocation() };
        else t = nowTime();
      }
      return durationString(roundSecond(sinceNanos(t)));
    }),
  };
}
