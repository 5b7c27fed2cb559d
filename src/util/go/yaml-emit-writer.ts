/**
 * A YAML emitter that writes byte-for-byte what go-yaml's emitter (emitterc.go, a port of libyaml) writes for
 * the documents Helm serialises: block mappings and sequences, empty ones in flow style, and scalars in plain,
 * single-quoted, double-quoted or literal style, with go-yaml's scalar analysis, its line folding at
 * `bestWidth` columns and its indentation rules. yaml.v2 (Helm's `toYaml`) and yaml.v3 (`toYamlPretty`)
 * differ in a few places, selected by {@link EmitterFlavor}.
 *
 * Written by hand on purpose: no JavaScript YAML library reproduces go-yaml's quoting, folding and
 * indentation choices exactly, and `toYaml` output is compared byte for byte with Helm.
 */

/** Which go-yaml emitter to reproduce. */
export interface EmitterFlavor {
  /** yaml.v3 (indented sequences, tabs allowed in block scalars, fixed BOM check) instead of yaml.v2. */
  readonly v3: boolean;
  /** go-yaml's `best_width` (80 for yaml.v2; unlimited for yaml.v3). */
  readonly bestWidth: number;
}

/** Requested scalar style (go-yaml's encoder asks; the emitter may fall back to a quoted style). */
export enum ScalarStyle {
  Plain = 0,
  Single = 1,
  Double = 2,
  Literal = 3,
}

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const BEST_INDENT = 2;

function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** go-yaml's `is_printable` (note: characters outside the BMP are not printable for it). */
function isPrintable(c: number): boolean {
  return (
    c === 10 ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** UTF-8 length of a string (go-yaml measures simple keys in bytes). */
export function utf8Length(s: string): number {
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

function codePoints(s: string): number[] {
  const out: number[] = new Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      out[n++] = s.codePointAt(i)!;
      i++;
    } else out[n++] = c;
  }
  out.length = n;
  return out;
}

const HEX = '0123456789ABCDEF';

/** The emitter state of go-yaml (`yaml_emitter_t`), restricted to what block output needs. */
export class GoYamlWriter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  /** Context of the node being emitted (go-yaml's `*_context` flags). */
  private mappingContext = false;

  /** @param flavor - which go-yaml emitter to reproduce. */
  constructor(private readonly flavor: EmitterFlavor) {}

  /** The document text, ending like go-yaml's document end (a final line break). */
  finish(): string {
    // yaml_emitter_emit_document_end: write_indent at indent -1.
    this.indent = -1;
    this.writeIndent();
    return this.out.join('');
  }

  // ---- low-level output -------------------------------------------------------------------------------

  private put(s: string): void {
    this.out.push(s);
    this.column++;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) {
      this.out.push(' '.repeat(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    ind: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out.push(ind);
    this.column += ind.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // ---- collections ------------------------------------------------------------------------------------

  /** Starts a block sequence (call {@link sequenceItem} per item, then {@link endBlock}). */
  beginSequence(): void {
    if (this.flavor.v3) {
      const original = this.indent;
      this.increaseIndent(false, false);
      if (this.indent > original + BEST_INDENT) this.indent -= BEST_INDENT;
    } else {
      this.increaseIndent(false, this.mappingContext && !this.indention);
    }
  }

  /** Writes the `- ` of the next item; then emit the item with context `sequence`. */
  sequenceItem(): void {
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.mappingContext = false;
  }

  /** Starts a block mapping (call {@link mappingKey} per entry, then {@link endBlock}). */
  beginMapping(): void {
    this.increaseIndent(false, false);
  }

  /**
   * Writes a mapping key (a string, emitted with its requested style) and the `:` indicator; then emit the
   * value with context `mapping`.
   */
  mappingKey(key: string, style: ScalarStyle): void {
    this.writeIndent();
    const a = this.analyze(key);
    if (!a.multiline && utf8Length(key) <= 128) {
      this.scalar(key, style, true, true, a);
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndicator('?', true, false, true);
      this.scalar(key, style, true, false, a);
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.mappingContext = true;
  }

  /** Ends a block mapping or sequence. */
  endBlock(): void {
    this.popIndent();
  }

  /** Writes an empty collection in flow style: `[]` or `{}`. */
  emptyFlow(open: '[' | '{'): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(open === '[' ? ']' : '}', false, false, false);
  }

  /** Marks the next node as the document root. */
  root(): void {
    this.mappingContext = false;
  }

  // ---- scalars ----------------------------------------------------------------------------------------

  /** Emits a scalar value node in the current context. */
  value(text: string, style: ScalarStyle): void {
    this.scalar(text, style, this.mappingContext, false, null);
  }

  private scalar(
    value: string,
    requested: ScalarStyle,
    mapping: boolean,
    simpleKey: boolean,
    analysis: Analysis | null,
  ): void {
    this.mappingContext = mapping;
    const a = analysis ?? this.analyze(value);
    let style = requested;
    if (simpleKey && a.multiline) style = ScalarStyle.Double;
    if (style === ScalarStyle.Plain) {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) {
        style = ScalarStyle.Single;
      }
      if (value.length === 0 && (this.flowLevel > 0 || simpleKey)) style = ScalarStyle.Single;
    }
    if (style === ScalarStyle.Single && !a.singleQuoted) style = ScalarStyle.Double;
    if (style === ScalarStyle.Literal && (!a.block || this.flowLevel > 0 || simpleKey)) {
      style = ScalarStyle.Double;
    }
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case ScalarStyle.Plain:
        this.writePlain(value, allowBreaks);
        break;
      case ScalarStyle.Single:
        this.writeSingle(value, allowBreaks);
        break;
      case ScalarStyle.Double:
        this.writeDouble(value, allowBreaks);
        break;
      case ScalarStyle.Literal:
        this.writeLiteral(value);
        break;
    }
    this.popIndent();
  }

  /** `yaml_emitter_analyze_scalar`. */
  private analyze(value: string): Analysis {
    if (value.length === 0) {
      return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
    }
    let blockIndicators = false;
    let flowIndicators = false;
    let lineBreaks = false;
    let special = false;
    let tabs = false;
    let leadingSpace = false;
    let leadingBreak = false;
    let trailingSpace = false;
    let trailingBreak = false;
    let breakSpace = false;
    let spaceBreak = false;
    let previousSpace = false;
    let previousBreak = false;
    let precededByWhitespace = true;
    if (value.startsWith('---') || value.startsWith('...')) {
      blockIndicators = true;
      flowIndicators = true;
    }
    const n = value.length;
    for (let i = 0; i < n; i++) {
      let c = value.charCodeAt(i);
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        c = value.codePointAt(i)!;
        w = 2;
      }
      const next = i + w < n ? value.charCodeAt(i + w) : -1;
      const followedByWhitespace = next === -1 || next === 32 || next === 9;
      if (i === 0) {
        switch (c) {
          case 35: // #
          case 44: // ,
          case 91: // [
          case 93: // ]
          case 123: // {
          case 125: // }
          case 38: // &
          case 42: // *
          case 33: // !
          case 124: // |
          case 62: // >
          case 39: // '
          case 34: // "
          case 37: // %
          case 64: // @
          case 96: // `
            flowIndicators = true;
            blockIndicators = true;
            break;
          case 63: // ?
          case 58: // :
            flowIndicators = true;
            if (followedByWhitespace) blockIndicators = true;
            break;
          case 45: // -
            if (followedByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
        }
      } else {
        switch (c) {
          case 44:
          case 63:
          case 91:
          case 93:
          case 123:
          case 125:
            flowIndicators = true;
            break;
          case 58:
            flowIndicators = true;
            if (followedByWhitespace) blockIndicators = true;
            break;
          case 35:
            if (precededByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
        }
      }
      if (c === 9 && this.flavor.v3) tabs = true;
      else if (!isPrintable(c)) special = true;
      if (c === 32) {
        if (i === 0) leadingSpace = true;
        if (i + w === n) trailingSpace = true;
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i === 0) leadingBreak = true;
        if (i + w === n) trailingBreak = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = c === 32 || c === 9 || isBreak(c) || c === 0;
      i += w - 1;
    }
    const a: Analysis = {
      multiline: lineBreaks,
      flowPlain: true,
      blockPlain: true,
      singleQuoted: true,
      block: true,
    };
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.flowPlain = false;
      a.blockPlain = false;
    }
    if (trailingSpace) a.block = false;
    if (breakSpace) {
      a.flowPlain = false;
      a.blockPlain = false;
      a.singleQuoted = false;
    }
    if (spaceBreak || tabs || special) {
      a.flowPlain = false;
      a.blockPlain = false;
      a.singleQuoted = false;
    }
    if (spaceBreak || special) a.block = false;
    if (lineBreaks) {
      a.flowPlain = false;
      a.blockPlain = false;
    }
    if (flowIndicators) a.flowPlain = false;
    if (blockIndicators) a.blockPlain = false;
    return a;
  }

  private writeChar(c: number): void {
    this.out.push(String.fromCodePoint(c));
    this.column++;
  }

  /** `write_break`: a `\n` is a line break; another break character is written as is and resets the column. */
  private writeBreakChar(c: number): void {
    if (c === 10) this.putBreak();
    else {
      this.out.push(String.fromCodePoint(c));
      this.column = 0;
    }
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (value.length > 0 && !this.whitespace) this.put(' ');
    const cps = codePoints(value);
    let spaces = false;
    let breaks = false;
    const width = this.flavor.bestWidth;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && cps[i + 1] !== 32) {
          this.writeIndent();
        } else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (value.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cps = codePoints(value);
    let spaces = false;
    let breaks = false;
    const width = this.flavor.bestWidth;
    const last = cps.length - 1;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && i > 0 && i < last && cps[i + 1] !== 32) {
          this.writeIndent();
        } else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 39) this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const cps = codePoints(value);
    // go-yaml's is_bom looks at the start of the value, not at the current character.
    const bomStart = cps[0] === 0xfeff;
    const width = this.flavor.bestWidth;
    const last = cps.length - 1;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (bomStart || !isPrintable(c) || c === 0xfeff || isBreak(c) || c === 34 || c === 92) {
        let esc: string;
        switch (c) {
          case 0x00:
            esc = '0';
            break;
          case 0x07:
            esc = 'a';
            break;
          case 0x08:
            esc = 'b';
            break;
          case 0x09:
            esc = 't';
            break;
          case 0x0a:
            esc = 'n';
            break;
          case 0x0b:
            esc = 'v';
            break;
          case 0x0c:
            esc = 'f';
            break;
          case 0x0d:
            esc = 'r';
            break;
          case 0x1b:
            esc = 'e';
            break;
          case 0x22:
            esc = '"';
            break;
          case 0x5c:
            esc = '\\';
            break;
          case 0x85:
            esc = 'N';
            break;
          case 0xa0:
            esc = '_';
            break;
          case 0x2028:
            esc = 'L';
            break;
          case 0x2029:
            esc = 'P';
            break;
          default: {
            const digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
            esc = c <= 0xff ? 'x' : c <= 0xffff ? 'u' : 'U';
            for (let k = (digits - 1) * 4; k >= 0; k -= 4) esc += HEX[(c >> k) & 0xf];
          }
        }
        this.out.push('\\', esc);
        this.column += 1 + esc.length;
        spaces = false;
      } else if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && i > 0 && i < last) {
          this.writeIndent();
          if (cps[i + 1] === 32) this.put('\\');
        } else this.writeChar(c);
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const cps = codePoints(value);
    // yaml_emitter_write_block_scalar_hints
    if (cps.length > 0 && (cps[0] === 32 || isBreak(cps[0]))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    let chomp = '';
    if (cps.length === 0) chomp = '-';
    else {
      const n = cps.length;
      if (!isBreak(cps[n - 1])) chomp = '-';
      else if (n === 1) chomp = '+';
      else if (isBreak(cps[n - 2])) chomp = '+';
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}
