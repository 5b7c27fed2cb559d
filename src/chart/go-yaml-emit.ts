/**
 * A YAML writer that prints like Go's gopkg.in/yaml.v2 `Marshal` (the libyaml emitter port): keys sorted with
 * yaml.v2's natural order, sequences not indented under their key, plain/single/double-quoted/literal scalar
 * styles chosen by libyaml's analysis, and long scalars folded at spaces past column 80. Hand-written because
 * `helm show chart` output must match byte for byte; it covers the value shapes of chart metadata (strings,
 * numbers, booleans, null, lists, string-keyed maps).
 */

/** A value the emitter prints. Maps are plain objects with string keys. */
export type EmitValue =
  | null
  | string
  | boolean
  | bigint
  | number
  | EmitValue[]
  | { [key: string]: EmitValue };

const BEST_WIDTH = 80;

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}
function isDigit(c: string): boolean {
  return /\p{Nd}/u.test(c);
}

/** yaml.v2's `keyList.Less` for string keys: letters before non-letters, digit runs compared numerically. */
export function yamlV2KeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

// --- yaml.v2 resolve(): would this text, unquoted, read back as something other than a string? -----------

const RESOLVE_SPECIAL = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/;
const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{1,2}(:\d{2})?)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}:\d{2}(\.\d+)?[ \t]*(Z|[+-]\d{1,2}(:\d{2})?)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}:\d{2}(\.\d+)?$/,
  /^\d{4}-\d{2}-\d{2}$/,
];

function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  if (RESOLVE_SPECIAL.has(s)) return true;
  const c = s[0];
  if (!'+-.0123456789'.includes(c)) return false;
  const plain = s.replaceAll('_', '');
  if (GO_INT.test(plain)) return true;
  if (YAML_FLOAT.test(plain)) return true;
  if (/^-0[bB][01]+$/.test(plain)) return true;
  if (/^[0-9]/.test(s) && TIMESTAMP.some((re) => re.test(s))) return true;
  return false;
}

/** yaml.v2's isBase60Float: `1:20` style sexagesimal numbers are quoted. */
function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

// --- libyaml character classes -------------------------------------------------------------------------

function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isBlankz(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || c === 0 || isBreak(c);
}

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  blockAllowed: boolean;
}

function analyze(value: string): Analysis {
  const cps = Array.from(value, (ch) => ch.codePointAt(0)!);
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;
  let precededByWs = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const followedByWs = isBlankz(cps[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWs) blockIndicators = true;
      if (ch === '-' && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlankz(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlain: true, singleQuoted: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (spaceBreak || special) {
    a.blockPlain = false;
    a.singleQuoted = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

class Writer {
  out = '';
  column = 0;
  /** True when the last thing written was a literal block (already ended with a newline). */
  pendingNewline = false;

  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? Array.from(s.slice(nl + 1)).length : this.column + Array.from(s).length;
  }

  indent(n: number): void {
    this.write(`\n${' '.repeat(n)}`);
  }
}

function escapeDouble(c: number): string {
  switch (c) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
  }
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writePlain(w: Writer, value: string, indent: number, allowBreaks: boolean): void {
  const chars = Array.from(value);
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && chars[i + 1] !== ' ') w.indent(indent);
      else w.write(ch);
      spaces = true;
    } else {
      w.write(ch);
      spaces = false;
    }
  }
}

function writeSingle(w: Writer, value: string, indent: number, allowBreaks: boolean): void {
  const chars = Array.from(value);
  w.write("'");
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      if (
        allowBreaks &&
        !spaces &&
        w.column > BEST_WIDTH &&
        i > 0 &&
        i < chars.length - 1 &&
        chars[i + 1] !== ' '
      ) {
        w.indent(indent);
      } else w.write(ch);
      spaces = true;
    } else {
      w.write(ch === "'" ? "''" : ch);
      spaces = false;
    }
  }
  w.write("'");
}

function writeDouble(w: Writer, value: string, indent: number, allowBreaks: boolean): void {
  const chars = Array.from(value);
  w.write('"');
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const c = ch.codePointAt(0)!;
    if (!isPrintable(c) || c === 0xfeff || isBreak(c) || ch === '"' || ch === '\\') {
      w.write(escapeDouble(c));
      spaces = false;
    } else if (ch === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.indent(indent);
        if (chars[i + 1] === ' ') w.write('\\');
      } else w.write(ch);
      spaces = true;
    } else {
      w.write(ch);
      spaces = false;
    }
  }
  w.write('"');
}

function writeLiteral(w: Writer, value: string, indent: number): void {
  let hints = '';
  const first = value.codePointAt(0)!;
  if (first === 0x20 || isBreak(first)) hints += '2';
  const chars = Array.from(value);
  const last = chars[chars.length - 1].codePointAt(0)!;
  if (!isBreak(last)) hints += '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2].codePointAt(0)!)) hints += '+';
  w.write(`|${hints}`);
  w.write('\n');
  let atLineStart = true;
  for (const ch of chars) {
    const c = ch.codePointAt(0)!;
    if (isBreak(c)) {
      w.write(ch === '\r' ? '\r' : '\n');
      atLineStart = true;
    } else {
      if (atLineStart) {
        w.write(' '.repeat(indent));
        atLineStart = false;
      }
      w.write(ch);
    }
  }
  if (!atLineStart) w.write('\n');
  w.column = 0;
  w.pendingNewline = true;
}

function scalarText(v: null | boolean | bigint | number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (Number.isNaN(v)) return '.nan';
  if (v === Number.POSITIVE_INFINITY) return '.inf';
  if (v === Number.NEGATIVE_INFINITY) return '-.inf';
  return goFloat64(v);
}

/** strconv.FormatFloat(v, 'g', -1, 64). */
function goFloat64(v: number): string {
  if (Object.is(v, -0)) return '-0';
  const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
  let s = String(v);
  const useExp = exp < -4 || exp >= 21 || /e/.test(s);
  if (!useExp) return s;
  s = v.toExponential();
  const [m, e] = s.split('e');
  const sign = e[0] === '-' ? '-' : '+';
  const digits = e.replace(/^[+-]/, '');
  return `${m}e${sign}${digits.padStart(2, '0')}`;
}

function writeString(w: Writer, s: string, indent: number, isKey: boolean): void {
  const canPlain = !resolvesToNonString(s) && !isBase60Float(s);
  let style: 'plain' | 'single' | 'double' | 'literal' = s.includes('\n')
    ? 'literal'
    : canPlain
      ? 'plain'
      : 'double';
  const a = analyze(s);
  if (style === 'plain') {
    if (!a.blockPlain) style = 'single';
    if (s.length === 0 && isKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double';
  const allowBreaks = !isKey;
  switch (style) {
    case 'plain':
      writePlain(w, s, indent, allowBreaks);
      break;
    case 'single':
      writeSingle(w, s, indent, allowBreaks);
      break;
    case 'double':
      writeDouble(w, s, indent, allowBreaks);
      break;
    case 'literal':
      writeLiteral(w, s, indent);
      break;
  }
}

function isMapValue(v: EmitValue): v is { [key: string]: EmitValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function writeScalar(w: Writer, v: EmitValue, indent: number): void {
  if (typeof v === 'string') writeString(w, v, indent, false);
  else w.write(scalarText(v as null | boolean | bigint | number));
}

function newline(w: Writer, indent: number): void {
  if (w.pendingNewline) {
    w.write(' '.repeat(indent));
    w.pendingNewline = false;
  } else w.indent(indent);
}

function writeMap(w: Writer, m: { [key: string]: EmitValue }, indent: number, inlineFirst: boolean): void {
  const keys = Object.keys(m).sort((a, b) => (yamlV2KeyLess(a, b) ? -1 : yamlV2KeyLess(b, a) ? 1 : 0));
  keys.forEach((k, i) => {
    if (i > 0 || !inlineFirst) newline(w, indent);
    writeString(w, k, indent, true);
    w.write(':');
    writeChild(w, m[k], indent, true);
  });
}

function writeSeq(w: Writer, s: EmitValue[], indent: number, inlineFirst: boolean): void {
  s.forEach((item, i) => {
    if (i > 0 || !inlineFirst) newline(w, indent);
    w.write('-');
    writeChild(w, item, indent, false);
  });
}

function writeChild(w: Writer, v: EmitValue, indent: number, inMap: boolean): void {
  if (Array.isArray(v)) {
    if (v.length === 0) {
      w.write(' []');
      return;
    }
    if (inMap) writeSeq(w, v, indent, false);
    else {
      w.write(' ');
      writeSeq(w, v, indent + 2, true);
    }
    return;
  }
  if (isMapValue(v)) {
    if (Object.keys(v).length === 0) {
      w.write(' {}');
      return;
    }
    if (inMap) writeMap(w, v, indent + 2, false);
    else {
      w.write(' ');
      writeMap(w, v, indent + 2, true);
    }
    return;
  }
  w.write(' ');
  writeScalar(w, v, indent + 2);
}

/** Marshals a value as Go's yaml.v2 does (document text, ending with a newline). */
export function marshalYamlV2(v: EmitValue): string {
  const w = new Writer();
  if (isMapValue(v)) {
    if (Object.keys(v).length === 0) return '{}\n';
    writeMap(w, v, 0, true);
  } else if (Array.isArray(v)) {
    if (v.length === 0) return '[]\n';
    writeSeq(w, v, 0, true);
  } else writeScalar(w, v, 0);
  return w.pendingNewline ? w.out : `${w.out}\n`;
}
