/** Sprig's reflection functions: `typeOf`, `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`. */
import { defineFunc, type FuncMap } from '../util/go/func.js';
import { type GoValue, kindOf, typeName } from '../util/go/value.js';
import { deepEqual } from './internal/h5-reflect.js';
import type { FuncOptions } from './options.js';

/** `%T` of a value (`<nil>` for nil). */
function typeOf(v: GoValue): string {
  return typeName(v);
}

/** The types function family. */
export function typesFuncs(_options: FuncOptions): FuncMap {
  return {
    typeOf: defineFunc('typeOf', ['any'], typeOf),
    typeIs: defineFunc('typeIs', ['string', 'any'], (t, v) => t === typeOf(v)),
    typeIsLike: defineFunc('typeIsLike', ['string', 'any'], (t, v) => {
      const n = typeOf(v);
      return t === n || `*${t as string}` === n;
    }),
    kindOf: defineFunc('kindOf', ['any'], (v) => kindOf(v)),
    kindIs: defineFunc('kindIs', ['string', 'any'], (t, v) => t === kindOf(v)),
    deepEqual: defineFunc('deepEqual', ['any', 'any'], (a, b) => deepEqual(a, b)),
  };
}
