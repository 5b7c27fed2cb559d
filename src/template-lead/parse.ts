/**
 * The parser of Go's text/template (parse/parse.go, parse/node.go), rewritten: the same tree, positions on
 * every node, the same error texts. Node `str()` reproduces Go's `Node.String()` used in error messages.
 */
import { HelmkitError } from '../util/errors.js';
import { unquote } from '../util/go/strconv.js';
import { type Item, lex, T } from './lex.js';

/** The source a tree was parsed from: the template (file) name and its text, for positions. */
export interface Source {
  readonly parseName: string;
  readonly text: string;
}

interface Base {
  pos: number;
  src: Source;
}
export interface TextNode extends Base {
  k: 'text';
  text: string;
}
export interface FieldNode extends Base {
  k: 'field';
  ident: string[];
}
export interface VariableNode extends Base {
  k: 'variable';
  ident: string[];
}
export interface IdentifierNode extends Base {
  k: 'identifier';
  ident: string;
}
export interface ChainNode extends Base {
  k: 'chain';
  node: ArgNode;
  field: string[];
}
export interface DotNode extends Base {
  k: 'dot';
}
export interface NilNode extends Base {
  k: 'nil';
}
export interface BoolNode extends Base {
  k: 'bool';
  value: boolean;
}
export interface StringNode extends Base {
  k: 'string';
  quoted: string;
  text: string;
}
export interface NumberNode extends Base {
  k: 'number';
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int?: bigint;
  uint?: bigint;
  float?: number;
}
export interface PipeNode extends Base {
  k: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode extends Base {
  k: 'command';
  args: ArgNode[];
}
export type ArgNode =
  | FieldNode
  | VariableNode
  | IdentifierNode
  | ChainNode
  | DotNode
  | NilNode
  | BoolNode
  | StringNode
  | NumberNode
  | PipeNode;
export interface ListNode extends Base {
  k: 'list';
  nodes: Node[];
}
export interface ActionNode extends Base {
  k: 'action';
  line: number;
  pipe: PipeNode;
}
export interface BranchNode extends Base {
  k: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}
export interface TemplateNode extends Base {
  k: 'template';
  line: number;
  name: string;
  pipe?: PipeNode;
}
export interface BreakNode extends Base {
  k: 'break' | 'continue';
  line: number;
}
interface EndNode extends Base {
  k: 'end';
}
interface ElseNode extends Base {
  k: 'else';
  line: number;
}
export type Node =
  | TextNode
  | ActionNode
  | BranchNode
  | TemplateNode
  | BreakNode
  | ListNode
  | ArgNode
  | CommandNode;

/** A parsed template: its name, root list and source. */
export interface Tree {
  name: string;
  root: ListNode;
  src: Source;
}

/** A template that does not parse. `goMessage` is Go's error text (`template: NAME:LINE: MSG`). */
export class TemplateParseError extends HelmkitError {
  /** Go's error text. */
  readonly goMessage: string;
  /** Template (file) name. */
  readonly templateName: string;
  /**
   * @param templateName - the parse name.
   * @param line - 1-based line.
   * @param message - Go's message without the location prefix.
   */
  constructor(templateName: string, line: number, message: string) {
    const go = `template: ${templateName}:${line}: ${message}`;
    super('TEMPLATE_PARSE', go, { file: templateName, line });
    this.goMessage = go;
    this.templateName = templateName;
  }
}

const SINGLE_QUOTE_RE = /^'(\\.|[^\\'])+'$/su;

function quoteGo(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function itemString(i: Item): string {
  if (i.t === T.EOF) return 'EOF';
  if (i.t === T.Error) return i.val;
  if (i.t >= T.Block && i.t <= T.With) return `<${i.val}>`;
  if (i.val.length > 10) return `${quoteGo(i.val.slice(0, 10))}...`;
  return quoteGo(i.val);
}

/** Go's `Node.String()`. */
export function nodeString(n: Node | EndNode | ElseNode): string {
  switch (n.k) {
    case 'text':
      return JSON.stringify(n.text);
    case 'field':
      return `.${n.ident.join('.')}`;
    case 'variable':
      return n.ident.join('.');
    case 'identifier':
      return n.ident;
    case 'chain': {
      let s = nodeString(n.node);
      if (n.node.k === 'pipe') s = `(${s})`;
      return s + n.field.map((f) => `.${f}`).join('');
    }
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) {
        s = n.decl.map((d) => nodeString(d)).join(', ') + (n.isAssign ? ' = ' : ' := ');
      }
      return s + n.cmds.map((c) => nodeString(c)).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.k === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'list':
      return n.nodes.map((x) => nodeString(x)).join('');
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      let s = `{{${n.k} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return `${s}{{end}}`;
    }
    case 'template':
      return n.pipe
        ? `{{template ${quoteGo(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${quoteGo(n.name)}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
  }
}

/** Parses a number literal as Go's `newNumber` does. Returns an error message on failure. */
function newNumber(pos: number, src: Source, text: string, isChar: boolean): NumberNode | string {
  const n: NumberNode = { k: 'number', pos, src, text, isInt: false, isUint: false, isFloat: false };
  if (isChar) {
    let s: string;
    try {
      s = unquote(text);
    } catch {
      return 'invalid syntax';
    }
    const r = s.codePointAt(0) ?? 0;
    n.isInt = n.isUint = n.isFloat = true;
    n.int = BigInt(r);
    n.uint = BigInt(r);
    n.float = r;
    return n;
  }
  if (text.endsWith('i')) return `illegal number syntax: ${quoteGo(text)}`;
  const u = parseGoInt(text, false);
  if (u !== undefined) {
    n.isUint = true;
    n.uint = u;
  }
  const i = parseGoInt(text, true);
  if (i !== undefined) {
    n.isInt = true;
    n.int = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = Number(n.int);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(n.uint);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text) || /^[+-]?0[xX][0-9a-fA-F_]*$/.test(text)) {
        return `integer overflow: ${quoteGo(text)}`;
      }
      n.isFloat = true;
      n.float = f;
      if (Number.isFinite(f) && Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = BigInt(f);
      }
      if (Number.isFinite(f) && Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${quoteGo(text)}`;
  return n;
}

/** strconv.ParseInt/ParseUint(text, 0, 64) (base prefixes, underscores only with a prefix). */
function parseGoInt(text: string, signed: boolean): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    if (!signed) return undefined;
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let digits = s;
  if (/^0[xX]/.test(s)) {
    base = 16;
    digits = s.slice(2);
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    digits = s.slice(2);
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    digits = s.slice(2);
  } else if (/^0[0-7_]/.test(s)) {
    base = 8;
    digits = s.slice(1);
  }
  if (digits.includes('_')) {
    if (base === 10 && !/^0/.test(s)) return undefined;
    if (!/^_?[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return undefined;
  const valid =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const c of digits) v = v * b + BigInt(Number.parseInt(c, 16));
  if (neg) v = -v;
  if (signed && (v > 2n ** 63n - 1n || v < -(2n ** 63n))) return undefined;
  if (!signed && v > 2n ** 64n - 1n) return undefined;
  return v;
}

function parseGoFloat(text: string): number | undefined {
  const s = text.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(s)) return Number(s);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (hex) {
    const mant =
      Number.parseInt(hex[2] || '0', 16) + (hex[3] ? Number.parseInt(hex[3], 16) / 16 ** hex[3].length : 0);
    const v = mant * 2 ** Number(hex[4]);
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}

class ParseAbort extends Error {}

/**
 * Parses one template text. Returns the trees it defines: the body under `name`, plus every `define`/`block`.
 * `hasFunc` tells which function names exist (Go checks them at parse time).
 */
export function parse(name: string, text: string, hasFunc: (n: string) => boolean): Map<string, Tree> {
  const src: Source = { parseName: name, text };
  const items = lex(text);
  let i = 0;
  let lastLine = 1;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  const treeSet = new Map<string, Tree>();

  const fail = (msg: string): never => {
    throw new TemplateParseError(name, lastLine, msg);
  };
  const next = (): Item => {
    const it = items[i] ?? items[items.length - 1];
    if (i < items.length) i++;
    lastLine = it.line;
    return it;
  };
  const backup = (n = 1) => {
    i -= n;
  };
  const peek = (): Item => {
    const it = items[i] ?? items[items.length - 1];
    lastLine = it.line;
    return it;
  };
  const nextNonSpace = (): Item => {
    let it = next();
    while (it.t === T.Space) it = next();
    return it;
  };
  const peekNonSpace = (): Item => {
    const it = nextNonSpace();
    backup();
    return it;
  };
  const unexpected = (it: Item, context: string): never => {
    if (it.t === T.Error) return fail(it.val);
    return fail(`unexpected ${itemString(it)} in ${context}`);
  };
  const expect = (t: T, context: string): Item => {
    const it = nextNonSpace();
    if (it.t !== t) unexpected(it, context);
    return it;
  };

  const isEmptyTree = (n: Node): boolean => {
    switch (n.k) {
      case 'list':
        return n.nodes.every(isEmptyTree);
      case 'text':
        return n.text.trim() === '';
      default:
        return false;
    }
  };
  const addTree = (t: Tree) => {
    const existing = treeSet.get(t.name);
    if (!existing || isEmptyTree(existing.root)) {
      treeSet.set(t.name, t);
      return;
    }
    if (!isEmptyTree(t.root)) fail(`template: multiple definition of template ${quoteGo(t.name)}`);
  };

  const itemList = (): [ListNode, EndNode | ElseNode] => {
    const list: ListNode = { k: 'list', pos: peekNonSpace().pos, src, nodes: [] };
    while (peekNonSpace().t !== T.EOF) {
      const n = textOrAction();
      if (n.k === 'end' || n.k === 'else') return [list, n];
      list.nodes.push(n);
    }
    return fail('unexpected EOF');
  };

  const textOrAction = (): Node | EndNode | ElseNode => {
    const it = nextNonSpace();
    switch (it.t) {
      case T.Text:
        return { k: 'text', pos: it.pos, src, text: it.val };
      case T.LeftDelim:
        return action();
      default:
        return unexpected(it, 'input');
    }
  };

  const action = (): Node | EndNode | ElseNode => {
    const it = nextNonSpace();
    switch (it.t) {
      case T.Block:
        return blockControl();
      case T.Break:
      case T.Continue:
        return breakControl(it);
      case T.Else:
        return elseControl();
      case T.End:
        return { k: 'end', pos: expect(T.RightDelim, 'end').pos, src };
      case T.If:
        return control('if', it);
      case T.Range:
        return control('range', it);
      case T.With:
        return control('with', it);
      case T.Template:
        return templateControl();
    }
    backup();
    const tok = peek();
    return { k: 'action', pos: tok.pos, line: tok.line, src, pipe: pipeline('command', T.RightDelim) };
  };

  const breakControl = (it: Item): BreakNode => {
    const word = it.t === T.Break ? 'break' : 'continue';
    const tok = nextNonSpace();
    if (tok.t !== T.RightDelim) unexpected(tok, `{{${word}}}`);
    if (rangeDepth === 0) fail(`{{${word}}} outside {{range}}`);
    return { k: word, pos: it.pos, line: it.line, src };
  };

  const elseControl = (): ElseNode => {
    const p = peekNonSpace();
    if (p.t === T.If || p.t === T.With) return { k: 'else', pos: p.pos, line: p.line, src };
    const tok = expect(T.RightDelim, 'else');
    return { k: 'else', pos: tok.pos, line: tok.line, src };
  };

  const control = (context: 'if' | 'range' | 'with', _kw: Item): BranchNode => {
    const saved = vars.length;
    try {
      const pipe = pipeline(context, T.RightDelim);
      if (context === 'range') rangeDepth++;
      const [list, nextNode] = itemList();
      if (context === 'range') rangeDepth--;
      let elseList: ListNode | undefined;
      if (nextNode.k === 'else') {
        const p = peek();
        if ((context === 'if' && p.t === T.If) || (context === 'with' && p.t === T.With)) {
          const kw = next();
          elseList = { k: 'list', pos: nextNode.pos, src, nodes: [control(context, kw)] };
        } else {
          const [el, end] = itemList();
          if (end.k !== 'end') fail(`expected end; found ${nodeString(end)}`);
          elseList = el;
        }
      }
      const node: BranchNode = { k: context, pos: pipe.pos, line: pipe.line, src, pipe, list };
      if (elseList) node.elseList = elseList;
      return node;
    } finally {
      vars.length = saved;
    }
  };

  const parseTemplateName = (it: Item, context: string): string => {
    if (it.t === T.String || it.t === T.RawString) {
      try {
        return unquote(it.val);
      } catch {
        return fail('invalid syntax');
      }
    }
    return unexpected(it, context);
  };

  const templateControl = (): TemplateNode => {
    const context = 'template clause';
    const tok = nextNonSpace();
    const tname = parseTemplateName(tok, context);
    let pipe: PipeNode | undefined;
    if (nextNonSpace().t !== T.RightDelim) {
      backup();
      pipe = pipeline(context, T.RightDelim);
    }
    const node: TemplateNode = { k: 'template', pos: tok.pos, line: tok.line, src, name: tname };
    if (pipe) node.pipe = pipe;
    return node;
  };

  const blockControl = (): TemplateNode => {
    const context = 'block clause';
    const tok = nextNonSpace();
    const tname = parseTemplateName(tok, context);
    const pipe = pipeline(context, T.RightDelim);
    const savedVars = vars;
    vars = ['$'];
    const [root, end] = itemList();
    vars = savedVars;
    if (end.k !== 'end') fail(`unexpected ${nodeString(end)} in ${context}`);
    addTree({ name: tname, root, src });
    return { k: 'template', pos: tok.pos, line: tok.line, src, name: tname, pipe };
  };

  const pipeline = (context: string, end: T): PipeNode => {
    const tok = peekNonSpace();
    const pipe: PipeNode = {
      k: 'pipe',
      pos: tok.pos,
      line: tok.line,
      src,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    for (;;) {
      const v = peekNonSpace();
      if (v.t !== T.Variable) break;
      nextNonSpace();
      const after = peek();
      const nx = peekNonSpace();
      if (nx.t === T.Assign || nx.t === T.Declare) {
        pipe.isAssign = nx.t === T.Assign;
        nextNonSpace();
        pipe.decl.push({ k: 'variable', pos: v.pos, src, ident: v.val.split('.') });
        vars.push(v.val);
        break;
      }
      if (nx.t === T.Char && nx.val === ',') {
        nextNonSpace();
        pipe.decl.push({ k: 'variable', pos: v.pos, src, ident: v.val.split('.') });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace();
          if (p.t === T.Variable || p.t === T.RightDelim || p.t === T.RightParen) continue;
          fail('range can only initialize variables');
        }
        fail(`too many declarations in ${context}`);
      }
      if (after.t === T.Space) {
        backup(2);
      } else {
        backup(1);
      }
      break;
    }
    for (;;) {
      const it = nextNonSpace();
      if (it.t === end) {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`);
        for (let c = 1; c < pipe.cmds.length; c++) {
          const k = pipe.cmds[c].args[0].k;
          if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
            fail(`non executable command in pipeline stage ${c + 1}`);
          }
        }
        return pipe;
      }
      switch (it.t) {
        case T.Bool:
        case T.CharConstant:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(it, context);
      }
    }
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { k: 'command', pos: peekNonSpace().pos, src, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const it = next();
      if (it.t === T.Space) continue;
      if (it.t === T.RightDelim || it.t === T.RightParen) backup();
      else if (it.t !== T.Pipe) unexpected(it, 'operand');
      break;
    }
    if (cmd.args.length === 0) fail('empty command');
    return cmd;
  };

  const operand = (): ArgNode | null => {
    let node = term();
    if (!node) return null;
    if (peek().t === T.Field) {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().t === T.Field) fields.push(next().val.slice(1));
      switch (node.k) {
        case 'field':
          node = { k: 'field', pos: chainPos, src, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = { k: 'variable', pos: chainPos, src, ident: [...node.ident, ...fields] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          fail(`unexpected . after term ${quoteGo(nodeString(node))}`);
          break;
        default:
          node = { k: 'chain', pos: chainPos, src, node, field: fields };
      }
    }
    return node;
  };

  const term = (): ArgNode | null => {
    const it = nextNonSpace();
    switch (it.t) {
      case T.Identifier:
        if (!hasFunc(it.val)) fail(`function ${quoteGo(it.val)} not defined`);
        return { k: 'identifier', pos: it.pos, src, ident: it.val };
      case T.Dot:
        return { k: 'dot', pos: it.pos, src };
      case T.Nil:
        return { k: 'nil', pos: it.pos, src };
      case T.Variable: {
        const ident = it.val.split('.');
        if (!vars.includes(ident[0])) fail(`undefined variable ${quoteGo(ident[0])}`);
        return { k: 'variable', pos: it.pos, src, ident };
      }
      case T.Field:
        return { k: 'field', pos: it.pos, src, ident: [it.val.slice(1)] };
      case T.Bool:
        return { k: 'bool', pos: it.pos, src, value: it.val === 'true' };
      case T.CharConstant:
      case T.Number: {
        const n = newNumber(it.pos, src, it.val, it.t === T.CharConstant);
        if (typeof n === 'string') return fail(n);
        return n;
      }
      case T.LeftParen:
        return pipeline('parenthesized pipeline', T.RightParen);
      case T.String:
      case T.RawString: {
        let s: string;
        try {
          s = unquote(it.val);
        } catch {
          return fail('invalid syntax');
        }
        return { k: 'string', pos: it.pos, src, quoted: it.val, text: s };
      }
    }
    backup();
    return null;
  };

  const parseDefinition = () => {
    const context = 'define clause';
    const nameTok = nextNonSpace();
    if (nameTok.t !== T.String && nameTok.t !== T.RawString) unexpected(nameTok, context);
    let dname: string;
    try {
      dname = unquote(nameTok.val);
    } catch {
      return fail('invalid syntax');
    }
    expect(T.RightDelim, context);
    const savedVars = vars;
    vars = ['$'];
    const [root, end] = itemList();
    vars = savedVars;
    if (end.k !== 'end') fail(`unexpected ${nodeString(end)} in ${context}`);
    addTree({ name: dname, root, src });
  };

  try {
    const root: ListNode = { k: 'list', pos: 0, src, nodes: [] };
    while (peek().t !== T.EOF) {
      if (peek().t === T.LeftDelim) {
        const delim = next();
        if (nextNonSpace().t === T.Define) {
          parseDefinition();
          continue;
        }
        // back up to the delimiter
        while (items[i - 1] !== delim) i--;
        i--;
      }
      const n = textOrAction();
      if (n.k === 'end' || n.k === 'else') fail(`unexpected ${nodeString(n)}`);
      root.nodes.push(n as Node);
    }
    if (peek().t === T.Error) unexpected(peek(), 'input');
    addTree({ name, root, src });
  } catch (e) {
    if (e instanceof ParseAbort) throw e;
    throw e;
  }
  void SINGLE_QUOTE_RE;
  return treeSet;
}
