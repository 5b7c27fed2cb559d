/**
 * Go reflection behaviour Sprig relies on: `empty` (zero value test), `reflect.DeepEqual`, and the panics a
 * list function raises when it calls `reflect.TypeOf(x).Kind()` on nil or on a non-list value.
 */
import { GoFuncError } from '../../util/go/func.js';
import { GoNumber, GoStruct, type GoValue, isFunc, kindOf, typeName } from '../../util/go/value.js';
import { goTimeOf } from '../dates.js';

/** The message of Go's nil pointer dereference panic, as text/template reports a recovered panic. */
export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/** True for Go's nil (a nil interface) or a missing value. */
export function isNil(v: GoValue): v is null | undefined {
  return v === null || v === undefined;
}

/**
 * The elements of a slice-kind value, or throws like Sprig: a nil argument dereferences a nil
 * `reflect.Type` (runtime error), any other kind gets `message(kind)`.
 */
export function listItems(v: GoValue, message: (kind: string) => string): readonly GoValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoNumber('uint8', BigInt(b)));
  if (isNil(v)) throw new GoFuncError(NIL_DEREF);
  throw new GoFuncError(message(kindOf(v)));
}

/** Sprig's `empty`: the zero value of its type (structs are never empty). */
export function empty(v: GoValue): boolean {
  switch (typeof v) {
    case 'undefined':
      return true;
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
  }
  if (v === null) return true;
  if (v instanceof GoNumber) return v.value === 0n || v.value === 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof GoStruct) return false;
  if (isFunc(v)) return false;
  for (const _ in v) return false;
  return true;
}

/**
 * The hidden state of a struct with no exported fields (`time.Time`, semver versions), as its methods expose
 * it: a time's instant, monotonic reading and location; a version's `String()` and `Original()`.
 */
function opaqueState(s: GoStruct): string | undefined {
  if (Object.keys(s.fields).length > 0) return undefined;
  const t = goTimeOf(s);
  // wall/ext/loc: the instant, the monotonic reading and the Location (UTC's is nil, Local's is time.Local).
  if (t) return `${t.sec}|${t.nsec}|${t.mono ?? ''}|${t.loc.name}|${t.loc.fixedOffset ?? ''}`;
  const str = s.methods.String;
  if (str?.params.length !== 0) return undefined;
  const orig = s.methods.Original;
  return `${str.call()}\u0000${orig && orig.params.length === 0 ? orig.call() : ''}`;
}

/** Go's `reflect.DeepEqual` over the value model (types must match exactly; NaN is never equal). */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== typeof b) return false;
  switch (typeof a) {
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'number':
      return a === b;
  }
  if (typeName(a) !== typeName(b)) return false;
  if (a instanceof GoNumber) return a.value === (b as GoNumber).value;
  if (a instanceof Uint8Array) {
    const bb = b as Uint8Array;
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    const bb = b as GoValue[];
    if (a === bb) return true;
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  if (a instanceof GoStruct) {
    // Pointers compare their structs deeply too.
    const bs = b as GoStruct;
    if (a === bs) return true;
    const sa = opaqueState(a);
    if (sa !== undefined) return sa === opaqueState(bs);
    const ka = Object.keys(a.fields);
    for (const k of ka) if (!deepEqual(a.fields[k], bs.fields[k])) return false;
    return true;
  }
  if (isFunc(a)) return false;
  const ma = a as Record<string, GoValue>;
  const mb = b as Record<string, GoValue>;
  if (ma === mb) return true;
  const ka = Object.keys(ma);
  if (ka.length !== Object.keys(mb).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(mb, k)) return false;
    if (!deepEqual(ma[k], mb[k])) return false;
  }
  return true;
}
