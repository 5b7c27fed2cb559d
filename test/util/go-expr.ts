/**
 * A tiny evaluator for the argument expressions used in the fmt/json case tables, so that the Go printing
 * code can be checked against the oracle before the template engine exists. It knows only the literals,
 * `.Values.x` paths and the handful of Sprig functions the tables use, with their Go result types.
 * Cases it cannot evaluate are reported as such (the full tables also run through the template engine).
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import { formatValue } from '../../src/util/go/fmt.js';
import { parseFloat as goParseFloat, parseInt as goParseInt, unquote } from '../../src/util/go/strconv.js';
import { GoNumber, type GoValue, isInt, newMap, withGoType } from '../../src/util/go/value.js';

/** Converts js-yaml output to Helm's values model (numbers are float64, maps are Go maps). */
export function goValuesFromYaml(text: string): GoValue {
  const conv = (v: unknown): GoValue => {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.map(conv);
    if (typeof v === 'object') {
      const m = newMap();
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) m[k] = conv(x);
      return m;
    }
    if (typeof v === 'number') return v;
    return v as GoValue;
  };
  return conv(load(text, { schema: YAML11_SCHEMA }));
}

class Unsupported extends Error {}

type Tok = { t: '(' | ')' } | { t: 'lit'; v: GoValue } | { t: 'id'; v: string } | { t: 'field'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out.push({ t: 'lit', v: unquote(src.slice(i, j + 1)) });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      out.push({ t: 'lit', v: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < src.length && src[j] !== ' ' && src[j] !== ')' && src[j] !== '(') j++;
    const w = src.slice(i, j);
    i = j;
    if (w.startsWith('.')) out.push({ t: 'field', v: w });
    else if (w === 'true' || w === 'false') out.push({ t: 'lit', v: w === 'true' });
    else if (/^[-+]?[0-9]/.test(w)) {
      // text/template: integer syntax → int, otherwise float64.
      if (/^[-+]?(0x[0-9a-fA-F]+|[0-9]+)$/.test(w)) out.push({ t: 'lit', v: goParseInt(w, 0, 64) });
      else out.push({ t: 'lit', v: goParseFloat(w, 64) });
    } else out.push({ t: 'id', v: w });
  }
  return out;
}

function toF(v: GoValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'string') {
    try {
      return goParseFloat(v, 64);
    } catch {
      return 0;
    }
  }
  throw new Unsupported('toF');
}

function toI(v: GoValue): bigint {
  if (isInt(v)) return typeof v === 'bigint' ? v : (v.value as bigint);
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'string') return goParseInt(v, 0, 64);
  throw new Unsupported('toI');
}

const funcs: Record<string, (...a: GoValue[]) => GoValue> = {
  list: (...a) => a,
  dict: (...a) => {
    const m = newMap();
    for (let i = 0; i < a.length; i += 2) m[a[i] as string] = i + 1 < a.length ? a[i + 1] : '';
    return m;
  },
  int64: (v) => new GoNumber('int64', toI(v)),
  int: (v) => toI(v),
  float64: (v) => toF(v),
  add: (...a) =>
    new GoNumber(
      'int64',
      a.reduce<bigint>((s, x) => s + toI(x), 0n),
    ),
  add1: (v) => new GoNumber('int64', toI(v) + 1n),
  div: (a, b) => new GoNumber('int64', toI(a) / toI(b)),
  divf: (a, b) => toF(a) / toF(b),
  // Sprig computes these with decimal arithmetic; 15 significant digits reproduce that for the table.
  mulf: (a, b) => Number((toF(a) * toF(b)).toPrecision(15)),
  addf: (a, b) => Number((toF(a) + toF(b)).toPrecision(15)),
  len: (v) => BigInt((v as string).length),
  splitList: (sep, s) => withGoType((s as string).split(sep as string), '[]string'),
  regexSplit: (re, s) => withGoType((s as string).split(re as string), '[]string'),
  toString: (v: GoValue) => formatValue(v),
  atoi: (v) => goParseInt(v as string, 10, 64),
  b64dec: (v) => Buffer.from(v as string, 'base64').toString('utf8'),
};

/** Evaluates a space-separated list of argument expressions against `values`. Throws if unsupported. */
export function evalArgs(src: string, values: GoValue): GoValue[] {
  const toks = tokenize(src);
  let p = 0;
  const field = (path: string): GoValue => {
    if (path !== '.Values' && !path.startsWith('.Values.')) throw new Unsupported(path);
    let cur: GoValue = { Values: values } as unknown as GoValue;
    for (const part of path.split('.').slice(1)) {
      if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, GoValue>)[part];
    }
    return cur;
  };
  const one = (): GoValue => {
    const t = toks[p++];
    if (t.t === 'lit') return t.v;
    if (t.t === 'field') return field(t.v);
    if (t.t === '(') {
      const head = toks[p++];
      if (head.t !== 'id') throw new Unsupported('call');
      const args: GoValue[] = [];
      while (toks[p].t !== ')') args.push(one());
      p++;
      const f = funcs[head.v];
      if (!f) throw new Unsupported(head.v);
      return f(...args);
    }
    throw new Unsupported('token');
  };
  const out: GoValue[] = [];
  while (p < toks.length) out.push(one());
  return out;
}

/** Splits `{{ printf FMT ARGS }}`-style templates; returns undefined for other shapes. */
export function parseCall(template: string): { fn: string; rest: string; suffix: string } | undefined {
  const m =
    /^\{\{ (println|printf|print|toJson|toPrettyJson|toRawJson|mustToJson|mustToPrettyJson|mustToRawJson|fromJson|fromJsonArray) ?(.*?) \}\}(.*)$/s.exec(
      template,
    );
  if (!m) return undefined;
  return { fn: m[1], rest: m[2], suffix: m[3] };
}

export { Unsupported };
