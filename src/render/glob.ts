import { RE2JS } from 're2js';

const cache = new Map<string, (path: string) => boolean>();

function escapeRe(c: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}

/**
 * Compiles a `.Files.Glob` pattern with the semantics of gobwas/glob (the library Helm uses) with `/` as
 * separator: `*` any run of non-`/` characters, `**` any run of characters, `?` one non-`/` character,
 * `[abc]`, `[a-z]`, `[!x]` classes, `{a,b}` alternatives, `\` escapes. Translated to an RE2 expression
 * (linear time on any input). A pattern that does not compile matches everything, as in Helm (which falls back
 * to `**`).
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let re = '';
  let depth = 0;
  let ok = true;
  for (let i = 0; i < pattern.length && ok; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      if (i >= pattern.length) ok = false;
      else re += escapeRe(pattern[i]);
    } else if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) ok = false;
      else {
        let body = pattern.slice(i + 1, end);
        let neg = false;
        if (body.startsWith('!')) {
          neg = true;
          body = body.slice(1);
        }
        if (body === '') ok = false;
        re += `[${neg ? '^' : ''}${body.replace(/[\\\]^[]/g, (x) => `\\${x}`)}]`;
        i = end;
      }
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += escapeRe(c);
  }
  if (depth !== 0) ok = false;
  let fn: ((path: string) => boolean) | undefined;
  if (ok) {
    try {
      const compiled = RE2JS.compile(`^(?:${re})$`, RE2JS.DOTALL);
      fn = (p: string) => compiled.matches(p);
    } catch {
      fn = undefined;
    }
  }
  if (!fn) fn = () => true;
  cache.set(pattern, fn);
  return fn;
}
