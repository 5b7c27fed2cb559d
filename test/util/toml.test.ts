import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeToml, TomlEncodeError } from '../../src/util/go/toml.js';
import { type GoValue, newMap } from '../../src/util/go/value.js';

interface Case {
  id: string;
  template: string;
  values?: string;
  helm3: { out?: string; err?: string };
  helm4: { out?: string; err?: string };
}

const table: Case[] = JSON.parse(readFileSync(new URL('../funcs/cases/toml.json', import.meta.url), 'utf8'));

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
  (c) => c.values !== undefined && c.template === '{{ toToml .Values.x }}' && c.helm3.out !== undefined,
);

function render(c: Case, compat: 'helm3' | 'helm4'): string {
  try {
    return encodeToml(toGo(JSON.parse(c.values!).x), { compat });
  } catch (e) {
    if (e instanceof TomlEncodeError) return e.message;
    throw e;
  }
}

describe('encodeToml against Helm toToml of values', () => {
  it('has enough direct cases', () => {
    expect(direct.length).toBeGreaterThan(60);
  });
  for (const c of direct) {
    it(`${c.id} ${c.values!.slice(0, 60)}`, () => {
      expect(render(c, 'helm3')).toBe(c.helm3.out);
      expect(render(c, 'helm4')).toBe(c.helm4.out);
    });
  }
});
