/**
 * YAML as Helm reads values files and `fromYaml` input: sigs.k8s.io/yaml, i.e. yaml.v2 (YAML 1.1 typing)
 * → JSON → Go `interface{}`.
 *
 * Hand-written on top of js-yaml's event parser (js-yaml does the syntax) because the *typing* must be
 * yaml.v2's exactly, and then pass through Go's JSON round trip:
 * - scalars resolve with yaml.v2's rules (`yes/no/on/off/y/n` booleans, `010` octal, `0x1F`, `1_000`,
 *   timestamps kept as strings, explicit tags `!!int "1"`, `!!binary`);
 * - every number becomes a float64 (a JS number) after the JSON round trip;
 * - map keys become strings the way sigs.k8s.io/yaml converts them (`1.5` via float32 formatting, `y` → `"true"`);
 * - merge keys `<<` are applied in document order (a later explicit key wins, an earlier one is overwritten);
 * - aliases are expanded (copied) with yaml.v2's "excessive aliasing" guard;
 * - only the first document counts (yaml.v2 never parses past it).
 */
import { EVENT_ID, type Event, getScalarValue, parseEvents, type ScalarEvent } from 'js-yaml';
import { HelmkitError } from '../errors.js';
import { formatFloat, utf8Bytes } from './strconv.js';
import { type GoMap, type GoValue, isMap, newMap } from './value.js';

/** Options of {@link parseGoYaml}. */
export interface GoYamlOptions {
  /** File name for error locations. */
  file?: string;
  /**
   * Maximum nesting depth of collections. yaml.v2 allows 10000; helmkit's parser stops earlier
   * (with a typed error) to stay within the JS stack. Default 1000.
   */
  maxDepth?: number;
}

/** A YAML document Helm cannot read (syntax, typing or JSON conversion). `message` is Go's error text. */
export class GoYamlError extends HelmkitError {
  /**
   * @param message - Go's error text, e.g. `error converting YAML to JSON: yaml: line 3: ...`.
   * @param file - the file, when known.
   * @param line - 1-based line, when known.
   * @param code - `YAML_PARSE` (default), `YAML_TOO_DEEP` or `YAML_ALIASING`.
   */
  constructor(message: string, file?: string, line?: number, code = 'YAML_PARSE') {
    super(code, message, {
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }
}

const TAG_PREFIX = 'tag:yaml.org,2002:';
const STR = `${TAG_PREFIX}str`;
const INT = `${TAG_PREFIX}int`;
const FLOAT = `${TAG_PREFIX}float`;
const BOOL = `${TAG_PREFIX}bool`;
const NULL = `${TAG_PREFIX}null`;
const TIMESTAMP = `${TAG_PREFIX}timestamp`;
const BINARY = `${TAG_PREFIX}binary`;
const MERGE = `${TAG_PREFIX}merge`;

// --- nodes ------------------------------------------------------------------------------------------------

const SCALAR = 0;
const SEQ = 1;
const MAP = 2;
const ALIAS = 3;

/**
 * A literal or folded block scalar that ends the text without a final line break: libyaml's clip and keep
 * chomping only keep a line break it actually read, so `a: |\n  x` at the end of the input is `x`
 * (js-yaml always appends one).
 */
function blockScalarAtEof(text: string, e: ScalarEvent, value: string): string {
  if (e.style < 4 || e.chomping === 2 || e.valueEnd !== text.length || !value.endsWith('\n')) return value;
  const last = text.charCodeAt(text.length - 1);
  if (last === 10 || last === 13 || last === 0x85 || last === 0x2028 || last === 0x2029) return value;
  return value.slice(0, -1);
}

interface ScalarNode {
  k: typeof SCALAR;
  value: string;
  tag: string;
  /** Plain style without tag: subject to implicit resolution. */
  implicit: boolean;
  pos: number;
}
interface SeqNode {
  k: typeof SEQ;
  items: YNode[];
  pos: number;
}
interface MapNode {
  k: typeof MAP;
  /** Flat key, value, key, value... */
  pairs: YNode[];
  pos: number;
  /** Flow style (`{...}`, or a single-pair mapping inside a flow sequence). */
  flow?: boolean;
}
interface AliasNode {
  k: typeof ALIAS;
  name: string;
  target: YNode;
  pos: number;
}
type YNode = ScalarNode | SeqNode | MapNode | AliasNode;

function longTag(raw: string): string {
  if (raw.startsWith('!!')) return TAG_PREFIX + raw.slice(2);
  if (raw.startsWith('!<') && raw.endsWith('>')) return raw.slice(2, -1);
  return raw;
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag;
}

/** libyaml's line breaks besides `\n`: CR (alone), NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
function isOtherBreak(c: number, next: number): boolean {
  return (c === 13 && next !== 10) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** 1-based line of an offset, counting line breaks as libyaml does. */
function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c > 12 && isOtherBreak(c, text.charCodeAt(i + 1)))) line++;
  }
  return line;
}

/** Code points in `text[from, to)` (libyaml's marks count characters, not UTF-16 units). */
function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * libyaml only accepts an implicit (simple) key that stays on one line and whose `:` is at most 1024
 * characters after the key's start (`yaml_parser_stale_simple_keys`); js-yaml has no such limit. In a flow
 * collection a too-long or multi-line key is then not a key, and the parser fails at its `:`
 * (`did not find expected ',' or '}'`); in a block mapping the scanner fails.
 */
function checkImplicitKey(
  text: string,
  e: { valueStart: number; valueEnd: number; anchorStart: number; tagStart: number; style: number },
  map: { flow?: boolean | undefined; pairCount: number; pos: number },
  parentPos: number | undefined,
  file: string | undefined,
): void {
  if (e.valueStart < 0) return;
  const quoted = e.style === 2 || e.style === 3;
  let start = quoted ? e.valueStart - 1 : e.valueStart;
  if (e.anchorStart >= 0) start = Math.min(start, e.anchorStart - 1);
  if (e.tagStart >= 0) start = Math.min(start, e.tagStart);
  let colon = quoted ? e.valueEnd + 1 : e.valueEnd;
  let multiline = false;
  for (; colon < text.length; colon++) {
    const c = text[colon];
    if (c === '\n' || c === '\r') multiline = true;
    else if (c !== ' ' && c !== '\t') break;
  }
  if (text[colon] !== ':') return;
  // An explicit `? key` is not a simple key.
  let b = start - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t' || text[b] === '\n' || text[b] === '\r')) b--;
  if (text[b] === '?') return;
  for (let i = start; !multiline && i < e.valueEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c > 12 && isOtherBreak(c, 0))) multiline = true;
  }
  if (!map.flow) {
    // Block keys (js-yaml rejects most multi-line ones itself). The first key of a mapping is not yet a
    // required key in libyaml (its indentation is not rolled in yet); later ones are.
    if (!multiline && (colon - start <= 1024 || codePoints(text, start, colon) <= 1024)) return;
    const l = lineAt(text, colon) - 1;
    const msg =
      map.pairCount >= 2 ? "could not find expected ':'" : 'mapping values are not allowed in this context';
    throw new GoYamlError(
      `error converting YAML to JSON: yaml: ${l !== 0 ? `line ${l + 1}: ` : ''}${msg}`,
      file,
      l !== 0 ? l + 1 : undefined,
    );
  }
  if (!multiline && (colon - start <= 1024 || codePoints(text, start, colon) <= 1024)) return;
  const explicitMap = text[map.pos] === '{';
  const ctx = explicitMap ? map.pos : (parentPos ?? map.pos);
  let line = lineAt(text, colon) - 1;
  if (line === 0) line = lineAt(text, ctx) - 1;
  const where = line !== 0 ? `line ${line}: ` : '';
  throw new GoYamlError(
    `error converting YAML to JSON: yaml: ${where}did not find expected ',' or '${explicitMap ? '}' : ']'}'`,
    file,
    line !== 0 ? line : undefined,
  );
}

/** Builds the node trees of every document from js-yaml's event stream. */
function buildDocuments(text: string, events: Event[], file: string | undefined): Array<YNode | null> {
  const docs: Array<YNode | null> = [];
  let anchors = new Map<string, YNode>();
  // Stack of open collections.
  const stack: Array<SeqNode | MapNode | null> = [];
  let docRoot: YNode | null = null;
  const add = (n: YNode): void => {
    const top = stack[stack.length - 1];
    if (top === undefined || top === null) docRoot = n;
    else if (top.k === SEQ) top.items.push(n);
    else top.pairs.push(n);
  };
  const anchor = (e: { anchorStart: number; anchorEnd: number }, n: YNode): void => {
    if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), n);
  };
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        anchors = new Map();
        docRoot = null;
        stack.push(null);
        break;
      case EVENT_ID.SCALAR: {
        const tag = e.tagStart >= 0 ? longTag(text.slice(e.tagStart, e.tagEnd)) : '';
        const n: ScalarNode = {
          k: SCALAR,
          value: blockScalarAtEof(text, e, getScalarValue(text, e)),
          tag,
          implicit: tag === '' && e.style === 1,
          pos: e.valueStart,
        };
        anchor(e, n);
        const top = stack[stack.length - 1];
        if (docs.length === 0 && top?.k === MAP && top.pairs.length % 2 === 0) {
          checkImplicitKey(
            text,
            e,
            { flow: top.flow, pairCount: top.pairs.length, pos: top.pos },
            stack[stack.length - 2]?.pos,
            file,
          );
        }
        add(n);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const n: SeqNode = { k: SEQ, items: [], pos: e.start };
        anchor(e, n);
        add(n);
        stack.push(n);
        break;
      }
      case EVENT_ID.MAPPING: {
        const n: MapNode = { k: MAP, pairs: [], pos: e.start, flow: e.style === 2 };
        anchor(e, n);
        add(n);
        stack.push(n);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(e.anchorStart, e.anchorEnd);
        const target = anchors.get(name);
        if (target === undefined) {
          const line = lineAt(text, e.anchorStart);
          throw new GoYamlError(
            `error converting YAML to JSON: yaml: unknown anchor '${name}' referenced`,
            file,
            line,
          );
        }
        add({ k: ALIAS, name, target, pos: e.anchorStart });
        break;
      }
      case EVENT_ID.POP: {
        const closed = stack.pop();
        if (closed === null) docs.push(docRoot);
        break;
      }
    }
  }
  return docs;
}

// --- scalar resolution (yaml.v2 resolve.go) ---------------------------------------------------------------

/** A resolved scalar before the JSON round trip: ints stay exact so map keys format like Go. */
type Resolved =
  | { t: 'int'; v: bigint }
  | { t: 'uint'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' };

const NULL_R: Resolved = { t: 'null' };
const TRUE_R: Resolved = { t: 'bool', v: true };
const FALSE_R: Resolved = { t: 'bool', v: false };

const RESOLVE_MAP = new Map<string, [string, Resolved]>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
  RESOLVE_MAP.set(s, [BOOL, TRUE_R]);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  RESOLVE_MAP.set(s, [BOOL, FALSE_R]);
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP.set(s, [NULL, NULL_R]);
for (const s of ['.nan', '.NaN', '.NAN']) RESOLVE_MAP.set(s, [FLOAT, { t: 'float', v: Number.NaN }]);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
  RESOLVE_MAP.set(s, [FLOAT, { t: 'float', v: Number.POSITIVE_INFINITY }]);
for (const s of ['-.inf', '-.Inf', '-.INF'])
  RESOLVE_MAP.set(s, [FLOAT, { t: 'float', v: Number.NEGATIVE_INFINITY }]);
RESOLVE_MAP.set('<<', [MERGE, { t: 'str', v: '<<' }]);

const RESOLVABLE = new Set(['', STR, BOOL, INT, FLOAT, NULL, TIMESTAMP]);
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const MAX_UINT64 = (1n << 64n) - 1n;

// Go's strconv.ParseInt(s, 0, 64) syntax after yaml.v2 removed underscores.
const GO_INT_RE = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|(0[0-7]*)|([1-9][0-9]*))$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT_RE = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

const TIMESTAMP_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

/** yaml.v2's `parseTimestamp` formats (Go time layouts `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2 15:4:5...`, `2006-1-2`). */
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP_RE.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  if (d > days) return false;
  const h = Number(m[4] ?? m[7] ?? 0);
  const mi = Number(m[5] ?? m[8] ?? 0);
  const se = Number(m[6] ?? m[9] ?? 0);
  return h < 24 && mi < 60 && se < 60;
}

function parseGoInt(s: string): { neg: boolean; mag: bigint } | null {
  const m = GO_INT_RE.exec(s);
  if (m === null) return null;
  let mag: bigint;
  if (m[2] !== undefined) mag = BigInt(`0x${m[2]}`);
  else if (m[3] !== undefined) mag = BigInt(`0b${m[3]}`);
  else if (m[4] !== undefined) mag = BigInt(`0o${m[4]}`);
  else if (m[5] !== undefined) mag = m[5].length > 1 ? BigInt(`0o${m[5].slice(1)}`) : 0n;
  else mag = BigInt(m[6] as string);
  return { neg: m[1] === '-', mag };
}

/** yaml.v2's `resolve(tag, in)`: returns the resolved tag and value (throws for impossible explicit tags). */
function resolve(tag: string, input: string): [string, Resolved] {
  if (!RESOLVABLE.has(tag)) return [tag, { t: 'str', v: input }];
  const [rtag, out] = resolveInner(tag, input);
  if (tag === '' || tag === rtag || tag === STR) return [rtag, out];
  if (tag === FLOAT && rtag === INT && (out.t === 'int' || out.t === 'uint') && out.v <= MAX_INT64)
    return [FLOAT, { t: 'float', v: Number(out.v) }];
  throw new Error(`cannot decode ${shortTag(rtag)} \`${input}\` as a ${shortTag(tag)}`);
}

function resolveInner(tag: string, input: string): [string, Resolved] {
  if (tag === STR) return [STR, { t: 'str', v: input }];
  const c = input.length === 0 ? '' : input[0];
  const hint =
    c === ''
      ? 'N'
      : c === '+' || c === '-'
        ? 'S'
        : c >= '0' && c <= '9'
          ? 'D'
          : 'yYnNtTfFoO~'.includes(c as string)
            ? 'M'
            : c === '.'
              ? '.'
              : '';
  if (hint === '') return [STR, { t: 'str', v: input }];
  const hit = RESOLVE_MAP.get(input);
  if (hit !== undefined) return hit;
  if (hint === '.') {
    if (DOT_FLOAT_RE.test(input)) {
      const f = Number(input);
      if (Number.isFinite(f)) return [FLOAT, { t: 'float', v: f }];
    }
  } else if (hint === 'D' || hint === 'S') {
    // Timestamps resolve (yaml.v2 then hands them to interface{} as the original string).
    if ((tag === '' || tag === TIMESTAMP) && isTimestamp(input)) return [TIMESTAMP, { t: 'str', v: input }];
    const plain = input.includes('_') ? input.replaceAll('_', '') : input;
    const gi = parseGoInt(plain);
    if (gi !== null) {
      const v = gi.neg ? -gi.mag : gi.mag;
      if (v >= MIN_INT64 && v <= MAX_INT64) return [INT, { t: 'int', v }];
      if (!gi.neg && plain[0] !== '+' && v <= MAX_UINT64) return [INT, { t: 'uint', v }];
    }
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return [FLOAT, { t: 'float', v: f }];
    }
  }
  return [STR, { t: 'str', v: input }];
}

/** Decodes standard base64 as Go's `base64.StdEncoding.DecodeString` (ignores CR/LF); null if invalid. */
function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    const bin = atob(clean);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/**
 * Bytes to a JS string the way Go's JSON encoder treats a string holding invalid UTF-8: every byte that
 * does not start a valid sequence becomes one U+FFFD (WHATWG's TextDecoder groups them differently).
 */
export function goBytesToString(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      min = 0x10000;
    }
    let ok = need > 0 && i + need < b.length + 0 && i + need <= b.length - 0;
    if (ok) {
      for (let j = 1; j <= need; j++) {
        const cc = b[i + j] as number;
        if ((cc & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}

// --- decoding (yaml.v2 decode.go into interface{}, then sigs.k8s.io/yaml's JSON conversion) ----------------

// yaml.v2's alias-expansion guard ("billion laughs").
const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodeCount - ALIAS_RATIO_LOW)) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW);
}

/** Marker thrown inside the decoder; turned into a GoYamlError with the prefix. */
class DecodeFail extends Error {}

class Decoder {
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  readonly active = new Set<YNode>();
  nonFinite = false;

  count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    )
      throw new DecodeFail('document contains excessive aliasing');
  }

  /** Follows aliases to the real node, accounting for them as yaml.v2 does. */
  withAlias<T>(n: AliasNode, f: (target: YNode) => T): T {
    if (this.active.has(n)) throw new DecodeFail(`anchor '${n.name}' value contains itself`);
    this.active.add(n);
    this.aliasDepth++;
    try {
      return f(n.target);
    } finally {
      this.aliasDepth--;
      this.active.delete(n);
    }
  }

  scalar(n: ScalarNode): Resolved {
    if (!n.implicit && n.tag === '') return { t: 'str', v: n.value };
    let tag: string;
    let r: Resolved;
    try {
      [tag, r] = resolve(n.tag, n.value);
    } catch (e) {
      throw new DecodeFail((e as Error).message);
    }
    if (tag === BINARY) {
      const bytes = decodeBase64(n.value);
      if (bytes === null) throw new DecodeFail('!!binary value contains invalid base64 data');
      r = { t: 'str', v: goBytesToString(bytes) };
    }
    return r;
  }

  /** Decodes a node as a value (numbers become float64 through the JSON round trip). */
  value(n: YNode): GoValue {
    this.count();
    switch (n.k) {
      case SCALAR: {
        const r = this.scalar(n);
        switch (r.t) {
          case 'str':
          case 'bool':
            return r.v;
          case 'null':
            return null;
          case 'float':
            if (!Number.isFinite(r.v)) this.nonFinite = true;
            return r.v;
          default:
            return Number(r.v);
        }
      }
      case SEQ: {
        const out: GoValue[] = new Array(n.items.length);
        for (let i = 0; i < n.items.length; i++) out[i] = this.value(n.items[i] as YNode);
        return out;
      }
      case MAP: {
        const out = newMap();
        this.mapInto(n, out);
        return out;
      }
      default:
        return this.withAlias(n, (t) => this.value(t));
    }
  }

  mapInto(n: MapNode, out: GoMap): void {
    const p = n.pairs;
    for (let i = 0; i < p.length; i += 2) {
      const kn = p[i] as YNode;
      const vn = p[i + 1] as YNode;
      if (kn.k === SCALAR && kn.value === '<<' && (kn.implicit || kn.tag === MERGE)) {
        this.merge(vn, out);
        continue;
      }
      const key = this.key(kn, vn);
      out[key] = this.value(vn);
    }
  }

  merge(n: YNode, out: GoMap): void {
    const fail = (): never => {
      throw new DecodeFail('map merge requires map or sequence of maps as the value');
    };
    switch (n.k) {
      case MAP:
        this.count();
        this.mapInto(n, out);
        return;
      case ALIAS:
        if (n.target.k !== MAP) fail();
        this.count();
        this.withAlias(n, (t) => this.mapInto(t as MapNode, out));
        return;
      case SEQ:
        for (let i = n.items.length - 1; i >= 0; i--) {
          const item = n.items[i] as YNode;
          if (item.k === ALIAS) {
            if (item.target.k !== MAP) fail();
          } else if (item.k !== MAP) fail();
          this.merge(item, out);
        }
        return;
      default:
        fail();
    }
  }

  /** Decodes a map key and converts it to a string as sigs.k8s.io/yaml does. */
  key(n: YNode, valueNode: YNode): string {
    this.count();
    if (n.k === ALIAS) return this.withAlias(n, (t) => this.key(t, valueNode));
    if (n.k !== SCALAR) {
      throw new DecodeFail(`invalid map key: ${goSharpV(this.valueNoCount(n))}`);
    }
    const r = this.scalar(n);
    switch (r.t) {
      case 'str':
        return r.v;
      case 'bool':
        return r.v ? 'true' : 'false';
      case 'int':
        return r.v.toString();
      case 'float': {
        const s = formatFloat(r.v, 'g', -1, 32);
        return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
      }
      case 'uint':
        throw new KeyFail(
          `unsupported map key of type: uint64, key: 0x${r.v.toString(16)}, value: ${goSharpV(this.valueNoCount(valueNode))}`,
        );
      default:
        throw new KeyFail(
          `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSharpV(this.valueNoCount(valueNode))}`,
        );
    }
  }

  /** A value for error messages only. */
  valueNoCount(n: YNode): GoValue {
    const d = new Decoder();
    try {
      return d.value(n);
    } catch {
      return null;
    }
  }
}

/** A key conversion failure (happens in the JSON conversion step, after YAML decoding). */
class KeyFail extends Error {}

/** Go's `%#v` of a decoded value, close enough for error messages. */
function goSharpV(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v, 'g', -1, 64);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (isMap(v))
    return `map[interface {}]interface {}{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${goSharpV(v[k])}`)
      .join(', ')}}`;
  return String(v);
}

/** Finds the first NaN/±Inf in Go's JSON encoding order (sorted map keys) for the marshal error. */
function firstNonFinite(v: GoValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = firstNonFinite(x);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (v !== null && typeof v === 'object' && isMap(v)) {
    const keys = Object.keys(v).sort();
    for (const k of keys) {
      const r = firstNonFinite(v[k]);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

// --- syntax errors ------------------------------------------------------------------------------------------

// --- libyaml's lexical rules js-yaml does not share -------------------------------------------------------

/** A text rewritten for js-yaml (see {@link prepareForJsYaml}). */
interface Prepared {
  /** The text js-yaml parses; every line keeps its number. */
  text: string;
  /** libyaml's message for the first escape sequence it rejects in a double-quoted scalar (rewritten to `\q`). */
  badEscape?: string;
  /**
   * A document marker (`---`/`...` at column 0) inside a quoted scalar or flow collection: its 0-based line
   * and libyaml's error there (js-yaml fails on that line too, with another reason).
   */
  marker?: { line: number; message: string; scanner: boolean };
  /**
   * The first token libyaml's scanner rejects and js-yaml accepts (an anchor or alias name that is not
   * alphanumeric, a token starting with `%`, `@` or a backquote): its offset in `text`, 0-based line and message.
   * It fails the document unless js-yaml fails earlier.
   */
  error?: { pos: number; line: number; message: string };
}

/** Escape characters libyaml accepts after `\` in a double-quoted scalar (besides a line break). */
const LIBYAML_ESCAPES = new Set([
  '0',
  'a',
  'b',
  't',
  '\t',
  'n',
  'v',
  'f',
  'r',
  'e',
  ' ',
  '"',
  "'",
  '\\',
  'N',
  '_',
  'L',
  'P',
]);

function isYamlBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * Rewrites the text so js-yaml's grammar accepts what libyaml's scanner accepts, without moving any line:
 * - NEL (U+0085) is a line break for libyaml's reader everywhere (it reads it as `\n`);
 * - inside flow collections and quoted scalars libyaml checks no indentation (only document markers at
 *   column 0 end them), so their continuation lines are indented for js-yaml, and tabs between flow tokens
 *   become spaces;
 * - libyaml starts a comment at a `#` right after a token that is not a plain scalar (`[1]#c`, `"x"#c`);
 * - libyaml's escapes differ: `\'` is an apostrophe, `\/` is unknown, `\u`/`\U` must not name a surrogate
 *   or a code point past U+10FFFF (rejected escapes become `\q`, which js-yaml rejects at the same place).
 */
/** Spaces at the start of the line beginning at `lineStart`. */
function lineIndent(text: string, lineStart: number): number {
  let j = lineStart;
  while (text[j] === ' ') j++;
  return j - lineStart;
}

function prepareForJsYaml(src: string): Prepared {
  const text = src.includes('\u0085') ? src.replaceAll('\u0085', '\n') : src;
  let out = '';
  let from = 0;
  let badEscape: string | undefined;
  let marker: Prepared['marker'];
  let error: Prepared['error'];
  const fail = (at: number, message: string): void => {
    error ??= { pos: out.length + at - from, line, message };
  };
  let line = 0;
  // Open flow collections (`[` or `{`), and the last character of a flow token.
  const flows: string[] = [];
  let lastFlowChar = '';
  let flow = 0;
  let quote = '';
  // Column where the outermost open flow collection or quoted scalar started, plus one.
  let pad = 0;
  // The last token was not a plain scalar (a `#` right after it starts a comment).
  let afterToken = false;
  // Inside a plain scalar (quotes and brackets are content).
  let inPlain = false;
  // Indentation of the line holding a block scalar header while its content lines are skipped, or -1.
  let blockIndent = -1;
  // A block-context plain scalar: the indentation of the line it started on, and, after a line break inside
  // it, the indentation a following line must exceed to continue it (libyaml's multi-line plain scalars), or -1.
  let plainIndent = -1;
  // The previous character was a JSON-like value indicator (see below).
  let jsonValueNext = false;
  let contIndent = -1;
  let lineHasContent = false;
  let lineStart = 0;
  const emit = (to: number, s: string): void => {
    out += text.slice(from, to) + s;
  };
  const isWs = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
  const isEnd = (ch: string | undefined): boolean => ch === undefined || isYamlBreak(ch) || isWs(ch);
  for (let i = 0; i < text.length; i++) {
    let c = text[i] as string;
    if ((c === '\u2028' || c === '\u2029') && quote === '') {
      // LINE and PARAGRAPH SEPARATOR break lines for libyaml (its scalars keep them; js-yaml's values then
      // hold a line feed instead).
      emit(i, '\n');
      from = i + 1;
      c = '\n';
    }
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      if (inPlain && flow === 0 && quote === '') contIndent = plainIndent;
      else if (lineHasContent) contIndent = -1;
      lineHasContent = false;
      lineStart = i + 1;
      line++;
      inPlain = false;
      if (quote === '') afterToken = false;
      if (blockIndent >= 0) {
        // Block scalar content: lines more indented than the header's line, and empty lines.
        let j = lineStart;
        while (text[j] === ' ') j++;
        if (j - lineStart > blockIndent || j >= text.length || isYamlBreak(text[j])) {
          const nl = text.indexOf('\n', lineStart);
          i = (nl < 0 ? text.length : nl) - 1;
          continue;
        }
        blockIndent = -1;
      }
      if ((flow > 0 || quote !== '') && pad > 0 && lineStart < text.length) {
        const isMarker =
          (text.startsWith('---', lineStart) || text.startsWith('...', lineStart)) &&
          isEnd(text[lineStart + 3]);
        if (!isMarker) {
          emit(lineStart, ' '.repeat(pad));
          from = lineStart;
        } else if (marker === undefined) {
          // libyaml's scanner rejects it in a quoted scalar; in a flow collection it is a document token the
          // parser does not expect.
          const open = flows[flows.length - 1] === '{' ? '}' : ']';
          marker =
            quote !== ''
              ? { line, message: 'found unexpected document indicator', scanner: true }
              : '[{,:'.includes(lastFlowChar)
                ? { line, message: 'did not find expected node content', scanner: false }
                : { line, message: `did not find expected ',' or '${open}'`, scanner: false };
        }
      }
      continue;
    }
    if (quote === '"') {
      if (c === '\\') {
        const n = text[i + 1];
        if (n === "'") {
          emit(i, '\\x27');
          from = i + 2;
          i++;
          continue;
        }
        if (isYamlBreak(n)) continue;
        let bad: string | undefined;
        if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + len);
          if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
            const v = Number.parseInt(hex, 16);
            if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
              bad = 'found invalid Unicode character escape code';
          }
        } else if (
          n !== undefined &&
          n !== 'x' &&
          !isYamlBreak(n) &&
          n !== '\u2028' &&
          n !== '\u2029' &&
          !LIBYAML_ESCAPES.has(n)
        )
          bad = 'found unknown escape character';
        if (bad !== undefined) {
          badEscape ??= bad;
          emit(i, '\\q');
          from = i + 2;
        }
        i++;
        continue;
      }
      if (c === '"') {
        quote = '';
        afterToken = true;
        lastFlowChar = c;
        if (flow === 0) pad = 0;
      }
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else {
          quote = '';
          afterToken = true;
          lastFlowChar = c;
          if (flow === 0) pad = 0;
        }
      }
      continue;
    }
    if (!lineHasContent && !isWs(c)) {
      lineHasContent = true;
      if (contIndent >= 0) {
        // A more indented line continues the plain scalar: its first character starts no token.
        if (flow === 0 && i - lineStart > contIndent && c !== '#') inPlain = true;
        else contIndent = -1;
      }
    }
    const prev = i === lineStart ? ' ' : (text[i - 1] as string);
    const tokenStart = isWs(prev) || (flow > 0 && '[]{},'.includes(prev)) || jsonValueNext;
    jsonValueNext = false;
    if (isWs(c)) {
      if (c === '\t' && flow > 0) {
        // A tab between flow tokens (not inside a plain scalar) is separation for libyaml.
        let k = i;
        while (k > lineStart && isWs(text[k - 1])) k--;
        let j = i;
        while (isWs(text[j])) j++;
        const next = text[j];
        if (!inPlain || k === lineStart || isEnd(next) || '[]{},#'.includes(next as string)) {
          emit(i, ' ');
          from = i + 1;
        }
      }
      continue;
    }
    if (c === '#' && (tokenStart || afterToken)) {
      if (!tokenStart) {
        emit(i, ' ');
        from = i;
      }
      while (i + 1 < text.length && !isYamlBreak(text[i + 1])) i++;
      continue;
    }
    if (flow > 0) lastFlowChar = c;
    if (inPlain) {
      if (flow > 0 && '[]{},'.includes(c)) inPlain = false;
      else if (c === ':' && (isEnd(text[i + 1]) || (flow > 0 && ',[]{}'.includes(text[i + 1] as string)))) {
        inPlain = false;
        continue;
      } else continue;
    }
    if (!tokenStart && !afterToken && flow === 0) {
      inPlain = true;
      plainIndent = lineIndent(text, lineStart);
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      if (flow === 0) pad = i - lineStart + 1;
      afterToken = false;
      continue;
    }
    if (c === '[' || c === '{') {
      if (flow === 0) pad = i - lineStart + 1;
      flow++;
      flows.push(c);
      lastFlowChar = c;
      afterToken = true;
      continue;
    }
    if (flow > 0 && (c === ']' || c === '}' || c === ',')) {
      if (c !== ',') {
        flow--;
        flows.pop();
        if (flow === 0) pad = 0;
      }
      lastFlowChar = c;
      afterToken = true;
      continue;
    }
    // In a flow collection, `:` right after a quoted scalar or a collection (`{"a":"b"}`) is a value indicator
    // even without a space after it: what follows starts a token.
    if (c === ':' && flow > 0 && afterToken) {
      afterToken = false;
      jsonValueNext = true;
      continue;
    }
    afterToken = false;
    if ((c === '-' || c === '?' || c === ':') && isEnd(text[i + 1])) continue;
    if ((c === '%' && i > lineStart) || c === '@' || c === '`')
      fail(i, 'found character that cannot start any token');
    if (c === '&' || c === '*') {
      let j = i + 1;
      while (/[0-9A-Za-z_-]/.test(text[j] ?? '')) j++;
      if (j === i + 1 || !(isEnd(text[j]) || '?:,]}%@`'.includes(text[j] as string)))
        fail(j, 'did not find expected alphabetic or numeric character');
      else if ('%@`'.includes(text[j] as string)) fail(j, 'found character that cannot start any token');
    }
    if (c === '&' || c === '!' || c === '*') {
      while (
        i + 1 < text.length &&
        !isEnd(text[i + 1]) &&
        !(flow > 0 && ',[]{}'.includes(text[i + 1] as string))
      )
        i++;
      continue;
    }
    if ((c === '|' || c === '>') && flow === 0) {
      let j = lineStart;
      while (text[j] === ' ') j++;
      blockIndent = j - lineStart;
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    inPlain = true;
    plainIndent = lineIndent(text, lineStart);
  }
  if (from !== 0) out += text.slice(from);
  const prepared: Prepared = { text: from === 0 ? text : out };
  if (badEscape !== undefined) prepared.badEscape = badEscape;
  if (marker !== undefined) prepared.marker = marker;
  if (error !== undefined) prepared.error = error;
  return prepared;
}

interface JsYamlErrorLike {
  reason?: string;
  mark?: { line: number; column: number; position: number };
}

/**
 * When line `l` would continue a multi-line plain scalar that ends the previous non-empty line (`key: value`
 * or `- value`, no comment), the scalar's indentation (libyaml's `parser.indent + 1`); otherwise -1.
 */
function plainContinuationIndent(lines: string[], l: number): number {
  let p = l - 1;
  while (p >= 0 && (lines[p] as string).trim() === '') p--;
  if (p < 0) return -1;
  const prev = (lines[p] as string).replace(/\r$/, '');
  if (prev.includes(' #')) return -1;
  const kv = /^( *(?:- +)*)[^\s#'"{[\]}?|>!&*%@`-][^:#]*: +[^\s'"{[|>!&*#%@`]/.exec(prev);
  if (kv) return (kv[1] as string).length + 1;
  const item = /^( *(?:- +)*)- +[^\s'"{[|>!&*#%@`-]/.exec(prev);
  if (item && !/: /.test(prev)) return (item[1] as string).length + 1;
  return -1;
}

/** The innermost flow collection (`[` or `{`) open at offset `end` of the text (quotes and comments skipped). */
function innermostFlow(text: string, end: number): string {
  const flows: string[] = [];
  let quote = '';
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== '') {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(text[i - 1] as string))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') flows.push(c);
    else if ((c === ']' || c === '}') && flows.length > 0) flows.pop();
  }
  return flows[flows.length - 1] ?? '[';
}

/**
 * Rebuilds libyaml's message for a syntax error js-yaml found. js-yaml's reasons are coarser than libyaml's,
 * so the common cases are recognised from the source text (best effort). libyaml (as yaml.v2 reports it)
 * prints `line N: ` only when the 0-based line of the problem is not 0; scanner errors add 1 to it, parser
 * errors do not.
 */
function syntaxMessage(
  text: string,
  e: JsYamlErrorLike,
  prep: Omit<Prepared, 'text'> = {},
): { message: string; line?: number } {
  const reason = e.reason ?? 'syntax error';
  const errLine = e.mark ? e.mark.line : 0;
  const lines = text.split('\n');
  const eofLine = lines.length - 1;
  const scanner = (l: number, msg: string) =>
    l !== 0 ? { message: `line ${l + 1}: ${msg}`, line: l + 1 } : { message: msg };
  const parser = (l: number, msg: string) =>
    l !== 0 ? { message: `line ${l}: ${msg}`, line: l } : { message: msg };
  const marker = prep.marker;
  if (marker !== undefined && marker.line === errLine)
    return marker.scanner ? scanner(errLine, marker.message) : parser(errLine, marker.message);
  // Line-level problems up to the reported line, in source order.
  for (let l = 0; l <= Math.min(errLine, eofLine); l++) {
    const ln = (lines[l] as string).replace(/\r$/, '');
    if (/^ *\t/.test(ln) && /\S/.test(ln)) {
      const cont = plainContinuationIndent(lines, l);
      const tabCol = ln.indexOf('\t');
      // A tab inside the indentation of a multi-line plain scalar's next line: libyaml's plain scalar
      // scanner rejects it when it sits left of the scalar's indentation, and otherwise eats it as a blank.
      if (cont >= 0 && tabCol < cont) return scanner(l, 'found a tab character that violates indentation');
      if (cont >= 0) {
        if (/^[ \t]*[^\s#'"{[-][^:#]*:(?: |$)/.test(ln))
          return scanner(l, 'mapping values are not allowed in this context');
      } else return scanner(l, 'found character that cannot start any token');
    }
    // A more indented `key:` line right after `key: plain value` continues that plain scalar in libyaml,
    // whose scanner then rejects the `:` ("mapping values are not allowed").
    if (l > 0) {
      const prevLine = (lines[l - 1] as string).replace(/\r$/, '');
      const prevIndent = /^ */.exec(prevLine)![0].length;
      const indent = /^ */.exec(ln)![0].length;
      if (
        indent > prevIndent &&
        /^ *(?:- )?[^\s#'"{[][^:#]*: +[^\s'"{[|>!&*#]/.test(prevLine) &&
        /^ *[^\s#'"{[-][^:#]*:(?: |$)/.test(ln)
      ) {
        return scanner(l, 'mapping values are not allowed in this context');
      }
    }
    const m = /^(\s*(?:- )?)([^\s#'"{[][^:#]*?):(?: +(.*))?$/.exec(ln);
    if (m && m[3] !== undefined) {
      const v = m[3];
      if (v[0] === '@' || v[0] === '`') return scanner(l, 'found character that cannot start any token');
      if (v === '-' || v.startsWith('- '))
        return scanner(l, 'block sequence entries are not allowed in this context');
      if (/^[^'"{[|>!&*].*?: /.test(v) || /^[^'"{[|>!&*][^#]*:$/.test(v)) {
        return scanner(l, 'mapping values are not allowed in this context');
      }
    }
  }
  if (/unknown escape sequence/.test(reason))
    return scanner(errLine, prep.badEscape ?? 'found unknown escape character');
  if (/expected hexadecimal character/.test(reason))
    return scanner(errLine, 'did not find expected hexdecimal number');
  if (/undeclared tag handle/.test(reason)) return parser(errLine, 'found undefined tag handle');
  if (/directives end mark is expected/.test(reason))
    return parser(eofLine, 'did not find expected <document start>');
  // Unclosed quotes and flow collections fail at the end of the stream.
  let quote = '';
  const flows: string[] = [];
  // Last significant character outside comments (a closing quote for a quoted scalar).
  let last = '';
  let dashAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== '') {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else {
          quote = '';
          last = c;
        }
      }
      continue;
    }
    // `- ` where a flow node should start is a block entry token the parser rejects.
    if (
      dashAt < 0 &&
      c === '-' &&
      flows.length > 0 &&
      (last === '[' || last === '{' || last === ',') &&
      /^[\s]?$/.test(text[i + 1] ?? '')
    )
      dashAt = i;
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && c !== '#') last = c;
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(text[i - 1] as string))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') flows.push(c);
    else if ((c === ']' || c === '}') && flows.length > 0) flows.pop();
  }
  if (quote !== '') return scanner(eofLine, 'found unexpected end of stream');
  // libyaml's stream-end token starts on a new line when the last line is not terminated.
  const lastCode = text.charCodeAt(text.length - 1);
  const streamEndLine =
    lineAt(text, text.length) -
    1 +
    (text.length > 0 && lastCode !== 10 && !isOtherBreak(lastCode, 0) ? 1 : 0);
  if (dashAt >= 0) return parser(lineAt(text, dashAt) - 1, 'did not find expected node content');
  // Two flow entries with no comma between them (`[[1 2] [3]]`, as a printed list of lists gives): libyaml's
  // parser wants a separator or the end of the innermost open flow collection, unless the next character
  // cannot start a token at all (block scalar indicators are not tokens inside flow collections).
  if (/missed comma between flow collection entries/.test(reason)) {
    const at = e.mark?.position ?? text.length;
    if ('@`%|>'.includes(text[at] ?? ' '))
      return scanner(errLine, 'found character that cannot start any token');
    const open = innermostFlow(text, at);
    return parser(errLine, `did not find expected ',' or '${open === '{' ? '}' : ']'}'`);
  }
  if (flows.length > 0) {
    // After `[`, `{`, `,` or a value `:` the parser wants a node; after a node, a separator.
    if (last === '[' || last === '{' || last === ',' || last === ':')
      return parser(streamEndLine, 'did not find expected node content');
    return parser(
      streamEndLine,
      flows[flows.length - 1] === '['
        ? "did not find expected ',' or ']'"
        : "did not find expected ',' or '}'",
    );
  }
  // A required simple key (a plain scalar alone on the last line) fails at the stream end.
  if (/expected ':' after a mapping key/.test(reason) && text.slice(e.mark?.position ?? 0).trim() === '')
    return scanner(streamEndLine, "could not find expected ':'");
  if (/end of the stream or a document separator is expected/.test(reason)) {
    const prev = (lines[errLine - 1] ?? '').trim();
    if (/^- /.test(prev) || prev === '-') return parser(errLine, "did not find expected '-' indicator");
    return scanner(errLine, 'mapping values are not allowed in this context');
  }
  if (/bad indentation of a mapping entry/.test(reason)) {
    const prev = (lines[errLine - 1] ?? '').trim();
    if (/^- /.test(prev) || prev === '-') return parser(errLine, "did not find expected '-' indicator");
    return scanner(errLine, 'mapping values are not allowed in this context');
  }
  if (/tab characters must not be used/.test(reason))
    return scanner(errLine, 'found character that cannot start any token');
  if (/can not read a block mapping entry|can not read an implicit mapping pair/.test(reason)) {
    return scanner(errLine, "could not find expected ':'");
  }
  return scanner(errLine, reason);
}

function parseEventsOrThrow(
  text: string,
  file: string | undefined,
  maxDepth: number,
  prep: Omit<Prepared, 'text'> = {},
): Event[] {
  const pending = prep.error;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch (e) {
    if (pending !== undefined && pending.pos <= ((e as JsYamlErrorLike).mark?.position ?? text.length))
      throw pendingError(pending, file);
    if (e instanceof RangeError || /nesting|depth/i.test((e as JsYamlErrorLike).reason ?? '')) {
      throw new GoYamlError(
        `error converting YAML to JSON: yaml: exceeded max depth of ${maxDepth}`,
        file,
        undefined,
        'YAML_TOO_DEEP',
      );
    }
    const { message, line } = syntaxMessage(text, e as JsYamlErrorLike, prep);
    throw new GoYamlError(`error converting YAML to JSON: yaml: ${message}`, file, line);
  }
  if (pending !== undefined && inFirstDocument(text, pending.pos)) throw pendingError(pending, file);
  return events;
}

/** The scanner error {@link prepareForJsYaml} found. */
function pendingError(error: NonNullable<Prepared['error']>, file: string | undefined): GoYamlError {
  const where = error.line !== 0 ? `line ${error.line + 1}: ` : '';
  return new GoYamlError(
    `error converting YAML to JSON: yaml: ${where}${error.message}`,
    file,
    error.line !== 0 ? error.line + 1 : undefined,
  );
}

/** Whether offset `pos` lies before the marker ending the first document (yaml.v2 reads no further). */
function inFirstDocument(text: string, pos: number): boolean {
  const end = firstDocumentEnd(text);
  return end < 0 || pos < end;
}

/** Offsets of lines that start a document marker (`---` / `...` followed by space or end of line). */
function markerOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1) {
    if ((text.startsWith('---', i) || text.startsWith('...', i)) && /^[ \t\r\n]?$/.test(text[i + 3] ?? '')) {
      out.push(i);
    }
    if (text.indexOf('\n', i) < 0) break;
  }
  return out;
}

// Characters libyaml's reader refuses (outside #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]); js-yaml accepts some of them.
// A byte escape (a lone low surrogate U+DC80–U+DCFF; see strconv) stands for a byte that is not UTF-8.
const BYTE_ESCAPE_RE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const CONTROL_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** Offset of the document marker that ends the first document, or -1. */
function firstDocumentEnd(text: string): number {
  let prev = 0;
  let started = false;
  for (const cut of markerOffsets(text)) {
    if (cut > 0 && (started || /^[ \t]*[^\s#]/m.test(text.slice(prev, cut)))) return cut;
    started = true;
    prev = cut + 3;
  }
  return -1;
}

/**
 * yaml.v2's reader error for the bytes at a byte escape (a byte of the rendered text that is not UTF-8; see
 * strconv's byte escapes): its UTF-8 decoder checks the leading octet, the trailing octets, the length and
 * the code point, in that order.
 */
function invalidUtf8Problem(text: string, index: number): string {
  const b = utf8Bytes(text.slice(index, index + 4));
  const lead = b[0]!;
  const width = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
  if (width === 0) return 'invalid leading UTF-8 octet';
  if (b.length < width) return 'incomplete UTF-8 octet sequence';
  let value = width === 2 ? lead & 0x1f : width === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < width; k++) {
    if ((b[k]! & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
    value = (value << 6) | (b[k]! & 0x3f);
  }
  if ((width === 2 && value < 0x80) || (width === 3 && value < 0x800) || (width === 4 && value < 0x10000)) {
    return 'invalid length of a UTF-8 sequence';
  }
  return 'invalid Unicode character';
}

/** yaml.v2's reader error for a control character or a byte that is not UTF-8 within the first document. */
function checkControlCharacters(text: string, file: string | undefined): void {
  const m = CONTROL_RE.exec(text);
  const esc = BYTE_ESCAPE_RE.exec(text);
  if (m === null && esc === null) return;
  const at = m === null ? esc!.index : esc === null ? m.index : Math.min(m.index, esc.index);
  // yaml.v2 stops at the marker ending the first document, but its reader decodes the input ahead in
  // 512-byte chunks: a control character in the chunk holding that marker still fails.
  const end = firstDocumentEnd(text);
  if (end >= 0 && at > end) {
    const readBytes = Math.ceil((utf8Bytes(text.slice(0, end + 4)).length + 1) / 512) * 512;
    if (utf8Bytes(text.slice(0, at)).length >= readBytes) return;
  }
  const problem =
    esc !== null && at === esc.index ? invalidUtf8Problem(text, at) : 'control characters are not allowed';
  // A sequence cut off by the end of the input fails only once the reader has hit EOF, which it never does
  // when the parser stops at the end of the first document.
  if (problem === 'incomplete UTF-8 octet sequence' && end >= 0 && at > end) return;
  throw new GoYamlError(`error converting YAML to JSON: yaml: ${problem}`, file);
}

/** The first document's node, parsing only as much as yaml.v2 would (a broken later document is ignored). */
function firstDocument(source: string, file: string | undefined, maxDepth: number): YNode | null {
  checkControlCharacters(source, file);
  const prep = prepareForJsYaml(source);
  const text = prep.text;
  let events: Event[];
  try {
    events = parseEventsOrThrow(text, file, maxDepth, prep);
  } catch (err) {
    // yaml.v2 stops after the first document: retry on prefixes cut at document markers.
    for (const cut of markerOffsets(text)) {
      if (prep.error !== undefined && prep.error.pos < cut) throw pendingError(prep.error, file);
      let ev: Event[];
      try {
        ev = parseEvents(text.slice(0, cut), { maxDepth });
      } catch {
        continue;
      }
      const docs = buildDocuments(text, ev, file);
      if (docs.length > 0) return docs[0] ?? null;
    }
    throw err;
  }
  const docs = buildDocuments(text, events, file);
  return docs.length > 0 ? (docs[0] ?? null) : null;
}

function decodeDocument(root: YNode | null, file: string | undefined): GoValue {
  if (root === null) return null;
  const d = new Decoder();
  let v: GoValue;
  try {
    v = d.value(root);
  } catch (e) {
    if (e instanceof DecodeFail) {
      const aliasing = e.message === 'document contains excessive aliasing';
      throw new GoYamlError(
        `error converting YAML to JSON: yaml: ${e.message}`,
        file,
        undefined,
        aliasing ? 'YAML_ALIASING' : 'YAML_PARSE',
      );
    }
    if (e instanceof KeyFail) throw new GoYamlError(`error converting YAML to JSON: ${e.message}`, file);
    if (e instanceof RangeError)
      throw new GoYamlError(
        'error converting YAML to JSON: yaml: exceeded max depth',
        file,
        undefined,
        'YAML_TOO_DEEP',
      );
    throw e;
  }
  if (d.nonFinite) {
    const bad = firstNonFinite(v);
    if (bad !== undefined) {
      const s = Number.isNaN(bad) ? 'NaN' : bad > 0 ? '+Inf' : '-Inf';
      throw new GoYamlError(`error converting YAML to JSON: json: unsupported value: ${s}`, file);
    }
  }
  return v;
}

/**
 * Parses YAML exactly as sigs.k8s.io/yaml hands it to Helm (`yaml.Unmarshal` into `interface{}`): the first
 * document only, yaml.v2 typing, then Go's JSON round trip (all numbers float64, keys strings).
 * Returns null for an empty document. Throws {@link GoYamlError} with Go's message text.
 */
export function parseGoYaml(text: string, options: GoYamlOptions = {}): GoValue {
  const maxDepth = options.maxDepth ?? 1000;
  return decodeDocument(firstDocument(text, options.file, maxDepth), options.file);
}

// --- head-only decoding -----------------------------------------------------------------------------------

/** Returned by {@link headFromEvents} when the full decoder must decide (it then gives the exact error). */
const FULL = Symbol('full');

/** An open collection while streaming over events. */
interface HeadFrame {
  k: typeof SEQ | typeof MAP | -1;
  pos: number;
  flow: boolean;
  /** Child nodes so far (keys and values for a mapping). */
  n: number;
  /** The value being built, or null when this subtree is only checked. */
  out: GoMap | GoValue[] | null;
  /** Mapping being built: the converted key waiting for its value. */
  key: string;
  /** Whether the pending value is built (the root mapping builds only the requested keys). */
  buildValue: boolean;
  /** The root mapping of the document (builds only the requested keys). */
  root: boolean;
}

/**
 * Decodes the first document straight from js-yaml's events, checking every scalar as the full decoder does
 * but building values only for the requested top-level keys. Answers {@link FULL} for anything it does not
 * model exactly (aliases, merge keys, non-scalar or unconvertible keys, non-finite floats, a root that is not
 * a mapping, any scalar the decoder would reject); the implicit-key checks run in the same order as in
 * buildDocuments, so their errors are the same.
 */
function headFromEvents(
  text: string,
  events: Event[],
  file: string | undefined,
  keys: ReadonlySet<string>,
): GoValue | typeof FULL {
  for (const e of events) if (e.type === EVENT_ID.ALIAS) return FULL;
  const stack: HeadFrame[] = [];
  let started = false;
  let result: GoValue | undefined;
  let rootSeen = false;
  // Places a finished node in its parent; returns false when the full decoder must take over.
  const place = (v: GoValue): void => {
    const top = stack[stack.length - 1]!;
    if (top.k === SEQ) {
      if (top.out !== null) (top.out as GoValue[]).push(v);
    } else if (top.k === MAP) {
      if (top.out !== null && top.buildValue) (top.out as GoMap)[top.key] = v;
    } else {
      result = v;
    }
    top.n++;
  };
  const building = (): boolean => {
    const top = stack[stack.length - 1]!;
    if (top.k === -1) return true;
    if (top.k === SEQ) return top.out !== null;
    return top.out !== null && top.buildValue;
  };
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (started) return result ?? null;
        started = true;
        stack.push({ k: -1, pos: 0, flow: false, n: 0, out: null, key: '', buildValue: true, root: false });
        break;
      case EVENT_ID.SCALAR: {
        const top = stack[stack.length - 1]!;
        const tag = e.tagStart >= 0 ? longTag(text.slice(e.tagStart, e.tagEnd)) : '';
        const value = blockScalarAtEof(text, e, getScalarValue(text, e));
        const implicit = tag === '' && e.style === 1;
        let r: Resolved;
        if (!implicit && tag === '') r = { t: 'str', v: value };
        else {
          let rtag: string;
          try {
            [rtag, r] = resolve(tag, value);
          } catch {
            return FULL;
          }
          if (rtag === BINARY) {
            const bytes = decodeBase64(value);
            if (bytes === null) return FULL;
            r = { t: 'str', v: goBytesToString(bytes) };
          }
        }
        if (top.k === MAP && top.n % 2 === 0) {
          checkImplicitKey(
            text,
            e,
            { flow: top.flow, pairCount: top.n, pos: top.pos },
            stack[stack.length - 2]?.pos,
            file,
          );
          if (value === '<<' && (implicit || tag === MERGE)) return FULL;
          let key: string;
          switch (r.t) {
            case 'str':
              key = r.v;
              break;
            case 'bool':
              key = r.v ? 'true' : 'false';
              break;
            case 'int':
              key = r.v.toString();
              break;
            case 'float': {
              if (!Number.isFinite(r.v)) return FULL;
              key = formatFloat(r.v, 'g', -1, 32);
              break;
            }
            default:
              return FULL;
          }
          top.key = key;
          top.buildValue = top.out !== null && (!top.root || keys.has(key));
          top.n++;
          break;
        }
        if (r.t === 'float' && !Number.isFinite(r.v)) return FULL;
        if (stack.length === 1) return FULL; // a scalar document: not a mapping
        if (!building()) {
          top.n++;
          break;
        }
        place(
          r.t === 'str' || r.t === 'bool' ? r.v : r.t === 'null' ? null : r.t === 'float' ? r.v : Number(r.v),
        );
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const top = stack[stack.length - 1]!;
        if (top.k === MAP && top.n % 2 === 0) return FULL; // a collection as a key
        const isMapEv = e.type === EVENT_ID.MAPPING;
        const isRoot = stack.length === 1;
        if (isRoot && (!isMapEv || rootSeen)) return FULL;
        if (isRoot) rootSeen = true;
        const build = building();
        stack.push({
          k: isMapEv ? MAP : SEQ,
          pos: e.start,
          flow: isMapEv && e.style === 2,
          n: 0,
          out: build ? (isMapEv ? newMap() : []) : null,
          key: '',
          buildValue: false,
          root: isRoot,
        });
        break;
      }
      case EVENT_ID.POP: {
        const closed = stack.pop()!;
        if (closed.k === -1) break;
        const parent = stack[stack.length - 1]!;
        if (closed.out !== null) place(closed.out);
        else parent.n++;
        break;
      }
    }
  }
  return started ? (result ?? null) : null;
}

/**
 * Like {@link parseGoYaml}, but returns only the given top-level keys of a mapping document (other keys are
 * checked exactly as the full decoder checks them, without building their values). Rendered manifests are
 * validated this way: Helm converts every document in full but reads only its head, and building the values
 * of megabyte-sized CRDs dominated the cost (time and memory) of large charts. Errors are the full
 * decoder's, word for word: whenever the streaming pass is not sure, the full decoder runs on the same events.
 */
export function parseGoYamlHead(
  source: string,
  keys: ReadonlySet<string>,
  options: GoYamlOptions = {},
): GoValue {
  const maxDepth = options.maxDepth ?? 1000;
  const file = options.file;
  checkControlCharacters(source, file);
  const prep = prepareForJsYaml(source);
  const text = prep.text;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch {
    return parseGoYaml(source, options);
  }
  if (prep.error !== undefined && inFirstDocument(text, prep.error.pos)) return parseGoYaml(source, options);
  const head = headFromEvents(text, events, file, keys);
  if (head !== FULL) return head;
  const docs = buildDocuments(text, events, file);
  return decodeDocument(docs.length > 0 ? (docs[0] ?? null) : null, file);
}

/** The JSON type name Go's decoder uses in "cannot unmarshal X into ..." messages. */
export function jsonTypeName(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * Parses YAML into a Go `map[string]interface{}` as `yaml.Unmarshal(data, &m)` does (Helm's values files,
 * `fromYaml`). Returns null for an empty/null document (a nil map); throws {@link GoYamlError} when the
 * document is not a mapping, with Go's message (`error unmarshaling JSON: while decoding JSON: json: cannot
 * unmarshal array into Go value of type map[string]interface {}`).
 */
export function parseGoYamlMap(text: string, options: GoYamlOptions = {}): GoMap | null {
  const v = parseGoYaml(text, options);
  if (v === null || v === undefined) return null;
  if (!isMap(v)) {
    throw new GoYamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type map[string]interface {}`,
      options.file,
    );
  }
  return v;
}

/**
 * Splits a stream into documents like k8s.io/apimachinery's `YAMLReader` (Helm 4's values loader): a line
 * starting with `---` ends a document; only spaces or a comment may follow `---` on that line.
 * Empty chunks are skipped.
 */
export function splitYamlDocuments(text: string, file?: string): string[] {
  const out: string[] = [];
  let start = 0;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    if (text.startsWith('---', pos)) {
      const rest = text.slice(pos + 3, end).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        throw new GoYamlError(`error reading yaml document: invalid Yaml document separator: ${rest}`, file);
      }
      if (pos > start) out.push(text.slice(start, pos));
      start = end;
    }
    pos = end;
  }
  if (pos > start) out.push(text.slice(start, pos));
  return out;
}

/**
 * Parses every document of a stream (split as {@link splitYamlDocuments} does) with {@link parseGoYaml}.
 */
export function parseGoYamlDocuments(text: string, options: GoYamlOptions = {}): GoValue[] {
  return splitYamlDocuments(text, options.file).map((doc) => parseGoYaml(doc, options));
}

/** Options of {@link parseGoYamlValues}. */
export interface GoYamlValuesOptions extends GoYamlOptions {
  /**
   * Helm 4 reads values files as multi-document streams (documents split on `---` lines, each a map, merged
   * in order); Helm 3 reads the first document only. Default false (Helm 3).
   */
  multiDoc?: boolean;
}

/** Helm 4's `MergeMaps(a, b)`: b wins, nested maps merge recursively, a null in b is kept. */
function mergeMapsHelm4(a: GoMap, b: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(a)) out[k] = a[k];
  for (const k of Object.keys(b)) {
    const v = b[k];
    const cur = out[k];
    if (isMap(v) && Object.hasOwn(out, k) && cur !== null && cur !== undefined && isMap(cur)) {
      out[k] = mergeMapsHelm4(cur, v);
      continue;
    }
    out[k] = v;
  }
  return out;
}

/**
 * Parses a values file as Helm does (`chartutil.ReadValues` in Helm 3, `loader.LoadValues` in Helm 4):
 * always a map (empty for an empty document). Errors are {@link GoYamlError}s with Helm's text, without the
 * caller's prefix (`cannot load values.yaml: ` / `failed to parse FILE: `); Helm 4's per-document prefix
 * `cannot unmarshal yaml document: ` is included.
 */
export function parseGoYamlValues(text: string, options: GoYamlValuesOptions = {}): GoMap {
  if (!options.multiDoc) return parseGoYamlMap(text, options) ?? newMap();
  let values = newMap();
  for (const doc of splitYamlDocuments(text, options.file)) {
    let m: GoMap | null;
    try {
      // The YAML reader returns every line with a line break, the last one too.
      m = parseGoYamlMap(doc.endsWith('\n') ? doc : `${doc}\n`, options);
    } catch (e) {
      if (e instanceof GoYamlError) {
        throw new GoYamlError(`cannot unmarshal yaml document: ${e.message}`, options.file, e.line, e.code);
      }
      throw e;
    }
    if (m !== null) values = mergeMapsHelm4(values, m);
  }
  return values;
}
