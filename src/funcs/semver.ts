import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { type GoFunc, GoNumber, GoStruct, type GoValue } from '../util/go/value.js';
import {
  checkConstraints,
  compareVersions,
  MESSAGES_V3_3,
  MESSAGES_V3_4,
  parseConstraints,
  parseVersion,
  type SemVersion,
  SemverError,
  type SemverMessages,
  versionString,
} from './internal/h6-semver.js';
import type { FuncOptions } from './options.js';

const VERSION_TYPE = '*semver.Version';
const VALUE_TYPE = 'semver.Version';
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
 * A Masterminds semver version as templates see it: `*semver.Version` (from `semver`), or the
 * `semver.Version` value the `Inc*`/`Set*` methods return. No exported fields; `%v` prints `String()` (a
 * `fmt.Stringer`). The value's method set has only the value-receiver methods (`.String`, `.Major`, `.Minor`,
 * `.Patch`, `.Prerelease`, `.Metadata`, `.IncPatch`/`.IncMinor`/`.IncMajor`, `.SetPrerelease`/`.SetMetadata`,
 * `.MarshalJSON`, `.MarshalText`, `.Value`); the pointer adds `.Original` and the comparisons, which take a
 * `*semver.Version`.
 */
export function semverStruct(v: SemVersion, msg: SemverMessages = MESSAGES_V3_4, pointer = true): GoStruct {
  const u64 = (n: bigint): GoNumber => new GoNumber('uint64', n);
  const prefix = v.original.startsWith('v') ? 'v' : '';
  // Inc*/Set* return a Version value whose original keeps the receiver's `v` prefix.
  const next = (n: SemVersion): GoStruct =>
    semverStruct({ ...n, original: prefix + versionString(n) }, msg, false);
  const methods: Record<string, GoFunc> = {
    String: defineFunc('String', [], () => versionString(v)),
    // encoding/json uses Version.MarshalJSON: the version string.
    MarshalJSON: defineFunc('MarshalJSON', [], () => JSON.stringify(versionString(v))),
    MarshalText: defineFunc('MarshalText', [], () => new TextEncoder().encode(versionString(v))),
    Value: defineFunc('Value', [], () => versionString(v)),
    Major: defineFunc('Major', [], () => u64(v.major)),
    Minor: defineFunc('Minor', [], () => u64(v.minor)),
    Patch: defineFunc('Patch', [], () => u64(v.patch)),
    Prerelease: defineFunc('Prerelease', [], () => v.pre),
    Metadata: defineFunc('Metadata', [], () => v.metadata),
    IncPatch: defineFunc('IncPatch', [], () =>
      next({ ...v, pre: '', metadata: '', patch: v.pre ? v.patch : v.patch + 1n }),
    ),
    IncMinor: defineFunc('IncMinor', [], () =>
      next({ ...v, pre: '', metadata: '', patch: 0n, minor: v.minor + 1n }),
    ),
    IncMajor: defineFunc('IncMajor', [], () =>
      next({ ...v, pre: '', metadata: '', patch: 0n, minor: 0n, major: v.major + 1n }),
    ),
    SetPrerelease: defineFunc('SetPrerelease', ['string'], (p) =>
      wrapError(() => {
        validateSetPart(p as string, msg, msg.invalidPrerelease, msg.startsZero);
        return next({ ...v, pre: p as string });
      }),
    ),
    SetMetadata: defineFunc('SetMetadata', ['string'], (m) =>
      wrapError(() => {
        validateSetPart(m as string, msg, msg.invalidMetadata);
        return next({ ...v, metadata: m as string });
      }),
    ),
  };
  if (pointer) {
    const cmp = (o: GoValue): number => compareVersions(v, otherVersion(o));
    Object.assign(methods, {
      Original: defineFunc('Original', [], () => v.original),
      Compare: defineFunc('Compare', [VERSION_TYPE], (o) => BigInt(cmp(o))),
      LessThan: defineFunc('LessThan', [VERSION_TYPE], (o) => cmp(o) < 0),
      LessThanEqual: defineFunc('LessThanEqual', [VERSION_TYPE], (o) => cmp(o) <= 0),
      GreaterThan: defineFunc('GreaterThan', [VERSION_TYPE], (o) => cmp(o) > 0),
      GreaterThanEqual: defineFunc('GreaterThanEqual', [VERSION_TYPE], (o) => cmp(o) >= 0),
      Equal: defineFunc('Equal', [VERSION_TYPE], (o) => cmp(o) === 0),
    });
  }
  const s = new GoStruct(pointer ? VERSION_TYPE : VALUE_TYPE, {}, methods, pointer);
  versions.set(s, v);
  return s;
}

/**
 * Masterminds' `validatePrerelease` / `validateMetadata` for `SetPrerelease` / `SetMetadata` (an empty
 * string is allowed and clears the part): dot-separated identifiers of `[0-9A-Za-z-]`; with `startsZero`, a
 * numeric identifier may not have a leading zero; v3.4 also rejects empty identifiers.
 */
function validateSetPart(p: string, msg: SemverMessages, invalid: string, startsZero?: string): void {
  if (p === '') return;
  for (const part of p.split('.')) {
    if (part === '' && msg.emptyIdentifierInvalid) throw new SemverError(invalid);
    if (startsZero !== undefined && /^[0-9]+$/.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new SemverError(startsZero);
    } else if (!/^[0-9A-Za-z-]*$/.test(part)) throw new SemverError(invalid);
  }
}

/** The semver function family: `semver` (a `*semver.Version`) and `semverCompare`. Same in Helm 3 and 4. */
export function semverFuncs(options: FuncOptions): FuncMap {
  const msg = options.compat === 'helm4' ? MESSAGES_V3_4 : MESSAGES_V3_3;
  return {
    semver: defineFunc('semver', ['string'], (s) =>
      wrapError(() => semverStruct(parseVersion(s as string, msg), msg)),
    ),
    semverCompare: defineFunc('semverCompare', ['string', 'string'], (c, s) =>
      wrapError(() => {
        const cs = parseConstraints(c as string);
        return checkConstraints(cs, parseVersion(s as string, msg));
      }),
    ),
  };
}
