/**
 * Lexer for Go's text/template, a state machine emitting items, following Go's `text/template/parse/lex.go`
 * rule for rule (written by hand: positions, trim markers and error wording must match Go exactly).
 * Positions are UTF-16 offsets into the template text; error messages convert them to Go's byte columns.
 */
import { isPrint } from '../util/go/strconv.js';

/** Kinds of lexed items. */
export enum ItemType {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords (after this marker).
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

/** One lexed item. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  __proto__: null as unknown as ItemType,
  '.': ItemType.Dot,
  block: ItemType.Block,
  break: ItemType.Break,
  continue: ItemType.Continue,
  define: ItemType.Define,
  else: ItemType.Else,
  end: ItemType.End,
  if: ItemType.If,
  range: ItemType.Range,
  nil: ItemType.Nil,
  template: ItemType.Template,
  with: ItemType.With,
};

/** Go's `item.String()`, used in "unexpected X in Y" parse errors. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  if ([...i.val].length > 10) return `${goQuotePrefix(i.val, 10)}...`;
  return goQuote(i.val);
}

/** `%q` of a string (Go's strconv.Quote, enough for token text). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRuneBody(ch.codePointAt(0)!);
  return `${out}"`;
}

function goQuotePrefix(s: string, n: number): string {
  let out = '"';
  let k = 0;
  for (const ch of s) {
    if (k++ >= n) break;
    out += quoteRuneBody(ch.codePointAt(0)!);
  }
  return `${out}"`;
}

function quoteRuneBody(r: number): string {
  switch (r) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, '0')}`;
  if (r >= 0xd800 && r <= 0xdfff) return '\\ufffd';
  return String.fromCodePoint(r);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** Go's unicode.IsLetter || '_' || unicode.IsDigit. */
export function isAlphaNumeric(c: number): boolean {
  if (c === 0x5f) return true;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(c));
}

const EOF = -1;

/** Lexes the whole text into items (the parser reads them in order). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  const n = input.length;

  const emit = (typ: ItemType): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    for (let i = start; i < pos; i++) if (input.charCodeAt(i) === 10) line++;
    start = pos;
    startLine = line;
  };
  const errorf = (msg: string): false => {
    items.push({ typ: ItemType.Error, pos: start, val: msg, line: startLine });
    return false;
  };
  const next = (): number => {
    if (pos >= n) {
      pos = n + 1; // so that backup is symmetric
      return EOF;
    }
    const c = input.codePointAt(pos)!;
    pos += c > 0xffff ? 2 : 1;
    if (c === 10) line++;
    return c;
  };
  const backupOne = (c: number): void => {
    if (c === EOF) {
      pos = n;
      return;
    }
    pos -= c > 0xffff ? 2 : 1;
    if (c === 10) line--;
  };
  const peek = (): number => (pos >= n ? EOF : input.codePointAt(pos)!);
  const hasLeftTrim = (p: number): boolean =>
    input.charCodeAt(p) === 0x2d && isSpace(input.charCodeAt(p + 1));
  const atRightDelim = (): 0 | 1 | 2 => {
    if (
      isSpace(input.charCodeAt(pos)) &&
      input.charCodeAt(pos + 1) === 0x2d &&
      input.startsWith('}}', pos + 2)
    )
      return 2;
    if (input.startsWith('}}', pos)) return 1;
    return 0;
  };
  const leftTrimLength = (p: number): number => {
    let i = p;
    while (i < n && isSpace(input.charCodeAt(i))) i++;
    return i - p;
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === EOF || isSpace(r)) return true;
    switch (r) {
      case 0x2e:
      case 0x2c:
      case 0x7c:
      case 0x3a:
      case 0x29:
      case 0x28:
        return true;
    }
    return input.startsWith('}}', pos);
  };

  // Returns false when lexing must stop (error or EOF).
  const lexText = (): boolean => {
    const x = input.indexOf('{{', pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trim = 0;
        if (hasLeftTrim(pos + 2)) {
          let i = pos;
          while (i > start && isSpace(input.charCodeAt(i - 1))) i--;
          trim = pos - i;
        }
        pos -= trim;
        const val = input.slice(start, pos);
        const item: Item = { typ: ItemType.Text, pos: start, val, line: startLine };
        for (let i = start; i < pos; i++) if (input.charCodeAt(i) === 10) line++;
        start = pos;
        startLine = line;
        pos += trim;
        ignore();
        if (val.length > 0) items.push(item);
      }
      return lexLeftDelim();
    }
    pos = n;
    if (pos > start) {
      const item: Item = { typ: ItemType.Text, pos: start, val: input.slice(start, pos), line: startLine };
      ignore();
      items.push(item);
    }
    items.push({ typ: ItemType.EOF, pos, val: '', line });
    return false;
  };

  const lexLeftDelim = (): boolean => {
    pos += 2;
    const trim = hasLeftTrim(pos);
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      ignore();
      return lexComment();
    }
    items.push({ typ: ItemType.LeftDelim, pos: start, val: '{{', line: startLine });
    pos += after;
    ignore();
    parenDepth = 0;
    return lexInsideAction();
  };

  const lexComment = (): boolean => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) return errorf('unclosed comment');
    pos = x + 2;
    const d = atRightDelim();
    if (d === 0) return errorf('comment ends before closing delimiter');
    if (d === 2) pos += 2;
    pos += 2;
    if (d === 2) pos += leftTrimLength(pos);
    ignore();
    return lexText();
  };

  const lexRightDelim = (): boolean => {
    const d = atRightDelim();
    if (d === 2) {
      pos += 2;
      ignore();
    }
    pos += 2;
    items.push({ typ: ItemType.RightDelim, pos: start, val: '}}', line: startLine });
    start = pos;
    startLine = line;
    if (d === 2) {
      pos += leftTrimLength(pos);
      ignore();
    }
    return lexText();
  };

  const lexInsideAction = (): boolean => {
    for (;;) {
      if (atRightDelim() !== 0) {
        if (parenDepth === 0) return lexRightDelim();
        return errorf('unclosed left paren');
      }
      const r = next();
      if (r === EOF) return errorf('unclosed action');
      if (isSpace(r)) {
        backupOne(r);
        // lexSpace
        let num = 0;
        while (isSpace(peek())) {
          next();
          num++;
        }
        if (
          isSpace(input.charCodeAt(pos - 1)) &&
          input.charCodeAt(pos) === 0x2d &&
          input.startsWith('}}', pos + 1)
        ) {
          backupOne(input.charCodeAt(pos - 1));
          if (num === 1) return lexRightDelim();
        }
        emit(ItemType.Space);
        continue;
      }
      switch (r) {
        case 0x3d: // =
          emit(ItemType.Assign);
          continue;
        case 0x3a: // :
          if (next() !== 0x3d) return errorf('expected :=');
          emit(ItemType.Declare);
          continue;
        case 0x7c:
          emit(ItemType.Pipe);
          continue;
        case 0x22:
          if (!lexQuote()) return false;
          continue;
        case 0x60:
          if (!lexRawQuote()) return false;
          continue;
        case 0x24:
          if (!lexFieldOrVariable(ItemType.Variable)) return false;
          continue;
        case 0x27:
          if (!lexChar()) return false;
          continue;
        case 0x28:
          parenDepth++;
          emit(ItemType.LeftParen);
          continue;
        case 0x29:
          parenDepth--;
          if (parenDepth < 0) return errorf('unexpected right paren');
          emit(ItemType.RightParen);
          continue;
      }
      if (r === 0x2e) {
        const c = input.charCodeAt(pos);
        if (pos < n && (c < 0x30 || c > 0x39)) {
          if (!lexFieldOrVariable(ItemType.Field)) return false;
          continue;
        }
      }
      if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
        backupOne(r);
        if (!lexNumber()) return false;
        continue;
      }
      if (isAlphaNumeric(r)) {
        backupOne(r);
        if (!lexIdentifier()) return false;
        continue;
      }
      if (r < 0x7f && r >= 0x20) {
        emit(ItemType.Char);
        continue;
      }
      return errorf(`unrecognized character in action: ${goRuneU(r)}`);
    }
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backupOne(r);
      if (!atTerminator()) return errorf(`bad character ${goRuneU(r)}`);
      const word = input.slice(start, pos);
      const kw = KEYWORDS[word];
      if (kw !== undefined && kw > ItemType.Keyword) emit(kw);
      else if (word[0] === '.') emit(ItemType.Field);
      else if (word === 'true' || word === 'false') emit(ItemType.Bool);
      else emit(ItemType.Identifier);
      return true;
    }
  };

  const lexFieldOrVariable = (typ: ItemType): boolean => {
    if (atTerminator()) {
      emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
      return true;
    }
    let r: number;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backupOne(r);
        break;
      }
    }
    if (!atTerminator()) return errorf(`bad character ${goRuneU(r)}`);
    emit(typ);
    return true;
  };

  const lexChar = (): boolean => {
    for (;;) {
      const r = next();
      if (r === 0x5c) {
        const r2 = next();
        if (r2 !== EOF && r2 !== 10) continue;
        return errorf('unterminated character constant');
      }
      if (r === EOF || r === 10) return errorf('unterminated character constant');
      if (r === 0x27) break;
    }
    emit(ItemType.CharConstant);
    return true;
  };

  const accept = (valid: string): boolean => {
    const r = next();
    if (r !== EOF && valid.indexOf(String.fromCharCode(r)) >= 0) return true;
    backupOne(r);
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const r = next();
      if (r !== EOF && r < 0x80 && valid.indexOf(String.fromCharCode(r)) >= 0) continue;
      backupOne(r);
      return;
    }
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };
  const lexNumber = (): boolean => {
    if (!scanNumber()) return errorf(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === 0x2b || sign === 0x2d) {
      // complex: 1+2i
      if (!scanNumber() || input.charCodeAt(pos - 1) !== 0x69)
        return errorf(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      emit(ItemType.Complex);
    } else emit(ItemType.Number);
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      const r = next();
      if (r === 0x5c) {
        const r2 = next();
        if (r2 !== EOF && r2 !== 10) continue;
        return errorf('unterminated quoted string');
      }
      if (r === EOF || r === 10) return errorf('unterminated quoted string');
      if (r === 0x22) break;
    }
    emit(ItemType.String);
    return true;
  };
  const lexRawQuote = (): boolean => {
    const x = input.indexOf('`', pos);
    if (x < 0) return errorf('unterminated raw quoted string');
    for (let i = pos; i < x; i++) if (input.charCodeAt(i) === 10) line++;
    pos = x + 1;
    // The item's line is where it starts; lines inside advance the lexer.
    items.push({ typ: ItemType.RawString, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
    return true;
  };

  lexText();
  return items;
}

/** Go's `%#U` of a rune: `U+0041 'A'`. */
export function goRuneU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  if (isPrint(r)) return `U+${hex} '${String.fromCodePoint(r)}'`;
  return `U+${hex}`;
}
