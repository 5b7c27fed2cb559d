import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonFuncs } from '../../src/funcs/json.js';
import { formatValue } from '../../src/util/go/fmt.js';
import { GoFuncError } from '../../src/util/go/func.js';
import type { GoValue } from '../../src/util/go/value.js';
import { evalArgs, goValuesFromYaml, Unsupported } from '../util/go-expr.js';

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

const table: Case[] = JSON.parse(readFileSync(new URL('./cases/json.json', import.meta.url), 'utf8'));
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

const SHAPE = /^\{\{ (\w+) (.*?)(?: \| (\w+))? \}\}$/s;

type Direct = { out: string } | { errorCalling: string } | undefined;

/** Renders `{{ F ARGS }}` or `{{ F ARGS | G }}` with the json functions directly (no template engine). */
function renderDirect(c: Case, compat: 'helm3' | 'helm4'): Direct {
  const m = SHAPE.exec(c.template);
  if (!m) return undefined;
  const funcs = jsonFuncs({ compat });
  const f = funcs[m[1]];
  const g = m[3] === undefined ? undefined : funcs[m[3]];
  if (!f || (m[3] !== undefined && !g)) return undefined;
  let args: GoValue[];
  try {
    args = evalArgs(m[2], valuesOf(c));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  let name = f.name;
  try {
    let v = f.call(...args);
    if (g) {
      name = g.name;
      v = g.call(v);
    }
    // text/template prints a nil or missing result as <no value>, which Helm removes.
    return { out: v === null || v === undefined ? '' : formatValue(v) };
  } catch (e) {
    if (e instanceof GoFuncError) return { errorCalling: `error calling ${name}: ${e.message}\n` };
    throw e;
  }
}

function check(got: Direct, want: OracleResult): void {
  if (got && 'errorCalling' in got) {
    expect(want.err ?? `no error, output ${JSON.stringify(want.out)}`).toContain(got.errorCalling);
  } else expect(got).toEqual(want);
}

describe('JSON functions against the oracle (direct)', () => {
  const direct = table.filter((c) => renderDirect(c, 'helm3') !== undefined);
  it('covers the table', () => {
    expect(table.length).toBeGreaterThanOrEqual(120);
    expect(direct.length).toBeGreaterThan(table.length * 0.9);
  });
  for (const c of direct) {
    it(`${c.id}: ${c.template}`, () => {
      check(renderDirect(c, 'helm3'), c.helm3);
      check(renderDirect(c, 'helm4'), c.helm4);
    });
  }
});
