/**
 * The lexer of Go's text/template (parse/lex.go), rewritten: the same items, the same trim-marker and
 * comment rules, the same error texts. Hand-written because template syntax is Go's, not a JS format.
 */

/** Item types, as in Go's lexer. */
export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
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
  // keywords
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
  Comment,
}

/** A lexed item: type, text, offset in the source and 1-based line of its start. */
export interface Item {
  t: T;
  val: string;
  pos: number;
  line: number;
}

const KEYWORDS: Record<string, T> = {
  '.': T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

const LEFT = '{{';
const RIGHT = '}}';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isAlphaNumeric(c: string): boolean {
  if (c === '_') return true;
  const code = c.codePointAt(0)!;
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{Nd}]/u.test(c);
}

/** Lexes a whole template into items (ending with EOF or Error). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let insideAction = false;

  const emit = (t: T, val = input.slice(start, pos)) => {
    items.push({ t, val, pos: start, line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    for (let i = start; i < pos; i++) if (input.charCodeAt(i) === 10) line++;
    start = pos;
    startLine = line;
  };
  const advance = (n: number) => {
    for (let i = pos; i < pos + n && i < input.length; i++) if (input.charCodeAt(i) === 10) line++;
    pos += n;
  };
  const errorf = (msg: string): false => {
    items.push({ t: T.Error, val: msg, pos: start, line: startLine });
    return false;
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    if (input[pos] === ' ' || input[pos] === '\t' || input[pos] === '\r' || input[pos] === '\n') {
      if (input[pos + 1] === '-' && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    }
    return { delim: false, trim: false };
  };

  // Returns false when lexing must stop.
  const lexText = (): boolean => {
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      // count lines
      for (let i = start; i < pos; i++) if (input.charCodeAt(i) === 10) line++;
      if (pos > start) {
        items.push({ t: T.Text, val: input.slice(start, pos), pos: start, line: startLine });
      }
      items.push({ t: T.EOF, val: '', pos, line });
      return false;
    }
    let textEnd = x;
    const trimLeft = input[x + 2] === '-' && isSpace(input[x + 3] ?? '');
    if (trimLeft) {
      while (textEnd > start && isGoTrimSpace(input.charCodeAt(textEnd - 1))) textEnd--;
    }
    if (textEnd > start) {
      const val = input.slice(start, textEnd);
      items.push({ t: T.Text, val, pos: start, line: startLine });
    }
    for (let i = start; i < x; i++) if (input.charCodeAt(i) === 10) line++;
    pos = x;
    start = pos;
    startLine = line;
    return lexLeftDelim(trimLeft);
  };

  const lexLeftDelim = (trimLeft: boolean): boolean => {
    pos += LEFT.length;
    if (trimLeft) pos += 2;
    // comment?
    const afterMarker = pos;
    if (input.startsWith('/*', afterMarker)) {
      pos = afterMarker;
      start = pos;
      return lexComment();
    }
    void afterMarker;
    items.push({ t: T.LeftDelim, val: LEFT, pos: start, line: startLine });
    start = pos;
    insideAction = true;
    parenDepth = 0;
    return true;
  };

  const lexComment = (): boolean => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) return errorf('unclosed comment');
    advance(x + 2 - pos);
    const { delim, trim } = atRightDelim();
    if (!delim) return errorf('comment ends before closing delimiter');
    // Go emits the comment item only with the ParseComments mode; skip it.
    if (trim) pos += 2;
    pos += RIGHT.length;
    if (trim) {
      while (pos < input.length && isGoTrimSpace(input.charCodeAt(pos))) advance(1);
    }
    ignore();
    return true;
  };

  const lexRightDelim = (trim: boolean): boolean => {
    if (trim) {
      advance(2); // space and '-'
      ignore();
    }
    pos += RIGHT.length;
    emit(T.RightDelim);
    if (trim) {
      while (pos < input.length && isGoTrimSpace(input.charCodeAt(pos))) advance(1);
      ignore();
    }
    insideAction = false;
    return true;
  };

  const lexInsideAction = (): boolean => {
    const { delim, trim } = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim(trim);
      return errorf('unclosed left paren');
    }
    if (pos >= input.length) return errorf('unclosed action');
    const c = input[pos];
    if (isSpace(c)) {
      while (pos < input.length && isSpace(input[pos])) {
        const r = atRightDelim();
        if (r.delim && r.trim) break;
        advance(1);
      }
      emit(T.Space);
      return true;
    }
    switch (c) {
      case '=':
        pos++;
        emit(T.Assign);
        return true;
      case ':':
        if (input[pos + 1] !== '=') {
          pos++;
          return errorf('expected :=');
        }
        pos += 2;
        emit(T.Declare);
        return true;
      case '|':
        pos++;
        emit(T.Pipe);
        return true;
      case '"':
        return lexQuote();
      case '`':
        return lexRawQuote();
      case '$':
        return lexVariable();
      case "'":
        return lexChar();
      case '.':
        if (pos + 1 < input.length && input[pos + 1] >= '0' && input[pos + 1] <= '9') return lexNumber();
        return lexField();
      case '(':
        pos++;
        emit(T.LeftParen);
        parenDepth++;
        return true;
      case ')':
        pos++;
        parenDepth--;
        if (parenDepth < 0) return errorf('unexpected right paren');
        emit(T.RightParen);
        return true;
    }
    if (c === '+' || c === '-' || (c >= '0' && c <= '9')) return lexNumber();
    if (isAlphaNumeric(c)) return lexIdentifier();
    const cp = input.codePointAt(pos)!;
    if (cp <= 0x7f && cp >= 0x20) {
      pos++;
      emit(T.Char);
      return true;
    }
    pos += cp > 0xffff ? 2 : 1;
    return errorf(
      `bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`,
    );
  };

  const atTerminator = (): boolean => {
    if (pos >= input.length) return true;
    const r = input[pos];
    if (isSpace(r)) return true;
    switch (r) {
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
    }
    return input.startsWith(RIGHT, pos);
  };

  const badChar = (): false => {
    const cp = input.codePointAt(pos)!;
    return errorf(
      `bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`,
    );
  };

  const lexIdentifier = (): boolean => {
    while (pos < input.length && isAlphaNumeric(input[pos])) pos++;
    if (!atTerminator()) return badChar();
    const word = input.slice(start, pos);
    const kw = Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
    if (kw !== undefined && word !== '.') emit(kw);
    else if (word === 'true' || word === 'false') emit(T.Bool);
    else emit(T.Identifier);
    return true;
  };

  const lexFieldOrVariable = (t: T): boolean => {
    if (atTerminator()) {
      emit(t === T.Variable ? T.Variable : T.Dot);
      return true;
    }
    while (pos < input.length && isAlphaNumeric(input[pos])) pos++;
    if (!atTerminator()) return badChar();
    emit(t);
    return true;
  };
  const lexField = (): boolean => {
    pos++;
    return lexFieldOrVariable(T.Field);
  };
  const lexVariable = (): boolean => {
    pos++;
    return lexFieldOrVariable(T.Variable);
  };

  const lexQuote = (): boolean => {
    pos++;
    for (;;) {
      if (pos >= input.length || input[pos] === '\n') return errorf('unterminated quoted string');
      const c = input[pos++];
      if (c === '\\') {
        if (pos >= input.length || input[pos] === '\n') return errorf('unterminated quoted string');
        pos++;
      } else if (c === '"') break;
    }
    emit(T.String);
    return true;
  };
  const lexRawQuote = (): boolean => {
    const x = input.indexOf('`', pos + 1);
    if (x < 0) return errorf('unterminated raw quoted string');
    advance(x + 1 - pos);
    emit(T.RawString);
    return true;
  };
  const lexChar = (): boolean => {
    pos++;
    for (;;) {
      if (pos >= input.length || input[pos] === '\n') return errorf('unterminated character constant');
      const c = input[pos++];
      if (c === '\\') {
        if (pos >= input.length || input[pos] === '\n') return errorf('unterminated character constant');
        pos++;
      } else if (c === "'") break;
    }
    emit(T.CharConstant);
    return true;
  };
  const lexNumber = (): boolean => {
    if (!scanNumber()) return errorf(`bad number syntax: "${input.slice(start, pos)}"`);
    emit(T.Number);
    return true;
  };
  const accept = (valid: string): boolean => {
    if (pos < input.length && valid.includes(input[pos])) {
      pos++;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string) => {
    while (pos < input.length && valid.includes(input[pos])) pos++;
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
    if (pos < input.length && isAlphaNumeric(input[pos])) {
      pos++;
      return false;
    }
    return true;
  };

  for (;;) {
    const ok = insideAction ? lexInsideAction() : lexText();
    if (!ok) break;
  }
  return items;
}

/** Go's unicode.IsSpace, used for trim markers. */
function isGoTrimSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
