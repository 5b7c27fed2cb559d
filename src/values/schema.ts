/**
 * values.schema.json validation for the chart and every enabled subchart, with ajv. Helm 3 validates with
 * gojsonschema (draft-07 style) and Helm 4 with santhosh-tekuri/jsonschema (2020-12); their error texts are
 * rebuilt here from ajv's structured errors (wording per keyword as the real Helm prints it).
 * No `$ref` leaves the schema document: remote or file references are a typed error (Helm would fetch them).
 */

import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Chart } from '../chart/types.js';
import { unmarshalJSON } from '../util/go/json.js';
import { type GoMap, GoNumber, type GoValue, isMap } from '../util/go/value.js';
import { decodeUtf8Cached } from '../util/text.js';
import type { Compat } from './coalesce.js';
import { ValuesError } from './errors.js';
import { type PreparedSchema, prepareSchema, schemaVerdict } from './schema-verdict.js';

// CJS/ESM interop: the constructors are the default export (or its `default`).
type AjvCtor = new (
  opts: Record<string, unknown>,
) => {
  compile: (s: unknown) => ValidateFunction;
};
function ctor(m: unknown): AjvCtor {
  const d = (m as { default?: unknown }).default;
  return (typeof d === 'function' ? d : m) as AjvCtor;
}
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: unknown,
) => void;

const validators = new Map<string, ValidateFunction>();

/** What one schema file becomes per compat mode: the fast walk (when it applies) and, once needed, ajv. */
interface SchemaEntry {
  prepared: PreparedSchema | undefined;
  fn?: ValidateFunction;
}
/** Per loaded schema file (no re-decoding, no hashing of the text per render). */
const byBytes = new WeakMap<Uint8Array, Partial<Record<Compat, SchemaEntry>>>();

function entryFor(schema: Uint8Array, compat: Compat, chartName: string): SchemaEntry {
  let perCompat = byBytes.get(schema);
  if (perCompat === undefined) {
    perCompat = {};
    byBytes.set(schema, perCompat);
  }
  let entry = perCompat[compat];
  if (entry === undefined) {
    // Parse errors and external references fail here, before any validation, on both paths.
    entry = {
      prepared: prepareSchema(parseSchema(decodeUtf8Cached(schema), chartName, compat), compat),
    };
    perCompat[compat] = entry;
  }
  return entry;
}

/** A values.schema.json that is not JSON: Helm lists the chart with the decoder's error and goes on. */
class SchemaSyntaxError extends Error {}

/** JSON whitespace (Go's `isSpace` in encoding/json). */
const JSON_WS = /^[ \t\r\n]*$/;

/** Where the first JSON value of a text (known to start with a valid value) ends. */
function firstValueEnd(text: string): number {
  let i = 0;
  while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && !/[0-9A-Za-z.+-]/.test(c)) return i;
  }
  return i;
}

/**
 * Decodes a schema as Helm's validators read it: one value through Go's `json.Decoder` (`EOF` for an empty
 * file, `unexpected EOF` for a truncated one). Helm 3 (gojsonschema) ignores what follows the first value;
 * Helm 4 (jsonschema/v6) rejects it with `invalid character after top-level value`.
 */
function decodeSchemaJSON(schemaText: string, compat: Compat): unknown {
  if (JSON_WS.test(schemaText)) throw new SchemaSyntaxError('EOF');
  const { error } = unmarshalJSON(schemaText);
  let text = schemaText;
  if (error !== undefined) {
    if (error === 'unexpected end of JSON input') throw new SchemaSyntaxError('unexpected EOF');
    if (!error.endsWith('after top-level value')) throw new SchemaSyntaxError(error);
    if (compat === 'helm4') throw new SchemaSyntaxError('invalid character after top-level value');
    text = schemaText.slice(0, firstValueEnd(schemaText));
  }
  return JSON.parse(text);
}

function parseSchema(schemaText: string, chartName: string, compat: Compat): unknown {
  let schema: unknown;
  try {
    schema = decodeSchemaJSON(schemaText, compat);
  } catch (e) {
    if (e instanceof SchemaSyntaxError) throw e;
    throw new ValuesError(
      'VALUES_SCHEMA',
      `${chartName}: invalid values.schema.json: ${(e as Error).message}`,
    );
  }
  checkRefs(schema, chartName);
  return schema;
}

/** ajv as helmkit configures it for `compat` (exported for the differential test of the fast walk). */
export function compileSchemaWithAjv(schemaText: string, compat: Compat): (doc: unknown) => boolean {
  const fn = compile(schemaText, compat, 'test');
  return (doc) => fn(doc) as boolean;
}

function compile(schemaText: string, compat: Compat, chartName: string): ValidateFunction {
  const key = `${compat}\u0000${schemaText}`;
  const hit = validators.get(key);
  if (hit !== undefined) return hit;
  const schema = parseSchema(schemaText, chartName, compat);
  const Ctor = compat === 'helm4' ? ctor(Ajv2020Module) : ctor(AjvModule);
  // Schemas are compiled once per process; ajv's code optimisation passes cost more than they save here.
  const ajv = new Ctor({
    allErrors: true,
    strict: false,
    validateSchema: false,
    loadSchema: undefined,
    // ajv's warnings (e.g. `unknown format "email" ignored`) are not Helm's output.
    logger: false,
    code: { optimize: false },
  });
  // Helm 4's validator treats `format` as an annotation (no assertion); Helm 3's checks formats.
  if (compat === 'helm3') addFormats(ajv);
  let fn: ValidateFunction;
  try {
    fn = ajv.compile(schema);
  } catch (e) {
    throw new ValuesError(
      'VALUES_SCHEMA',
      `${chartName}: invalid values.schema.json: ${(e as Error).message}`,
    );
  }
  if (validators.size > 256) validators.clear();
  validators.set(key, fn);
  return fn;
}

/** Rejects `$ref`s that leave the document (http, file, relative files): helmkit never fetches them. */
function checkRefs(s: unknown, chartName: string): void {
  if (Array.isArray(s)) {
    for (const x of s) checkRefs(x, chartName);
    return;
  }
  if (s === null || typeof s !== 'object') return;
  for (const [k, v] of Object.entries(s)) {
    if ((k === '$ref' || k === '$dynamicRef') && typeof v === 'string' && !v.startsWith('#')) {
      throw new ValuesError(
        'VALUES_SCHEMA_REF',
        `${chartName}: values.schema.json: $ref ${JSON.stringify(v)} points outside the schema; helmkit does not load external references`,
      );
    }
    checkRefs(v, chartName);
  }
}

/** Values as the JSON document Helm validates (int64 → number; maps → plain objects). */
function toJSONValue(v: GoValue): unknown {
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJSONValue);
  if (v !== null && typeof v === 'object' && isMap(v)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      Object.defineProperty(o, k, {
        value: toJSONValue(v[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return o;
  }
  return v === undefined ? null : v;
}

function jsonTypeHelm3(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function jsonTypeHelm4(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function valueAt(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function goJSON(v: unknown): string {
  return JSON.stringify(v);
}

/** gojsonschema's field name: `(root)` or the dotted path. */
function helm3Field(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function helm3Message(e: ErrorObject, doc: unknown): string | undefined {
  const field = helm3Field(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field}: ${String(p.missingProperty)} is required`;
    case 'additionalProperties':
      return `${field}: Additional property ${String(p.additionalProperty)} is not allowed`;
    case 'type': {
      // gojsonschema prints several types as `[a,b]`, in the schema's order.
      const t = Array.isArray(p.type) ? `[${(p.type as string[]).join(',')}]` : String(p.type);
      return `${field}: Invalid type. Expected: ${t}, given: ${jsonTypeHelm3(valueAt(doc, e.instancePath))}`;
    }
    case 'minLength':
      return `${field}: String length must be greater than or equal to ${String(p.limit)}`;
    case 'maxLength':
      return `${field}: String length must be less than or equal to ${String(p.limit)}`;
    case 'pattern':
      return `${field}: Does not match pattern '${String(p.pattern)}'`;
    case 'minimum':
      return `${field}: Must be greater than or equal to ${String(p.limit)}`;
    case 'maximum':
      return `${field}: Must be less than or equal to ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `${field}: Must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `${field}: Must be less than ${String(p.limit)}`;
    case 'multipleOf':
      return `${field}: Must be a multiple of ${String(p.multipleOf)}`;
    case 'enum':
      return `${field}: ${field} must be one of the following: ${(p.allowedValues as unknown[]).map(goJSON).join(', ')}`;
    case 'const':
      return `${field}: ${field} does not match: ${goJSON(p.allowedValue)}`;
    case 'minItems':
      return `${field}: Array must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `${field}: Array must have at most ${String(p.limit)} items`;
    case 'minProperties':
      return `${field}: Must have at least ${String(p.limit)} properties`;
    case 'maxProperties':
      return `${field}: Must have at most ${String(p.limit)} properties`;
    case 'uniqueItems':
      return `${field}: array items[${String(p.j)},${String(p.i)}] must be unique`;
    case 'format':
      return `${field}: Does not match format '${String(p.format)}'`;
    case 'anyOf':
      return `${field}: Must validate at least one schema (anyOf)`;
    case 'oneOf':
      return `${field}: Must validate one and only one schema (oneOf)`;
    case 'not':
      return `${field}: Must not validate the schema (not)`;
    case 'if':
      return `${field}: Must validate "${String(p.failingKeyword)}" as "if" was ${p.failingKeyword === 'then' ? 'valid' : 'not valid'}`;
    case 'false schema':
      return `${field}: False always fails validation`;
    default:
      return `${field}: ${e.message ?? e.keyword}`;
  }
}

function quoteList(vals: unknown[]): string {
  return vals.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))).join(', ');
}

function helm4Message(e: ErrorObject, doc: unknown): string {
  const p = e.params as Record<string, unknown>;
  const got = valueAt(doc, e.instancePath);
  switch (e.keyword) {
    case 'required':
      return `missing property '${String(p.missingProperty)}'`;
    case 'additionalProperties':
      return `additional properties '${String(p.additionalProperty)}' not allowed`;
    case 'type': {
      // santhosh-tekuri/jsonschema lists types in its own fixed order (null first).
      const t = Array.isArray(p.type)
        ? [...(p.type as string[])].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)).join(' or ')
        : String(p.type);
      return `got ${jsonTypeHelm4(got)}, want ${t}`;
    }
    case 'minLength':
    case 'maxLength':
      return `${e.keyword}: got ${Array.from(String(got)).length}, want ${String(p.limit)}`;
    case 'minItems':
    case 'maxItems':
      return `${e.keyword}: got ${Array.isArray(got) ? got.length : 0}, want ${String(p.limit)}`;
    case 'minProperties':
    case 'maxProperties':
      return `${e.keyword}: got ${got !== null && typeof got === 'object' ? Object.keys(got).length : 0}, want ${String(p.limit)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${e.keyword}: got ${JSON.stringify(got)}, want ${String(p.limit)}`;
    case 'pattern':
      return `'${String(got)}' does not match pattern '${String(p.pattern)}'`;
    case 'enum': {
      const a = p.allowedValues as unknown[];
      return a.length === 1 ? `value must be ${quoteList(a)}` : `value must be one of ${quoteList(a)}`;
    }
    case 'const':
      return `value must be ${quoteList([p.allowedValue])}`;
    case 'multipleOf':
      return `multipleOf: got ${JSON.stringify(got)}, want ${String(p.multipleOf)}`;
    case 'uniqueItems':
      return `items at ${String(p.j)} and ${String(p.i)} are equal`;
    case 'anyOf':
      return "'anyOf' failed";
    case 'oneOf': {
      const passing = p.passingSchemas as number[] | null;
      return Array.isArray(passing)
        ? `'oneOf' failed, subschemas ${passing.join(', ')} matched`
        : "'oneOf' failed";
    }
    case 'not':
      return "'not' failed";
    case 'format':
      return `'${String(got)}' is not valid ${String(p.format)}`;
    case 'false schema':
      return 'false schema';
    default:
      return e.message ?? e.keyword;
  }
}

/** Splits ajv's flat list: errors inside an `anyOf`/`oneOf` branch become children of that combinator. */
function nest(errors: ErrorObject[]): Array<{ e: ErrorObject; children: ErrorObject[] }> {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const out: Array<{ e: ErrorObject; children: ErrorObject[] }> = [];
  const childOf = new Map<ErrorObject, ErrorObject>();
  for (const e of errors) {
    for (const c of combinators) {
      if (c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`)) {
        childOf.set(e, c);
        break;
      }
    }
  }
  const nodes = new Map<ErrorObject, { e: ErrorObject; children: ErrorObject[] }>();
  for (const c of combinators) nodes.set(c, { e: c, children: [] });
  for (const e of errors) {
    const parent = childOf.get(e);
    if (parent !== undefined) (nodes.get(parent) as { children: ErrorObject[] }).children.push(e);
  }
  // Keep source order, with each combinator at the position of its first branch error.
  const placed = new Set<ErrorObject>();
  for (const e of errors) {
    const parent = childOf.get(e);
    const top = parent ?? e;
    if (placed.has(top) || childOf.has(top)) continue;
    placed.add(top);
    out.push(nodes.get(top) ?? { e: top, children: [] });
  }
  return out;
}

/** Helm 4's output: grouped by location; `required`/`additionalProperties` list every name once. */
function helm4Lines(errors: ErrorObject[], doc: unknown): string {
  type Msg = { text: string; children: string[] };
  type Item = { path: string; msgs: Msg[] };
  const items: Item[] = [];
  const byPath = new Map<string, Item>();
  const merged = new Map<string, { kw: string; names: string[]; msg: Msg }>();
  for (const { e, children } of nest(errors)) {
    if (e.keyword === 'if') continue;
    const path = e.instancePath;
    let item = byPath.get(path);
    if (item === undefined) {
      item = { path, msgs: [] };
      byPath.set(path, item);
      items.push(item);
    }
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const name = String(
        (e.params as Record<string, unknown>)[
          e.keyword === 'required' ? 'missingProperty' : 'additionalProperty'
        ],
      );
      const k = `${path}\u0000${e.keyword}`;
      const m = merged.get(k);
      if (m !== undefined) {
        m.names.push(name);
        continue;
      }
      const msg: Msg = { text: '', children: [] };
      merged.set(k, { kw: e.keyword, names: [name], msg });
      item.msgs.push(msg);
      continue;
    }
    const kids =
      e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)
        ? []
        : children;
    item.msgs.push({
      text: helm4Message(e, doc),
      children: kids.map((c) => `at '${c.instancePath}': ${helm4Message(c, doc)}`),
    });
  }
  for (const m of merged.values()) {
    const list = m.names.map((n) => `'${n}'`).join(', ');
    m.msg.text =
      m.kw === 'required'
        ? `missing propert${m.names.length === 1 ? 'y' : 'ies'} ${list}`
        : `additional properties ${list} not allowed`;
  }
  let out = '';
  const emit = (indent: string, path: string, m: Msg): void => {
    out += `${indent}- at '${path}': ${m.text}\n`;
    for (const c of m.children) out += `${indent}  - ${c}\n`;
  };
  for (const it of items) {
    if (it.msgs.length === 1) emit('', it.path, it.msgs[0] as Msg);
    else {
      out += `- at '${it.path}': validation failed\n`;
      for (const m of it.msgs) emit('  ', it.path, m);
    }
  }
  return out;
}

/** Helm 3 (gojsonschema): a failed `anyOf`/`oneOf` is reported first, followed by its first branch's errors. */
function helm3Lines(errors: ErrorObject[], doc: unknown): string {
  let out = '';
  for (const { e, children } of nest(errors)) {
    const m = helm3Message(e, doc);
    if (m !== undefined) out += `- ${m}\n`;
    const first = `${e.schemaPath}/0/`;
    for (const c of children) {
      if (!c.schemaPath.startsWith(first)) continue;
      const cm = helm3Message(c, doc);
      if (cm !== undefined) out += `- ${cm}\n`;
    }
  }
  return out;
}

function validateOne(schema: Uint8Array, values: GoMap, compat: Compat, chartName: string): string {
  const entry = entryFor(schema, compat, chartName);
  // Valid values (the usual case) are settled by the interpreted walk, which reads the Go values in place;
  // ajv compiles only when the walk cannot decide or the values are invalid (its error objects give Helm's
  // messages).
  if (entry.prepared !== undefined && schemaVerdict(entry.prepared, values) === true) return '';
  const doc = toJSONValue(values) ?? {};
  entry.fn ??= compile(decodeUtf8Cached(schema), compat, chartName);
  const fn = entry.fn;
  if (fn(doc)) return '';
  const errors = (fn.errors ?? []) as ErrorObject[];
  return compat === 'helm4' ? helm4Lines(errors, doc) : helm3Lines(errors, doc);
}

const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

/**
 * Helm's `ValidateAgainstSchema`: validates the chart's values and, recursively, each subchart's scoped values
 * against their values.schema.json. Throws {@link ValuesError} (`VALUES_SCHEMA`) with Helm's message.
 */
export function validateChartSchemas(chart: Chart, values: GoMap, compat: Compat): void {
  const text = collect(chart, values, compat);
  if (text !== '') {
    throw new ValuesError(
      'VALUES_SCHEMA',
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${text}`,
    );
  }
}

function collect(chart: Chart, values: GoMap, compat: Compat): string {
  let sb = '';
  if (chart.schema !== undefined) {
    let errs: string;
    try {
      errs = validateOne(chart.schema, values, compat, chart.metadata.name);
    } catch (e) {
      if (!(e instanceof SchemaSyntaxError)) throw e;
      errs = e.message;
    }
    if (errs !== '') sb += `${chart.metadata.name}:\n${errs}`;
  }
  for (const sub of chart.dependencies) {
    const sv = values[sub.metadata.name];
    const subValues =
      sv !== null && sv !== undefined && typeof sv === 'object' && isMap(sv) ? sv : ({} as GoMap);
    sb += collect(sub, subValues, compat);
  }
  return sb;
}
