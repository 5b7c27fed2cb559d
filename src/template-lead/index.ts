import type { FuncMap } from '../util/go/func.js';
import type { GoFunc, GoValue } from '../util/go/value.js';
import { BUILTIN_NAMES, type ExecHost, executeTree, type TemplateLimits } from './exec.js';
import { parse, type Tree } from './parse.js';

export { LimitError, TemplateExecError, type TemplateLimits } from './exec.js';
export { TemplateParseError } from './parse.js';

const DEFAULT_LIMITS: TemplateLimits = { maxDepth: 100000, maxOutput: 256 * 1024 * 1024 };

/** Options of {@link TemplateSet}. */
export interface TemplateSetOptions {
  /** Functions available to templates (checked at parse time, as Go does). */
  funcs: FuncMap;
  /** Names of functions that will be supplied per execution (e.g. Helm's include/tpl). */
  dynamicFuncs?: readonly string[];
  /** Resource limits. */
  limits?: Partial<TemplateLimits>;
  /** Allow `range` over integers (Go 1.24+, Helm 4). */
  rangeInt?: boolean;
}

/**
 * A set of named templates sharing one namespace, as Go's `*template.Template` with its associated
 * templates. Parse once, execute many times.
 */
export class TemplateSet {
  private readonly trees: Map<string, Tree>;
  private readonly funcs: FuncMap;
  private readonly dynamic: ReadonlySet<string>;
  private readonly limits: TemplateLimits;
  private readonly rangeInt: boolean;
  private readonly parent: TemplateSet | undefined;

  /** @param options - functions and limits. */
  constructor(options: TemplateSetOptions, parent?: TemplateSet) {
    this.funcs = options.funcs;
    this.dynamic = new Set(options.dynamicFuncs ?? []);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.rangeInt = options.rangeInt ?? false;
    this.trees = new Map();
    this.parent = parent;
  }

  private hasFunc = (name: string): boolean =>
    BUILTIN_NAMES.has(name) || Object.hasOwn(this.funcs, name) || this.dynamic.has(name);

  /** Parses `text` as template `name`; its `define`s join the set (a later definition replaces an earlier one). */
  parse(name: string, text: string): void {
    const trees = parse(name, text, this.hasFunc);
    for (const [n, t] of trees) {
      const old = this.lookup(n);
      if (old && isEmpty(t) && n !== name) continue;
      if (old && isEmpty(t) && n === name && this.trees.has(n)) continue;
      this.trees.set(n, t);
    }
  }

  /** Looks a template up (in this set, then the set it was derived from). */
  lookup(name: string): Tree | undefined {
    return this.trees.get(name) ?? this.parent?.lookup(name);
  }

  /** True when a template of that name exists. */
  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /**
   * A copy-on-write child set: templates parsed into it shadow this set's; this set is unchanged.
   * Used by Helm's `tpl`.
   */
  derive(): TemplateSet {
    return new TemplateSet(
      { funcs: this.funcs, dynamicFuncs: [...this.dynamic], limits: this.limits, rangeInt: this.rangeInt },
      this,
    );
  }

  /**
   * Executes template `name` with `data` as dot. `funcs` supplies per-execution functions (overriding the
   * set's). Throws TemplateExecError with Go's message.
   */
  execute(name: string, data: GoValue, funcs?: FuncMap, depth = 0): string {
    const tree = this.lookup(name);
    if (!tree) {
      throw new (class extends Error {})(
        `template: no template ${JSON.stringify(name)} associated with template "gotpl"`,
      );
    }
    const host: ExecHost = {
      lookup: (n) => this.lookup(n),
      func: (n): GoFunc | undefined =>
        (funcs && Object.hasOwn(funcs, n) ? funcs[n] : undefined) ??
        (Object.hasOwn(this.funcs, n) ? this.funcs[n] : undefined),
      limits: this.limits,
      rangeInt: this.rangeInt,
    };
    return executeTree(host, tree, data, depth);
  }
}

function isEmpty(t: Tree): boolean {
  return t.root.nodes.every((n) => n.k === 'text' && n.text.trim() === '');
}
