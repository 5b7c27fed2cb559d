/**
 * Sprig's list functions (`list`, `first`, `append`, `uniq`, `slice`, `chunk`, `until`, `seq`…) with the
 * `must*` variants. The plain variants panic where the `must*` ones return an error; text/template turns
 * both into `error calling NAME: MESSAGE`, so they share one implementation here.
 */
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { compareGoStrings, GO_TYPE, type GoValue, withGoType } from '../util/go/value.js';
import { castToInt64 } from './internal/h5-cast.js';
import { deepEqual, empty, isNil, listItems, NIL_DEREF } from './internal/h5-reflect.js';
import { strslice, strval } from './internal/h5-strval.js';
import type { FuncOptions } from './options.js';

const A = 'any';
type Impl = (...args: GoValue[]) => GoValue;

function inList(haystack: readonly GoValue[], needle: GoValue): boolean {
  for (const h of haystack) if (deepEqual(needle, h)) return true;
  return false;
}

/** Go's `untilStep`: an `[]int` from start towards stop. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return withGoType(v, '[]int') as bigint[];
    for (let i = start; i > stop; i += step) v.push(i);
    return withGoType(v, '[]int') as bigint[];
  }
  if (step <= 0n) return withGoType(v, '[]int') as bigint[];
  for (let i = start; i < stop; i += step) v.push(i);
  return withGoType(v, '[]int') as bigint[];
}

function seq(params: bigint[]): string {
  const join = (xs: bigint[]) => xs.join(' ');
  switch (params.length) {
    case 1: {
      const end = params[0]!;
      const inc = end < 1n ? -1n : 1n;
      return join(untilStep(1n, end + inc, inc));
    }
    case 2: {
      const [start, end] = params as [bigint, bigint];
      const step = end < start ? -1n : 1n;
      return join(untilStep(start, end + step, step));
    }
    case 3: {
      const [start, step, end] = params as [bigint, bigint, bigint];
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      return join(untilStep(start, end + inc, step));
    }
    default:
      return '';
  }
}

function chunk(size: number, list: readonly GoValue[]): GoValue {
  const l = list.length;
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    if (clen < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
    out.push(list.slice(i * size, i * size + clen));
  }
  return withGoType(out, '[][]interface {}');
}

function sliceOf(list: GoValue, idx: GoValue[]): GoValue {
  const items = listItems(list, (k) => `list should be type of slice or array but ${k}`);
  const l = items.length;
  if (l === 0) return null;
  const start = idx.length > 0 ? Number(castToInt64(idx[0])) : 0;
  const end = idx.length < 2 ? l : Number(castToInt64(idx[1]));
  if (start < 0 || end < start || end > l) {
    throw new GoFuncError('reflect.Value.Slice: slice index out of bounds');
  }
  const out = items.slice(start, end);
  if (list instanceof Uint8Array) return list.slice(start, end);
  const tag = (list as { [GO_TYPE]?: string })[GO_TYPE];
  return tag ? withGoType(out, tag) : out;
}

/** The lists function family. */
export function listsFuncs(_options: FuncOptions): FuncMap {
  const fns: Record<string, [readonly ('any' | 'int')[], Impl, boolean?]> = {
    first: [
      [A],
      (l) => {
        const it = listItems(l, (k) => `Cannot find first on type ${k}`);
        return it.length === 0 ? null : it[0];
      },
    ],
    last: [
      [A],
      (l) => {
        const it = listItems(l, (k) => `Cannot find last on type ${k}`);
        return it.length === 0 ? null : it[it.length - 1];
      },
    ],
    rest: [
      [A],
      (l) => {
        const it = listItems(l, (k) => `Cannot find rest on type ${k}`);
        return it.slice(1);
      },
    ],
    initial: [
      [A],
      (l) => {
        const it = listItems(l, (k) => `Cannot find initial on type ${k}`);
        return it.slice(0, Math.max(0, it.length - 1));
      },
    ],
    push: [[A, A], (l, v) => [...listItems(l, (k) => `Cannot push on type ${k}`), v]],
    prepend: [[A, A], (l, v) => [v, ...listItems(l, (k) => `Cannot prepend on type ${k}`)]],
    reverse: [[A], (l) => [...listItems(l, (k) => `Cannot find reverse on type ${k}`)].reverse()],
    uniq: [
      [A],
      (l) => {
        const dest: GoValue[] = [];
        for (const it of listItems(l, (k) => `Cannot find uniq on type ${k}`))
          if (!inList(dest, it)) dest.push(it);
        return dest;
      },
    ],
    without: [
      [A],
      (l, ...omit) => {
        const res: GoValue[] = [];
        for (const it of listItems(l, (k) => `Cannot find without on type ${k}`))
          if (!inList(omit, it)) res.push(it);
        return res;
      },
      true,
    ],
    has: [
      [A, A],
      (needle, hay) => {
        if (isNil(hay)) return false;
        return inList(
          listItems(hay, (k) => `Cannot find has on type ${k}`),
          needle,
        );
      },
    ],
    compact: [[A], (l) => listItems(l, (k) => `Cannot compact on type ${k}`).filter((x) => !empty(x))],
    slice: [[A], (l, ...idx) => sliceOf(l, idx), true],
    chunk: [
      ['int', A],
      (size, l) =>
        chunk(
          Number(size as bigint),
          listItems(l, (k) => `Cannot chunk type ${k}`),
        ),
    ],
  };
  const m: FuncMap = {};
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  for (const [name, [params, impl, variadic]] of Object.entries(fns)) {
    const opts = variadic ? { variadic: A as 'any' } : {};
    m[name] = defineFunc(name, params, impl, opts);
    m[`must${cap(name)}`] = defineFunc(`must${cap(name)}`, params, impl, opts);
  }
  m.append = defineFunc('append', [A, A], fns.push![1]);
  m.mustAppend = defineFunc('mustAppend', [A, A], fns.push![1]);
  m.list = defineFunc('list', [], (...v) => v, { variadic: A });
  m.tuple = defineFunc('tuple', [], (...v) => v, { variadic: A });
  m.concat = defineFunc(
    'concat',
    [],
    (...lists) => {
      const res: GoValue[] = [];
      for (const l of lists) {
        if (isNil(l)) throw new GoFuncError(NIL_DEREF);
        for (const x of listItems(l, (k) => `Cannot concat type ${k} as list`)) res.push(x);
      }
      return res;
    },
    { variadic: A },
  );
  m.sortAlpha = defineFunc('sortAlpha', [A], (l) => {
    if (Array.isArray(l) || l instanceof Uint8Array) return strslice(l).sort(compareGoStrings);
    return withGoType([strval(l)], '[]string');
  });
  m.until = defineFunc('until', ['int'], (c) => {
    const count = c as bigint;
    return untilStep(0n, count, count < 0n ? -1n : 1n);
  });
  m.untilStep = defineFunc('untilStep', ['int', 'int', 'int'], (a, b, c) =>
    untilStep(a as bigint, b as bigint, c as bigint),
  );
  m.seq = defineFunc('seq', [], (...p) => seq(p as bigint[]), { variadic: 'int' });
  return m;
}
