/**
 * Helm's `--set` family grammar (pkg/strvals parser.go and literal_parser.go): `a.b=c,d[0]=e`, `\` escapes,
 * `{x,y}` lists, typed values (`true`, `null`, int64), `--set-json`, `--set-file`, `--set-literal`.
 * Hand-written to reproduce Helm's exact results and error messages (including the text of Go's recovered
 * type-assertion panics, which Helm prints as `unable to parse key: ...`).
 */
import { isGoSpace } from '../util/go/strings.js';
import { type GoMap, GoNumber, type GoValue, newMap } from '../util/go/value.js';
import { hasKey, isTable } from './copy.js';
import { jsonValueToGo } from './json-value.js';

/** Helm's `strvals.MaxIndex`. */
export const MAX_INDEX = 65536;
/** Helm's `strvals.MaxNestedNameLevel`. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** An error of the strvals grammar; `message` is Helm's (before the `failed parsing --set data: ` prefix). */
export class StrvalsError extends Error {}

/** End of input (Go's io.EOF), used for control flow as Helm does. */
class EOF extends Error {}

/** Reads a `--set-file` value: receives the path text, returns the file contents (or throws). */
export type FileValueReader = (path: string) => GoValue;

type Mode = 'set' | 'string' | 'json' | 'file' | 'literal';

/** Go's `%q` of a string. */
function q(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's `%q` of a `[]rune`: `['a' 'b']`. */
function qRunes(runes: string[]): string {
  return `[${runes.map((r) => (r === "'" ? "'\\''" : r === '\\' ? "'\\\\'" : `'${r}'`)).join(' ')}]`;
}

/** Go's type name in an interface-conversion panic. */
function ifaceType(v: GoValue): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (v instanceof GoNumber) return v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

class Panic extends Error {}

function asList(v: GoValue): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new Panic(`interface conversion: interface {} is ${ifaceType(v)}, not []interface {}`);
}

function asMap(v: GoValue): GoMap {
  if (isTable(v)) return v;
  throw new Panic(`interface conversion: interface {} is ${ifaceType(v)}, not map[string]interface {}`);
}

/** Go's `strconv.Atoi` for index text. */
function atoi(s: string): number {
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (m === null) throw new StrvalsError(`strconv.Atoi: parsing ${q(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > (1n << 63n) - 1n || n < -(1n << 63n))
    throw new StrvalsError(`strconv.Atoi: parsing ${q(s)}: value out of range`);
  return Number(n);
}

/** Helm's `typedVal`: `true`/`false`/`null` (any case), int64 for base-10 integers not starting with 0. */
export function typedVal(val: string, forceString: boolean): GoValue {
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return new GoNumber('int64', 0n);
  if (val.length !== 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n <= (1n << 63n) - 1n && n >= -(1n << 63n)) return new GoNumber('int64', n);
  }
  return val;
}

class Parser {
  /** Input as code points (Go reads runes). */
  private readonly rs: string[];
  private pos = 0;

  constructor(
    s: string,
    private readonly data: GoMap,
    private readonly mode: Mode,
    private readonly fileReader?: FileValueReader,
    private readonly helm3 = true,
  ) {
    this.rs = Array.from(s);
  }

  parse(): void {
    for (;;) {
      try {
        this.key(this.data, 0);
      } catch (e) {
        if (e instanceof EOF) return;
        throw e;
      }
    }
  }

  private readRune(): string | undefined {
    return this.pos < this.rs.length ? this.rs[this.pos++] : undefined;
  }

  private reader(runes: string[]): GoValue {
    const s = runes.join('');
    if (this.mode === 'file') return (this.fileReader as FileValueReader)(s);
    return typedVal(s, this.mode === 'string');
  }

  /** `runesUntil` (with `\` escapes) or `runesUntilLiteral`. Returns [runes, last, eof]. */
  private until(stop: string): [string[], string, boolean] {
    const v: string[] = [];
    const literal = this.mode === 'literal';
    for (;;) {
      const r = this.readRune();
      if (r === undefined) return [v, '', true];
      if (stop.includes(r)) return [v, r, false];
      if (r === '\\' && !literal) {
        const next = this.readRune();
        if (next === undefined) return [v, '', true];
        v.push(next);
      } else v.push(r);
    }
  }

  private key(data: GoMap, level: number): void {
    try {
      this.keyInner(data, level);
    } catch (e) {
      if (e instanceof Panic) throw new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, nestedNameLevel: number): void {
    const literal = this.mode === 'literal';
    const [k, last, eof] = this.until(literal ? '=[.' : '=[,.');
    const ks = k.join('');
    if (eof) {
      if (k.length === 0) throw new EOF();
      throw new StrvalsError(`key ${q(ks)} has no value`);
    }
    switch (last) {
      case '[': {
        const i = this.keyIndex();
        let list: GoValue[] = [];
        if (hasKey(data, ks)) list = asList(data[ks]);
        let result: GoValue[];
        try {
          result = this.listItem(list, i, nestedNameLevel);
        } catch (e) {
          // Helm stores the list it had before the failing item, then returns the error.
          set(data, ks, list);
          throw e instanceof ListError ? e.cause : e;
        }
        set(data, ks, result);
        return;
      }
      case '=': {
        if (literal) {
          const [value] = this.until('');
          set(data, ks, value.join(''));
          return;
        }
        if (this.mode === 'json') {
          if (this.emptyVal()) {
            set(data, ks, null);
            return;
          }
          set(data, ks, this.decodeJSON());
          this.emptyVal();
          return;
        }
        const vl = this.valList();
        if (vl.kind === 'list') {
          set(data, ks, vl.list);
          if (vl.err !== undefined) throw vl.err;
          return;
        }
        if (vl.kind === 'eof') {
          set(data, ks, '');
          throw new EOF();
        }
        const [rs] = this.until(',');
        set(data, ks, this.reader(rs));
        return;
      }
      case ',':
        set(data, ks, '');
        throw new StrvalsError(`key ${q(ks)} has no value (cannot end with ,)`);
      default: {
        // '.'
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new StrvalsError(
            `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
          );
        }
        let inner = newMap();
        if (hasKey(data, ks)) inner = asMap(data[ks]);
        let err: unknown;
        try {
          this.key(inner, nestedNameLevel);
        } catch (e) {
          err = e;
        }
        const empty = Object.keys(inner).length === 0;
        if (err === undefined && empty) throw new StrvalsError(`key map ${q(ks)} has no value`);
        if (!empty) set(data, ks, inner);
        if (err !== undefined) throw err;
        return;
      }
    }
  }

  private keyIndex(): number {
    const [v, , eof] = this.until(']');
    // Helm 4 wraps io.EOF and still recognises it (errors.Is); Helm 3 compares with == and reports it.
    if (eof) {
      if (this.helm3) throw new StrvalsError('error parsing index: EOF');
      throw new EOF();
    }
    try {
      return atoi(v.join(''));
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  /** Returns the new list; on error throws a ListError carrying the list Helm would still store. */
  private listItem(list: GoValue[], i: number, nestedNameLevel: number): GoValue[] {
    if (i < 0) throw new ListError(list, new StrvalsError(`negative ${i} index not allowed`));
    const [k, last, eof] = this.until('[.=');
    if (k.length > 0)
      throw new ListError(list, new StrvalsError(`unexpected data at end of array index: ${qRunes(k)}`));
    if (eof) throw new ListError(list, new EOF());
    switch (last) {
      case '=': {
        if (this.mode === 'literal') {
          const [value] = this.until('');
          return setIndex(list, i, value.join(''));
        }
        if (this.mode === 'json') {
          if (this.emptyVal()) return setIndex(list, i, null);
          const jv = this.decodeJSON();
          const l2 = setIndex(list, i, jv);
          this.emptyVal();
          return l2;
        }
        const vl = this.valList();
        if (vl.kind === 'list') {
          if (vl.err !== undefined) throw new ListError(list, vl.err);
          return setIndex(list, i, vl.list);
        }
        if (vl.kind === 'eof') return setIndex(list, i, '');
        const [rs] = this.until(',');
        return setIndex(list, i, this.reader(rs));
      }
      case '[': {
        const nextI = this.keyIndex();
        let crt: GoValue[] = [];
        if (list.length > i) {
          const existed = list[i];
          if (existed !== null && existed !== undefined) crt = asList(existed);
        }
        let list2: GoValue[];
        try {
          list2 = this.listItem(crt, nextI, nestedNameLevel);
        } catch (e) {
          throw new ListError(list, e instanceof ListError ? e.cause : e);
        }
        return setIndex(list, i, list2);
      }
      default: {
        // '.'
        let inner = newMap();
        if (list.length > i) {
          const cur = list[i];
          if (isTable(cur)) inner = cur;
          else {
            inner = newMap();
            list[i] = inner;
          }
        }
        try {
          this.key(inner, nestedNameLevel);
        } catch (e) {
          throw new ListError(list, e);
        }
        return setIndex(list, i, inner);
      }
    }
  }

  /** Consumes blanks and one comma; true when the value is empty (comma or end). */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.readRune();
      if (r === undefined) return true;
      if (r === ',') return true;
      if (!isGoSpace(r.codePointAt(0) as number)) {
        this.pos--;
        return false;
      }
    }
  }

  private valList():
    | { kind: 'list'; list: GoValue[]; err?: unknown }
    | { kind: 'eof' }
    | { kind: 'notlist' } {
    const r = this.readRune();
    if (r === undefined) return { kind: 'eof' };
    if (r !== '{') {
      this.pos--;
      return { kind: 'notlist' };
    }
    const list: GoValue[] = [];
    for (;;) {
      const [rs, last, eof] = this.until(',}');
      if (eof) return { kind: 'list', list, err: new StrvalsError("list must terminate with '}'") };
      if (last === '}') {
        const n = this.readRune();
        if (n !== undefined && n !== ',') this.pos--;
        list.push(this.reader(rs));
        return { kind: 'list', list };
      }
      list.push(this.reader(rs));
    }
  }

  /** Decodes one JSON value from the rest of the input (Go's json.Decoder.Decode) and consumes it. */
  private decodeJSON(): GoValue {
    const rest = this.rs.slice(this.pos).join('');
    const [value, consumed] = jsonValueToGo(rest);
    this.pos += Array.from(rest.slice(0, consumed)).length;
    return value;
  }
}

class ListError extends Error {
  constructor(
    readonly list: GoValue[] | null,
    override readonly cause: unknown,
  ) {
    super('list error');
  }
}

function set(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data[key] = val;
}

function setIndex(list: GoValue[], index: number, val: GoValue): GoValue[] {
  if (index < 0) throw new ListError(list, new StrvalsError(`negative ${index} index not allowed`));
  if (index > MAX_INDEX) {
    throw new ListError(
      list,
      new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`),
    );
  }
  let l = list;
  if (l.length <= index) {
    const newList: GoValue[] = new Array(index + 1).fill(null);
    for (let j = 0; j < l.length; j++) newList[j] = l[j];
    l = newList;
  }
  l[index] = val;
  return l;
}

/**
 * Parses one strvals expression into `dest` (mutating it), as Helm's `ParseInto` (`set`), `ParseIntoString`
 * (`string`), `ParseJSON` (`json`), `ParseIntoFile` (`file`, with `reader`) or `ParseLiteralInto` (`literal`).
 * `compat` selects Helm 3 or Helm 4 error handling. Throws {@link StrvalsError} with Helm's message.
 */
export function parseStrvalsInto(
  s: string,
  dest: GoMap,
  mode: Mode,
  reader?: FileValueReader,
  compat: 'helm3' | 'helm4' = 'helm3',
): void {
  new Parser(s, dest, mode, reader, compat === 'helm3').parse();
}
