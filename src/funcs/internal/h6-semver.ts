/**
 * Masterminds/semver v3 (`NewVersion` in its default coercing mode, `NewConstraint`, `Check`), as Sprig's
 * `semver` and `semverCompare` use it. Hand-written because npm `semver` differs (`,` and space are AND, `=>`,
 * `!=`, lenient `v1`/`1.2`, Masterminds' prerelease rules). The patterns are Masterminds' own, evaluated with
 * RE2 (re2js) so leftmost-first alternation behaves exactly as in Go.
 */
import { RE2JS } from 're2js';

/** A parsed Masterminds version. */
export interface SemVersion {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

/** A Masterminds semver error (message is Go's `err.Error()`). */
export class SemverError extends Error {}

/**
 * Error texts: Helm 3.17 ships Masterminds/semver v3.3.0 (capitalised messages), Helm 4.1 ships v3.4.0
 * (lower-case). Selected per call through {@link setSemverMessages}.
 */
export interface SemverMessages {
  invalid: string;
  startsZero: string;
  segment: string;
  /** `ErrInvalidPrerelease` (`Version.SetPrerelease`). */
  invalidPrerelease: string;
  /** `ErrInvalidMetadata` (`Version.SetMetadata`). */
  invalidMetadata: string;
  /** v3.4 rejects empty dot-separated identifiers in `SetPrerelease` / `SetMetadata`; v3.3 accepts them. */
  emptyIdentifierInvalid: boolean;
}

/** Masterminds/semver v3.3.0 (Helm 3.17). */
export const MESSAGES_V3_3: SemverMessages = {
  invalid: 'Invalid Semantic Version',
  startsZero: 'Version segment starts with 0',
  segment: 'Error parsing version segment',
  invalidPrerelease: 'Invalid Prerelease string',
  invalidMetadata: 'Invalid Metadata string',
  emptyIdentifierInvalid: false,
};

/** Masterminds/semver v3.4.0 (Helm 4.1). */
export const MESSAGES_V3_4: SemverMessages = {
  invalid: 'invalid semantic version',
  startsZero: 'version segment starts with 0',
  segment: 'error parsing version segment',
  invalidPrerelease: 'invalid prerelease string',
  invalidMetadata: 'invalid metadata string',
  emptyIdentifierInvalid: true,
};

interface RE2Like {
  findSubmatch(s: string): (string | null)[] | null;
  findAll(s: string, n: number): string[] | null;
  findAllSubmatch(s: string, n: number): (string | null)[][] | null;
  match(s: string): boolean;
}

/** Compiled on first use: compiling these five at import cost ~16 ms of every CLI start. */
function re2(expr: string): RE2Like {
  let re: RE2Like | undefined;
  const get = (): RE2Like => {
    re ??= RE2JS.compile(expr).re2() as unknown as RE2Like;
    return re;
  };
  return {
    findSubmatch: (s) => get().findSubmatch(s),
    findAll: (s, n) => get().findAll(s, n),
    findAllSubmatch: (s, n) => get().findAllSubmatch(s, n),
    match: (s) => get().match(s),
  };
}

const looseRegex = re2(
  '^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$',
);
const cv =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const ops = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const constraintRegex = re2(`^\\s*(${ops})\\s*(${cv})\\s*$`);
const rangeRegex = re2(`\\s*(${cv})\\s+-\\s+(${cv})\\s*`);
const findConstraintRegex = re2(`(${ops})\\s*(${cv})`);
const validConstraintRegex = re2(`^(\\s*(${ops})\\s*(${cv})\\s*)((?:\\s+|,\\s*)(${ops})\\s*(${cv})\\s*)*$`);

const MAX_U64 = (1n << 64n) - 1n;

function parseUint(s: string, msg: SemverMessages): bigint {
  const v = BigInt(s);
  if (v > MAX_U64)
    throw new SemverError(`${msg.segment}: strconv.ParseUint: parsing "${s}": value out of range`);
  return v;
}

function onlyDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function validatePrerelease(p: string, msg: SemverMessages): void {
  for (const part of p.split('.')) {
    if (part === '') throw new SemverError(msg.invalid);
    if (onlyDigits(part) && part.length > 1 && part[0] === '0') throw new SemverError(msg.startsZero);
  }
}

/** Masterminds `NewVersion` (coercing mode, the default): `v1`, `1.2`, `1.2.3-pre+meta`. */
export function parseVersion(v: string, msg: SemverMessages = MESSAGES_V3_4): SemVersion {
  const m = looseRegex.findSubmatch(v);
  if (!m) throw new SemverError(msg.invalid);
  const sv: SemVersion = {
    major: parseUint(m[1]!, msg),
    minor: m[2] ? parseUint(m[2].slice(1), msg) : 0n,
    patch: m[3] ? parseUint(m[3].slice(1), msg) : 0n,
    pre: m[5] ?? '',
    metadata: m[8] ?? '',
    original: v,
  };
  if (sv.pre !== '') validatePrerelease(sv.pre, msg);
  return sv;
}

/** `Version.String()`. */
export function versionString(v: SemVersion): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre) s += `-${v.pre}`;
  if (v.metadata) s += `+${v.metadata}`;
  return s;
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function parseU64Loose(s: string): bigint | undefined {
  if (s === '' || !onlyDigits(s)) return undefined;
  const v = BigInt(s);
  return v > MAX_U64 ? undefined : v;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const oi = parseU64Loose(o);
  const si = parseU64Loose(s);
  if (oi === undefined && si === undefined) return s > o ? 1 : -1;
  if (oi === undefined) return -1;
  if (si === undefined) return 1;
  return si > oi ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const sp = a.split('.');
  const op = b.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** `Version.Compare`: -1, 0, 1 (metadata ignored). */
export function compareVersions(v: SemVersion, o: SemVersion): number {
  const d = cmp(v.major, o.major) || cmp(v.minor, o.minor) || cmp(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: SemVersion;
  op: string;
  minorDirty: boolean;
  patchDirty: boolean;
  dirty: boolean;
}

/** Parsed constraints: OR groups of AND-ed constraints. */
export interface Constraints {
  groups: Constraint[][];
  containsPre: boolean[];
}

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return {
      con: parseVersion('0.0.0'),
      op: '',
      minorDirty: false,
      patchDirty: false,
      dirty: true,
    };
  }
  const m = constraintRegex.findSubmatch(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  let ver = m[2]!;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  const m3 = m[3] ?? '';
  const m4 = m[4] ?? '';
  const m5 = m[5] ?? '';
  const m6 = m[6] ?? '';
  if (isX(m3) || m3 === '') {
    ver = `0.0.0${m6}`;
    dirty = true;
  } else if (isX(m4.replace(/^\./, '')) || m4 === '') {
    minorDirty = true;
    dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, '')) || m5 === '') {
    dirty = true;
    patchDirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  let con: SemVersion;
  try {
    con = parseVersion(ver);
  } catch {
    throw new SemverError('constraint parser error');
  }
  return { con, op: m[1] ?? '', minorDirty, patchDirty, dirty };
}

function rewriteRange(i: string): string {
  const ms = rangeRegex.findAllSubmatch(i, -1);
  if (!ms) return i;
  let o = i;
  for (const v of ms) {
    const t = `>= ${v[1]}, <= ${v[11]} `;
    const at = o.indexOf(v[0]!);
    if (at >= 0) o = o.slice(0, at) + t + o.slice(at + v[0]!.length);
  }
  return o;
}

const constraintCache = new Map<string, Constraints>();

/**
 * Masterminds `NewConstraint`. Charts call `semverCompare` with the same few constraint strings in every
 * template (bitnami's capability helpers), so parsed constraints are kept (they are never mutated).
 */
export function parseConstraints(c: string): Constraints {
  const hit = constraintCache.get(c);
  if (hit !== undefined) return hit;
  const parsed = parseConstraintsUncached(c);
  if (constraintCache.size >= 1024) constraintCache.clear();
  constraintCache.set(c, parsed);
  return parsed;
}

function parseConstraintsUncached(c: string): Constraints {
  const rewritten = rewriteRange(c);
  const ors = rewritten.split('||');
  const groups: Constraint[][] = [];
  const containsPre: boolean[] = [];
  for (const v of ors) {
    if (!validConstraintRegex.match(v)) throw new SemverError(`improper constraint: ${v}`);
    let cs = findConstraintRegex.findAll(v, -1);
    if (!cs || cs.length === 0) cs = [v];
    const result: Constraint[] = [];
    let hasPre = false;
    for (const s of cs) {
      const pc = parseConstraint(s);
      if (pc.con.pre !== '') hasPre = true;
      result.push(pc);
    }
    groups.push(result);
    containsPre.push(hasPre);
  }
  return { groups, containsPre };
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: SemVersion, c: Constraint, includePre: boolean): boolean {
  if (v.pre !== '' && !includePre) return false;
  const con = c.con;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, con) === 0;
    case '!=':
      if (c.dirty) {
        if (con.major !== v.major) return true;
        if (con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || con.pre !== '') return comparePrerelease(v.pre, con.pre) !== 0;
          return false;
        }
      }
      return compareVersions(v, con) !== 0;
    case '>':
      if (!c.dirty) return compareVersions(v, con) === 1;
      if (v.major > con.major) return true;
      if (v.major < con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compareVersions(v, con) === 1;
    case '<':
      return compareVersions(v, con) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, con) >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return compareVersions(v, con) <= 0;
      if (v.major > con.major) return false;
      if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return false;
      return true;
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      if (compareVersions(v, con) < 0) return false;
      if (con.major > 0n || c.minorDirty) return v.major === con.major;
      if (con.major === 0n && v.major > 0n) return false;
      if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
      if (con.minor === 0n && v.minor > 0n) return false;
      return con.patch === v.patch;
  }
  return false;
}

/** `Constraints.Check`. */
export function checkConstraints(cs: Constraints, v: SemVersion): boolean {
  for (let i = 0; i < cs.groups.length; i++) {
    if (cs.groups[i]!.every((c) => check(v, c, cs.containsPre[i]!))) return true;
  }
  return false;
}
