/**
 * Compiles parse trees to JavaScript closures and executes them with Go's text/template semantics
 * (`exec.go`): the same evaluation order, the same `s.at(node)` bookkeeping for error positions, the same
 * argument checks (evalArg/validateType), missingkey=zero map lookups and Go's error texts. Each node kind is
 * dispatched once at compile time; execution runs closures only.
 *
 * Values: Go's invalid reflect.Value is `undefined`; a nil interface (e.g. a missing or null map entry read
 * through a field chain) is `null`. Pipelines unwrap interfaces, so a pipeline never yields `null`.
 */
import { formatValue } from '../util/go/fmt.js';
import { type FuncMap, GoFuncError } from '../util/go/func.js';
import {
  GoNumber,
  GoStruct,
  type GoValue,
  goMethodsOf,
  isFunc,
  isMap,
  sortedKeys,
  truth,
  typeName,
} from '../util/go/value.js';
import { truth as builtinTruth, mapElemType, sliceElemType, zeroOf } from './builtins.js';
import { TemplateError, TemplateExecError, TemplateLimitError } from './errors.js';
import { goQuote } from './lex.js';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  Tree,
  VariableNode,
} from './node.js';
import { nodeString } from './node.js';
import type { Fn, ParamType, TemplateLimits } from './types.js';

const MISSING = Symbol('missing');
/** Go's `token.IsExported`: the name starts with an upper-case letter. */
const EXPORTED = /^\p{Lu}/u;
type Final = GoValue | typeof MISSING;

/** A compiled statement: returns 0, or 1 for `{{break}}`, 2 for `{{continue}}`. */
type Stmt = (st: State, dot: GoValue) => number;
/** A compiled pipeline. */
type Pipe = (st: State, dot: GoValue) => GoValue;
/** A compiled command. */
type Cmd = (st: State, dot: GoValue, final: Final) => GoValue;
/** A compiled argument (Go's evalArg), evaluated against a parameter type. */
type Arg = (st: State, dot: GoValue, typ: ParamType | null) => GoValue;

/** A function whose first argument is the current {@link Execution} (used for include/tpl). */
export interface ContextFn {
  readonly name: string;
  readonly params: readonly ParamType[];
  readonly variadic?: ParamType;
  readonly call: (exec: Execution, ...args: GoValue[]) => GoValue;
}

/** What the compiler needs from a template set. */
export interface CompileEnv {
  /** Looks up a function by name (builtins, funcs, context funcs). */
  lookupFunc(name: string): Fn | ContextFn | undefined;
  /** True for context functions. */
  isContextFn(f: Fn | ContextFn): f is ContextFn;
  /** True for functions supplied per execution (see {@link Execution.dynamic}). */
  isDynamic(name: string): boolean;
  /** Whether `range` accepts integers (Go ≥ 1.24, Helm 4). */
  readonly rangeInt: boolean;
}

/** A compiled template (one tree). */
export interface CompiledTemplate {
  readonly name: string;
  readonly tree: Tree;
  /** Compiled body; built on first use. */
  body?: Stmt;
}

/** A template lookup in the executing set (views resolve through their parents). */
export interface TemplateLookup {
  lookupTemplate(name: string): CompiledTemplate | undefined;
  compile(t: CompiledTemplate): Stmt;
  /** Name Go uses in `no template %q associated with template %q`. */
  readonly rootName: string;
}

/**
 * One top-level execution and everything it calls (nested `include`/`tpl` executions share it): the
 * executing template set, the budgets, and a scratch map for functions such as Helm's include counter.
 */
export class Execution {
  /** Steps taken so far. */
  steps = 0;
  /** Current nesting (template and nested executions). */
  depth = 0;
  /** Scratch space shared by context functions during this execution. */
  readonly locals = new Map<string, unknown>();
  private readonly started = Date.now();

  /**
   * @param set - the template set (or view) that started the execution.
   * @param limits - the budgets.
   * @param dynamic - functions supplied for this execution (names declared as dynamic on the set).
   */
  constructor(
    readonly set: TemplateLookup,
    readonly limits: TemplateLimits,
    readonly dynamic?: FuncMap,
  ) {}

  /**
   * Go's `t.ExecuteTemplate(w, name, data)` on the executing set, sharing this execution's budgets.
   * Throws like Go: `TemplateError` (`template: no template "x" associated with template "gotpl"`) or
   * `TemplateExecError`.
   */
  executeTemplate(name: string, data: GoValue): string {
    return this.executeIn(this.current, name, data);
  }

  /** The set of the innermost running template (a `tpl` view while a `tpl` string executes). */
  get current(): TemplateLookup {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1] : this.set;
  }
  private readonly stack: TemplateLookup[] = [];

  /** Executes `name` from another set (e.g. a `tpl` view) with this execution's budgets and depth. */
  executeIn(set: TemplateLookup, name: string, data: GoValue): string {
    const t = set.lookupTemplate(name);
    if (!t) {
      throw new TemplateError(
        'TEMPLATE_NOT_FOUND',
        `template: no template ${goQuote(name)} associated with template ${goQuote(set.rootName)}`,
      );
    }
    if (this.depth + EXEC_DEPTH_COST > this.limits.maxDepth) {
      throw new TemplateLimitError(`template nesting exceeds ${this.limits.maxDepth}`, true);
    }
    const st = new State(this, set, t.name);
    if (data === null) data = undefined;
    st.vars[0] = data;
    const body = set.compile(t);
    this.depth += EXEC_DEPTH_COST;
    this.stack.push(set);
    try {
      body(st, data);
    } catch (e) {
      throw normalizeThrown(e);
    } finally {
      this.depth -= EXEC_DEPTH_COST;
      this.stack.pop();
    }
    return st.out;
  }

  /** Counts a step; throws {@link TemplateLimitError} when a budget runs out. */
  step(): void {
    if (++this.steps > this.limits.maxSteps)
      throw new TemplateLimitError('template execution step limit exceeded');
    if ((this.steps & 4095) === 0 && Date.now() - this.started > this.limits.maxDurationMs) {
      throw new TemplateLimitError(`template execution exceeded ${this.limits.maxDurationMs} ms`);
    }
  }
}

/**
 * Depth units of a nested execution (include/tpl), relative to a `template` call (1 unit): a nested
 * execution uses about three times the JavaScript stack of a `template` call.
 */
const EXEC_DEPTH_COST = 3;

/** Go's own limit, quoted in its error message (the JS stack cannot go as deep; see TemplateLimits.maxDepth). */
const GO_MAX_EXEC_DEPTH = 100000;

/** True for V8's stack overflow (checked without regular expressions, which may themselves overflow). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && String(e.message).includes('call stack');
}

function normalizeThrown(e: unknown): unknown {
  if (isStackOverflow(e)) {
    return new TemplateLimitError('template nesting too deep (call stack exhausted)', true);
  }
  return e;
}

/** Per-execution state (Go's `state`). */
class State {
  out = '';
  node: Node | null = null;
  vars: GoValue[] = [undefined];
  varIface: boolean[] = [false];
  dotIface = false;
  lastIface = false;
  constructor(
    readonly exec: Execution,
    readonly set: TemplateLookup,
    public tmplName: string,
  ) {}

  write(s: string): void {
    this.out += s;
    if (this.out.length > this.exec.limits.maxOutputLength) {
      throw new TemplateLimitError(`template output exceeds ${this.exec.limits.maxOutputLength} characters`);
    }
  }

  at(n: Node): void {
    this.node = n;
  }

  errorf(detail: string, cause?: unknown): never {
    const n = this.node;
    if (n === null) {
      throw new TemplateExecError(this.tmplName, this.tmplName, undefined, detail, {}, cause);
    }
    const { location, line, column } = errorLocation(n);
    throw new TemplateExecError(
      this.tmplName,
      location,
      nodeString(n),
      detail,
      { file: n.tree.parseName, line, column },
      cause,
    );
  }
}

const utf8 = new TextEncoder();

/** Go's Tree.ErrorContext location: `NAME:LINE:COL` with a byte column (0-based on every line). */
export function errorLocation(n: Node): { location: string; line: number; column: number } {
  const text = n.tree.text.slice(0, n.pos);
  const nl = text.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  const lineText = nl < 0 ? text : text.slice(nl + 1);
  const column = utf8.encode(lineText).length;
  return { location: `${n.tree.parseName}:${line}:${column}`, line, column };
}

/** Go's name for a parameter type as reflect prints it. */
function goTypeString(t: ParamType): string {
  switch (t) {
    case 'any':
      return 'interface {}';
    case '[]byte':
      return '[]uint8';
  }
  return t;
}

function canBeNil(t: ParamType): boolean {
  switch (t) {
    case 'any':
    case 'reflect.Value':
    case '[]interface {}':
    case '[]string':
    case 'map[string]interface {}':
    case '[]byte':
      return true;
  }
  return false;
}

/** Converts a value already known assignable-or-not to a parameter type (Go's validateType). */
function validateType(st: State, value: GoValue, typ: ParamType | null): GoValue {
  if (value === undefined) {
    if (typ === null || typ === 'reflect.Value') return undefined;
    if (canBeNil(typ)) return null;
    return st.errorf(`invalid value; expected ${goTypeString(typ)}`);
  }
  if (typ === null || typ === 'reflect.Value' || typ === 'any') return value;
  switch (typ) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'bool':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (typeof value === 'bigint') return value;
      break;
    case 'float64':
      if (typeof value === 'number') return value;
      break;
    case 'int64':
      if (value instanceof GoNumber && value.kind === 'int64') return value.value;
      break;
    case 'uint':
      if (value instanceof GoNumber && value.kind === 'uint') return value.value;
      break;
    case '[]byte':
      if (value instanceof Uint8Array) return value;
      break;
    case 'map[string]interface {}':
      // Named types whose underlying type is map[string]interface{} (Helm's chartutil.Values) are assignable.
      if (value !== null && isMap(value)) {
        const tn = typeName(value);
        if (tn === typ || tn.endsWith('.Values')) return value;
      }
      break;
    default:
      if (value !== null && typeName(value) === typ) return value;
  }
  if (value === null)
    return st.errorf(`wrong type for value; expected ${goTypeString(typ)}; got interface {}`);
  return st.errorf(`wrong type for value; expected ${goTypeString(typ)}; got ${goTypeName(value)}`);
}

function goTypeName(v: GoValue): string {
  if (isFunc(v)) return 'func';
  return typeName(v);
}

function idealConstant(st: State, n: NumberNode): GoValue {
  st.at(n);
  if (n.isComplex) return st.errorf(`complex constant ${n.text} is not supported`);
  const t = n.text;
  const isHexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
  if (n.isFloat && !isHexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return n.float64;
  if (n.isInt) return n.int64;
  if (n.isUint) return st.errorf(`${t} overflows int`);
  return undefined;
}

function errMessage(e: unknown): string {
  if (e instanceof TemplateExecError || e instanceof TemplateError) return e.goMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Compiles trees of one template set family. */
export class Compiler {
  constructor(private readonly env: CompileEnv) {}

  /** Compiles a template body. */
  compileTemplate(t: CompiledTemplate): Stmt {
    if (!t.body) t.body = this.list(t.tree.root, ['$']);
    return t.body;
  }

  private list(l: ListNode, scope: string[]): Stmt {
    const stmts = l.nodes.map((n) => this.stmt(n, scope));
    if (stmts.length === 1) {
      const s0 = stmts[0];
      return (st, dot) => {
        st.node = l;
        return s0(st, dot);
      };
    }
    return (st, dot) => {
      st.node = l;
      for (let i = 0; i < stmts.length; i++) {
        const r = stmts[i](st, dot);
        if (r !== 0) return r;
      }
      return 0;
    };
  }

  private stmt(n: Node, scope: string[]): Stmt {
    switch (n.kind) {
      case 'text': {
        const text = n.text;
        return (st) => {
          st.write(text);
          return 0;
        };
      }
      case 'action': {
        const pipe = this.pipeline(n.pipe, scope);
        if (n.pipe.decl.length > 0) {
          return (st, dot) => {
            st.node = n;
            st.exec.step();
            pipe(st, dot);
            return 0;
          };
        }
        return (st, dot) => {
          st.node = n;
          st.exec.step();
          const v = pipe(st, dot);
          st.node = n;
          if (typeof v === 'string') st.write(v);
          else if (v === undefined) st.write('<no value>');
          else st.write(printValue(st, n, v));
          return 0;
        };
      }
      case 'if':
      case 'with':
        return this.ifOrWith(n, scope);
      case 'range':
        return this.range(n, scope);
      case 'template':
        return this.templateCall(n, scope);
      case 'break':
        return () => 1;
      case 'continue':
        return () => 2;
      case 'list':
        return this.list(n, scope);
    }
    return (st) => {
      st.at(n);
      return st.errorf(`unknown node: ${nodeString(n)}`);
    };
  }

  private ifOrWith(n: BranchNode, scope: string[]): Stmt {
    const inner = scope.slice();
    const pipe = this.pipeline(n.pipe, inner);
    const list = this.list(n.list, inner.slice());
    const elseList = n.elseList ? this.list(n.elseList, inner.slice()) : null;
    const isWith = n.kind === 'with';
    return (st, dot) => {
      st.node = n;
      const val = pipe(st, dot);
      if (truth(val)) {
        if (isWith) {
          const saved = st.dotIface;
          st.dotIface = false;
          const r = list(st, val);
          st.dotIface = saved;
          return r;
        }
        return list(st, dot);
      }
      if (elseList) return elseList(st, dot);
      return 0;
    };
  }

  private range(n: BranchNode, scope: string[]): Stmt {
    const inner = scope.slice();
    const pipe = this.pipeline(n.pipe, inner);
    const ndecl = n.pipe.decl.length;
    // Slots of the declared variables (the pipeline pushed them last).
    const elemSlot = ndecl > 0 ? inner.length - 1 : -1;
    const indexSlot = ndecl > 1 ? inner.length - 2 : -1;
    const body = this.list(n.list, inner.slice());
    const elseList = n.elseList ? this.list(n.elseList, inner.slice()) : null;
    const rangeInt = this.env.rangeInt;
    const one = (st: State, index: GoValue, elem: GoValue, iface: boolean): number => {
      st.exec.step();
      if (elemSlot >= 0) {
        st.vars[elemSlot] = elem;
        st.varIface[elemSlot] = iface;
      }
      if (indexSlot >= 0) {
        st.vars[indexSlot] = index;
        st.varIface[indexSlot] = false;
      }
      const saved = st.dotIface;
      st.dotIface = iface;
      const r = body(st, elem);
      st.dotIface = saved;
      return r;
    };
    return (st, dot) => {
      st.at(n);
      const val = pipe(st, dot);
      if (Array.isArray(val)) {
        if (val.length > 0) {
          const iface = sliceElemType(val) === 'interface {}';
          for (let i = 0; i < val.length; i++) {
            if (one(st, BigInt(i), val[i], iface) === 1) break;
          }
          return 0;
        }
      } else if (val instanceof Uint8Array) {
        if (val.length > 0) {
          for (let i = 0; i < val.length; i++) {
            if (one(st, BigInt(i), new GoNumber('uint8', BigInt(val[i])), false) === 1) break;
          }
          return 0;
        }
      } else if (val !== undefined && val !== null && isMap(val)) {
        const keys = sortedKeys(val);
        if (keys.length > 0) {
          const iface = mapElemType(val) === 'interface {}';
          for (const k of keys) {
            if (one(st, k, val[k], iface) === 1) break;
          }
          return 0;
        }
      } else if (
        rangeInt &&
        (typeof val === 'bigint' || (val instanceof GoNumber && val.kind !== 'float32'))
      ) {
        if (ndecl > 1) {
          st.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        }
        const limit = typeof val === 'bigint' ? val : (val.value as bigint);
        if (limit > 0n) {
          for (let i = 0n; i < limit; i++) {
            const elem = typeof val === 'bigint' ? i : new GoNumber(val.kind, i);
            if (one(st, undefined, elem, false) === 1) break;
          }
          return 0;
        }
      } else if (val !== undefined) {
        st.errorf(`range can't iterate over ${formatValue(val)}`);
      }
      if (elseList) return elseList(st, dot);
      return 0;
    };
  }

  private templateCall(n: TemplateNode, scope: string[]): Stmt {
    const pipe = n.pipe ? this.pipeline(n.pipe, scope) : null;
    const name = n.name;
    return (st, dot) => {
      st.at(n);
      const t = st.set.lookupTemplate(name);
      if (!t) return st.errorf(`template ${goQuote(name)} not defined`);
      // Go stops at 100000 nested templates; helmkit stops where the JS stack would, with Go's message (the
      // depth itself is not observable: output is discarded on error).
      if (st.exec.depth + 1 > st.exec.limits.maxDepth)
        st.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
      st.exec.step();
      const newDot = pipe ? pipe(st, dot) : undefined;
      const body = st.set.compile(t);
      const savedVars = st.vars;
      const savedIface = st.varIface;
      const savedName = st.tmplName;
      const savedDotIface = st.dotIface;
      st.vars = [newDot];
      st.varIface = [false];
      st.tmplName = t.name;
      st.dotIface = false;
      st.exec.depth++;
      try {
        body(st, newDot);
      } catch (e) {
        if (isStackOverflow(e)) {
          st.tmplName = savedName;
          st.node = n;
          st.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
        }
        throw e;
      }
      st.exec.depth--;
      st.vars = savedVars;
      st.varIface = savedIface;
      st.tmplName = savedName;
      st.dotIface = savedDotIface;
      return 0;
    };
  }

  /** Compiles a pipeline; declarations are added to `scope` (mutated, as Go's parser does). */
  private pipeline(p: PipeNode, scope: string[]): Pipe {
    const cmds = p.cmds.map((c) => this.command(c, scope));
    const decl = p.decl;
    // Resolve the declared/assigned variables.
    let slots: number[] = [];
    let undefinedVar: string | null = null;
    if (p.isAssign) {
      slots = decl.map((v) => {
        const i = scope.lastIndexOf(v.ident[0]);
        if (i < 0) undefinedVar ??= v.ident[0];
        return i;
      });
    } else {
      slots = decl.map((v) => {
        scope.push(v.ident[0]);
        return scope.length - 1;
      });
    }
    const single = cmds.length === 1 ? cmds[0] : null;
    return (st, dot) => {
      st.node = p;
      let value: GoValue;
      if (single) {
        value = single(st, dot, MISSING);
        if (value === null) value = undefined;
      } else {
        let v: Final = MISSING;
        for (let i = 0; i < cmds.length; i++) {
          v = cmds[i](st, dot, v);
          if (v === null) v = undefined;
        }
        value = v as GoValue;
      }
      if (slots.length > 0) {
        if (undefinedVar !== null) st.errorf(`undefined variable: ${undefinedVar}`);
        for (const s of slots) {
          st.vars[s] = value;
          st.varIface[s] = false;
        }
      }
      return value;
    };
  }

  private command(c: CommandNode, scope: string[]): Cmd {
    const first = c.args[0];
    const args = c.args;
    switch (first.kind) {
      case 'field': {
        const rest = this.args(args.slice(1), scope);
        return (st, dot, final) => {
          st.at(first);
          return this.fieldChain(st, dot, dot, st.dotIface, first, first.ident, rest, args.length, final);
        };
      }
      case 'chain': {
        const rest = this.args(args.slice(1), scope);
        const head = this.chainHead(first, scope);
        return (st, dot, final) => {
          st.at(first);
          const recv = head(st, dot);
          return this.fieldChain(st, dot, recv, false, first, first.field, rest, args.length, final);
        };
      }
      case 'identifier':
        return this.functionCall(first, c, args.slice(1), scope);
      case 'pipe': {
        const inner = this.pipeline(first, scope);
        return (st, dot, final) => {
          notAFunction(st, args, final);
          return inner(st, dot);
        };
      }
      case 'variable': {
        const rest = this.args(args.slice(1), scope);
        const v = this.variable(first, scope);
        return (st, dot, final) => v(st, dot, rest, args.length, final);
      }
    }
    return (st, dot, final) => {
      st.at(first);
      notAFunction(st, args, final);
      switch (first.kind) {
        case 'bool':
          return first.value;
        case 'dot':
          return dot;
        case 'nil':
          return st.errorf('nil is not a command');
        case 'number':
          return idealConstant(st, first);
        case 'string':
          return first.text;
      }
      return st.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
    };
  }

  private chainHead(chain: ChainNode, scope: string[]): (st: State, dot: GoValue) => GoValue {
    const node = chain.node;
    if (node.kind === 'nil') {
      return (st) => st.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    }
    const arg = this.arg(node, scope);
    return (st, dot) => arg(st, dot, null);
  }

  /** Variable reference with optional field chain (Go's evalVariableNode). */
  private variable(
    v: VariableNode,
    scope: string[],
  ): (st: State, dot: GoValue, rest: Arg[] | null, nargs: number, final: Final) => GoValue {
    const name = v.ident[0];
    const slot = scope.lastIndexOf(name);
    const fields = v.ident.slice(1);
    return (st, dot, rest, nargs, final) => {
      st.at(v);
      if (slot < 0) st.errorf(`undefined variable: ${name}`);
      const value = st.vars[slot];
      const iface = st.varIface[slot];
      if (fields.length === 0) {
        if (nargs > 1 || final !== MISSING) st.errorf(`can't give argument to non-function ${name}`);
        st.lastIface = iface;
        return value;
      }
      return this.fieldChain(st, dot, value, iface, v, fields, rest, nargs, final);
    };
  }

  private args(nodes: ArgNode[], scope: string[]): Arg[] {
    return nodes.map((n) => this.arg(n, scope));
  }

  /** Go's evalArg for one node, specialised by node kind. */
  private arg(n: ArgNode, scope: string[]): Arg {
    switch (n.kind) {
      case 'dot':
        return (st, dot, typ) => {
          st.at(n);
          if (st.dotIface && dot === null) return validateType(st, null, typ);
          return validateType(st, dot, typ);
        };
      case 'nil':
        return (st, _dot, typ) => {
          st.at(n);
          if (typ === null) return st.errorf("evalEmptyInterface: nil (can't happen)");
          if (typ === 'reflect.Value') return undefined;
          if (canBeNil(typ)) return null;
          return st.errorf(`cannot assign nil to ${goTypeString(typ)}`);
        };
      case 'field':
        return (st, dot, typ) => {
          st.at(n);
          st.at(n);
          const v = this.fieldChain(st, dot, dot, st.dotIface, n, n.ident, null, 1, MISSING);
          return this.validateField(st, v, typ);
        };
      case 'variable': {
        const v = this.variable(n, scope);
        return (st, dot, typ) => {
          st.at(n);
          const val = v(st, dot, null, 0, MISSING);
          return this.validateField(st, val, typ);
        };
      }
      case 'pipe': {
        const p = this.pipeline(n, scope);
        return (st, dot, typ) => {
          st.at(n);
          return validateType(st, p(st, dot), typ);
        };
      }
      case 'identifier': {
        const call = this.functionCall(n, n, [], scope, true);
        return (st, dot, typ) => {
          st.at(n);
          return validateType(st, call(st, dot, MISSING), typ);
        };
      }
      case 'chain': {
        const head = this.chainHead(n, scope);
        return (st, dot, typ) => {
          st.at(n);
          st.at(n);
          const recv = head(st, dot);
          const v = this.fieldChain(st, dot, recv, false, n, n.field, null, 0, MISSING);
          return this.validateField(st, v, typ);
        };
      }
    }
    // Literals.
    const lit = n;
    return (st, dot, typ) => {
      st.at(lit);
      switch (typ) {
        case 'bool':
          if (lit.kind === 'bool') return lit.value;
          return st.errorf(`expected bool; found ${nodeString(lit)}`);
        case 'float64':
          if (lit.kind === 'number' && lit.isFloat) return lit.float64;
          return st.errorf(`expected float; found ${nodeString(lit)}`);
        case 'int':
        case 'int64':
          if (lit.kind === 'number' && lit.isInt) return lit.int64;
          return st.errorf(`expected integer; found ${nodeString(lit)}`);
        case 'uint':
          if (lit.kind === 'number' && lit.isUint) return lit.uint64;
          return st.errorf(`expected unsigned integer; found ${nodeString(lit)}`);
        case 'string':
          if (lit.kind === 'string') return lit.text;
          return st.errorf(`expected string; found ${nodeString(lit)}`);
        case null:
        case 'any':
        case 'reflect.Value':
          switch (lit.kind) {
            case 'bool':
              return lit.value;
            case 'number':
              return idealConstant(st, lit);
            case 'string':
              return lit.text;
          }
          return dot;
      }
      return st.errorf(`can't handle ${nodeString(lit)} for arg of type ${goTypeString(typ)}`);
    };
  }

  private validateField(st: State, v: GoValue, typ: ParamType | null): GoValue {
    if (st.lastIface && (v === null || v === undefined)) {
      // A nil interface{} value (missing or null map entry): Go keeps it typed as interface{}.
      if (typ === null) return null;
      return validateType(st, null, typ);
    }
    return validateType(st, v, typ);
  }

  /** Go's evalFieldChain; `nargs` is len(args) of the command (1 when only the field itself). */
  fieldChain(
    st: State,
    dot: GoValue,
    receiver: GoValue,
    iface: boolean,
    node: Node,
    ident: readonly string[],
    rest: Arg[] | null,
    nargs: number,
    final: Final,
  ): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.field(st, dot, ident[i], node, null, 0, MISSING, receiver, iface);
      iface = st.lastIface;
    }
    return this.field(st, dot, ident[n - 1], node, rest, nargs, final, receiver, iface);
  }

  /** Go's evalField with missingkey=zero. */
  private field(
    st: State,
    dot: GoValue,
    name: string,
    node: Node,
    rest: Arg[] | null,
    nargs: number,
    final: Final,
    receiver: GoValue,
    iface: boolean,
  ): GoValue {
    if (receiver === undefined) {
      st.lastIface = false;
      return undefined;
    }
    const typ = iface ? 'interface {}' : goTypeName(receiver);
    if (receiver === null) return st.errorf(`nil pointer evaluating ${typ}.${name}`);
    if (receiver instanceof GoStruct && receiver.embedded.length > 0) receiver = promote(receiver, name);
    const methods = receiver instanceof GoStruct ? receiver.methods : goMethodsOf(receiver);
    if (methods !== undefined && Object.hasOwn(methods, name)) {
      st.lastIface = false;
      return this.call(st, dot, methods[name], node, name, rest ?? [], nargs > 0 ? nargs - 1 : 0, final);
    }
    if (receiver instanceof GoStruct) {
      if (Object.hasOwn(receiver.fields, name)) {
        if (!EXPORTED.test(name)) return st.errorf(`${name} is an unexported field of struct type ${typ}`);
        if (nargs > 1 || final !== MISSING)
          st.errorf(`${name} has arguments but cannot be invoked as function`);
        const v = receiver.fields[name];
        st.lastIface = v === null || v === undefined;
        return v === undefined ? null : v;
      }
      return st.errorf(`can't evaluate field ${name} in type ${typ}`);
    }
    if (isMap(receiver)) {
      if (nargs > 1 || final !== MISSING) st.errorf(`${name} is not a method but has arguments`);
      const elem = mapElemType(receiver);
      st.lastIface = elem === 'interface {}';
      if (Object.hasOwn(receiver, name)) {
        const v = receiver[name];
        return v === undefined ? null : v;
      }
      return zeroOf(elem);
    }
    return st.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private functionCall(
    id: IdentifierNode,
    cmd: Node,
    argNodes: ArgNode[],
    scope: string[],
    asArg = false,
  ): Cmd {
    const name = id.ident;
    const f = this.env.lookupFunc(name);
    const rest = this.args(argNodes, scope);
    const nargs = argNodes.length;
    const callNode0 = asArg ? id : cmd;
    const calleeName = argNodes.length > 0 ? nodeString(argNodes[0]) : undefined;
    if (this.env.isDynamic(name)) {
      return (st, dot, final) => {
        st.at(id);
        const df = st.exec.dynamic?.[name];
        if (!df) return st.errorf(`${goQuote(name)} is not a defined function`);
        return this.call(st, dot, df, callNode0, name, rest, nargs, final);
      };
    }
    if (!f) {
      return (st) => {
        st.at(id);
        return st.errorf(`${goQuote(name)} is not a defined function`);
      };
    }
    const callNode = asArg ? id : cmd;
    return (st, dot, final) => {
      st.at(id);
      return this.call(st, dot, f, callNode, name, rest, nargs, final, calleeName);
    };
  }

  /** Go's evalCall. `rest` are the argument evaluators (function itself excluded). */
  private call(
    st: State,
    dot: GoValue,
    f: Fn | ContextFn,
    node: Node,
    name: string,
    rest: Arg[],
    nargs: number,
    final: Final,
    calleeName?: string,
  ): GoValue {
    const params = f.params;
    const variadic = f.variadic;
    const numIn = nargs + (final !== MISSING ? 1 : 0);
    let numFixed = nargs;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed)
        st.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${nargs}`);
    } else if (numIn !== params.length) {
      st.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    const builtin = (f as Fn).builtin === true;
    if (builtin && (name === 'and' || name === 'or')) {
      const isOr = name === 'or';
      let v: GoValue;
      for (let i = 0; i < nargs; i++) {
        v = rest[i](st, dot, 'reflect.Value');
        if (builtinTruth(v) === isOr) return v;
      }
      if (final !== MISSING) v = validateType(st, final, 'reflect.Value');
      return v;
    }
    const argv: GoValue[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < nargs; i++) argv[i] = rest[i](st, dot, params[i]);
    if (variadic !== undefined) for (; i < nargs; i++) argv[i] = rest[i](st, dot, variadic);
    if (final !== MISSING) {
      let t: ParamType;
      if (variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1] : variadic;
      else t = params[params.length - 1];
      argv[i] = validateType(st, final, t);
    }
    if (builtin && name === 'call') {
      const callee = calleeName ?? (final !== MISSING ? formatValue(final) : '');
      return this.callBuiltin(st, node, argv, callee);
    }
    try {
      if (this.env.isContextFn(f)) return f.call(st.exec, ...argv);
      return (f as Fn).call(...argv);
    } catch (e) {
      if (e instanceof TemplateLimitError) throw e;
      if (isStackOverflow(e)) throw e;
      st.at(node);
      return st.errorf(`error calling ${name}: ${errMessage(e)}`, e);
    }
  }

  private callBuiltin(st: State, node: Node, argv: GoValue[], callee: string): GoValue {
    const fn = argv[0];
    const name = 'call';
    try {
      if (fn === undefined || fn === null) throw new GoFuncError('call of nil');
      if (!isFunc(fn)) throw new GoFuncError(`non-function ${callee} of type ${typeName(fn)}`);
      const args = argv.slice(1).map((a) => (a === undefined ? null : a));
      return fn.call(...args);
    } catch (e) {
      if (e instanceof TemplateLimitError) throw e;
      st.at(node);
      return st.errorf(`error calling ${name}: ${errMessage(e)}`, e);
    }
  }
}

function notAFunction(st: State, args: ArgNode[], final: Final): void {
  if (args.length > 1 || final !== MISSING)
    st.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
}

function printValue(st: State, n: Node, v: GoValue): string {
  if (isFunc(v)) {
    st.at(n);
    return st.errorf(`can't print ${nodeString(n)} of type ${goTypeName(v)}`);
  }
  if (v instanceof GoStruct && v.isPointer) {
    return formatValue(new GoStruct(v.typeName.replace(/^\*/, ''), v.fields, v.methods, false));
  }
  // printableValue: a Stringer on the pointer type is used through the field's or variable's address.
  if (v instanceof GoStruct && (v.methods.Error ?? v.methods.String)?.ptrReceiver) {
    return formatValue(new GoStruct(`*${v.typeName}`, v.fields, v.methods, true));
  }
  return formatValue(v);
}

export type { Stmt };

/** Go's field promotion: the embedded struct that declares `name`, or the struct itself. */
function promote(s: GoStruct, name: string): GoStruct {
  if (Object.hasOwn(s.fields, name) || Object.hasOwn(s.methods, name)) return s;
  for (const e of s.embedded) {
    const inner = s.fields[e];
    if (inner instanceof GoStruct) {
      const found = promote(inner, name);
      if (Object.hasOwn(found.fields, name) || Object.hasOwn(found.methods, name)) return found;
    }
  }
  return s;
}
