import { ChartLoadError } from './errors.js';
import { BadPatternError, goPathMatch } from './go-path-match.js';

/** The name of the ignore file in a chart directory. */
export const HELMIGNORE = '.helmignore';

interface IgnorePattern {
  readonly raw: string;
  readonly rule: string;
  readonly negate: boolean;
  readonly mustDir: boolean;
  readonly kind: 'root' | 'path' | 'base';
}

/**
 * `.helmignore` rules with Helm's exact semantics (pkg/ignore): patterns are Go `filepath.Match` globs; a rule
 * without `/` matches the base name, one with `/` the whole path, a leading `/` anchors at the chart root, a
 * trailing `/` only matches directories, `!` negates (and a non-matching negated rule ignores the path), `**` is
 * refused. Evaluation stops at the first deciding rule.
 */
export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  /** Parses the text of a `.helmignore` file. @throws ChartLoadError (`HELMIGNORE_INVALID`). */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    // bufio.Scanner lines: split on \n, drop one trailing \r.
    for (let line of text.split('\n')) {
      if (line.endsWith('\r')) line = line.slice(0, -1);
      r.addRule(line);
    }
    return r;
  }

  /** Number of patterns. */
  get size(): number {
    return this.patterns.length;
  }

  /** Adds Helm's default rule: ignore dotfiles in `templates/`. */
  addDefaults(): void {
    this.addRule('templates/.?*');
  }

  /** Adds one rule line. @throws ChartLoadError (`HELMIGNORE_INVALID`). */
  addRule(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) {
      throw new ChartLoadError('HELMIGNORE_INVALID', 'double-star (**) syntax is not supported', HELMIGNORE);
    }
    try {
      goPathMatch(rule, 'abc');
    } catch (e) {
      if (e instanceof BadPatternError) throw new ChartLoadError('HELMIGNORE_INVALID', e.message, HELMIGNORE);
      throw e;
    }
    const raw = rule;
    let negate = false;
    let mustDir = false;
    if (rule.startsWith('!')) {
      negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    let kind: IgnorePattern['kind'];
    if (rule.startsWith('/')) {
      kind = 'root';
      rule = rule.slice(1);
    } else if (rule.includes('/')) kind = 'path';
    else kind = 'base';
    this.patterns.push({ raw, rule, negate, mustDir, kind });
  }

  /** Reports whether the chart-relative path (forward slashes) is ignored. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!match(p, path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (match(p, path)) return true;
    }
    return false;
  }
}

function match(p: IgnorePattern, path: string): boolean {
  const subject = p.kind === 'base' ? baseName(path) : path;
  try {
    return goPathMatch(p.rule, subject);
  } catch {
    // Helm logs "Failed to compile" and treats the rule as not matching.
    return false;
  }
}

/** Go's filepath.Base for a slash path. */
function baseName(path: string): string {
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}
