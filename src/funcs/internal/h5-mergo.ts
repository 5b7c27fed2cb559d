/**
 * dario.cat/mergo v1.0.1 `Merge` / `MergeWithOverwrite` for `map[string]interface{}`, as Sprig's `merge`
 * and `mergeOverwrite` call it. Hand-written because mergo's rules are not a plain deep merge: "empty"
 * destination values (0, false, "", empty map/list) are replaced even without overwrite, nil sources are
 * skipped unless overwriting, and nested maps are merged in
 * place (the source's nested maps are shared, not copied).
 */
import { type GoMap, type GoValue, isMap } from '../../util/go/value.js';
import { empty, isNil } from './h5-reflect.js';

function isSliceValue(v: GoValue): boolean {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** Merges `src` into `dst` in place. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const s = src[key];
    const has = Object.hasOwn(dst, key);
    const d = has ? dst[key] : undefined;
    if (isNil(s)) {
      if (overwrite) dst[key] = null;
      continue;
    }
    const sIsMap = isMap(s);
    if (sIsMap && has && isMap(d)) {
      mergeInto(d, s, overwrite);
    }
    if (has && !empty(d)) {
      // A slice in src overwrites a non-empty dst value only with overwrite (mergo sets the slice first).
      if (isSliceValue(s)) {
        if (overwrite) dst[key] = s;
        continue;
      }
      if (sIsMap && isMap(d)) continue;
    }
    if (overwrite || !has || empty(d)) dst[key] = s;
  }
}
