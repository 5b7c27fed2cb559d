/**
 * Go `regexp` semantics on top of re2js (RE2, linear time: chart input can never cause catastrophic
 * backtracking). Hand-written parts: Go's `ReplaceAllString` template expansion (`$1`, `${name}`, `$$`),
 * `Split`, `QuoteMeta` and `MustCompile`'s panic text, which re2js (Java-flavoured) does not reproduce.
 */
import { RE2JS } from 're2js';

/** A compiled Go regexp. */
export interface GoRegexp {
  /** The source pattern. */
  readonly expr: string;
  /** Submatch index arrays of up to `n` matches (`n < 0`: all), in UTF-16 offsets. */
  findAll(s: string, n: number): number[][];
  /** Names of the capture groups by index (index 0 is the whole match, name ''). */
  readonly names: string[];
}

interface RE2Like {
  findAllSubmatchIndex(s: string, n: number): number[][] | null;
  findSubmatchIndex(s: string): number[] | null;
  match(s: string): boolean;
}

const cache = new Map<string, GoRegexp | Error>();

/** A Go `regexp.Compile` failure; `message` is Go's `err.Error()`. */
export class RegexpSyntaxError extends Error {}

/**
 * Go's `regexp.Compile` (Perl syntax, UTF-8 semantics). Compiled patterns are cached by source. Throws
 * {@link RegexpSyntaxError} with Go's message.
 */
export function compileGo(expr: string): GoRegexp {
  let hit = cache.get(expr);
  if (hit === undefined) {
    hit = compileUncached(expr);
    if (cache.size > 1000) cache.clear();
    cache.set(expr, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

function compileUncached(expr: string): GoRegexp | Error {
  let re: RE2JS;
  let renamed: Map<string, string> | undefined;
  try {
    // No LOOKBEHINDS flag: Go has no lookbehind, and re2js rejects it without the flag, as Go does.
    re = RE2JS.compile(expr);
  } catch (e) {
    // Go (1.22+) accepts duplicate group names; re2js does not. Rename the duplicates and map them back.
    const dedup = /duplicate capture group name/.test((e as Error).message)
      ? renameDuplicateGroups(expr)
      : undefined;
    if (!dedup) return new RegexpSyntaxError((e as Error).message);
    try {
      re = RE2JS.compile(dedup.expr);
      renamed = dedup.renamed;
    } catch (e2) {
      return new RegexpSyntaxError((e2 as Error).message);
    }
  }
  const re2 = re.re2() as unknown as RE2Like;
  const names: string[] = new Array<string>(re.groupCount() + 1).fill('');
  for (const [name, idx] of Object.entries(re.namedGroups())) names[idx] = renamed?.get(name) ?? name;
  return {
    expr,
    names,
    findAll(s, n) {
      if (n === 0) return [];
      return re2.findAllSubmatchIndex(s, n < 0 ? -1 : n) ?? [];
    },
  };
}

/** Renames repeated `(?P<name>`/`(?<name>` groups (outside escapes and classes) to unique names. */
function renameDuplicateGroups(expr: string): { expr: string; renamed: Map<string, string> } | undefined {
  const seen = new Set<string>();
  const renamed = new Map<string, string>();
  let out = '';
  let inClass = false;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (c === '\\') {
      out += expr.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (expr[i + 1] === ']') {
        out += ']';
        i++;
      }
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i));
    if (m) {
      let name = m[1]!;
      if (seen.has(name)) {
        const alias = `h6dup${renamed.size}x${name}`;
        renamed.set(alias, name);
        name = alias;
      }
      seen.add(name);
      out += `(?P<${name}>`;
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return renamed.size > 0 ? { expr: out, renamed } : undefined;
}

/** Go's `regexp.MustCompile` panic text, which the template engine turns into the call's error. */
export function mustCompileMessage(expr: string, err: Error): string {
  return `regexp: Compile(${goQuoteForCompile(expr)}): ${err.message}`;
}

/** Go's `regexp.quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`. */
function goQuoteForCompile(s: string): string {
  let can = true;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '`' || c === 0xfeff || (c < 0x20 && c !== 9) || c === 0x7f) {
      can = false;
      break;
    }
  }
  if (can) return `\`${s}\``;
  return JSON.stringify(s); // close to strconv.Quote for the control characters that make it unbackquotable
}

/** Go's `FindAllString`. */
export function findAllString(re: GoRegexp, s: string, n: number): string[] {
  return re.findAll(s, n).map((m) => s.slice(m[0]!, m[1]!));
}

/** Go's `FindString` (`""` when there is no match). */
export function findString(re: GoRegexp, s: string): string {
  const m = re.findAll(s, 1)[0];
  return m ? s.slice(m[0]!, m[1]!) : '';
}

/** Go's `MatchString`. */
export function matchString(re: GoRegexp, s: string): boolean {
  return re.findAll(s, 1).length > 0;
}

/**
 * Go's `ReplaceAllString` / `ReplaceAllLiteralString`. FindAll's acceptance rule (skip an empty match right
 * after the previous match) equals ReplaceAll's (`a[1] > lastMatchEnd || a[0] == 0`), so the matches of
 * {@link GoRegexp.findAll} are exactly the replaced ones.
 */
export function replaceAll(re: GoRegexp, s: string, repl: string, literal: boolean): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of re.findAll(s, -1)) {
    parts.push(s.slice(last, m[0]!));
    parts.push(literal ? repl : expand(re, repl, s, m));
    last = m[1]!;
  }
  parts.push(s.slice(last));
  return parts.join('');
}

/** Go's `Regexp.expand`: `$n`, `${n}`, `$name`, `${name}`, `$$`; malformed `$` is literal. */
function expand(re: GoRegexp, template: string, src: string, match: number[]): string {
  let out = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t[0] === '$') {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ex = extract(t);
    if (!ex) {
      out += '$';
      continue;
    }
    t = ex.rest;
    if (ex.num >= 0) {
      if (2 * ex.num + 1 < match.length && match[2 * ex.num]! >= 0)
        out += src.slice(match[2 * ex.num]!, match[2 * ex.num + 1]!);
    } else {
      for (let g = 0; g < re.names.length; g++) {
        if (ex.name === re.names[g] && 2 * g + 1 < match.length && match[2 * g]! >= 0) {
          out += src.slice(match[2 * g]!, match[2 * g + 1]!);
          break;
        }
      }
    }
  }
  return out + t;
}

const NAME_CHAR = /^[\p{L}\p{Nd}_]$/u;

function extract(str: string): { name: string; num: number; rest: string } | undefined {
  if (str === '') return undefined;
  let brace = false;
  let s = str;
  if (s[0] === '{') {
    brace = true;
    s = s.slice(1);
  }
  let i = 0;
  while (i < s.length) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    // Go: unicode.IsLetter || unicode.IsDigit (Nd) || '_'
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = s.slice(0, i);
  if (brace) {
    if (i >= s.length || s[i] !== '}') return undefined;
    i++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 48 || c > 57 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + c - 48;
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: s.slice(i) };
}

/** Go's `Regexp.Split`. Returns undefined for Go's nil (n == 0). */
export function split(re: GoRegexp, s: string, n: number): string[] | undefined {
  if (n === 0) return undefined;
  if (re.expr.length > 0 && s.length === 0) return [''];
  const matches = re.findAll(s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0]!;
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1]!;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

const META = new Set('\\.+*?()|[]{}^$');

/** Go's `regexp.QuoteMeta`. */
export function quoteMeta(s: string): string {
  let out = '';
  for (const ch of s) out += META.has(ch) ? `\\${ch}` : ch;
  return out;
}
