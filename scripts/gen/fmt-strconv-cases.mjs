// Generates test/util/cases/strconv.json: Go strconv behaviour observable through Helm templates.
//  - unquote: Go string/rune/raw literals in templates are read with strconv.Unquote; `printf "%q"` shows the value.
//  - parseInt: Sprig's `int64 "s"` is cast.ToInt64 = strconv.ParseInt(s, 0, 0) (0 on error).
//  - parseFloat: Sprig's `float64 "s"` is cast.ToFloat64 = strconv.ParseFloat(s, 64) (0 on error).
// Inputs only here; expected outputs come from the oracle. Usage: node scripts/gen/fmt-strconv-cases.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/util/cases/strconv.json');

const literals = [
  '"plain"',
  '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""',
  '"\\x41\\101\\u00e9\\U0001F600"',
  '"\\xff\\xfe"',
  '"\\377"',
  '"héllo ✓ 😀"',
  '"\\u2028\\u00a0\\u200b\\ufeff"',
  '"\\x00\\x1f\\x7f"',
  '"it\'s"',
  '`raw \\n string "q"`',
  '`multi\nline`',
  '""',
  '``',
  "'a'",
  "'\\n'",
  "'\\''",
  "'é'",
  "'\\u263A'",
  "'\\x41'",
  "'\\101'",
];

const ints = [
  '0x1F',
  '0X1f',
  '0o17',
  '0O17',
  '0b101',
  '0B1',
  '017',
  '08',
  '1_000',
  '_1',
  '1__0',
  '1_',
  '0x_1F',
  '0_17',
  '-0x10',
  '+5',
  '-0',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  'abc',
  '',
  ' 1',
  '1.0',
  '1.5',
  '0x',
  '0b2',
  '٣',
];

const floats = [
  '1.5',
  '1e400',
  '-1e400',
  '0x1p-2',
  '0x1.8p1',
  '0X1P+3',
  '0x1',
  '0x.8p0',
  '1_000.5',
  '1__0',
  '_1',
  '1_',
  '0x_1p0',
  'inf',
  '-Infinity',
  '+INF',
  'nan',
  'NaN',
  '.5',
  '5.',
  '.',
  '1e',
  '1e+',
  'e5',
  '1e+308',
  '4.9e-324',
  '2.5E-3',
  '+.5e1',
  '0.1',
  '123456789012345678901234567890',
  '1.7976931348623159e308',
  '2.2250738585072011e-308',
  ' 1',
  '1f',
  '0x1p-1074',
  '0x1p-1075',
  '0x1.0000000000001p0',
  '0x1.00000000000008p0',
  '0x1.00000000000018p0',
];

const cases = [];
let n = 0;
for (const lit of literals)
  cases.push({ id: `unquote-${n++}`, kind: 'unquote', input: lit, template: `{{ printf "%q" ${lit} }}` });
for (const s of ints)
  cases.push({
    id: `parseInt-${n++}`,
    kind: 'parseInt',
    input: s,
    template: `{{ int64 ${JSON.stringify(s)} }}`,
  });
for (const s of floats) {
  cases.push({
    id: `parseFloat-${n++}`,
    kind: 'parseFloat',
    input: s,
    template: `{{ float64 ${JSON.stringify(s)} }}`,
  });
}

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`wrote ${table.length} cases to ${path.relative(process.cwd(), out)}`);
