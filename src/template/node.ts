/**
 * The parse tree of a Go template, mirroring `text/template/parse/node.go`: every node carries its position
 * (UTF-16 offset into the source text) and its tree, and prints itself exactly as Go's `Node.String()` does
 * (Go quotes that text in execution errors: `executing "x" at <.Values.a.b>`).
 */

import { goQuote } from './lex.js';

/** A parsed template: one file body or one `define`/`block`. */
export interface Tree {
  /** Template name (`define` name, or the file name for a file body). */
  name: string;
  /** Name of the top-level template being parsed (the file), used in error locations. */
  parseName: string;
  /** Full text of the parsed file. */
  text: string;
  root: ListNode;
}

interface Base {
  pos: number;
  tree: Tree;
}

/** A list of nodes. */
export interface ListNode extends Base {
  kind: 'list';
  nodes: Node[];
}
/** Plain text. */
export interface TextNode extends Base {
  kind: 'text';
  text: string;
}
/** `{{pipeline}}`. */
export interface ActionNode extends Base {
  kind: 'action';
  line: number;
  pipe: PipeNode;
}
/** A pipeline with optional declarations. */
export interface PipeNode extends Base {
  kind: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
/** One command of a pipeline. */
export interface CommandNode extends Base {
  kind: 'command';
  args: ArgNode[];
}
/** A function name. */
export interface IdentifierNode extends Base {
  kind: 'identifier';
  ident: string;
}
/** `$x.a.b`. */
export interface VariableNode extends Base {
  kind: 'variable';
  ident: string[];
}
/** `.` */
export interface DotNode extends Base {
  kind: 'dot';
}
/** `nil` */
export interface NilNode extends Base {
  kind: 'nil';
}
/** `.a.b` */
export interface FieldNode extends Base {
  kind: 'field';
  ident: string[];
}
/** `(pipe).a.b` */
export interface ChainNode extends Base {
  kind: 'chain';
  node: ArgNode;
  field: string[];
}
/** `true` / `false` */
export interface BoolNode extends Base {
  kind: 'bool';
  value: boolean;
}
/** A number literal with every interpretation Go allows. */
export interface NumberNode extends Base {
  kind: 'number';
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  text: string;
}
/** A string literal. */
export interface StringNode extends Base {
  kind: 'string';
  quoted: string;
  text: string;
}
/** `{{if}}` / `{{with}}` / `{{range}}`. */
export interface BranchNode extends Base {
  kind: 'if' | 'with' | 'range';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
/** `{{template "name" pipe}}`. */
export interface TemplateNode extends Base {
  kind: 'template';
  line: number;
  name: string;
  pipe: PipeNode | null;
}
/** `{{break}}` / `{{continue}}`. */
export interface LoopControlNode extends Base {
  kind: 'break' | 'continue';
  line: number;
}
/** `{{end}}` / `{{else}}` (parser-internal). */
export interface DelimNode extends Base {
  kind: 'end' | 'else';
  line: number;
}
/** A comment (dropped by the parser unless kept). */
export interface CommentNode extends Base {
  kind: 'comment';
  text: string;
}

/** Operands of a command. */
export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** Any node. */
export type Node =
  | ListNode
  | TextNode
  | ActionNode
  | PipeNode
  | CommandNode
  | ArgNode
  | BranchNode
  | TemplateNode
  | LoopControlNode
  | DelimNode
  | CommentNode;

/** Go's `Node.String()`. */
export function nodeString(n: Node): string {
  switch (n.kind) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(', ');
        s += n.isAssign ? ' = ' : ' := ';
      }
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((i) => `.${i}`).join('');
    case 'chain': {
      const head = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => `.${f}`).join('');
    }
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'with':
    case 'range': {
      let s = `{{${n.kind} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return `${s}{{end}}`;
    }
    case 'template':
      return n.pipe
        ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${goQuote(n.name)}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'comment':
      return `{{${n.text}}}`;
  }
}

/** Go's IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case 'comment':
      return true;
    case 'list':
      for (const c of n.nodes) if (!isEmptyTree(c)) return false;
      return true;
    case 'text':
      return isOnlyGoSpace(n.text);
  }
  return false;
}

function isOnlyGoSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      !(
        c === 0x20 ||
        c === 0x09 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x0b ||
        c === 0x0c ||
        c === 0x85 ||
        c === 0xa0
      )
    )
      return false;
  }
  return true;
}
