import { type GoMap, type GoValue, isMap, newMap } from '../util/go/value.js';

/**
 * Deep copy of a values tree, as `copystructure.Copy` does in Helm: maps and slices are copied, scalars
 * (strings, numbers, GoNumber, bools, nil) are shared because they are immutable.
 */
export function deepCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) {
    const out: GoValue[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepCopy(v[i]);
    return out;
  }
  if (v !== null && typeof v === 'object' && isMap(v)) return deepCopyMap(v);
  return v;
}

/** Deep copy of a Go map (see {@link deepCopy}). */
export function deepCopyMap(m: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(m)) out[k] = deepCopy(m[k]);
  return out;
}

/** Shallow copy of a Go map (Helm's `copyMap`). */
export function shallowCopyMap(m: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(m)) out[k] = m[k];
  return out;
}

/** True for a values table (`map[string]interface{}`); Helm's `istable`. */
export function isTable(v: GoValue): v is GoMap {
  return v !== null && typeof v === 'object' && isMap(v);
}

/** Own-key test that is safe for every key (maps are null-prototype, but be explicit). */
export function hasKey(m: GoMap, k: string): boolean {
  return Object.hasOwn(m, k);
}
