import type { FuncMap } from '../util/go/func.js';
import type { GoParamType, GoValue } from '../util/go/value.js';
import { builtins, type GoVersion } from './builtins.js';
import {
  type CompiledTemplate,
  Compiler,
  type ContextFn,
  Execution,
  type Stmt,
  type TemplateLookup,
} from './exec.js';
import { isEmptyTree } from './node.js';
import { parseTemplate } from './parse.js';
import { DEFAULT_LIMITS, type Fn, type TemplateLimits } from './types.js';

/** Options of a {@link TemplateSet}. */
export interface TemplateSetOptions {
  /** The function map (Go's `template.FuncMap`), e.g. `createFuncMap({ compat })`. */
  funcs: FuncMap;
  /** Execution limits; defaults in {@link DEFAULT_LIMITS}. */
  limits?: Partial<TemplateLimits>;
  /**
   * Which Helm's Go runtime to reproduce: `helm3` (go1.23) or `helm4` (go1.25: `range` over integers,
   * typed comparison errors). Default `helm3`.
   */
  compat?: 'helm3' | 'helm4';
  /** Name of the root template, quoted by Go in `no template "x" associated with template "NAME"`. Default `gotpl`. */
  rootName?: string;
  /**
   * Names of functions supplied per execution (third argument of {@link TemplateSet.execute}), e.g.
   * `include` and `tpl` closing over per-render state. They are known to the parser up front.
   */
  dynamicFuncs?: readonly string[];
  /** Shorthand for the `range`-over-int part of `compat: 'helm4'`. */
  rangeInt?: boolean;
}

/** A function that receives the running {@link Execution} first (for Helm's `include` and `tpl`). */
export interface ContextFuncDef {
  /** Go parameter types (checked and converted like any function's). */
  params: readonly GoParamType[];
  /** Type of the variadic tail, if any. */
  variadic?: GoParamType;
  /** The implementation; throw `GoFuncError` for a Go error result. */
  call: (exec: Execution, ...args: GoValue[]) => GoValue;
}

/** State shared by a set and all its views/clones. */
class Family {
  readonly funcs: Map<string, Fn | ContextFn>;
  readonly contextFns = new Set<Fn | ContextFn>();
  readonly compiler: Compiler;
  readonly limits: TemplateLimits;
  readonly rootName: string;
  readonly dynamic: Set<string>;

  constructor(options: TemplateSetOptions) {
    const go: GoVersion = options.compat === 'helm4' ? 'go1.25' : 'go1.23';
    this.funcs = new Map<string, Fn | ContextFn>(builtins(go));
    for (const [k, f] of Object.entries(options.funcs)) this.funcs.set(k, f);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.rootName = options.rootName ?? 'gotpl';
    this.dynamic = new Set(options.dynamicFuncs ?? []);
    this.compiler = new Compiler({
      lookupFunc: (name) => this.funcs.get(name),
      isContextFn: (f): f is ContextFn => this.contextFns.has(f),
      isDynamic: (name) => this.dynamic.has(name),
      rangeInt: options.rangeInt ?? options.compat === 'helm4',
    });
  }
}

const VIEW_CACHE_LIMIT = 512;

/**
 * A set of associated Go templates sharing one namespace (Go's `*template.Template` with its associates),
 * parsed once and compiled to closures on first use.
 *
 * - {@link TemplateSet.parse} adds a file: its body becomes template `name`, each `define`/`block` its own
 *   template; a later definition replaces an earlier one (Go's AddParseTree), except that an empty body
 *   never replaces a non-empty one.
 * - {@link TemplateSet.execute} runs a template (missingkey=zero, like Helm). Output is Go's; Helm's
 *   `<no value>` replacement is the caller's job.
 * - {@link TemplateSet.withExtra} is the cheap copy-on-write view Helm's `tpl` needs: the new text is parsed
 *   (cached by content) into a child whose lookups fall back to this set.
 * - {@link TemplateSet.defineContextFunc} adds functions that call back into the running execution
 *   (`include`, `tpl`): they receive the {@link Execution}, whose `executeTemplate(name, data)` runs a
 *   template of the executing set with shared budgets (depth, steps, time, output), and whose `locals`
 *   map can hold per-execution state such as Helm's include counter.
 */
export class TemplateSet implements TemplateLookup {
  private readonly family: Family;
  private readonly parent: TemplateSet | undefined;
  private readonly own = new Map<string, CompiledTemplate>();
  private views: Map<string, TemplateSet> | undefined;

  /** Creates an empty set. */
  constructor(options: TemplateSetOptions);
  constructor(options: TemplateSetOptions | Family, parent?: TemplateSet) {
    this.family = options instanceof Family ? options : new Family(options);
    this.parent = parent;
  }

  /** Name used by Go in `no template "x" associated with template "NAME"`. */
  get rootName(): string {
    return this.family.rootName;
  }

  /** The effective limits. */
  get limits(): TemplateLimits {
    return this.family.limits;
  }

  /**
   * Adds a function that receives the running {@link Execution} as its first argument. Define these before
   * parsing templates that use them (Go checks function names at parse time). Shared by all views.
   */
  defineContextFunc(name: string, def: ContextFuncDef): void {
    const f: ContextFn = def.variadic
      ? { name, params: def.params, variadic: def.variadic, call: def.call }
      : { name, params: def.params, call: def.call };
    this.family.funcs.set(name, f);
    this.family.contextFns.add(f);
  }

  /**
   * Parses `text` as template `name` and adds it and its definitions to the set
   * (Go: `t.New(name).Parse(text)`). Throws {@link TemplateParseError}.
   */
  parse(name: string, text: string): void {
    const fam = this.family;
    const trees = parseTemplate(name, text, (fn) => fam.funcs.has(fn) || fam.dynamic.has(fn));
    for (const [tname, tree] of trees) {
      const old = this.lookupTemplate(tname);
      if (old && isEmptyTree(tree.root)) continue;
      this.own.set(tname, { name: tname, tree });
    }
    this.views = undefined;
  }

  /** True when a template of that name exists (in this set or, for a view, its parents). */
  has(name: string): boolean {
    return this.lookupTemplate(name) !== undefined;
  }

  /** Names of all templates visible in this set. */
  templateNames(): string[] {
    const names = new Set<string>(this.parent ? this.parent.templateNames() : []);
    for (const k of this.own.keys()) names.add(k);
    return [...names];
  }

  /** @internal Resolves a template by name. */
  lookupTemplate(name: string): CompiledTemplate | undefined {
    const t = this.own.get(name);
    if (t !== undefined) return t;
    return this.parent?.lookupTemplate(name);
  }

  /** @internal Compiles (once) a template of this family. */
  compile(t: CompiledTemplate): Stmt {
    return t.body ?? this.family.compiler.compileTemplate(t);
  }

  /**
   * Executes template `name` with `data` as dot and `$` (Go's ExecuteTemplate) and returns the output.
   * `dynamic` supplies the functions declared in `dynamicFuncs` for this execution.
   * Throws `TemplateExecError`, `TemplateError` (unknown template) or `TemplateLimitError`.
   */
  execute(name: string, data: GoValue, dynamic?: FuncMap): string {
    return new Execution(this, this.family.limits, dynamic).executeTemplate(name, data);
  }

  /** A copy-on-write child view: parses into it do not affect this set; it sees this set's templates. */
  derive(): TemplateSet {
    return new (TemplateSet as unknown as new (f: Family, p: TemplateSet) => TemplateSet)(this.family, this);
  }

  /**
   * A copy-on-write view of this set with `text` parsed as template `name` (for Helm's `tpl`). Views are
   * cached by (name, text), so repeated `tpl` calls on the same string parse once. The view shares
   * functions and compiled templates with this set and sees later changes to it.
   */
  withExtra(name: string, text: string): TemplateSet {
    const key = `${name}\u0000${text}`;
    let views = this.views;
    const hit = views?.get(key);
    if (hit) return hit;
    const view = new (TemplateSet as unknown as new (f: Family, p: TemplateSet) => TemplateSet)(
      this.family,
      this,
    );
    view.parse(name, text);
    if (!views) views = this.views = new Map();
    if (views.size >= VIEW_CACHE_LIMIT) views.clear();
    views.set(key, view);
    return view;
  }

  /** An independent copy of the namespace (templates are shared, later parses do not affect each other). */
  clone(): TemplateSet {
    const c = new (TemplateSet as unknown as new (f: Family, p?: TemplateSet) => TemplateSet)(
      this.family,
      undefined,
    );
    for (const n of this.templateNames()) c.own.set(n, this.lookupTemplate(n)!);
    return c;
  }
}
