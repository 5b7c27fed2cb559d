import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from '../../src/util/go/fmt.js';
import type { GoValue } from '../../src/util/go/value.js';
import { evalArgs, goValuesFromYaml, parseCall } from './go-expr.js';

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

const table: Case[] = JSON.parse(readFileSync(new URL('./cases/fmt.json', import.meta.url), 'utf8'));
const valuesCache = new Map<string, GoValue>();
function valuesOf(c: Case): GoValue {
  const key = c.values ?? '';
  let v = valuesCache.get(key);
  if (v === undefined) {
    v = goValuesFromYaml(key);
    valuesCache.set(key, v);
  }
  return v;
}

/** Renders a case directly with the fmt functions (no template engine); undefined if not a direct shape. */
function renderDirect(c: Case): string | undefined {
  const values = valuesOf(c);
  const call = parseCall(c.template);
  if (!call) {
    const m = /^\{\{ (.*) \}\}$/s.exec(c.template);
    if (!m) return undefined;
    const [v] = evalArgs(m[1], values);
    // text/template prints a nil or missing value as <no value>, which Helm removes.
    return v === null || v === undefined ? '' : formatValue(v);
  }
  const args = evalArgs(call.rest, values);
  switch (call.fn) {
    case 'printf':
      return sprintf(args[0] as string, args.slice(1)) + call.suffix;
    case 'print':
      return sprint(args) + call.suffix;
    case 'println':
      return sprintln(args) + call.suffix;
  }
  return undefined;
}

describe('Go fmt against the oracle (direct)', () => {
  const direct = table.filter((c) => !c.id.startsWith('pipe'));
  it('covers the table', () => {
    expect(table.length).toBeGreaterThanOrEqual(250);
    expect(direct.length).toBeGreaterThan(table.length - 10);
  });
  for (const c of direct) {
    it(`${c.id}: ${c.template}`, () => {
      const got = renderDirect(c);
      expect({ out: got }).toEqual(c.helm3);
      expect({ out: got }).toEqual(c.helm4);
    });
  }
});
