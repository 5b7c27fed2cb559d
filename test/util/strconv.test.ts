import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/util/go/fmt.js';
import {
  parseFloat as goParseFloat,
  parseInt as goParseInt,
  NumError,
  quote,
  quoteRune,
  unquote,
} from '../../src/util/go/strconv.js';

interface Case {
  id: string;
  kind: 'unquote' | 'parseInt' | 'parseFloat';
  input: string;
  template: string;
  helm3: { out?: string; err?: string };
  helm4: { out?: string; err?: string };
}

const table: Case[] = JSON.parse(readFileSync(new URL('./cases/strconv.json', import.meta.url), 'utf8'));

/** spf13/cast's trimZeroDecimal, applied by cast.ToInt64 before strconv.ParseInt(s, 0, 0). */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

function swallow<T>(f: () => T, zero: T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumError) return zero;
    throw e;
  }
}

// Strings holding bytes that are not UTF-8 cannot be represented by JavaScript strings.
const NOT_UTF8 = new Set(['"\\xff\\xfe"', '"\\377"']);

function render(c: Case): string {
  switch (c.kind) {
    case 'unquote': {
      const v = unquote(c.input);
      // A rune literal is an int in templates; %q prints it as a quoted rune.
      return c.input.startsWith("'") ? quoteRune(v.codePointAt(0)!) : quote(v);
    }
    case 'parseInt':
      return swallow(() => goParseInt(trimZeroDecimal(c.input), 0, 64), 0n).toString();
    case 'parseFloat':
      return formatValue(swallow(() => goParseFloat(c.input, 64), 0));
  }
}

describe('strconv against the oracle', () => {
  it('covers the table', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
  });
  for (const c of table.filter((x) => !NOT_UTF8.has(x.input))) {
    it(`${c.id}: ${c.template}`, () => {
      const got = render(c);
      expect({ out: got }).toEqual(c.helm3);
      expect({ out: got }).toEqual(c.helm4);
    });
  }
});
