/**
 * A fast, interpreted "is it valid?" check for values.schema.json, used before ajv.
 *
 * ajv generates and compiles JavaScript for each schema: ~50–80 ms and ~10 MB of garbage for a typical chart
 * schema in a fresh process, where the one-shot CLI pays it on every run. Almost every render has valid
 * values, so helmkit first walks the schema directly over the values. The walk answers only for schemas made
 * of the keywords below, with exactly ajv's semantics for them (as configured in schema.ts: `strict: false`,
 * draft-07 + ajv-formats for Helm 3, 2020-12 without format assertions for Helm 4); for anything else it
 * answers `undefined` and ajv decides. When the values are invalid, ajv runs too, because the error text is
 * built from ajv's error objects. A differential test keeps this walk and ajv in agreement.
 */
import { runeCount } from '../util/go/strings.js';
import { GoNumber } from '../util/go/value.js';
import type { Compat } from './coalesce.js';

/** A verdict: valid, invalid, or "ask ajv". */
export type SchemaVerdict = boolean | undefined;

/** Thrown inside the walk when the schema uses something it does not model. */
class Unsupported extends Error {}

/** Every keyword ajv knows for the draft (from `ajv.RULES.all`, pinned by a test), plus the core ones. */
export const AJV_KEYWORDS_DRAFT7: ReadonlySet<string> = new Set(
  '$comment $ref additionalItems additionalProperties allOf anyOf const contains dependencies else enum exclusiveMaximum exclusiveMinimum format id if items maxItems maxLength maxProperties maximum minItems minLength minProperties minimum multipleOf not nullable oneOf pattern patternProperties properties propertyNames required then type uniqueItems'.split(
    ' ',
  ),
);
/** See {@link AJV_KEYWORDS_DRAFT7}. */
export const AJV_KEYWORDS_2020: ReadonlySet<string> = new Set(
  '$comment $dynamicAnchor $dynamicRef $recursiveAnchor $recursiveRef $ref additionalProperties allOf anyOf const contains dependencies dependentRequired dependentSchemas else enum exclusiveMaximum exclusiveMinimum format id if items maxContains maxItems maxLength maxProperties maximum minContains minItems minLength minProperties minimum multipleOf not nullable oneOf pattern patternProperties prefixItems properties propertyNames required then type unevaluatedItems unevaluatedProperties uniqueItems'.split(
    ' ',
  ),
);

/** Keywords this walk evaluates; any other keyword ajv knows sends the schema to ajv. */
const MODELLED = new Set([
  '$comment',
  '$ref',
  'additionalProperties',
  'allOf',
  'anyOf',
  'const',
  'contains',
  'else',
  'enum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'format',
  'if',
  'items',
  'maxItems',
  'maxLength',
  'maxProperties',
  'maximum',
  'minItems',
  'minLength',
  'minProperties',
  'minimum',
  'not',
  'oneOf',
  'pattern',
  'patternProperties',
  'properties',
  'propertyNames',
  'required',
  'then',
  'type',
  'uniqueItems',
]);

const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);
const MAX_DEPTH = 500;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = boolean | { [k: string]: unknown };

/**
 * Checks once, over every subschema, that the schema uses only modelled keywords with well-formed values, local
 * `$ref`s that resolve, and regexes that compile: then the data walk needs no checks. Throws {@link Unsupported}.
 */
class Analyzer {
  private readonly seen = new Set<object>();
  readonly regexps = new Map<string, RegExp>();
  constructor(
    private readonly root: Schema,
    private readonly known: ReadonlySet<string>,
    private readonly compat: Compat,
  ) {}

  regexp(source: unknown): RegExp {
    if (typeof source !== 'string') throw new Unsupported();
    let re = this.regexps.get(source);
    if (re === undefined) {
      try {
        // ajv's default: `new RegExp(pattern, "u")`.
        re = new RegExp(source, 'u');
      } catch {
        throw new Unsupported();
      }
      this.regexps.set(source, re);
    }
    return re;
  }

  resolve(ref: unknown): Schema {
    if (typeof ref !== 'string' || !ref.startsWith('#')) throw new Unsupported();
    if (ref === '#') return this.root;
    if (!ref.startsWith('#/')) throw new Unsupported();
    let cur: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      let token: string;
      try {
        token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      } catch {
        throw new Unsupported();
      }
      if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, token)) throw new Unsupported();
      cur = (cur as Record<string, unknown>)[token];
    }
    if (!isSchema(cur)) throw new Unsupported();
    return cur;
  }

  check(schema: unknown, isRoot: boolean): void {
    if (typeof schema === 'boolean') return;
    if (!isSchema(schema)) throw new Unsupported();
    const obj = schema as object;
    if (this.seen.has(obj)) return;
    this.seen.add(obj);
    const s = schema as Record<string, unknown>;
    for (const k of Object.keys(s)) {
      if (k === '$id' && !isRoot) throw new Unsupported();
      if (k === '$anchor' || k === '$recursiveAnchor' || k === '$dynamicAnchor') throw new Unsupported();
      if (this.known.has(k) && !MODELLED.has(k)) throw new Unsupported();
    }
    for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
      if (s[k] !== undefined && typeof s[k] !== 'number') throw new Unsupported();
    }
    for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']) {
      if (s[k] !== undefined && !isCount(s[k])) throw new Unsupported();
    }
    if (s.type !== undefined) {
      const list = Array.isArray(s.type) ? s.type : [s.type];
      if (list.length === 0) throw new Unsupported();
      for (const t of list) if (typeof t !== 'string' || !TYPES.has(t)) throw new Unsupported();
    }
    if (s.enum !== undefined && !Array.isArray(s.enum)) throw new Unsupported();
    if (s.format !== undefined && this.compat !== 'helm4') throw new Unsupported();
    if (s.pattern !== undefined) this.regexp(s.pattern);
    if (s.required !== undefined && !isStringList(s.required)) throw new Unsupported();
    if (s.uniqueItems !== undefined && typeof s.uniqueItems !== 'boolean') throw new Unsupported();
    for (const k of ['properties', 'patternProperties']) {
      const v = s[k];
      if (v === undefined) continue;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Unsupported();
      for (const [name, sub] of Object.entries(v)) {
        if (k === 'patternProperties') this.regexp(name);
        this.check(sub, false);
      }
    }
    for (const k of [
      'additionalProperties',
      'items',
      'contains',
      'propertyNames',
      'not',
      'if',
      'then',
      'else',
    ]) {
      if (s[k] !== undefined) this.check(s[k], false);
    }
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = s[k];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) throw new Unsupported();
      for (const sub of list) this.check(sub, false);
    }
    if (s.$ref !== undefined) this.check(this.resolve(s.$ref), false);
  }
}

/** The data walk over a schema the {@link Analyzer} accepted. */
class Walker {
  constructor(private readonly a: Analyzer) {}

  valid(schema: unknown, goData: Json, depth: number): boolean {
    if (schema === true) return true;
    if (schema === false) return false;
    const data = jsonData(goData);
    // A `$ref` cycle that never consumes data: leave it to ajv.
    if (depth > MAX_DEPTH) throw new Unsupported();
    const s = schema as Record<string, unknown>;
    if (s.$ref !== undefined && !this.valid(this.a.resolve(s.$ref), data, depth + 1)) return false;
    if (s.type !== undefined) {
      const list = Array.isArray(s.type) ? s.type : [s.type];
      if (!list.some((t) => hasType(t as string, data))) return false;
    }
    if (s.enum !== undefined && !(s.enum as unknown[]).some((e) => deepEqual(e, data))) return false;
    if (s.const !== undefined && !deepEqual(s.const, data)) return false;
    if (typeof data === 'number' && !numberOk(s, data)) return false;
    if (typeof data === 'string' && !this.stringOk(s, data)) return false;
    if (Array.isArray(data)) {
      if (!this.arrayOk(s, data, depth)) return false;
    } else if (data !== null && typeof data === 'object' && !this.objectOk(s, data, depth)) return false;
    if (s.allOf !== undefined && !(s.allOf as unknown[]).every((x) => this.valid(x, data, depth + 1)))
      return false;
    if (s.anyOf !== undefined && !(s.anyOf as unknown[]).some((x) => this.valid(x, data, depth + 1)))
      return false;
    if (s.oneOf !== undefined) {
      let passed = 0;
      for (const x of s.oneOf as unknown[]) if (this.valid(x, data, depth + 1)) passed++;
      if (passed !== 1) return false;
    }
    if (s.not !== undefined && this.valid(s.not, data, depth + 1)) return false;
    if (s.if !== undefined) {
      const branch = this.valid(s.if, data, depth + 1) ? s.then : s.else;
      if (branch !== undefined && !this.valid(branch, data, depth + 1)) return false;
    }
    return true;
  }

  private stringOk(s: Record<string, unknown>, str: string): boolean {
    // ajv counts Unicode code points (its `unicode` option is on by default).
    if (s.minLength !== undefined || s.maxLength !== undefined) {
      const len = runeCount(str);
      if (s.minLength !== undefined && len < (s.minLength as number)) return false;
      if (s.maxLength !== undefined && len > (s.maxLength as number)) return false;
    }
    return s.pattern === undefined || this.a.regexp(s.pattern).test(str);
  }

  private arrayOk(s: Record<string, unknown>, a: Json[], depth: number): boolean {
    if (s.minItems !== undefined && a.length < (s.minItems as number)) return false;
    if (s.maxItems !== undefined && a.length > (s.maxItems as number)) return false;
    if (s.items !== undefined && !a.every((x) => this.valid(s.items, x, depth + 1))) return false;
    if (s.contains !== undefined && !a.some((x) => this.valid(s.contains, x, depth + 1))) return false;
    if (s.uniqueItems === true) {
      for (let i = 0; i < a.length; i++) {
        for (let j = i + 1; j < a.length; j++) if (deepEqual(a[i], a[j])) return false;
      }
    }
    return true;
  }

  private objectOk(s: Record<string, unknown>, o: { [k: string]: Json }, depth: number): boolean {
    const keys = Object.keys(o);
    if (s.minProperties !== undefined && keys.length < (s.minProperties as number)) return false;
    if (s.maxProperties !== undefined && keys.length > (s.maxProperties as number)) return false;
    if (s.required !== undefined) {
      for (const r of s.required as string[]) if (!Object.hasOwn(o, r)) return false;
    }
    const props = s.properties as Record<string, unknown> | undefined;
    const patterns = s.patternProperties as Record<string, unknown> | undefined;
    for (const k of keys) {
      let matched = false;
      if (props !== undefined && Object.hasOwn(props, k)) {
        matched = true;
        if (!this.valid(props[k], o[k] as Json, depth + 1)) return false;
      }
      if (patterns !== undefined) {
        for (const p of Object.keys(patterns)) {
          if (!this.a.regexp(p).test(k)) continue;
          matched = true;
          if (!this.valid(patterns[p], o[k] as Json, depth + 1)) return false;
        }
      }
      if (!matched && s.additionalProperties !== undefined) {
        if (!this.valid(s.additionalProperties, o[k] as Json, depth + 1)) return false;
      }
      if (s.propertyNames !== undefined && !this.valid(s.propertyNames, k, depth + 1)) return false;
    }
    return true;
  }
}

function numberOk(s: Record<string, unknown>, n: number): boolean {
  if (s.minimum !== undefined && !(n >= (s.minimum as number))) return false;
  if (s.maximum !== undefined && !(n <= (s.maximum as number))) return false;
  if (s.exclusiveMinimum !== undefined && !(n > (s.exclusiveMinimum as number))) return false;
  if (s.exclusiveMaximum !== undefined && !(n < (s.exclusiveMaximum as number))) return false;
  return true;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'boolean' || (v !== null && typeof v === 'object' && !Array.isArray(v));
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isStringList(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function hasType(t: string, d: Json): boolean {
  switch (t) {
    case 'null':
      return d === null;
    case 'boolean':
      return typeof d === 'boolean';
    case 'string':
      return typeof d === 'string';
    case 'number':
      return typeof d === 'number' && Number.isFinite(d);
    case 'integer':
      return typeof d === 'number' && Number.isFinite(d) && d % 1 === 0;
    case 'array':
      return Array.isArray(d);
    case 'object':
      return d !== null && typeof d === 'object' && !Array.isArray(d);
  }
  return false;
}

/**
 * A value as the JSON document ajv would see (schema.ts's toJSONValue): Go ints become numbers, a missing value
 * null; maps (null-prototype objects) and slices are read in place. Anything else is left to ajv.
 */
function jsonData(v: unknown): Json {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'function' || typeof v === 'symbol') throw new Unsupported();
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && proto !== Object.prototype) throw new Unsupported();
  }
  return v as Json;
}

/** ajv's equality (fast-deep-equal) for JSON data. */
function deepEqual(x: unknown, y: unknown): boolean {
  const a = jsonData(x);
  const b = jsonData(y);
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A schema prepared for {@link schemaVerdict}, or `undefined` when ajv must handle it. */
export interface PreparedSchema {
  readonly schema: Schema;
  readonly analyzer: Analyzer;
}

/**
 * Analyses a parsed schema once: `undefined` when it uses a keyword or form this walk does not model (then ajv
 * decides), otherwise a handle for {@link schemaVerdict}.
 */
export function prepareSchema(schema: unknown, compat: Compat): PreparedSchema | undefined {
  if (!isSchema(schema)) return undefined;
  const analyzer = new Analyzer(schema, compat === 'helm4' ? AJV_KEYWORDS_2020 : AJV_KEYWORDS_DRAFT7, compat);
  try {
    analyzer.check(schema, true);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
  return { schema, analyzer };
}

/**
 * Whether `data` (JSON data) satisfies a prepared schema as ajv, configured as in schema.ts for the same
 * compat mode, decides; `undefined` when the walk cannot decide (a `$ref` cycle that consumes no data).
 */
export function schemaVerdict(prepared: PreparedSchema, data: unknown): SchemaVerdict {
  try {
    return new Walker(prepared.analyzer).valid(prepared.schema, data as Json, 0);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}
