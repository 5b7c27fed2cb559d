import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { GoNumber, GoStruct, type GoValue } from '../util/go/value.js';
import {
  checkConstraints,
  compareVersions,
  MESSAGES_V3_3,
  MESSAGES_V3_4,
  parseConstraints,
  parseVersion,
  type SemVersion,
  SemverError,
  versionString,
} from './internal/h6-semver.js';
import type { FuncOptions } from './options.js';

const VERSION_TYPE = '*semver.Version';
const versions = new WeakMap<GoStruct, SemVersion>();

function wrapError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) throw new GoFuncError(e.message);
    throw e;
  }
}

function otherVersion(o: GoValue): SemVersion {
  const v = o instanceof GoStruct ? versions.get(o) : undefined;
  if (!v) throw new GoFuncError(`wrong type for value; expected *semver.Version; got ${typeof o}`);
  return v;
}

/**
 * A Masterminds `*semver.Version` as templates see it: no exported fields, but methods (`.Major`, `.Minor`,
 * `.Patch`, `.Prerelease`, `.Metadata`, `.Original`, `.String`, comparisons, increments). `%v` prints
 * `String()` because the type is a `fmt.Stringer`.
 */
export function semverStruct(v: SemVersion): GoStruct {
  const u64 = (n: bigint): GoNumber => new GoNumber('uint64', n);
  const withOriginal = (next: SemVersion): GoStruct => {
    const prefix = v.original.startsWith('v') ? 'v' : '';
    return semverStruct({ ...next, original: prefix + versionString(next) });
  };
  const methods = {
    String: defineFunc('String', [], () => versionString(v)),
    // encoding/json uses Version.MarshalJSON: the version string.
    MarshalJSON: defineFunc('MarshalJSON', [], () => JSON.stringify(versionString(v))),
    Original: defineFunc('Original', [], () => v.original),
    Major: defineFunc('Major', [], () => u64(v.major)),
    Minor: defineFunc('Minor', [], () => u64(v.minor)),
    Patch: defineFunc('Patch', [], () => u64(v.patch)),
    Prerelease: defineFunc('Prerelease', [], () => v.pre),
    Metadata: defineFunc('Metadata', [], () => v.metadata),
    IncPatch: defineFunc('IncPatch', [], () =>
      withOriginal({ ...v, pre: '', metadata: '', patch: v.pre ? v.patch : v.patch + 1n }),
    ),
    IncMinor: defineFunc('IncMinor', [], () =>
      withOriginal({ ...v, pre: '', metadata: '', patch: 0n, minor: v.minor + 1n }),
    ),
    IncMajor: defineFunc('IncMajor', [], () =>
      withOriginal({ ...v, pre: '', metadata: '', patch: 0n, minor: 0n, major: v.major + 1n }),
    ),
    Compare: defineFunc('Compare', ['any'], (o) => BigInt(compareVersions(v, otherVersion(o)))),
    LessThan: defineFunc('LessThan', ['any'], (o) => compareVersions(v, otherVersion(o)) < 0),
    LessThanEqual: defineFunc('LessThanEqual', ['any'], (o) => compareVersions(v, otherVersion(o)) <= 0),
    GreaterThan: defineFunc('GreaterThan', ['any'], (o) => compareVersions(v, otherVersion(o)) > 0),
    GreaterThanEqual: defineFunc(
      'GreaterThanEqual',
      ['any'],
      (o) => compareVersions(v, otherVersion(o)) >= 0,
    ),
    Equal: defineFunc('Equal', ['any'], (o) => compareVersions(v, otherVersion(o)) === 0),
  };
  const s = new GoStruct(VERSION_TYPE, {}, methods, true);
  versions.set(s, v);
  return s;
}

/** The semver function family: `semver` (a `*semver.Version`) and `semverCompare`. Same in Helm 3 and 4. */
export function semverFuncs(options: FuncOptions): FuncMap {
  const msg = options.compat === 'helm4' ? MESSAGES_V3_4 : MESSAGES_V3_3;
  return {
    semver: defineFunc('semver', ['string'], (s) =>
      wrapError(() => semverStruct(parseVersion(s as string, msg))),
    ),
    semverCompare: defineFunc('semverCompare', ['string', 'string'], (c, s) =>
      wrapError(() => {
        const cs = parseConstraints(c as string);
        return checkConstraints(cs, parseVersion(s as string, msg));
      }),
    ),
  };
}
