import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GoValue, newMap } from '../../src/util/go/value.js';
import { GoMarshalError, marshalGoYaml, marshalGoYamlPretty } from '../../src/util/go/yaml-emit.js';

interface OracleResult {
  out?: string;
  err?: string;
}
interface Case {
  id: string;
  template: string;
  values?: string;
  helm3: OracleResult;
  helm4: OracleResult;
}

const table: Case[] = JSON.parse(readFileSync(new URL('../funcs/cases/yaml.json', import.meta.url), 'utf8'));

/** Helm loads values through JSON: every number is a float64 (a JS number), maps are Go maps. */
function toGo(x: unknown): GoValue {
  if (Array.isArray(x)) return x.map(toGo);
  if (x !== null && typeof x === 'object') {
    const m = newMap();
    for (const [k, v] of Object.entries(x)) m[k] = toGo(v);
    return m;
  }
  return x as GoValue;
}

const direct = table.filter(
  (c) =>
    c.values !== undefined &&
    /^\{\{ toYaml(Pretty)? \.Values\.x \}\}$/.test(c.template) &&
    c.helm3.out !== undefined,
);

function render(c: Case): string {
  const v = toGo(JSON.parse(c.values!).x);
  try {
    const y = c.template.includes('Pretty') ? marshalGoYamlPretty(v) : marshalGoYaml(v);
    return y.endsWith('\n') ? y.slice(0, -1) : y;
  } catch (e) {
    if (e instanceof GoMarshalError) return '';
    throw e;
  }
}

describe('marshalGoYaml against Helm toYaml/toYamlPretty of values', () => {
  it('has enough direct cases', () => {
    expect(direct.length).toBeGreaterThan(400);
  });
  for (const c of direct) {
    it(`${c.id} ${c.values!.slice(0, 60)}`, () => {
      expect(render(c)).toBe(c.helm3.out);
      expect(render(c)).toBe(c.helm4.out);
    });
  }
});
