// values.schema.json validation (chart and subcharts), pass and fail.
// Run: node scripts/gen/values-schema.mjs → test/values/cases/values-schema.json
import { generateTable } from './values-oracle.mjs';

const S = (o) => JSON.stringify(o);
const obj = (props, more = {}) => ({ type: 'object', properties: props, ...more });
const cases = [];
const add = (id, schema, values, more = {}, chartMore = {}) => {
  const ser = (x) => (x === undefined || typeof x === 'string' ? x : S(x));
  const fix = (spec) => ({
    ...spec,
    ...(spec.schema !== undefined ? { schema: ser(spec.schema) } : {}),
    ...(spec.deps ? { deps: spec.deps.map(fix) } : {}),
  });
  cases.push({
    id,
    chart: fix({ name: 'probe', values, ...(schema !== undefined ? { schema } : {}), ...chartMore }),
    ...more,
  });
};

add('ok', obj({ a: { type: 'integer' } }), 'a: 1\n');
add('type-string', obj({ a: { type: 'string' } }), 'a: 1\n');
add('type-integer-float', obj({ a: { type: 'integer' } }), 'a: 1.5\n');
add('type-number', obj({ a: { type: 'number' } }), 'a: "x"\n');
add('type-bool', obj({ a: { type: 'boolean' } }), 'a: yes\n');
add('type-bool-bad', obj({ a: { type: 'boolean' } }), 'a: "yes"\n');
add('type-object', obj({ a: { type: 'object' } }), 'a: [1]\n');
add('type-array', obj({ a: { type: 'array' } }), 'a: {x: 1}\n');
add('type-null', obj({ a: { type: 'string' } }), 'a: null\n');
add('type-set-int64', obj({ a: { type: 'integer' } }), 'a: x\n', { set: ['a=5'] });
add('type-set-string', obj({ a: { type: 'integer' } }), 'a: 1\n', { setString: ['a=5'] });
add('required', S({ type: 'object', required: ['a'] }), 'b: 1\n');
add('required-two', S({ type: 'object', required: ['a', 'b'] }), 'c: 1\n');
add('required-ok', S({ type: 'object', required: ['a'] }), 'a: 1\n');
add('required-nested', obj({ m: { type: 'object', required: ['x'] } }), 'm: {y: 1}\n');
add('additional', S({ type: 'object', additionalProperties: false, properties: { a: {} } }), 'a: 1\nb: 2\n');
add('additional-schema', S({ type: 'object', additionalProperties: { type: 'string' } }), 'a: x\nb: 2\n');
add('minLength', obj({ a: { type: 'string', minLength: 3 } }), 'a: ab\n');
add('maxLength', obj({ a: { type: 'string', maxLength: 2 } }), 'a: abc\n');
add('pattern', obj({ a: { type: 'string', pattern: '^[a-z]+$' } }), 'a: ABC\n');
add('minimum', obj({ a: { type: 'number', minimum: 5 } }), 'a: 1\n');
add('maximum', obj({ a: { type: 'number', maximum: 5 } }), 'a: 10\n');
add('exclusiveMinimum', obj({ a: { type: 'number', exclusiveMinimum: 5 } }), 'a: 5\n');
add('exclusiveMaximum', obj({ a: { type: 'number', exclusiveMaximum: 5 } }), 'a: 5\n');
add('multipleOf', obj({ a: { type: 'number', multipleOf: 3 } }), 'a: 10\n');
add('enum', obj({ a: { enum: ['x', 'y'] } }), 'a: z\n');
add('enum-one', obj({ a: { enum: ['x'] } }), 'a: z\n');
add('enum-num', obj({ a: { enum: [1, 2] } }), 'a: 3\n');
add('const', obj({ a: { const: 'x' } }), 'a: y\n');
add('minItems', obj({ a: { type: 'array', minItems: 2 } }), 'a: [1]\n');
add('maxItems', obj({ a: { type: 'array', maxItems: 1 } }), 'a: [1, 2]\n');
add('items', obj({ a: { type: 'array', items: { type: 'string' } } }), 'a: [x, 1]\n');
add('uniqueItems', obj({ a: { type: 'array', uniqueItems: true } }), 'a: [1, 1]\n');
add('minProperties', obj({ a: { type: 'object', minProperties: 2 } }), 'a: {x: 1}\n');
add('maxProperties', obj({ a: { type: 'object', maxProperties: 1 } }), 'a: {x: 1, y: 2}\n');
add('format-email', obj({ a: { type: 'string', format: 'email' } }), 'a: notanemail\n');
add('anyOf', obj({ a: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } }), 'a: 1\n');
add('oneOf', obj({ a: { oneOf: [{ type: 'number' }, { minimum: 0 }] } }), 'a: 1\n');
add('not', obj({ a: { not: { type: 'number' } } }), 'a: 1\n');
add(
  'ref-local',
  S({
    type: 'object',
    definitions: { s: { type: 'string' } },
    properties: { a: { $ref: '#/definitions/s' } },
  }),
  'a: 1\n',
);
add('nested-path', obj({ m: obj({ n: obj({ x: { type: 'string' } }) }) }), 'm: {n: {x: 1}}\n');
add(
  'array-path',
  obj({ l: { type: 'array', items: obj({ x: { type: 'integer' } }) } }),
  'l: [{x: 1}, {x: a}]\n',
);
add('root-type', S({ type: 'array' }), 'a: 1\n');
add('empty-values-required', S({ type: 'object', required: ['a'] }), '');
add('override-fixes', obj({ a: { type: 'string' } }), 'a: 1\n', { set: ['a=x'] });
add('override-breaks', obj({ a: { type: 'integer' } }), 'a: 1\n', { setString: ['a=x'] });
add('null-removes', S({ type: 'object', required: ['a'] }), 'a: 1\n', { set: ['a=null'] });
add('global-visible', obj({ global: { type: 'object', required: ['g'] } }), 'x: 1\n');
const subSchema = obj({ a: { type: 'string' } });
const depsYaml = 'dependencies:\n  - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n';
add(
  'sub-fail',
  undefined,
  'x: 1\n',
  {},
  { extra: depsYaml, deps: [{ name: 'sub', values: 'a: 1\n', schema: subSchema }] },
);
add(
  'sub-fixed-by-parent',
  undefined,
  'sub:\n  a: x\n',
  {},
  { extra: depsYaml, deps: [{ name: 'sub', values: 'a: 1\n', schema: subSchema }] },
);
add(
  'sub-disabled',
  undefined,
  'sub:\n  enabled: false\n',
  {},
  { extra: depsYaml, deps: [{ name: 'sub', values: 'a: 1\n', schema: subSchema }] },
);
add(
  'both-fail',
  obj({ x: { type: 'string' } }),
  'x: 1\n',
  {},
  { extra: depsYaml, deps: [{ name: 'sub', values: 'a: 1\n', schema: subSchema }] },
);
add(
  'sub-global',
  undefined,
  'global:\n  g: 1\n',
  {},
  {
    extra: depsYaml,
    deps: [{ name: 'sub', values: 'a: x\n', schema: obj({ global: obj({ g: { type: 'string' } }) }) }],
  },
);
add(
  'deep-sub',
  undefined,
  'x: 1\n',
  {},
  {
    extra: 'dependencies:\n  - name: sub\n    version: 0.1.0\n',
    deps: [
      {
        name: 'sub',
        values: 'a: x\n',
        extra: 'dependencies:\n  - name: subsub\n    version: 0.1.0\n',
        deps: [{ name: 'subsub', values: 'b: 1\n', schema: obj({ b: { type: 'boolean' } }) }],
      },
    ],
  },
);
await generateTable('values-schema', cases);
