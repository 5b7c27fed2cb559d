// The interpreted schema walk (src/values/schema-verdict.ts) must decide exactly as ajv does, as helmkit
// configures ajv, wherever it decides at all. Checked on every schema of the values case table and of the
// corpus charts, against seeded random mutations of each chart's own default values.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Compat } from '../../src/chart/metadata.js';
import { GoNumber, type GoValue, newMap } from '../../src/util/go/value.js';
import { parseGoYaml } from '../../src/util/go/yaml-parse.js';
import { compileSchemaWithAjv } from '../../src/values/schema.js';
import {
  AJV_KEYWORDS_2020,
  AJV_KEYWORDS_DRAFT7,
  prepareSchema,
  schemaVerdict,
} from '../../src/values/schema-verdict.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/charts');

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function toJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)) ?? 'null');
}

const SAMPLES: unknown[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  65536,
  '',
  'a',
  'abc-def',
  'ÿ😀',
  '10Gi',
  'http://x',
  [],
  [1, 1],
  ['a', 'b'],
  {},
  { a: 1 },
];

/** Replaces, deletes or adds a value somewhere in a copy of `doc`. */
function mutate(doc: unknown, r: () => number): unknown {
  const copy = structuredClone(doc);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  let steps = 1 + Math.floor(r() * 3);
  while (steps-- > 0) {
    let cur: unknown = copy;
    for (let depth = 0; depth < 8; depth++) {
      if (cur === null || typeof cur !== 'object') break;
      const keys = Object.keys(cur);
      if (keys.length === 0 || r() < 0.2) break;
      const k = pick(keys);
      const child = (cur as Record<string, unknown>)[k];
      if (child !== null && typeof child === 'object' && r() < 0.75) {
        cur = child;
        continue;
      }
      const action = r();
      if (action < 0.7) (cur as Record<string, unknown>)[k] = structuredClone(pick(SAMPLES));
      else if (!Array.isArray(cur)) delete (cur as Record<string, unknown>)[k];
      else (cur as unknown[]).push(structuredClone(pick(SAMPLES)));
      break;
    }
    if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && r() < 0.1) {
      (cur as Record<string, unknown>)[`extra${Math.floor(r() * 3)}`] = structuredClone(pick(SAMPLES));
    }
  }
  return copy;
}

/** The same document as the values pipeline holds it: null-prototype maps, and Go ints for some integers. */
function goForm(doc: unknown, r: () => number): unknown {
  if (Array.isArray(doc)) return doc.map((x) => goForm(x, r));
  if (doc !== null && typeof doc === 'object') {
    const m = newMap();
    for (const [k, v] of Object.entries(doc)) m[k] = goForm(v, r) as GoValue;
    return m;
  }
  if (typeof doc === 'number' && Number.isSafeInteger(doc)) {
    const pick = r();
    if (pick < 0.2) return BigInt(doc);
    if (pick < 0.4) return new GoNumber('int64', BigInt(doc));
  }
  return doc;
}

function corpusSchemas(): { name: string; schema: string; values: unknown }[] {
  const out: { name: string; schema: string; values: unknown }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (!statSync(p).isDirectory()) continue;
      const schemaFile = path.join(p, 'values.schema.json');
      if (existsSync(schemaFile) && existsSync(path.join(p, 'Chart.yaml'))) {
        const valuesFile = path.join(p, 'values.yaml');
        const values = existsSync(valuesFile) ? parseGoYaml(readFileSync(valuesFile, 'utf8')) : {};
        out.push({
          name: path.relative(CORPUS, p),
          schema: readFileSync(schemaFile, 'utf8'),
          values: toJson(values ?? {}),
        });
      }
      walk(p);
    }
  };
  if (existsSync(CORPUS)) walk(CORPUS);
  return out;
}

function tableSchemas(): { name: string; schema: string; values: unknown }[] {
  const cases = JSON.parse(readFileSync(new URL('./cases/values-schema.json', import.meta.url), 'utf8')) as {
    id: string;
    chart: { values?: string; schema?: string };
  }[];
  return cases
    .filter((c) => c.chart.schema !== undefined)
    .map((c) => ({
      name: `table:${c.id}`,
      schema: c.chart.schema as string,
      values: toJson(parseGoYaml(c.chart.values ?? '') ?? {}),
    }));
}

describe('interpreted schema verdicts agree with ajv', () => {
  it('knows every keyword ajv knows (a new ajv keyword must be modelled or sent to ajv)', async () => {
    type Rules = { RULES: { all: Record<string, unknown> } };
    type Ctor = new (o: object) => Rules;
    const ctorOf = (m: unknown): Ctor => {
      const d = (m as { default?: unknown }).default;
      return (typeof d === 'function' ? d : (d as { default: unknown }).default) as Ctor;
    };
    const Ajv = ctorOf(await import('ajv'));
    const Ajv2020 = ctorOf(await import('ajv/dist/2020.js'));
    expect([...AJV_KEYWORDS_DRAFT7].sort()).toEqual(Object.keys(new Ajv({ strict: false }).RULES.all).sort());
    expect([...AJV_KEYWORDS_2020].sort()).toEqual(
      Object.keys(new Ajv2020({ strict: false }).RULES.all).sort(),
    );
  });

  // Every modelled keyword at its boundaries, against every sample document.
  const KEYWORD_SCHEMAS: object[] = [
    { type: 'integer' },
    { type: ['string', 'null'] },
    { type: 'number', minimum: 1, maximum: 2 },
    { exclusiveMinimum: 1, exclusiveMaximum: 65536 },
    { minLength: 1, maxLength: 3 },
    { maxLength: 1 },
    { pattern: '^a' },
    { pattern: '\\p{L}' },
    { enum: ['a', 1, null, [1, 1], { a: 1 }] },
    { const: { a: 1 } },
    { minItems: 1, maxItems: 2 },
    { uniqueItems: true },
    { items: { type: 'integer' } },
    { contains: { type: 'string' } },
    { required: ['a'] },
    { minProperties: 1, maxProperties: 1 },
    { properties: { a: { type: 'string' } }, additionalProperties: false },
    { patternProperties: { '^a': { type: 'integer' } }, additionalProperties: { type: 'string' } },
    { propertyNames: { maxLength: 1 } },
    { allOf: [{ minimum: 0 }, { maximum: 1 }] },
    { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    { oneOf: [{ type: 'number' }, { type: 'integer' }] },
    { not: { type: 'object' } },
    JSON.parse('{"if":{"type":"string"},"then":{"minLength":2},"else":{"type":"number"}}'),
    { definitions: { a: { type: 'array' } }, $ref: '#/definitions/a' },
    { $defs: { 'a/b': { minimum: 2 } }, anyOf: [{ $ref: '#/$defs/a~1b' }, { type: 'string' }] },
    { properties: { a: { $ref: '#' } }, type: 'object' },
    { format: 'email' },
    true,
    false,
  ];
  const KEYWORD_DOCS: unknown[] = [
    ...SAMPLES,
    'ab',
    'abc',
    'abcd',
    2,
    3,
    0.5,
    [1, 2],
    [1, 2, 3],
    { a: 'x' },
    { b: 1 },
    { aa: 1, b: 'x' },
    { a: { a: { a: 1 } } },
  ];
  for (const compat of ['helm3', 'helm4'] as Compat[]) {
    it(`${compat}: same verdict as ajv for each modelled keyword at its boundaries`, () => {
      let decided = 0;
      for (const schema of KEYWORD_SCHEMAS) {
        const p = prepareSchema(schema, compat);
        if (p === undefined) continue;
        const ajv = compileSchemaWithAjv(JSON.stringify(schema), compat);
        for (const doc of KEYWORD_DOCS) {
          const v = schemaVerdict(p, doc);
          if (v === undefined) continue;
          decided++;
          expect({ schema, doc, v }).toEqual({ schema, doc, v: ajv(doc) });
        }
      }
      expect(decided).toBeGreaterThan(KEYWORD_SCHEMAS.length * KEYWORD_DOCS.length * 0.9);
    });
  }

  const schemas = [...tableSchemas(), ...corpusSchemas()];
  for (const compat of ['helm3', 'helm4'] as Compat[]) {
    it(`${compat}: same verdict as ajv on ${schemas.length} schemas × mutated values`, () => {
      let decided = 0;
      let prepared = 0;
      let invalidSeen = 0;
      for (const [i, { name, schema, values }] of schemas.entries()) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(schema);
        } catch {
          continue;
        }
        const p = prepareSchema(parsed, compat);
        if (p === undefined) continue;
        prepared++;
        let ajv: (doc: unknown) => boolean;
        try {
          ajv = compileSchemaWithAjv(schema, compat);
        } catch {
          // ajv refuses the schema: the walk must not have accepted it.
          throw new Error(`${name}: walk accepted a schema ajv cannot compile`);
        }
        const r = rng(1000 + i);
        const docs = [values, {}, ...Array.from({ length: 150 }, () => mutate(values, r))];
        for (const doc of docs) {
          const v = schemaVerdict(p, doc);
          if (v === undefined) continue;
          decided++;
          const expected = ajv(doc);
          const vGo = schemaVerdict(p, goForm(doc, r));
          if (vGo !== v) throw new Error(`${name} (${compat}): walk on Go values says ${vGo}, on JSON ${v}`);
          if (!expected) invalidSeen++;
          if (v !== expected)
            throw new Error(
              `${name} (${compat}): walk says ${v}, ajv ${expected} for ${JSON.stringify(doc).slice(0, 400)}`,
            );
        }
      }
      // The fast path must actually apply to most real schemas, and the mutations must reach invalid values.
      expect(prepared).toBeGreaterThan(schemas.length / 2);
      expect(decided).toBeGreaterThan(1000);
      expect(invalidSeen).toBeGreaterThan(100);
    }, 120000);
  }
});
