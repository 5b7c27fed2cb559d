/**
 * Parser for Go's text/template, following `text/template/parse/parse.go` (recursive descent with Go's
 * three-token look-ahead, variable scoping and error messages). Written by hand because Helm users see
 * Go's parse errors verbatim.
 */
import {
  parseFloat as goParseFloat,
  parseInt as goParseInt,
  parseUint as goParseUint,
  type UnquotedChar,
  unquote,
  unquoteChar,
} from '../util/go/strconv.js';
import { TemplateParseError } from './errors.js';
import { type Item, ItemType, itemString, lex } from './lex.js';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  DelimNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  Tree,
  VariableNode,
} from './node.js';
import { isEmptyTree, nodeString } from './node.js';

/** Result of parsing one text: the file tree and every `define`/`block` in it, by name. */
export type TreeSet = Map<string, Tree>;

/**
 * Parses `text` as template `name` (Go's `parse.Parse`). `hasFunction` tells whether a function name is
 * defined (Go checks function names at parse time). Throws {@link TemplateParseError}.
 */
export function parseTemplate(name: string, text: string, hasFunction: (name: string) => boolean): TreeSet {
  const items = lex(text);
  const treeSet: TreeSet = new Map();
  const p = new Parser(items, text, name, hasFunction, treeSet);
  const tree = p.newTree(name);
  p.parseTop(tree);
  p.add(tree);
  return treeSet;
}

class Parser {
  private idx = 0;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private tree!: Tree;

  constructor(
    private readonly items: Item[],
    private readonly text: string,
    private readonly parseName: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: TreeSet,
  ) {
    this.token = [items[0], items[0], items[0]];
  }

  newTree(name: string): Tree {
    return {
      name,
      parseName: this.parseName,
      text: this.text,
      root: null as unknown as ListNode,
    };
  }

  private lexNext(): Item {
    const it = this.items[this.idx];
    if (this.idx < this.items.length - 1) this.idx++;
    return it;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount];
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let t: Item;
    for (;;) {
      t = this.next();
      if (t.typ !== ItemType.Space) break;
    }
    return t;
  }
  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new TemplateParseError(this.parseName, this.token[0].line, msg);
  }
  private expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }
  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== e1 && t.typ !== e2) this.unexpected(t, context);
    return t;
  }
  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  add(tree: Tree): void {
    const existing = this.treeSet.get(tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.errorf(`template: multiple definition of template "${tree.name}"`);
  }

  parseTop(tree: Tree): void {
    this.tree = tree;
    tree.root = this.newList(this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const saved = this.tree;
          const savedVars = this.vars;
          const newT = this.newTree('definition');
          this.tree = newT;
          this.vars = ['$'];
          this.parseDefinition(newT);
          this.tree = saved;
          this.vars = savedVars;
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      if (n.kind !== 'comment') tree.root.nodes.push(n);
    }
  }

  private parseDefinition(t: Tree): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    t.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    t.root = list;
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(t);
  }

  private unquote(s: string): string {
    try {
      return unquote(s);
    } catch {
      return this.errorf('invalid syntax');
    }
  }

  private newList(pos: number): ListNode {
    return { kind: 'list', pos, tree: this.tree, nodes: [] };
  }

  private itemList(): [ListNode, DelimNode] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      if (n.kind !== 'comment') list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return { kind: 'text', pos: token.pos, tree: this.tree, text: token.val };
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case ItemType.Comment:
        return { kind: 'comment', pos: token.pos, tree: this.tree, text: token.val };
    }
    return this.unexpected(token, 'input');
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
      case ItemType.Continue:
        return this.loopControl(token);
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return { kind: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos, tree: this.tree, line: 0 };
      case ItemType.If:
        return this.parseControl('if');
      case ItemType.Range:
        return this.parseControl('range');
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.parseControl('with');
    }
    this.backup();
    const tok = this.peek();
    const pipe = this.pipeline('command', ItemType.RightDelim);
    return { kind: 'action', pos: tok.pos, tree: this.tree, line: tok.line, pipe };
  }

  private loopControl(token: Item): Node {
    const word = token.typ === ItemType.Break ? 'break' : 'continue';
    const t = this.nextNonSpace();
    if (t.typ !== ItemType.RightDelim) this.unexpected(t, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { kind: word, pos: token.pos, tree: this.tree, line: token.line };
  }

  private parseControl(context: 'if' | 'with' | 'range'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.kind === 'else') {
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.parseControl('if'));
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.parseControl('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.kind !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { kind: context, pos: pipe.pos, tree: this.tree, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): DelimNode {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With)
      return { kind: 'else', pos: peek.pos, tree: this.tree, line: peek.line };
    const token = this.expect(ItemType.RightDelim, 'else');
    return { kind: 'else', pos: token.pos, tree: this.tree, line: token.line };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    return this.unexpected(token, context);
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return { kind: 'template', pos: token.pos, tree: this.tree, line: token.line, name, pipe };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const saved = this.tree;
    const savedVars = this.vars;
    const block = this.newTree(name);
    this.tree = block;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    block.root = list;
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(block);
    this.tree = saved;
    this.vars = savedVars;
    return { kind: 'template', pos: token.pos, tree: this.tree, line: token.line, name, pipe };
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { kind: 'variable', pos, tree: this.tree, ident: name.split('.') };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = {
      kind: 'pipe',
      pos: token.pos,
      tree: this.tree,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== ItemType.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
        pipe.isAssign = next.typ === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === ItemType.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const pt = this.peekNonSpace().typ;
          if (pt === ItemType.Variable || pt === ItemType.RightDelim || pt === ItemType.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === ItemType.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].kind) {
        case 'bool':
        case 'dot':
        case 'nil':
        case 'number':
        case 'string':
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, tree: this.tree, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().typ === ItemType.Field) {
      const pos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === ItemType.Field) fields.push(this.next().val.slice(1));
      switch (node.kind) {
        case 'field':
          return { kind: 'field', pos, tree: this.tree, ident: [...node.ident, ...fields] };
        case 'variable':
          return { kind: 'variable', pos, tree: this.tree, ident: [...node.ident, ...fields] };
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${goQuoteStr(nodeString(node))}`);
      }
      return { kind: 'chain', pos, tree: this.tree, node, field: fields };
    }
    return node;
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${goQuoteStr(token.val)} not defined`);
        return { kind: 'identifier', pos: token.pos, tree: this.tree, ident: token.val };
      case ItemType.Dot:
        return { kind: 'dot', pos: token.pos, tree: this.tree };
      case ItemType.Nil:
        return { kind: 'nil', pos: token.pos, tree: this.tree };
      case ItemType.Variable: {
        const v = this.newVariable(token.pos, token.val);
        if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuoteStr(v.ident[0])}`);
        return v;
      }
      case ItemType.Field:
        return { kind: 'field', pos: token.pos, tree: this.tree, ident: [token.val.slice(1)] };
      case ItemType.Bool:
        return { kind: 'bool', pos: token.pos, tree: this.tree, value: token.val === 'true' };
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.newNumber(token);
      case ItemType.LeftParen:
        return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String:
      case ItemType.RawString:
        return {
          kind: 'string',
          pos: token.pos,
          tree: this.tree,
          quoted: token.val,
          text: this.unquote(token.val),
        };
    }
    this.backup();
    return null;
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const n: NumberNode = {
      kind: 'number',
      pos: token.pos,
      tree: this.tree,
      isInt: false,
      isUint: false,
      isFloat: false,
      isComplex: false,
      int64: 0n,
      uint64: 0n,
      float64: 0,
      text,
    };
    if (token.typ === ItemType.CharConstant) {
      // Go: strconv.UnquoteChar's error (invalid syntax) first, then a malformed tail.
      let ch: UnquotedChar;
      try {
        ch = unquoteChar(text.slice(1), text[0]);
      } catch {
        return this.errorf('invalid syntax');
      }
      if (ch.tail !== "'") return this.errorf(`malformed character constant: ${text}`);
      const r = ch.value;
      n.int64 = BigInt(r);
      n.isInt = true;
      n.uint64 = BigInt(r);
      n.isUint = true;
      n.float64 = r;
      n.isFloat = true;
      return n;
    }
    if (token.typ === ItemType.Complex) {
      // Complex constants are accepted by Go's parser; helmkit has no complex values.
      n.isComplex = true;
      return n;
    }
    if (text.length > 0 && text[text.length - 1] === 'i') {
      n.isComplex = true;
      return n;
    }
    try {
      n.uint64 = goParseUint(text, 0, 64);
      n.isUint = true;
    } catch {}
    try {
      n.int64 = goParseInt(text, 0, 64);
      n.isInt = true;
      if (n.int64 === 0n) {
        n.isUint = true;
        n.uint64 = 0n;
      }
    } catch {}
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      let f: number | undefined;
      try {
        f = goParseFloat(text, 64);
      } catch {}
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuoteStr(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (!n.isInt && Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (!n.isUint && Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuoteStr(text)}`);
    return n;
  }
}

function goQuoteStr(s: string): string {
  return JSON.stringify(s);
}
