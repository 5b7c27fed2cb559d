/** Sprig's default-value functions: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`. */
import { defineFunc, type FuncMap } from '../util/go/func.js';
import { empty } from './internal/h5-reflect.js';
import type { FuncOptions } from './options.js';

/** The defaults function family. */
export function defaultsFuncs(_options: FuncOptions): FuncMap {
  return {
    default: defineFunc(
      'default',
      ['any'],
      (d, ...given) => (given.length === 0 || empty(given[0]) ? d : given[0]),
      { variadic: 'any' },
    ),
    empty: defineFunc('empty', ['any'], (v) => empty(v)),
    coalesce: defineFunc(
      'coalesce',
      [],
      (...v) => {
        for (const x of v) if (!empty(x)) return x;
        return null;
      },
      { variadic: 'any' },
    ),
    all: defineFunc('all', [], (...v) => v.every((x) => !empty(x)), { variadic: 'any' }),
    any: defineFunc('any', [], (...v) => v.some((x) => !empty(x)), { variadic: 'any' }),
    ternary: defineFunc('ternary', ['any', 'any', 'bool'], (vt, vf, c) => (c ? vt : vf)),
  };
}
