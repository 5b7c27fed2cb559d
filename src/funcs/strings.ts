/**
 * Sprig's string functions (`trim`, `trunc`, `substr`, `indent`, `quote`, `snakecase`…), byte-exact to
 * Sprig v3.3.0 as Helm 3.17 and 4.1 ship it. Go indexes strings by byte, so functions that slice use the
 * UTF-8 length; see internal/h5-bytes.
 */
import { formatValue } from '../util/go/fmt.js';
import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { quote as goQuote } from '../util/go/strconv.js';
import { goTrimSpace } from '../util/go/strings.js';
import { type GoValue, newMap, withGoType } from '../util/go/value.js';
import { fromBinary, isAscii, toBinary } from './internal/h5-bytes.js';
import { goRepeat, goReplaceAll, goSplitN, goTitle, goTrim } from './internal/h5-gostrings.js';
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  swapCase,
  uncapitalize,
  wrapCustom,
} from './internal/h5-goutils.js';
import { isNil } from './internal/h5-reflect.js';
import { strslice, strval } from './internal/h5-strval.js';
import { goLower, goUpper } from './internal/h5-unicode.js';
import { camelCaseToLowerCase, toCamelCase } from './internal/h5-xstrings.js';
import type { FuncOptions } from './options.js';

const S = 'string';
const I = 'int';

/** Go's `s[a:b]` on a byte string, with Go's runtime panic for bad bounds. */
function sliceBytes(s: string, a: number | undefined, b: number | undefined): string {
  const bin = toBinary(s);
  const len = bin.length;
  const lo = a ?? 0;
  const hi = b ?? len;
  if (b !== undefined && hi < 0) {
    // Go's bounds error for a negative index names no length.
    throw new GoFuncError(`runtime error: slice bounds out of range [:${hi}]`);
  }
  if (b !== undefined && hi > len) {
    throw new GoFuncError(`runtime error: slice bounds out of range [:${hi}] with length ${len}`);
  }
  if (lo < 0 || lo > hi) {
    throw new GoFuncError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  }
  return bin === s ? s.slice(lo, hi) : fromBinary(bin.slice(lo, hi));
}

function num(v: GoValue): number {
  return Number(v as bigint);
}

function indent(spaces: number, v: string): string {
  const pad = goRepeat(' ', spaces);
  return pad + v.replaceAll('\n', `\n${pad}`);
}

function splitMap(parts: string[]): GoValue {
  const m = newMap();
  for (let i = 0; i < parts.length; i++) m[`_${i}`] = parts[i];
  return withGoType(m, 'map[string]string');
}

/** The strings function family. */
export function stringsFuncs(_options: FuncOptions): FuncMap {
  const trimAll = (a: GoValue, b: GoValue) => goTrim(b as string, a as string);
  return {
    hello: defineFunc('hello', [], () => 'Hello!'),
    trim: defineFunc('trim', [S], (s) => goTrimSpace(s as string)),
    trimAll: defineFunc('trimAll', [S, S], trimAll),
    trimall: defineFunc('trimall', [S, S], trimAll),
    trimSuffix: defineFunc('trimSuffix', [S, S], (a, b) => {
      const sfx = a as string;
      const s = b as string;
      return sfx !== '' && s.endsWith(sfx) ? s.slice(0, s.length - sfx.length) : s;
    }),
    trimPrefix: defineFunc('trimPrefix', [S, S], (a, b) => {
      const pfx = a as string;
      const s = b as string;
      return pfx !== '' && s.startsWith(pfx) ? s.slice(pfx.length) : s;
    }),
    upper: defineFunc('upper', [S], (s) => goUpper(s as string)),
    lower: defineFunc('lower', [S], (s) => goLower(s as string)),
    title: defineFunc('title', [S], (s) => goTitle(s as string)),
    untitle: defineFunc('untitle', [S], (s) => uncapitalize(s as string)),
    substr: defineFunc('substr', [I, I, S], (start, end, s) => {
      const a = num(start);
      const b = num(end);
      const str = s as string;
      if (a < 0) return sliceBytes(str, undefined, b);
      const len = isAscii(str) ? str.length : toBinary(str).length;
      if (b < 0 || b > len) return sliceBytes(str, a, undefined);
      return sliceBytes(str, a, b);
    }),
    repeat: defineFunc('repeat', [I, S], (count, str) => goRepeat(str as string, num(count))),
    trunc: defineFunc('trunc', [I, S], (c, s) => {
      const n = num(c);
      const str = s as string;
      const bin = toBinary(str);
      if (n < 0 && bin.length + n > 0) return fromBinary(bin.slice(bin.length + n));
      if (n >= 0 && bin.length > n) return fromBinary(bin.slice(0, n));
      return str;
    }),
    abbrev: defineFunc('abbrev', [I, S], (w, s) => {
      const width = num(w);
      if (width < 4) return s;
      return abbreviateFull(s as string, 0, width);
    }),
    abbrevboth: defineFunc('abbrevboth', [I, I, S], (l, r, s) => {
      const left = num(l);
      const right = num(r);
      if (right < 4 || (left > 0 && right < 7)) return s;
      return abbreviateFull(s as string, left, right);
    }),
    initials: defineFunc('initials', [S], (s) => initials(s as string)),
    nospace: defineFunc('nospace', [S], (s) => deleteWhiteSpace(s as string)),
    swapcase: defineFunc('swapcase', [S], (s) => swapCase(s as string)),
    snakecase: defineFunc('snakecase', [S], (s) => camelCaseToLowerCase(s as string, 95)),
    kebabcase: defineFunc('kebabcase', [S], (s) => camelCaseToLowerCase(s as string, 45)),
    camelcase: defineFunc('camelcase', [S], (s) => toCamelCase(s as string, true)),
    wrap: defineFunc('wrap', [I, S], (l, s) => wrapCustom(s as string, num(l), '', false)),
    wrapWith: defineFunc('wrapWith', [I, S, S], (l, sep, s) =>
      wrapCustom(s as string, num(l), sep as string, true),
    ),
    contains: defineFunc('contains', [S, S], (sub, s) => (s as string).includes(sub as string)),
    hasPrefix: defineFunc('hasPrefix', [S, S], (p, s) => (s as string).startsWith(p as string)),
    hasSuffix: defineFunc('hasSuffix', [S, S], (p, s) => (s as string).endsWith(p as string)),
    quote: defineFunc(
      'quote',
      [],
      (...args) => {
        const out: string[] = [];
        for (const a of args) if (!isNil(a)) out.push(goQuote(strval(a)));
        return out.join(' ');
      },
      { variadic: 'any' },
    ),
    squote: defineFunc(
      'squote',
      [],
      (...args) => {
        const out: string[] = [];
        for (const a of args) if (!isNil(a)) out.push(`'${formatValue(a)}'`);
        return out.join(' ');
      },
      { variadic: 'any' },
    ),
    cat: defineFunc(
      'cat',
      [],
      (...args) => {
        const out: string[] = [];
        for (const a of args) if (!isNil(a)) out.push(formatValue(a));
        return out.join(' ');
      },
      { variadic: 'any' },
    ),
    indent: defineFunc('indent', [I, S], (n, v) => indent(num(n), v as string)),
    nindent: defineFunc('nindent', [I, S], (n, v) => `\n${indent(num(n), v as string)}`),
    replace: defineFunc('replace', [S, S, S], (o, n, s) =>
      goReplaceAll(s as string, o as string, n as string),
    ),
    plural: defineFunc('plural', [S, S, I], (one, many, count) => ((count as bigint) === 1n ? one : many)),
    splitList: defineFunc('splitList', [S, S], (sep, s) =>
      withGoType(goSplitN(s as string, sep as string, -1), '[]string'),
    ),
    split: defineFunc('split', [S, S], (sep, s) => splitMap(goSplitN(s as string, sep as string, -1))),
    splitn: defineFunc('splitn', [S, I, S], (sep, n, s) =>
      splitMap(goSplitN(s as string, sep as string, num(n))),
    ),
    join: defineFunc('join', [S, 'any'], (sep, v) => strslice(v).join(sep as string)),
  };
}
