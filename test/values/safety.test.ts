import { describe, expect, test } from 'vitest';
import type { Chart } from '../../src/chart/types.js';
import { HelmkitError } from '../../src/util/errors.js';
import { newMap } from '../../src/util/go/value.js';
import { GoYamlError, parseGoYaml, parseGoYamlValues } from '../../src/util/go/yaml-parse.js';
import { computeValues } from '../../src/values/compute.js';
import { ValuesError } from '../../src/values/errors.js';

const enc = new TextEncoder();

function chart(values: string, schema?: string): Chart {
  return {
    metadata: { apiVersion: 'v2', name: 'probe', version: '0.1.0' },
    templates: [],
    values: parseGoYamlValues(values),
    ...(schema !== undefined ? { schema: enc.encode(schema) } : {}),
    files: [],
    raw: [],
    dependencies: [],
  };
}

const protoKeys = ['polluted', 'x', 'y', 'z', 'p', 'q'];
function assertClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const k of protoKeys) expect(probe[k]).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('prototype pollution', () => {
  for (const compat of ['helm3', 'helm4'] as const) {
    test(`values files, --set, --set-json, --set-string, --set-literal (${compat})`, () => {
      const { values } = computeValues(
        chart('__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    x: 1\n'),
        {
          compat,
          valueFiles: [{ name: 'f.yaml', text: '__proto__: {y: 1}\nprototype: {z: 1}\n' }],
          set: ['__proto__.p=1', 'constructor.prototype.q=1', 'a.__proto__.polluted=2'],
          setString: ['__proto__.x=1'],
          setJson: ['__proto__={"polluted":3}', 'b={"__proto__":{"polluted":4}}'],
          setLiteral: ['constructor.prototype.polluted=5'],
        },
      );
      assertClean();
      // The keys are kept as plain data, as Helm keeps them.
      expect(Object.hasOwn(values, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(values)).toBeNull();
      const proto = Object.getOwnPropertyDescriptor(values, '__proto__')?.value as Record<string, unknown>;
      expect(Object.getPrototypeOf(proto)).toBeNull();
      expect(proto.polluted).toBe(3);
      expect(Object.hasOwn(values.constructor as object, 'prototype')).toBe(true);
    });
  }
  test('yaml parse keeps __proto__ as a key', () => {
    const v = parseGoYaml('__proto__: {polluted: 1}\n') as Record<string, unknown>;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    assertClean();
  });
});

describe('hostile input is a typed error', () => {
  test('deep nesting', () => {
    const text = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => parseGoYaml(text, { file: 'v.yaml' })).toThrow(GoYamlError);
    try {
      parseGoYaml(text, { file: 'v.yaml' });
    } catch (e) {
      expect((e as GoYamlError).code).toBe('YAML_TOO_DEEP');
      expect((e as GoYamlError).file).toBe('v.yaml');
    }
  });
  test('alias expansion (billion laughs)', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    try {
      parseGoYaml(`${levels.join('\n')}\n`, { file: 'bomb.yaml' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GoYamlError);
      expect((e as GoYamlError).code).toBe('YAML_ALIASING');
      expect((e as GoYamlError).file).toBe('bomb.yaml');
    }
  });
  test('huge --set index', () => {
    expect(() => computeValues(chart(''), { set: ['a[100000000]=1'] })).toThrow(ValuesError);
  });
  test('deep --set name', () => {
    expect(() => computeValues(chart(''), { set: [`${'a.'.repeat(1000)}b=1`] })).toThrow(ValuesError);
  });
  test('external $ref in a schema is refused, never fetched', () => {
    for (const ref of ['http://example.invalid/s.json', 'file:///dev/zero', 'other.json']) {
      const schema = JSON.stringify({ type: 'object', properties: { a: { $ref: ref } } });
      try {
        computeValues(chart('a: 1\n', schema));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(HelmkitError);
        expect((e as HelmkitError).code).toBe('VALUES_SCHEMA_REF');
      }
    }
  });
  test('skipSchemaValidation skips', () => {
    const schema = JSON.stringify({ type: 'object', required: ['zzz'] });
    expect(() => computeValues(chart('a: 1\n', schema))).toThrow(ValuesError);
    expect(computeValues(chart('a: 1\n', schema), { skipSchemaValidation: true }).values.a).toBe(1);
  });
});

describe('immutability', () => {
  test('the input chart and values are not modified', () => {
    const c = chart('a: {b: 1}\nl: [1]\n');
    const before = JSON.stringify(c.values);
    const user = newMap();
    user.a = newMap();
    computeValues(c, { values: user, set: ['a.c=2', 'l[0]=3'] });
    expect(JSON.stringify(c.values)).toBe(before);
    expect(Object.keys(user.a as object)).toEqual([]);
  });
});
