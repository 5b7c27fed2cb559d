/**
 * Go's `fmt` package for template values: `Sprint`, `Sprintln`, `Sprintf` and the `%v` printing that
 * text/template uses for `{{ value }}`.
 *
 * Hand-written to follow Go's fmt/print.go and fmt/format.go verb by verb, because Helm output depends on
 * Go's exact rules: `map[a:1 b:2]` with sorted keys, `%!d(string=hi)` for a wrong verb, spaces in `Sprint`
 * only between two non-string operands, float64 printed with the shortest `%g` (`1e+06`), padding counted
 * in runes, and so on.
 */
import {
  canBackquote,
  formatFloat,
  isPrint,
  quote,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
  utf8Bytes,
} from './strconv.js';
import { runeCount } from './strings.js';
import {
  type GoFunc,
  GoNumber,
  GoStruct,
  type GoValue,
  isFunc,
  isMap,
  sortedKeys,
  typeName,
} from './value.js';

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';
const MAX_RUNE = 0x10ffff;

interface Flags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  prec: number;
}

/** Type name of an element stored in a slice: a tagged `[]string` has `string` elements, etc. */
function elemTypeOf(container: GoValue[]): string | undefined {
  const t = typeName(container);
  return t.startsWith('[]') ? t.slice(2) : undefined;
}

function mapValueType(m: object): string {
  const t = typeName(m as GoValue);
  const i = t.indexOf(']');
  return t.startsWith('map[') && i > 0 ? t.slice(i + 1) : 'interface {}';
}

/** A printer: Go's `pp` plus its `fmt`. */
class Printer {
  buf = '';
  f: Flags = {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    prec: 0,
  };
  /** The current operand for badVerb (Go's p.arg / p.value). */
  arg: GoValue = undefined;
  argNil = true;
  erroring = false;
  reordered = false;
  goodArgNum = true;

  clearFlags(): void {
    const f = this.f;
    f.widPresent = f.precPresent = f.minus = f.plus = f.sharp = f.space = f.zero = f.plusV = f.sharpV = false;
    f.wid = 0;
    f.prec = 0;
  }

  // --- padding ---------------------------------------------------------------------------------------

  writePadding(n: number): void {
    if (n <= 0) return;
    // Zero padding is allowed only to the left.
    this.buf += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = f.wid - runeCount(s);
    if (!f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  // --- basic formatters (format.go) ------------------------------------------------------------------

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  fmtUnicode(u: bigint): void {
    const f = this.f;
    u = BigInt.asUintN(64, u);
    let prec = 4;
    if (f.precPresent && f.prec > 4) prec = f.prec;
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = `U+${hex}`;
    if (f.sharp && u <= BigInt(MAX_RUNE) && u >= 0n && isPrint(Number(u))) {
      s += ` '${String.fromCodePoint(Number(u))}'`;
    }
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  /** fmtInteger: u is the value as an unsigned 64-bit pattern when isSigned is false, else signed. */
  fmtInteger(v: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const f = this.f;
    const negative = isSigned && v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let s: string;
    if (u === 0n) s = '0';
    else {
      s = '';
      const b = BigInt(base);
      while (u > 0n) {
        s = digits[Number(u % b)] + s;
        u /= b;
      }
    }
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = `0b${s}`;
      else if (base === 8) {
        if (s[0] !== '0') s = `0${s}`;
      } else if (base === 16) s = `0${digits[16]}${s}`;
    }
    if (verb === 'O') s = `0o${s}`;
    if (negative) s = `-${s}`;
    else if (f.plus) s = `+${s}`;
    else if (f.space) s = ` ${s}`;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  truncate(s: string): string {
    const f = this.f;
    if (f.precPresent) {
      let n = f.prec;
      for (let i = 0; i < s.length; i++) {
        n--;
        if (n < 0) return s.slice(0, i);
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) i++;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  fmtSbx(bytes: Uint8Array, digits: string): void {
    const f = this.f;
    let length = bytes.length;
    if (f.precPresent && f.prec < length) length = f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) width += 2;
    } else {
      if (f.widPresent) this.writePadding(f.wid);
      return;
    }
    if (f.widPresent && f.wid > width && !f.minus) this.writePadding(f.wid - width);
    let out = '';
    if (f.sharp) out += `0${digits[16]}`;
    for (let i = 0; i < length; i++) {
      if (f.space && i > 0) {
        out += ' ';
        if (f.sharp) out += `0${digits[16]}`;
      }
      const c = bytes[i];
      out += digits[c >> 4] + digits[c & 15];
    }
    this.buf += out;
    if (f.widPresent && f.wid > width && f.minus) this.writePadding(f.wid - width);
  }

  fmtQ(s: string): void {
    const f = this.f;
    s = this.truncate(s);
    if (f.sharp && canBackquote(s)) {
      this.pad(`\`${s}\``);
      return;
    }
    this.pad(f.plus ? quoteToASCII(s) : quote(s));
  }

  fmtC(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) || c < 0n ? 0xfffd : Number(c);
    this.pad(String.fromCodePoint(r >= 0xd800 && r <= 0xdfff ? 0xfffd : r));
  }

  fmtQc(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) || c < 0n ? 0xfffd : Number(c);
    this.pad(this.f.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  fmtFloatRaw(v: number, size: 32 | 64, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb as 'g', prec, size);
    if (num[0] === '-' || num[0] === '+') {
      // keep
    } else num = `+${num}`;
    if (f.space && num[0] === '+' && !f.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i];
        if (c === '.') hasDecimalPoint = true;
        else if (c === 'p' || c === 'P') {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else if ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X') {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      if (digits > 0) num += '0'.repeat(digits);
      num += tail;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // --- print.go ------------------------------------------------------------------------------------

  badVerb(verb: string): void {
    this.erroring = true;
    this.buf += `%!${verb}(`;
    if (!this.argNil) {
      this.buf += typeName(this.arg);
      this.buf += '=';
      this.printArg(this.arg, 'v');
    } else this.buf += '<nil>';
    this.buf += ')';
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v', LDIGITS);
    this.f.sharp = sharp;
  }

  fmtIntegerVerb(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'b':
        this.fmtInteger(v, 2, isSigned, verb, LDIGITS);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, isSigned, verb, LDIGITS);
        return;
      case 'x':
        this.fmtInteger(v, 16, isSigned, verb, LDIGITS);
        return;
      case 'X':
        this.fmtInteger(v, 16, isSigned, verb, UDIGITS);
        return;
      case 'c':
        this.fmtC(v);
        return;
      case 'q':
        this.fmtQc(v);
        return;
      case 'U':
        this.fmtUnicode(v);
        return;
      default:
        this.badVerb(verb);
    }
  }

  fmtFloat(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloatRaw(v, size, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloatRaw(v, size, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloatRaw(v, size, verb, 6);
        return;
      case 'F':
        this.fmtFloatRaw(v, size, 'f', 6);
        return;
      default:
        this.badVerb(verb);
    }
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        this.fmtS(v);
        return;
      case 'x':
        this.fmtSbx(utf8Bytes(v), LDIGITS);
        return;
      case 'X':
        this.fmtSbx(utf8Bytes(v), UDIGITS);
        return;
      case 'q':
        this.fmtQ(v);
        return;
      default:
        this.badVerb(verb);
    }
  }

  fmtBytes(v: Uint8Array, verb: string, typeString: string, depth: number): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.f.sharpV) {
          this.buf += typeString;
          this.buf += '{';
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(v[i]), true);
          }
          this.buf += '}';
        } else {
          this.buf += '[';
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(v[i]), 10, false, verb, LDIGITS);
          }
          this.buf += ']';
        }
        return;
      case 's':
        this.fmtS(new TextDecoder('utf-8', { ignoreBOM: true }).decode(v));
        return;
      case 'x':
        this.fmtSbx(v, LDIGITS);
        return;
      case 'X':
        this.fmtSbx(v, UDIGITS);
        return;
      case 'q':
        this.fmtQ(new TextDecoder('utf-8', { ignoreBOM: true }).decode(v));
        return;
      default: {
        // printValue of the []byte: each element as uint8 with the verb.
        const sharpV = this.f.sharpV;
        if (sharpV) this.buf += typeString;
        this.buf += sharpV ? '{' : '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.buf += sharpV ? ', ' : ' ';
          this.setArg(new GoNumber('uint8', BigInt(v[i])));
          this.fmtIntegerVerb(BigInt(v[i]), false, verb);
        }
        this.buf += sharpV ? '}' : ']';
        void depth;
      }
    }
  }

  /** A placeholder address: Go prints real pointers here, which no test can match. */
  fmtPointer(v: GoValue, verb: string): void {
    const pointerish =
      Array.isArray(v) || isMap(v) || isFunc(v) || v instanceof Uint8Array || v instanceof GoStruct;
    if (!pointerish || (v instanceof GoStruct && !v.isPointer)) {
      this.badVerb(verb);
      return;
    }
    const u = 0xc000010000n;
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.buf += `(${typeName(v)})(`;
          this.fmt0x64(u, true);
          this.buf += ')';
        } else this.fmt0x64(u, !this.f.sharp);
        return;
      case 'p':
        this.fmt0x64(u, !this.f.sharp);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtIntegerVerb(u, false, verb);
        return;
      default:
        this.badVerb(verb);
    }
  }

  setArg(v: GoValue): void {
    this.arg = v;
    this.argNil = v === null || v === undefined;
  }

  /** Go's handleMethods for Stringer-like structs (e.g. a version with a String method). */
  handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (!(v instanceof GoStruct)) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    const m: GoFunc | undefined = v.methods.Error ?? v.methods.String;
    if (m?.params.length !== 0) return false;
    if (m.ptrReceiver && !v.isPointer) return false;
    const s = m.call();
    this.fmtString(typeof s === 'string' ? s : String(s), verb);
    return true;
  }

  printArg(arg: GoValue, verb: string): void {
    this.setArg(arg);
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    this.printValue(arg, verb, 0);
  }

  /** Go's printValue; `elemType` is the static element type when the value sits in a typed container. */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0) this.setArg(v);
    if (v !== null && v !== undefined && this.handleMethods(v, verb)) return;
    switch (typeof v) {
      case 'undefined':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb);
        return;
      case 'string':
        this.fmtString(v, verb);
        return;
      case 'boolean':
        this.fmtBool(v, verb);
        return;
      case 'bigint':
        this.fmtIntegerVerb(v, true, verb);
        return;
      case 'number':
        this.fmtFloat(v, 64, verb);
        return;
    }
    if (v === null) {
      // A nil interface inside a container.
      if (this.f.sharpV) this.buf += 'interface {}(nil)';
      else this.buf += '<nil>';
      return;
    }
    if (v instanceof GoNumber) {
      if (v.kind === 'float32') this.fmtFloat(v.value as number, 32, verb);
      else this.fmtIntegerVerb(v.value as bigint, !v.kind.startsWith('uint'), verb);
      return;
    }
    if (v instanceof Uint8Array) {
      this.fmtBytes(v, verb, '[]uint8', depth);
      return;
    }
    if (Array.isArray(v)) {
      this.printSlice(v, verb, depth);
      return;
    }
    if (v instanceof GoStruct) {
      if (v.isPointer) {
        if (depth === 0) {
          this.buf += '&';
          this.printStruct(v, verb, depth + 1);
          return;
        }
        this.fmtPointer(v, verb);
        return;
      }
      this.printStruct(v, verb, depth);
      return;
    }
    if (isFunc(v)) {
      this.fmtPointer(v, verb);
      return;
    }
    this.printMap(v, verb, depth);
  }

  printSlice(v: GoValue[], verb: string, depth: number): void {
    const et = elemTypeOf(v);
    if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && et === 'uint8') {
      const bytes = Uint8Array.from(v, (e) => Number((e as GoNumber).value));
      this.fmtBytes(bytes, verb, typeName(v), depth);
      return;
    }
    const ifaceElems = et === undefined || et === 'interface {}';
    if (this.f.sharpV) {
      this.buf += typeName(v);
      this.buf += '{';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ', ';
        this.printElem(v[i], verb, depth + 1, ifaceElems);
      }
      this.buf += '}';
    } else {
      this.buf += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ' ';
        this.printElem(v[i], verb, depth + 1, ifaceElems);
      }
      this.buf += ']';
    }
  }

  /** Prints a container element; inside `interface {}` containers Go prints the dynamic value. */
  printElem(e: GoValue, verb: string, depth: number, iface: boolean): void {
    if ((e === null || e === undefined) && iface) {
      if (this.f.sharpV) this.buf += 'interface {}(nil)';
      else this.buf += '<nil>';
      return;
    }
    this.printValue(e === undefined ? null : e, verb, iface ? depth + 1 : depth);
  }

  printMap(m: object, verb: string, depth: number): void {
    const map = m as Record<string, GoValue>;
    const sharpV = this.f.sharpV;
    if (sharpV) {
      this.buf += typeName(map);
      this.buf += '{';
    } else this.buf += 'map[';
    const keys = sortedKeys(map);
    const iface = mapValueType(map) === 'interface {}';
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) this.buf += sharpV ? ', ' : ' ';
      this.printValue(keys[i], verb, depth + 1);
      this.buf += ':';
      this.printElem(map[keys[i]], verb, depth + 1, iface);
    }
    this.buf += sharpV ? '}' : ']';
  }

  printStruct(s: GoStruct, verb: string, depth: number): void {
    const sharpV = this.f.sharpV;
    if (sharpV) this.buf += s.typeName.startsWith('*') ? s.typeName.slice(1) : s.typeName;
    this.buf += '{';
    let i = 0;
    for (const name of Object.keys(s.fields)) {
      if (i++ > 0) this.buf += sharpV ? ', ' : ' ';
      if (this.f.plusV || sharpV) this.buf += `${name}:`;
      const fv = s.fields[name];
      this.printValue(fv === undefined ? null : fv, verb, depth + 1);
    }
    this.buf += '}';
  }

  // --- Printf -------------------------------------------------------------------------------------

  doPrintf(format: string, a: readonly GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    const f = this.f;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 37) i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#':
            f.sharp = true;
            break;
          case '0':
            f.zero = true;
            break;
          case '+':
            f.plus = true;
            break;
          case '-':
            f.minus = true;
            break;
          case ' ':
            f.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [f.wid, f.widPresent, argNum] = intFromArg(a, argNum);
        if (!f.widPresent) this.buf += '%!(BADWIDTH)';
        if (f.wid < 0) {
          f.wid = -f.wid;
          f.minus = true;
          f.zero = false;
        }
        afterIndex = false;
      } else {
        [f.wid, f.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && f.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [f.prec, f.precPresent, argNum] = intFromArg(a, argNum);
          if (f.prec < 0) {
            f.prec = 0;
            f.precPresent = false;
          }
          if (!f.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [f.prec, f.precPresent, i] = parsenum(format, i, end);
          if (!f.precPresent) {
            f.prec = 0;
            f.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') this.buf += '%';
      else if (!this.goodArgNum) this.buf += `%!${verb}(BADINDEX)`;
      else if (argNum >= a.length) this.buf += `%!${verb}(MISSING)`;
      else {
        if (verb === 'v' || verb === 'w') {
          f.sharpV = f.sharp;
          f.sharp = false;
          f.plusV = f.plus;
          f.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ', ';
        const arg = a[k];
        if (arg === null || arg === undefined) this.buf += '<nil>';
        else {
          this.buf += typeName(arg);
          this.buf += '=';
          this.printArg(arg, 'v');
        }
      }
      this.buf += ')';
    }
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (c - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function intFromArg(a: readonly GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum];
    if (typeof v === 'bigint') {
      num = Number(v);
      isInt = true;
    } else if (v instanceof GoNumber && v.kind !== 'float32') {
      const n = v.value as bigint;
      if (n >= INT64_MIN && n <= INT64_MAX) {
        num = Number(n);
        isInt = true;
      }
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

function isStringArg(v: GoValue): boolean {
  return typeof v === 'string';
}

/**
 * Go's `fmt.Sprint(v)` for one value: the `%v` form (`map[a:1]`, `[a b]`, `1e+06`, `<nil>`).
 * Fast paths for scalars; a missing value (undefined) prints as `<nil>` like a nil interface.
 */
export function formatValue(v: GoValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      // Fast path: integral values below 1e6 print as plain integers in Go's %v too (not -0).
      if (Number.isInteger(v) && v < 1e6 && v > -1e6 && (v !== 0 || !Object.is(v, -0))) return String(v);
      return formatFloat(v, 'g', -1, 64);
    case 'undefined':
      return '<nil>';
  }
  if (v === null) return '<nil>';
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

/** Go's `fmt.Sprint(args...)`: spaces are added between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  if (args.length === 1) return formatValue(args[0]);
  let out = '';
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const isString = isStringArg(args[i]);
    if (i > 0 && !isString && !prevString) out += ' ';
    out += formatValue(args[i]);
    prevString = isString;
  }
  return out;
}

/** Go's `fmt.Sprintln(args...)`: operands separated by spaces, followed by a newline. */
export function sprintln(args: readonly GoValue[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += ' ';
    out += formatValue(args[i]);
  }
  return `${out}\n`;
}

/** Go's `fmt.Sprintf(format, args...)` with every verb, flag, width, precision and `%!` error form. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}
