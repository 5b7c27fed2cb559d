/**
 * Test helper for the H5 function families: evaluates simple one-line templates (`{{ f a (g b) | h }}`)
 * directly against the function map, without the template engine, so the functions can be checked against
 * the oracle tables on their own. It reproduces text/template's argument checks only as far as needed to
 * decide that a case is the engine's business (returned as `undefined` = not evaluable here).
 */

import { createFuncMap } from '../../src/funcs/index.js';
import type { Compat } from '../../src/funcs/options.js';
import { formatValue, sprintf } from '../../src/util/go/fmt.js';
import { GoFuncError } from '../../src/util/go/func.js';
import { parseFloat as goParseFloat, parseInt as goParseInt, unquote } from '../../src/util/go/strconv.js';
import {
  type GoFunc,
  type GoParamType,
  type GoValue,
  isMap,
  typeName,
  withGoType,
} from '../../src/util/go/value.js';
import { goValuesFromYaml } from '../util/go-expr.js';

class Unsupported extends Error {}

type Arg = { v: GoValue; lit?: 'int' | 'float' | 'nil'; text?: string };

/** Result of a direct evaluation: rendered text, or the `error calling NAME: MSG` text of a function error. */
export type DirectResult = { out: string } | { callErr: string };

function utf8Len(s: string): bigint {
  return BigInt(new TextEncoder().encode(s).length);
}

export function directRender(
  template: string,
  valuesYaml: string | undefined,
  compat: Compat,
): DirectResult | undefined {
  const funcs = createFuncMap({ compat });
  // Helm's .Values is a named map type (chartutil.Values in Helm 3, common.Values in Helm 4).
  const values = valuesYaml ? goValuesFromYaml(valuesYaml) : null;
  if (isMap(values)) withGoType(values, compat === 'helm3' ? 'chartutil.Values' : 'common.Values');
  let out = '';
  let i = 0;
  try {
    while (i < template.length) {
      const a = template.indexOf('{{', i);
      if (a < 0) {
        out += template.slice(i);
        break;
      }
      out += template.slice(i, a);
      const b = template.indexOf('}}', a);
      const src = template.slice(a + 2, b);
      if (
        src.startsWith('-') ||
        src.endsWith('-') ||
        src.includes(':=') ||
        /^\s*(if|range|with|define|end|else|block|template)\b|^\s*\/\*/.test(src)
      )
        return undefined;
      const v = evalPipeline(src.trim(), funcs, values);
      out += v === null || v === undefined ? '' : formatValue(v);
      i = b + 2;
    }
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    if (e instanceof CallError) return { callErr: e.message };
    throw e;
  }
  return { out };
}

class CallError extends Error {}

function splitTop(src: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      cur += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      cur += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === sep && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function tokens(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    let j = i;
    if (c === '"') {
      j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      j++;
    } else if (c === '`') j = src.indexOf('`', i + 1) + 1;
    else if (c === '(') {
      let d = 0;
      for (; j < src.length; j++) {
        if (src[j] === '"') {
          j++;
          while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
          continue;
        }
        if (src[j] === '(') d++;
        if (src[j] === ')' && --d === 0) break;
      }
      j++;
    }
    while (j < src.length && src[j] !== ' ') j++;
    out.push(src.slice(i, j));
    i = j;
  }
  return out;
}

function field(base: GoValue, path: string): GoValue {
  let cur = base;
  for (const part of path.split('.').slice(1)) {
    if (cur === null || cur === undefined) throw new Unsupported('nil field');
    if (!isMap(cur)) throw new Unsupported('field of non-map');
    cur = Object.hasOwn(cur, part) ? cur[part] : undefined;
  }
  return cur;
}

function evalOperand(tok: string, funcs: Record<string, GoFunc>, values: GoValue): Arg {
  if (tok.startsWith('"')) return { v: unquote(tok) };
  if (tok.startsWith('`')) return { v: tok.slice(1, -1) };
  if (tok === 'true' || tok === 'false') return { v: tok === 'true' };
  if (tok === 'nil') return { v: null, lit: 'nil' };
  if (/^[-+]?[0-9]/.test(tok)) {
    if (/^[-+]?(0x[0-9a-fA-F]+|[0-9]+)$/.test(tok))
      return { v: goParseInt(tok, 0, 64), lit: 'int', text: tok };
    return { v: goParseFloat(tok, 64), lit: 'float', text: tok };
  }
  if (tok.startsWith('.Values')) return { v: field({ Values: values } as unknown as GoValue, tok) };
  if (tok.startsWith('(')) {
    const close = tok.lastIndexOf(')');
    const inner = evalPipeline(tok.slice(1, close), funcs, values);
    const rest = tok.slice(close + 1);
    return { v: rest ? field(inner, rest) : inner };
  }
  if (/^[a-zA-Z]/.test(tok)) return { v: call(tok, [], funcs) };
  throw new Unsupported(tok);
}

function convert(a: Arg, t: GoParamType): GoValue {
  const v = a.v;
  switch (t) {
    case 'any':
      return v === undefined ? null : v;
    case 'string':
      if (typeof v === 'string') return v;
      break;
    case 'bool':
      if (typeof v === 'boolean') return v;
      break;
    case 'int':
    case 'int64':
      if (typeof v === 'bigint') return v;
      if (a.lit === 'float' && Number.isInteger(v)) return BigInt(v as number);
      break;
    case 'float64':
      if (typeof v === 'number') return v;
      if (a.lit === 'int') return Number(v);
      break;
    case 'map[string]interface {}':
      if (v !== null && v !== undefined && typeName(v) === t) return v;
      // A literal nil becomes Go's nil map; a nil from values is rejected by the engine.
      if (a.lit === 'nil') return null;
      break;
  }
  throw new Unsupported(`arg ${t}`);
}

function call(name: string, args: Arg[], funcs: Record<string, GoFunc>): GoValue {
  if (name === 'len') {
    const v = args[0]?.v;
    if (typeof v === 'string') return utf8Len(v);
    if (Array.isArray(v)) return BigInt(v.length);
    if (isMap(v)) return BigInt(Object.keys(v).length);
    throw new Unsupported('len');
  }
  if (name === 'printf')
    return sprintf(
      args[0]!.v as string,
      args.slice(1).map((a) => a.v),
    );
  const f = funcs[name];
  if (!f) throw new Unsupported(name);
  const n = f.params.length;
  if (f.variadic ? args.length < n : args.length !== n) throw new Unsupported('arity');
  const conv: GoValue[] = [];
  for (let i = 0; i < args.length; i++) conv.push(convert(args[i]!, i < n ? f.params[i]! : f.variadic!));
  try {
    return f.call(...conv);
  } catch (e) {
    if (e instanceof GoFuncError) throw new CallError(`error calling ${name}: ${e.message}`);
    throw e;
  }
}

function evalPipeline(src: string, funcs: Record<string, GoFunc>, values: GoValue): GoValue {
  let prev: Arg | undefined;
  for (const cmd of splitTop(src, '|')) {
    const toks = tokens(cmd.trim());
    const head = toks[0]!;
    if (/^[a-zA-Z]/.test(head) && !['true', 'false', 'nil'].includes(head)) {
      const args = toks.slice(1).map((t) => evalOperand(t, funcs, values));
      if (prev) args.push(prev);
      prev = { v: call(head, args, funcs) };
    } else {
      if (toks.length > 1 || prev) throw new Unsupported('operand command');
      prev = evalOperand(head, funcs, values);
    }
  }
  return prev!.v;
}
