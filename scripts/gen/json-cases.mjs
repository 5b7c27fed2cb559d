// Generates test/funcs/cases/json.json: Helm's and Sprig's JSON functions (toJson, toPrettyJson, toRawJson,
// mustToJson, mustToPrettyJson, mustToRawJson, fromJson, fromJsonArray) as Helm 3 and Helm 4 render them.
// Inputs only here; expected outputs come from the oracle.
// Usage: node scripts/gen/json-cases.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/funcs/cases/json.json');

const values = `i: 1
big: 1000000
f: 1.5
neg: -2.5
e20: 1.0e+20
e21: 1.0e+21
e22: 1.5e+22
micro: 0.000001
tiny: 0.0000001
tiny2: 1.5e-10
zero: 0
negzero: -0.0
large: 123456789012345678
max: 1.7976931348623157e+308
denorm: 5.0e-324
third: 0.3333333333333333
s: hello
u: "héllo wörld ✓ 😀"
html: "<a href='x'>&amp;</a>"
ctl: "a\\tb\\nc\\rd\\u0001\\u0008\\u000c\\u001f\\u007f"
seps: "x\\u2028y\\u2029z"
quote: "say \\"hi\\" \\\\ /"
empty: ""
t: true
n: null
m:
  b: two
  a: 1
  c: [1, 2]
  d: null
  e:
    x: 1.5
    "<k>": "&"
  "__proto__": p
  constructor: c
l: [1, "a", true, null, 2.5, {k: v}, []]
emptyMap: {}
emptyList: []
nested: {a: {b: {c: [{d: 1}]}}}
jsonText: '{"b": [1, 2.5, "x", null, true], "a": {"c": 1e400}}'
`;

const operands = [
  '.Values.i',
  '.Values.big',
  '.Values.f',
  '.Values.neg',
  '.Values.e20',
  '.Values.e21',
  '.Values.e22',
  '.Values.micro',
  '.Values.tiny',
  '.Values.tiny2',
  '.Values.zero',
  '.Values.negzero',
  '.Values.large',
  '.Values.max',
  '.Values.denorm',
  '.Values.third',
  '.Values.s',
  '.Values.u',
  '.Values.html',
  '.Values.ctl',
  '.Values.seps',
  '.Values.quote',
  '.Values.empty',
  '.Values.t',
  '.Values.n',
  '.Values.missing',
  '.Values.m',
  '.Values.l',
  '.Values.emptyMap',
  '.Values.emptyList',
  '.Values.nested',
  '42',
  '-7',
  '3.0',
  '1e6',
  '1e21',
  '0.0000001',
  '"str"',
  'true',
  '(list 1 2 3)',
  '(list)',
  '(dict)',
  '(dict "b" 2 "a" (list "x" 1.5) "c" .Values.n)',
  '(int64 5)',
  '(add 1 2)',
  '(divf 1 3)',
  '(splitList "," "a,b")',
  '(float64 "1e-7")',
  '(float64 "123456789.125")',
  '(list "<>&" "\\u2028")',
  '.',
  '.Release',
];

const funcs = ['toJson', 'toPrettyJson', 'toRawJson', 'mustToJson', 'mustToPrettyJson', 'mustToRawJson'];

// Operands that go through every function; the rest through toJson and toRawJson only.
const everyFunc = new Set([
  '.Values.m',
  '.Values.l',
  '.Values.html',
  '.Values.emptyMap',
  '.Values.emptyList',
  '.Values.nested',
  '.Values.n',
  '.Values.missing',
  '.Values.e21',
  '(list)',
  '(dict "b" 2 "a" (list "x" 1.5) "c" .Values.n)',
]);

const fromInputs = [
  '{"a": 1, "b": [1, 2, "x"], "c": {"d": null}}',
  '{"z": 1, "a": 2}',
  '{}',
  '[]',
  '[1, "a", null]',
  'null',
  '1',
  '"x"',
  'true',
  '',
  '   ',
  '{"a" 1}',
  '{"a": 1,}',
  '{"a": 1',
  '{a: 1}',
  "{'a': 1}",
  '[1, 2',
  '[1 2]',
  '[1,]',
  'nul',
  'tru',
  'falsy',
  '{"a": 1} x',
  '{"a": 1}{"b": 2}',
  '{"a": 1e400}',
  '{"a": {"b": 1e400}, "c": 2}',
  '[1e400, 2]',
  '{"a": 01}',
  '{"a": 1.}',
  '{"a": 1e}',
  '{"a": -}',
  '{"a": .5}',
  '{"a": +1}',
  '{"a": "\\u00e9\\n\\t\\"\\\\\\/"}',
  '{"a": "\\ud83d\\ude00"}',
  '{"a": "\\ud83d"}',
  '{"a": "\\x41"}',
  '{"a": "\\u12G4"}',
  '{"a": "tab\tin"}',
  '{"a": 1, "a": 2}',
  '{"__proto__": {"x": 1}, "constructor": 2}',
  '{"n": 123456789012345678901234567890}',
  '{"n": 1.5e300, "m": -0, "k": 1E2}',
  '{"é": "ü", "<": ">"}',
  '[{"a": [{"b": [1]}]}]',
  '\t{"a":\n1 }\r\n',
  '{"a": [1, {"b": 2}]}',
  '#',
  '{1: 2}',
  '[1, 2] ]',
  '"unterminated',
  '{"a": tx}',
  '{"a": nulL}',
];

const cases = [];
let n = 0;
const id = (p) => `${p}-${n++}`;
const goStr = (s) => JSON.stringify(s);

for (const op of operands) {
  for (const f of funcs) {
    if (!everyFunc.has(op) && f !== 'toJson' && f !== 'toRawJson') continue;
    cases.push({ id: id(f), template: `{{ ${f} ${op} }}` });
  }
}
for (const f of funcs) {
  cases.push({ id: id(`${f}-nan`), template: `{{ ${f} (float64 "NaN") }}` });
  cases.push({ id: id(`${f}-inf`), template: `{{ ${f} (list 1 (float64 "-Inf")) }}` });
}
for (const s of fromInputs) {
  cases.push({ id: id('fromJson'), template: `{{ fromJson ${goStr(s)} }}` });
  cases.push({ id: id('fromJsonArray'), template: `{{ fromJsonArray ${goStr(s)} }}` });
  cases.push({ id: id('fromJson-toJson'), template: `{{ fromJson ${goStr(s)} | toJson }}` });
  cases.push({ id: id('fromJsonArray-toJson'), template: `{{ fromJsonArray ${goStr(s)} | toJson }}` });
}
const extra = [
  '{{ fromJson .Values.jsonText }}',
  '{{ (fromJson .Values.jsonText).b }}',
  '{{ typeOf ((fromJson "{\\"a\\": 1}").a) }}',
  '{{ typeOf (fromJsonArray "[1]") }}',
  '{{ typeOf (fromJson "{}") }}',
  '{{ (fromJson "{\\"a\\": 1}").a | printf "%v %T" (fromJson "{\\"a\\": 1}").a }}',
  '{{ toJson .Values | fromJson | toPrettyJson }}',
  '{{ toPrettyJson .Values }}',
  '{{ toRawJson .Values }}',
  '{{ toJson .Values }}',
  '{{ .Values.m | toPrettyJson | indent 2 }}',
  '{{ toJson .Values.m | fromJson | toYaml }}',
  '{{ fromJson "{\\"a\\": 1}" | toJson | toJson }}',
  '{{ fromJsonArray "[1, \\"x\\"]" | toRawJson }}',
  '{{ dict "k" (fromJson "{}") | toJson }}',
  '{{ toJson (fromJson "null") }}|{{ fromJson "null" }}|{{ fromJsonArray "null" }}|{{ toJson (fromJsonArray "null") }}',
  '{{ toJson (list (fromJson "null") (fromJsonArray "null")) }}',
  '{{ fromJson "[1]" | toJson }}',
  '{{ (fromJson "{\\"a\\": 1e400}").a | toJson }}',
  '{{ toJson (b64dec "aGk=") }}',
  '{{ toJson (list (int64 -5) (add1 1) (len "ab") 2.5) }}',
  '{{ toPrettyJson (dict "a" (dict) "b" (list) "c" (list (dict))) }}',
  '{{ toPrettyJson (list) }}|{{ toPrettyJson (dict) }}|{{ toPrettyJson 1 }}|{{ toPrettyJson "x" }}',
  '{{ toRawJson "<&>" }}|{{ toJson "<&>" }}|{{ toPrettyJson "<&>" }}',
];
for (const t of extra) cases.push({ id: id('extra'), template: t });

for (const c of cases) c.values = values;

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`wrote ${table.length} cases to ${path.relative(process.cwd(), out)}`);
