/**
 * Sprig's dict functions (`dict`, `get`, `set`, `dig`, `merge`, `pick`, `deepCopy`…). `set`, `unset` and
 * `merge*` mutate their first argument in place and return it, exactly as in Go (later reads see the change).
 */
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { isGoNil, nilMap } from '../util/go/json.js';
import { type GoMap, type GoValue, newMap, sortedKeys, typeName, withGoType } from '../util/go/value.js';
import { deepCopy } from './internal/h5-copy.js';
import { mergeInto } from './internal/h5-mergo.js';
import { strval } from './internal/h5-strval.js';
import type { FuncOptions } from './options.js';

const M = 'map[string]interface {}';
const S = 'string';

function conversion(v: GoValue, want: string): GoFuncError {
  const t = v === null || v === undefined ? 'nil' : typeName(v);
  return new GoFuncError(`interface conversion: interface {} is ${t}, not ${want}`);
}

function asMap(v: GoValue): GoMap {
  if (v !== null && v !== undefined && typeName(v) === M) return v as GoMap;
  throw conversion(v, M);
}

function dig(ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new GoFuncError('dig needs at least three arguments');
  let dict = asMap(ps[ps.length - 1]);
  const def = ps[ps.length - 2];
  const ks: string[] = [];
  for (let i = 0; i < ps.length - 2; i++) {
    const k = ps[i];
    if (typeof k !== 'string') throw conversion(k, 'string');
    ks.push(k);
  }
  for (let i = 0; ; i++) {
    const k = ks[i]!;
    if (!Object.hasOwn(dict, k)) return def;
    const step = dict[k];
    if (i === ks.length - 1) return step;
    dict = asMap(step);
  }
}

/** The dicts function family. */
export function dictsFuncs(_options: FuncOptions): FuncMap {
  const merge =
    (overwrite: boolean) =>
    (dst: GoValue, ...srcs: GoValue[]) => {
      // mergo gives a nil destination a fresh map (Sprig then returns that map).
      const d = dst === null ? newMap() : (dst as GoMap);
      for (const s of srcs) if (s !== null) mergeInto(d, s as GoMap, overwrite);
      return d;
    };
  const copy = (v: GoValue) => deepCopy(v);
  return {
    dict: defineFunc(
      'dict',
      [],
      (...v) => {
        const d = newMap();
        for (let i = 0; i < v.length; i += 2) {
          const key = strval(v[i]);
          d[key] = i + 1 >= v.length ? '' : v[i + 1];
        }
        return d;
      },
      { variadic: 'any' },
    ),
    get: defineFunc('get', [M, S], (d, k) => {
      const m = d as GoMap;
      return m !== null && Object.hasOwn(m, k as string) ? m[k as string] : '';
    }),
    set: defineFunc('set', [M, S, 'any'], (d, k, v) => {
      if (d === null || isGoNil(d)) throw new GoFuncError('assignment to entry in nil map');
      (d as GoMap)[k as string] = v;
      return d;
    }),
    unset: defineFunc('unset', [M, S], (d, k) => {
      // A nil map argument is returned as Go's nil map (it prints `map[]`).
      if (d === null) return nilMap();
      delete (d as GoMap)[k as string];
      return d;
    }),
    hasKey: defineFunc('hasKey', [M, S], (d, k) => d !== null && Object.hasOwn(d as GoMap, k as string)),
    pluck: defineFunc(
      'pluck',
      [S],
      (k, ...ds) => {
        const res: GoValue[] = [];
        for (const d of ds)
          if (d !== null && Object.hasOwn(d as GoMap, k as string)) res.push((d as GoMap)[k as string]);
        return res;
      },
      { variadic: M },
    ),
    keys: defineFunc(
      'keys',
      [],
      (...ds) => {
        // Go's map iteration order is random; sorted order is one of the possible outputs.
        const k: string[] = [];
        for (const d of ds) if (d !== null) for (const key of sortedKeys(d as GoMap)) k.push(key);
        return withGoType(k, '[]string');
      },
      { variadic: M },
    ),
    values: defineFunc('values', [M], (d) => {
      const m = d as GoMap;
      return m === null ? [] : sortedKeys(m).map((k) => m[k]);
    }),
    pick: defineFunc(
      'pick',
      [M],
      (d, ...ks) => {
        const res = newMap();
        const m = d as GoMap;
        for (const k of ks as string[]) if (m !== null && Object.hasOwn(m, k)) res[k] = m[k];
        return res;
      },
      { variadic: S },
    ),
    omit: defineFunc(
      'omit',
      [M],
      (d, ...ks) => {
        const res = newMap();
        const m = d as GoMap;
        if (m === null) return res;
        const drop = new Set(ks as string[]);
        for (const k of Object.keys(m)) if (!drop.has(k)) res[k] = m[k];
        return res;
      },
      { variadic: S },
    ),
    merge: defineFunc('merge', [M], merge(false), { variadic: M }),
    mustMerge: defineFunc('mustMerge', [M], merge(false), { variadic: M }),
    mergeOverwrite: defineFunc('mergeOverwrite', [M], merge(true), { variadic: M }),
    mustMergeOverwrite: defineFunc('mustMergeOverwrite', [M], merge(true), { variadic: M }),
    deepCopy: defineFunc('deepCopy', ['any'], copy),
    mustDeepCopy: defineFunc('mustDeepCopy', ['any'], copy),
    dig: defineFunc('dig', [], (...ps) => dig(ps), { variadic: 'any' }),
  };
}
