/**
 * Executes parsed templates with Go's text/template semantics (exec.go, funcs.go).
 */
import { HelmkitError } from '../util/errors.js';
import { formatValue, sprint, sprintf, sprintln } from '../util/go/fmt.js';
import { GoFuncError } from '../util/go/func.js';
import {
  type GoFunc,
  GoNumber,
  type GoParamType,
  GoStruct,
  type GoValue,
  goMethodsOf,
  truth as goTruth,
  isFunc,
  isMap,
  sortedKeys,
  typeName,
} from '../util/go/value.js';
import {
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  nodeString,
  type PipeNode,
  type Source,
  type TemplateNode,
  type Tree,
} from './parse.js';

/** A template that fails while executing. `goMessage` is Go's text. */
export class TemplateExecError extends HelmkitError {
  /** Go's error text (`template: NAME:LINE:COL: executing "NAME" at <ACTION>: MESSAGE`). */
  readonly goMessage: string;
  /** The executing template's name. */
  readonly templateName: string;
  /** Whether Go reports it as an ExecError (false for "no template associated" and similar). */
  readonly isExecError: boolean;
  constructor(
    goMessage: string,
    templateName: string,
    isExecError: boolean,
    loc: { file?: string; line?: number; column?: number } = {},
    cause?: unknown,
  ) {
    super('TEMPLATE_EXEC', goMessage, loc, cause === undefined ? undefined : { cause });
    this.goMessage = goMessage;
    this.templateName = templateName;
    this.isExecError = isExecError;
  }
}

/** Limits that keep hostile templates bounded. */
export interface TemplateLimits {
  /** Nested template/include depth (Go: 100000; JS stacks are smaller). */
  maxDepth: number;
  /** Maximum output characters per execution. */
  maxOutput: number;
}

const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

const BREAK = 1;
const CONTINUE = 2;

interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
}

/** What the executing template can see of its set. */
export interface ExecHost {
  lookup(name: string): Tree | undefined;
  func(name: string): GoFunc | undefined;
  readonly limits: TemplateLimits;
  /** 'helm4' enables Go 1.24+ behaviour (range over int). */
  readonly rangeInt: boolean;
}

class State {
  out: string[] = [];
  outLen = 0;
  node: Node | undefined;
  vars: Variable[];
  constructor(
    readonly host: ExecHost,
    readonly tmplName: string,
    readonly depth: number,
    dot: GoValue,
  ) {
    this.vars = [{ name: '$', value: dot, iface: false }];
  }
}

function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Go's Tree.ErrorContext: `NAME:LINE:COL` with COL a 0-based byte offset within the line. */
export function errorLocation(src: Source, pos: number): { loc: string; line: number; col: number } {
  const text = src.text.slice(0, pos);
  const nl = text.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  const col = nl < 0 ? utf8Len(text) : utf8Len(text.slice(nl + 1));
  return { loc: `${src.parseName}:${line}:${col}`, line, col };
}

function errorf(s: State, msg: string, cause?: unknown): never {
  const n = s.node;
  if (!n) throw new TemplateExecError(`template: ${s.tmplName}: ${msg}`, s.tmplName, true, {}, cause);
  const { loc, line, col } = errorLocation(n.src, n.pos);
  const ctx = nodeString(n as Node);
  throw new TemplateExecError(
    `template: ${loc}: executing ${JSON.stringify(s.tmplName)} at <${ctx}>: ${msg}`,
    s.tmplName,
    true,
    { file: n.src.parseName, line, column: col },
    cause,
  );
}

function write(s: State, text: string) {
  s.out.push(text);
  s.outLen += text.length;
  if (s.outLen > s.host.limits.maxOutput) {
    throw new TemplateExecError(
      `template: ${s.tmplName}: output exceeds ${s.host.limits.maxOutput} characters`,
      s.tmplName,
      false,
    );
  }
}

// ---- type helpers --------------------------------------------------------------------------------------

function _isIfaceNil(v: GoValue, iface: boolean): boolean {
  return iface && (v === null || v === undefined);
}

function staticType(v: GoValue, iface: boolean): string {
  if (iface) return 'interface {}';
  return typeName(v);
}

function canBeNil(t: GoParamType): boolean {
  return t === 'any' || t.startsWith('[]') || t.startsWith('map[');
}

function valueMatches(v: GoValue, t: GoParamType): boolean {
  switch (t) {
    case 'any':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'bigint';
    case 'int64':
      return v instanceof GoNumber && v.kind === 'int64';
    case 'uint':
      return v instanceof GoNumber && v.kind === 'uint';
    case 'float64':
      return typeof v === 'number';
    case '[]byte':
      return v instanceof Uint8Array;
    case '[]interface {}':
    case '[]string':
      return Array.isArray(v) && typeName(v) === t;
    case 'map[string]interface {}': {
      if (!isMap(v)) return false;
      const n = typeName(v);
      return n === t || n === 'chartutil.Values' || n === 'common.Values';
    }
  }
  return false;
}

function convertForCall(v: GoValue, t: GoParamType): GoValue {
  if (t === 'int64' || t === 'uint') return (v as GoNumber).value;
  return v;
}

/** Go's validateType for a value coming from a field, variable, pipeline or function. */
function validateType(s: State, v: GoValue, iface: boolean, t: GoParamType): GoValue {
  if (v === undefined) {
    if (canBeNil(t)) return null;
    return errorf(s, `invalid value; expected ${t}`);
  }
  if (t === 'any') return v;
  if (v === null) {
    if (iface || !canBeNil(t)) return errorf(s, `wrong type for value; expected ${t}; got interface {}`);
    return null;
  }
  if (!valueMatches(v, t)) {
    if (v instanceof GoStruct && v.isPointer) {
      // dereference cannot produce a different kind here
    }
    return errorf(s, `wrong type for value; expected ${t}; got ${typeName(v)}`);
  }
  return convertForCall(v, t);
}

// ---- values of literals -----------------------------------------------------------------------------------

function idealConstant(s: State, n: NumberNode): GoValue {
  s.node = n;
  const isHex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
  if (n.isFloat && !isHex && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return n.float!;
  if (n.isInt) return n.int!;
  if (n.isUint) return errorf(s, `${n.text} overflows int`);
  return undefined;
}

/** Go's evalArg for a typed parameter. */
function evalArg(s: State, scope: Scope, t: GoParamType | 'value', n: ArgNode): GoValue {
  s.node = n;
  switch (n.k) {
    case 'dot':
      return t === 'value' ? scope.dot : validateType(s, scope.dot, scope.dotIface, t);
    case 'nil':
      if (t === 'value') return errorf(s, 'cannot assign nil to reflect.Value');
      if (canBeNil(t)) return null;
      return errorf(s, `cannot assign nil to ${t}`);
    case 'field':
    case 'variable':
    case 'pipe':
    case 'identifier':
    case 'chain': {
      let r: [GoValue, boolean];
      if (n.k === 'field') r = evalFieldChain(s, scope, scope.dot, scope.dotIface, n, n.ident, [n], MISSING);
      else if (n.k === 'variable') r = evalVariableNode(s, scope, n, [n], MISSING);
      else if (n.k === 'pipe') r = [evalPipeline(s, scope, n), false];
      else if (n.k === 'identifier') r = evalFunction(s, scope, n, n, [n], MISSING);
      else r = evalChainNode(s, scope, n, [n], MISSING);
      if (t === 'value') return r[0];
      return validateType(s, r[0], r[1], t);
    }
  }
  if (t === 'value' || t === 'any') {
    switch (n.k) {
      case 'bool':
        return n.value;
      case 'number':
        return idealConstant(s, n);
      case 'string':
        return n.text;
    }
  }
  switch (t) {
    case 'bool':
      if (n.k === 'bool') return n.value;
      return errorf(s, `expected bool; found ${nodeString(n)}`);
    case 'string':
      if (n.k === 'string') return n.text;
      return errorf(s, `expected string; found ${nodeString(n)}`);
    case 'int':
    case 'int64':
      if (n.k === 'number' && n.isInt) return n.int!;
      return errorf(s, `expected integer; found ${nodeString(n)}`);
    case 'uint':
      if (n.k === 'number' && n.isUint) return n.uint!;
      return errorf(s, `expected unsigned integer; found ${nodeString(n)}`);
    case 'float64':
      if (n.k === 'number' && n.isFloat) return n.float!;
      return errorf(s, `expected float; found ${nodeString(n)}`);
  }
  return errorf(s, `can't handle ${nodeString(n)} for arg of type ${t}`);
}

// ---- scopes ------------------------------------------------------------------------------------------------

interface Scope {
  dot: GoValue;
  dotIface: boolean;
}

function varValue(s: State, name: string): Variable {
  for (let i = s.vars.length - 1; i >= 0; i--) if (s.vars[i].name === name) return s.vars[i];
  return errorf(s, `undefined variable: ${name}`);
}

function setVar(s: State, name: string, value: GoValue) {
  for (let i = s.vars.length - 1; i >= 0; i--) {
    if (s.vars[i].name === name) {
      s.vars[i] = { name, value, iface: false };
      return;
    }
  }
  errorf(s, `undefined variable: ${name}`);
}

// ---- evaluation --------------------------------------------------------------------------------------------

function unwrap(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

function evalPipeline(s: State, scope: Scope, pipe: PipeNode): GoValue {
  s.node = pipe;
  let value: Final = MISSING;
  for (const cmd of pipe.cmds) {
    value = unwrap(evalCommand(s, scope, cmd, value)[0]);
  }
  const v = value === MISSING ? undefined : value;
  for (const d of pipe.decl) {
    if (pipe.isAssign) setVar(s, d.ident[0], v);
    else s.vars.push({ name: d.ident[0], value: v, iface: false });
  }
  return v;
}

function notAFunction(s: State, args: ArgNode[], final: Final) {
  if (args.length > 1 || final !== MISSING)
    errorf(s, `can't give argument to non-function ${nodeString(args[0])}`);
}

function evalCommand(s: State, scope: Scope, cmd: CommandNode, final: Final): [GoValue, boolean] {
  const first = cmd.args[0];
  switch (first.k) {
    case 'field':
      s.node = first;
      return evalFieldChain(s, scope, scope.dot, scope.dotIface, first, first.ident, cmd.args, final);
    case 'chain':
      return evalChainNode(s, scope, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, scope, first, cmd, cmd.args, final);
    case 'pipe':
      s.node = first;
      notAFunction(s, cmd.args, final);
      return [evalPipeline(s, scope, first), false];
    case 'variable':
      return evalVariableNode(s, scope, first, cmd.args, final);
  }
  s.node = first;
  notAFunction(s, cmd.args, final);
  switch (first.k) {
    case 'bool':
      return [first.value, false];
    case 'dot':
      return [scope.dot, scope.dotIface];
    case 'nil':
      return errorf(s, 'nil is not a command');
    case 'number':
      return [idealConstant(s, first), false];
    case 'string':
      return [first.text, false];
  }
  return errorf(s, `can't evaluate command ${JSON.stringify(nodeString(first))}`);
}

function evalChainNode(
  s: State,
  scope: Scope,
  chain: ArgNode & { k: 'chain' },
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  s.node = chain;
  if (chain.node.k === 'nil') return errorf(s, `indirection through explicit nil in ${nodeString(chain)}`);
  const pipe = evalArg(s, scope, 'any', chain.node);
  return evalFieldChain(s, scope, pipe, false, chain, chain.field, args, final);
}

function evalVariableNode(
  s: State,
  scope: Scope,
  v: ArgNode & { k: 'variable' },
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  s.node = v;
  const variable = varValue(s, v.ident[0]);
  if (v.ident.length === 1) {
    notAFunction(s, args, final);
    return [variable.value, variable.iface];
  }
  return evalFieldChain(s, scope, variable.value, variable.iface, v, v.ident.slice(1), args, final);
}

function evalFieldChain(
  s: State,
  scope: Scope,
  receiver: GoValue,
  iface: boolean,
  node: ArgNode,
  ident: string[],
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  const n = ident.length;
  let r: [GoValue, boolean] = [receiver, iface];
  for (let i = 0; i < n - 1; i++) r = evalField(s, scope, ident[i], node, [], MISSING, r[0], r[1]);
  return evalField(s, scope, ident[n - 1], node, args, final, r[0], r[1]);
}

function evalField(
  s: State,
  scope: Scope,
  fieldName: string,
  node: ArgNode,
  args: ArgNode[],
  final: Final,
  receiver: GoValue,
  iface: boolean,
): [GoValue, boolean] {
  if (receiver === undefined || (receiver === null && !iface)) return [undefined, false];
  const typ = staticType(receiver, iface);
  if (receiver === null) return errorf(s, `nil pointer evaluating ${typ}.${fieldName}`);
  const methods = receiver instanceof GoStruct ? receiver.methods : goMethodsOf(receiver);
  const method = methods?.[fieldName];
  if (method) return evalCall(s, scope, method, false, node, fieldName, args, final);
  const hasArgs = args.length > 1 || final !== MISSING;
  if (receiver instanceof GoStruct) {
    if (Object.hasOwn(receiver.fields, fieldName)) {
      if (hasArgs) return errorf(s, `${fieldName} has arguments but cannot be invoked as function`);
      return [receiver.fields[fieldName], false];
    }
  } else if (isMap(receiver)) {
    if (hasArgs) return errorf(s, `${fieldName} is not a method but has arguments`);
    const v = Object.hasOwn(receiver, fieldName) ? receiver[fieldName] : null;
    return [v === undefined ? null : v, true];
  }
  return errorf(s, `can't evaluate field ${fieldName} in type ${typ}`);
}

function evalFunction(
  s: State,
  scope: Scope,
  node: ArgNode & { k: 'identifier' },
  cmd: ArgNode | CommandNode,
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  s.node = node;
  const name = node.ident;
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (builtin) return evalBuiltin(s, scope, builtin, name, cmd, args, final);
  const fn = s.host.func(name);
  if (!fn) return errorf(s, `${JSON.stringify(name)} is not a defined function`);
  return evalCall(s, scope, fn, true, cmd, name, args, final);
}

function evalCall(
  s: State,
  scope: Scope,
  fn: GoFunc,
  _isFunc: boolean,
  node: ArgNode | CommandNode,
  name: string,
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  const rest = args.slice(1);
  let numIn = rest.length;
  if (final !== MISSING) numIn++;
  const nParams = fn.params.length;
  if (fn.variadic) {
    if (numIn < nParams) {
      s.node = node as Node as ArgNode;
      return errorf(s, `wrong number of args for ${name}: want at least ${nParams} got ${rest.length}`);
    }
  } else if (numIn !== nParams) {
    s.node = node as Node as ArgNode;
    return errorf(s, `wrong number of args for ${name}: want ${nParams} got ${numIn}`);
  }
  const argv: GoValue[] = [];
  let i = 0;
  for (; i < nParams && i < rest.length; i++) argv.push(evalArg(s, scope, fn.params[i], rest[i]));
  if (fn.variadic) for (; i < rest.length; i++) argv.push(evalArg(s, scope, fn.variadic, rest[i]));
  if (final !== MISSING) {
    const t = i < nParams ? fn.params[i] : (fn.variadic ?? 'any');
    argv.push(validateType(s, final, false, t));
  }
  s.node = node as Node as ArgNode;
  let result: GoValue;
  try {
    result = fn.call(...argv);
  } catch (e) {
    if (e instanceof TemplateExecError && !e.isExecError) throw e;
    if (e instanceof LimitError) throw e;
    s.node = node as Node as ArgNode;
    const msg =
      e instanceof GoFuncError || e instanceof HelmkitError
        ? e.message
        : e instanceof Error
          ? e.message
          : String(e);
    if (e instanceof RangeError && /call stack/.test(msg))
      throw new LimitError(`exceeded maximum template depth`);
    return errorf(s, `error calling ${name}: ${msg}`, e);
  }
  return [result, false];
}

/** Thrown when a resource limit is hit; never wrapped. */
export class LimitError extends HelmkitError {
  constructor(message: string) {
    super('TEMPLATE_LIMIT', message);
  }
}

// ---- builtins ----------------------------------------------------------------------------------------------

type Builtin = (
  s: State,
  scope: Scope,
  name: string,
  node: ArgNode | CommandNode,
  args: ArgNode[],
  final: Final,
) => [GoValue, boolean];

function builtinArgs(s: State, scope: Scope, args: ArgNode[], final: Final): GoValue[] {
  const out = args.slice(1).map((a) => evalArg(s, scope, 'value', a));
  if (final !== MISSING) out.push(final);
  return out;
}

function callErr(s: State, node: ArgNode | CommandNode, name: string, msg: string): never {
  s.node = node as ArgNode;
  return errorf(s, `error calling ${name}: ${msg}`);
}

function arity(
  s: State,
  node: ArgNode | CommandNode,
  name: string,
  got: number,
  want: number,
  variadic: boolean,
) {
  if (variadic ? got < want : got !== want) {
    s.node = node as ArgNode;
    errorf(s, `wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${want} got ${got}`);
  }
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'complex';

function basicKind(v: GoValue): BasicKind {
  if (v === null || v === undefined) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float32') return 'float';
    return v.kind.startsWith('uint') ? 'uint' : 'int';
  }
  return 'invalid';
}

function num(v: GoValue): bigint | number {
  if (v instanceof GoNumber) return v.value;
  return v as bigint | number;
}

function isComparableValue(v: GoValue): boolean {
  return !(Array.isArray(v) || isMap(v) || isFunc(v));
}

function eqValues(a: GoValue, b: GoValue): boolean | string {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (num(a) as bigint) >= 0n && num(a) === num(b);
    if (k1 === 'uint' && k2 === 'int') return (num(b) as bigint) >= 0n && num(a) === num(b);
    if (a !== null && a !== undefined && b !== null && b !== undefined)
      return 'incompatible types for comparison';
    return false;
  }
  switch (k1) {
    case 'bool':
    case 'string':
      return a === b;
    case 'int':
    case 'uint':
    case 'float':
      return num(a) === num(b);
  }
  // both invalid kinds
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn;
  if (!isComparableValue(a) || !isComparableValue(b)) {
    return `non-comparable types ${formatValue(a)}: ${typeName(a)}, ${typeName(b)}: ${formatValue(b)}`;
  }
  return a === b;
}

function ltValues(a: GoValue, b: GoValue): boolean | string {
  const k1 = basicKind(a);
  if (k1 === 'invalid') return 'invalid type for comparison';
  const k2 = basicKind(b);
  if (k2 === 'invalid') return 'invalid type for comparison';
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint')
      return (num(a) as bigint) < 0n || (num(a) as bigint) < (num(b) as bigint);
    if (k1 === 'uint' && k2 === 'int')
      return (num(b) as bigint) >= 0n && (num(a) as bigint) < (num(b) as bigint);
    return 'incompatible types for comparison';
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      return 'invalid type for comparison';
    case 'string':
      return (a as string) < (b as string);
    default:
      return num(a) < num(b);
  }
}

function cmpBuiltin(op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'): Builtin {
  return (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    if (op === 'eq') {
      arity(s, node, name, v.length, 1, true);
      if (v.length < 2) return callErr(s, node, name, 'missing argument for comparison');
      for (let i = 1; i < v.length; i++) {
        const r = eqValues(v[0], v[i]);
        if (typeof r === 'string') return callErr(s, node, name, r);
        if (r) return [true, false];
      }
      return [false, false];
    }
    arity(s, node, name, v.length, 2, false);
    if (op === 'ne') {
      const r = eqValues(v[0], v[1]);
      if (typeof r === 'string') return callErr(s, node, name, r);
      return [!r, false];
    }
    const lt = ltValues(v[0], v[1]);
    if (typeof lt === 'string') return callErr(s, node, name, lt);
    if (op === 'lt') return [lt, false];
    if (op === 'ge') return [!lt, false];
    let le = lt;
    if (!le) {
      const e = eqValues(v[0], v[1]);
      if (typeof e === 'string') return callErr(s, node, name, e);
      le = e;
    }
    return [op === 'le' ? le : !le, false];
  };
}

function lenOf(v: GoValue): number | string {
  if (v === null || v === undefined) return 'len of nil pointer';
  if (typeof v === 'string') return new TextEncoder().encode(v).length;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  return `len of type ${typeName(v)}`;
}

function indexArg(v: GoValue, cap: number): number | string {
  if (v === null || v === undefined) return 'cannot index slice/array with nil';
  if (typeof v === 'bigint' || (v instanceof GoNumber && v.kind !== 'float32')) {
    const x = num(v) as bigint;
    if (x < 0n || x > BigInt(cap)) return `index out of range: ${x}`;
    return Number(x);
  }
  return `cannot index slice/array with type ${typeName(v)}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[\0"'&<>]/g, (c) =>
    c === '\0'
      ? '\uFFFD'
      : c === '"'
        ? '&#34;'
        : c === "'"
          ? '&#39;'
          : c === '&'
            ? '&amp;'
            : c === '<'
              ? '&lt;'
              : '&gt;',
  );

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (c < 0x20) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function evalArgsString(s: State, scope: Scope, args: ArgNode[], final: Final): string {
  const v = builtinArgs(s, scope, args, final).map((x) => (x === undefined ? null : x));
  if (v.length === 1 && typeof v[0] === 'string') return v[0];
  return sprint(v);
}

const BUILTINS: Record<string, Builtin> = {
  and: (s, scope, name, node, args, final) => {
    const rest = args.slice(1);
    if (rest.length + (final === MISSING ? 0 : 1) < 1) arity(s, node, name, 0, 1, true);
    let v: GoValue;
    for (const a of rest) {
      v = evalArg(s, scope, 'value', a);
      if (!goTruth(unwrap(v as GoValue))) return [v, false];
    }
    if (final !== MISSING) v = final;
    return [v, false];
  },
  or: (s, scope, name, node, args, final) => {
    const rest = args.slice(1);
    if (rest.length + (final === MISSING ? 0 : 1) < 1) arity(s, node, name, 0, 1, true);
    let v: GoValue;
    for (const a of rest) {
      v = evalArg(s, scope, 'value', a);
      if (goTruth(unwrap(v as GoValue))) return [v, false];
    }
    if (final !== MISSING) v = final;
    return [v, false];
  },
  not: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, false);
    return [!goTruth(v[0]), false];
  },
  len: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, false);
    const r = lenOf(v[0]);
    if (typeof r === 'string') return callErr(s, node, name, r);
    return [BigInt(r), false];
  },
  index: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, true);
    let item = v[0];
    let iface = false;
    if (item === null || item === undefined) return callErr(s, node, name, 'index of untyped nil');
    for (const key of v.slice(1)) {
      if (item === null || item === undefined) return callErr(s, node, name, 'index of nil pointer');
      if (Array.isArray(item) || typeof item === 'string' || item instanceof Uint8Array) {
        const len = typeof item === 'string' ? new TextEncoder().encode(item).length : item.length;
        const x = indexArg(key, len);
        if (typeof x === 'string') return callErr(s, node, name, x);
        if (x >= len) return callErr(s, node, name, `index out of range: ${x}`);
        if (typeof item === 'string') item = BigInt(new TextEncoder().encode(item)[x]);
        else if (item instanceof Uint8Array) item = new GoNumber('uint8', BigInt(item[x]));
        else item = item[x];
        iface = true;
      } else if (isMap(item)) {
        if (typeof key !== 'string') {
          if (key === null || key === undefined)
            return callErr(s, node, name, 'value is nil; should be of type string');
          return callErr(s, node, name, `value has type ${typeName(key)}; should be string`);
        }
        item = Object.hasOwn(item, key) ? item[key] : null;
        if (item === undefined) item = null;
        iface = true;
      } else {
        return callErr(s, node, name, `can't index item of type ${typeName(item)}`);
      }
    }
    return [item, iface];
  },
  slice: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, true);
    const item = v[0];
    if (item === null || item === undefined) return callErr(s, node, name, 'slice of untyped nil');
    const idx = v.slice(1);
    if (idx.length > 3) return callErr(s, node, name, `too many slice indexes: ${idx.length}`);
    if (typeof item === 'string') {
      if (idx.length === 3) return callErr(s, node, name, 'cannot 3-index slice a string');
      const bytes = new TextEncoder().encode(item);
      const xs: number[] = [0, bytes.length];
      for (let i = 0; i < idx.length; i++) {
        const x = indexArg(idx[i], bytes.length);
        if (typeof x === 'string') return callErr(s, node, name, x);
        xs[i] = x;
      }
      if (xs[0] > xs[1]) return callErr(s, node, name, `invalid slice index: ${xs[0]} > ${xs[1]}`);
      return [new TextDecoder().decode(bytes.subarray(xs[0], xs[1])), false];
    }
    if (Array.isArray(item)) {
      const xs: number[] = [0, item.length, item.length];
      for (let i = 0; i < idx.length; i++) {
        const x = indexArg(idx[i], item.length);
        if (typeof x === 'string') return callErr(s, node, name, x);
        xs[i] = x;
      }
      if (xs[0] > xs[1]) return callErr(s, node, name, `invalid slice index: ${xs[0]} > ${xs[1]}`);
      if (idx.length === 3 && xs[1] > xs[2])
        return callErr(s, node, name, `invalid slice index: ${xs[1]} > ${xs[2]}`);
      const out = item.slice(xs[0], xs[1]);
      const tag = typeName(item);
      if (tag !== '[]interface {}') Object.defineProperty(out, Symbol.for('helmkit.goType'), { value: tag });
      return [out, false];
    }
    return callErr(s, node, name, `can't slice item of type ${typeName(item)}`);
  },
  print: (s, scope, _n, _node, args, final) => [
    sprint(builtinArgs(s, scope, args, final).map(nilify)),
    false,
  ],
  println: (s, scope, _n, _node, args, final) => [
    sprintln(builtinArgs(s, scope, args, final).map(nilify)),
    false,
  ],
  printf: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, true);
    if (typeof v[0] !== 'string') {
      s.node = args[1] ?? (node as ArgNode);
      return errorf(
        s,
        `wrong type for value; expected string; got ${v[0] === null || v[0] === undefined ? 'interface {}' : typeName(v[0])}`,
      );
    }
    return [sprintf(v[0], v.slice(1).map(nilify)), false];
  },
  html: (s, scope, _n, _node, args, final) => [escapeHtml(evalArgsString(s, scope, args, final)), false],
  js: (s, scope, _n, _node, args, final) => [jsEscape(evalArgsString(s, scope, args, final)), false],
  urlquery: (s, scope, _n, _node, args, final) => [
    urlQueryEscape(evalArgsString(s, scope, args, final)),
    false,
  ],
  call: (s, scope, name, node, args, final) => {
    const v = builtinArgs(s, scope, args, final);
    arity(s, node, name, v.length, 1, true);
    const fn = v[0];
    if (fn === null || fn === undefined) return callErr(s, node, name, 'call of nil');
    if (!isFunc(fn)) return callErr(s, node, name, `non-function ${formatValue(fn)} of type ${typeName(fn)}`);
    try {
      return [fn.call(...v.slice(1)), false];
    } catch (e) {
      return callErr(s, node, name, e instanceof Error ? e.message : String(e));
    }
  },
  eq: cmpBuiltin('eq'),
  ne: cmpBuiltin('ne'),
  lt: cmpBuiltin('lt'),
  le: cmpBuiltin('le'),
  gt: cmpBuiltin('gt'),
  ge: cmpBuiltin('ge'),
};

function nilify(v: GoValue): GoValue {
  return v === undefined ? null : v;
}

function evalBuiltin(
  s: State,
  scope: Scope,
  b: Builtin,
  name: string,
  cmd: ArgNode | CommandNode,
  args: ArgNode[],
  final: Final,
): [GoValue, boolean] {
  return b(s, scope, name, cmd, args, final);
}

/** Names of Go's builtin template functions. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.keys(BUILTINS));

// ---- walking -----------------------------------------------------------------------------------------------

function printValue(s: State, n: Node, v: GoValue) {
  s.node = n;
  if (v === undefined || v === null) {
    write(s, '<no value>');
    return;
  }
  if (typeof v === 'string') {
    write(s, v);
    return;
  }
  if (isFunc(v)) errorf(s, `can't print ${nodeString(n)} of type ${typeName(v)}`);
  if (v instanceof GoStruct && v.isPointer) {
    write(s, formatValue(new GoStruct(v.typeName, v.fields, v.methods, false)));
    return;
  }
  write(s, formatValue(v));
}

function isTrue(v: GoValue): boolean {
  return goTruth(v);
}

function walkList(s: State, scope: Scope, list: ListNode): number {
  for (const n of list.nodes) {
    const r = walk(s, scope, n);
    if (r) return r;
  }
  return 0;
}

function walk(s: State, scope: Scope, node: Node): number {
  s.node = node;
  switch (node.k) {
    case 'text':
      write(s, node.text);
      return 0;
    case 'action': {
      const v = evalPipeline(s, scope, node.pipe);
      if (node.pipe.decl.length === 0) printValue(s, node, v);
      return 0;
    }
    case 'if':
    case 'with':
      return walkIfOrWith(s, scope, node);
    case 'range':
      return walkRange(s, scope, node);
    case 'template':
      walkTemplate(s, scope, node);
      return 0;
    case 'break':
      return BREAK;
    case 'continue':
      return CONTINUE;
    case 'list':
      return walkList(s, scope, node);
  }
  return errorf(s, `unknown node: ${nodeString(node)}`);
}

function walkIfOrWith(s: State, scope: Scope, node: BranchNode): number {
  const mark = s.vars.length;
  try {
    const val = evalPipeline(s, scope, node.pipe);
    const t = isTrue(val);
    if (t) {
      if (node.k === 'with') return walkList(s, { dot: val, dotIface: false }, node.list);
      return walkList(s, scope, node.list);
    }
    if (node.elseList) return walkList(s, scope, node.elseList);
    return 0;
  } finally {
    s.vars.length = mark;
  }
}

function walkRange(s: State, scope: Scope, r: BranchNode): number {
  s.node = r;
  const outer = s.vars.length;
  try {
    const val = evalPipeline(s, scope, r.pipe);
    const mark = s.vars.length;
    const decl = r.pipe.decl;
    const one = (index: GoValue, elem: GoValue, iface: boolean): number => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) {
          setVar(s, decl[0].ident[0], decl.length > 1 ? index : elem);
        } else {
          s.vars[s.vars.length - 1] = { name: s.vars[s.vars.length - 1].name, value: elem, iface };
        }
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) setVar(s, decl[1].ident[0], elem);
        else s.vars[s.vars.length - 2] = { name: s.vars[s.vars.length - 2].name, value: index, iface: false };
      }
      try {
        const res = walkList(s, { dot: elem, dotIface: iface }, r.list);
        return res === BREAK ? BREAK : 0;
      } finally {
        s.vars.length = mark;
      }
    };
    let ran = false;
    if (Array.isArray(val) || val instanceof Uint8Array) {
      const arr = val as ArrayLike<GoValue>;
      for (let i = 0; i < arr.length; i++) {
        ran = true;
        const e = val instanceof Uint8Array ? new GoNumber('uint8', BigInt(val[i])) : arr[i];
        if (one(BigInt(i), e, !(val instanceof Uint8Array)) === BREAK) break;
      }
    } else if (val !== null && val !== undefined && isMap(val)) {
      for (const k of sortedKeys(val)) {
        ran = true;
        if (one(k, val[k], true) === BREAK) break;
      }
    } else if (val === null || val === undefined) {
      // nothing
    } else if (
      s.host.rangeInt &&
      (typeof val === 'bigint' || (val instanceof GoNumber && val.kind !== 'float32'))
    ) {
      if (decl.length > 1) errorf(s, `can't use ${formatValue(val)} to iterate over more than one variable`);
      const n = typeof val === 'bigint' ? val : (val.value as bigint);
      for (let i = 0n; i < n; i++) {
        ran = true;
        if (one(i, i, false) === BREAK) break;
      }
    } else {
      s.node = r;
      errorf(s, `range can't iterate over ${formatValue(val)}`);
    }
    if (!ran && r.elseList) return walkList(s, scope, r.elseList);
    return 0;
  } finally {
    s.vars.length = outer;
  }
}

function walkTemplate(s: State, scope: Scope, t: TemplateNode) {
  s.node = t;
  const tree = s.host.lookup(t.name);
  if (!tree) errorf(s, `template ${JSON.stringify(t.name)} not defined`);
  if (s.depth >= s.host.limits.maxDepth)
    errorf(s, `exceeded maximum template depth (${s.host.limits.maxDepth})`);
  const dot = t.pipe ? evalPipeline(s, scope, t.pipe) : undefined;
  const ns = new State(s.host, t.name, s.depth + 1, dot);
  ns.out = s.out;
  ns.outLen = s.outLen;
  walkList(ns, { dot, dotIface: false }, tree!.root);
  s.outLen = ns.outLen;
}

/** Executes a parsed tree with `data` as dot; returns the output text. */
export function executeTree(host: ExecHost, tree: Tree, data: GoValue, depth = 0): string {
  const s = new State(host, tree.name, depth, data);
  try {
    walkList(s, { dot: data, dotIface: false }, tree.root);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new LimitError(`template: ${tree.name}: exceeded maximum template depth: ${e.message}`);
    }
    throw e;
  }
  return s.out.join('');
}
