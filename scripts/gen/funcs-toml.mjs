// Case table for toToml: inputs only; expected outputs come from the real Helm 3 and Helm 4.
// Writes test/funcs/cases/toml.json. Run: node scripts/gen/funcs-toml.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/funcs/cases/toml.json');
const cases = [];
let n = 0;
const id = (p) => `${p}${String(n++).padStart(3, '0')}`;
const val = (value) =>
  cases.push({ id: id('v'), values: JSON.stringify({ x: value }), template: '{{ toToml .Values.x }}' });
const tpl = (template, values) => cases.push({ id: id('t'), template, ...(values ? { values } : {}) });

for (const x of [
  0,
  1,
  -1,
  1.5,
  1e6,
  1e21,
  1e22,
  1e-6,
  1e-7,
  0.1,
  123456.5,
  1234567.5,
  1e300,
  5e-324,
  Number('9007199254740993'),
  Number('1.7976931348623157e308'),
  -0.5,
  100,
  2.5e-5,
]) {
  val({ n: x });
}
for (const s of [
  '',
  'a',
  'a b',
  'a\nb',
  'tab\t',
  'q"q',
  'b\\s',
  '\u0001',
  '\u007f',
  '\u001b',
  'é',
  '😀',
  '\u2028',
  "it's",
  '#x',
  '[x]',
  '{x}',
  'x = y',
  '\r\n',
]) {
  val({ s });
  val({ [s || 'empty']: 1 });
}
for (const k of ['a-b', 'a_b', 'A1', 'a.b', 'a b', '1', '-', '_', 'é', '"', 'a/b', ''])
  val({ [k]: { [k]: 1 } });
val({ a: 1, b: { c: 2, d: { e: 3 } }, f: [1, 2], g: [{ h: 1 }, { i: 2 }], j: [], k: {}, l: null, m: true });
val({ z: { a: 1 }, a: 2, m: [{ b: { c: 1 } }] });
val({ a: [null] });
val({ a: [1, null] });
val({ a: [1, 'x', true, 1.5] });
val({ a: [[1, 2], ['x']], b: [[]], c: [{}] });
val({ a: [{ b: [{ c: 1 }, { c: 2 }] }, { d: { e: 1 } }] });
val({ a: [1, { b: 1 }], b: [{ c: 1 }, 2], c: [[{ x: 1 }]] });
val({ a: { b: null, c: [] } });
val({ a: { b: { c: { d: { e: 'deep' } } } }, b: 1 });
val({ tbl: { x: 1 }, arr: [{ y: 1 }], plain: 1 });
val({ a: [{}, {}] });
val({ 'a b': { 'c.d': { e: 1 } }, 'k\nk': 1 });
val({});
val({ a: { b: 1 }, c: { d: 2 } });
val({ list: [{ name: 'a', value: 'b' }, { name: 'c' }] });
tpl(
  '{{ toToml (dict "a" 1 "b" (int64 2) "c" 3.0 "d" 0.1 "e" (float64 "NaN") "f" (float64 "+Inf") "g" (float64 "-Inf") "i" -0.0) }}',
);
tpl('{{ toToml (list 1 2) }}');
tpl('{{ toToml 1.5 }}|{{ toToml 1 }}|{{ toToml "x" }}|{{ toToml true }}|{{ toToml 1000000.0 }}');
tpl('{{ toToml nil }}');
tpl('{{ toToml .Values.missing }}');
tpl('{{ toToml (dict) }}');
tpl('{{ toToml (dict "a" (list 1 (dict "b" 1))) }}');
tpl('{{ toToml (dict "a" (list (dict "b" 1) 2)) }}');
tpl('{{ toToml (dict "a" (list (list (dict "x" 1)))) }}');
tpl('{{ toToml (dict "a" (dict "b" nil "c" (list))) }}');
tpl('{{ toToml (dict "a" (b64dec "aGk=")) }}');
tpl('{{ toToml (dict "a" (list nil)) }}');
tpl('{{ toToml (dict "s" "\\u001b\\u007f\\u0000\\t\\b\\f\\r\\u2028é😀" "k\\nk" 1) }}');
tpl('{{ toToml .Values }}', 'a: 1\nb:\n  c: [1, 2]\n  d:\n    - e: 1\n    - e: 2\nf: "x"\n');
tpl('{{ toToml .Release }}');
tpl('{{ toToml (list (dict "a" 1) (dict "b" 2)) }}');
tpl('{{ mustToToml (dict "a" 1) }}');
tpl('{{ toToml (dict "a" 1) | fromToml | toYaml }}');
// time.Time is a bare datetime and *semver.Version (a TextMarshaler) a quoted string, not tables.
tpl('{{ toToml (dict "a" (semver "1.2.3") "t" (toDate "2006-01-02" "2020-01-01")) }}');
tpl('{{ toToml (dict "a" (list (toDate "2006-01-02" "2020-01-01"))) }}');
tpl('{{ toToml (dict "a" (list (dict "b" 1) (toDate "2006-01-02" "2020-01-01"))) }}');
tpl(
  '{{ toToml (dict "a" (dict "b" (toDate "2006-01-02T15:04:05.999Z07:00" "2020-01-01T10:00:00.123+02:00"))) }}',
);
tpl('{{ toToml (toDate "2006-01-02" "2020-01-01") }}|{{ toToml (semver "v1.2.3-rc.1+b") }}');
tpl(
  '{{ toToml (fromToml "a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00.5\nd = 1979-05-27T07:32:00-08:00") }}',
);

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases → ${path.relative(process.cwd(), out)}`);
