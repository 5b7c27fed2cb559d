// Case table for the yaml template functions (toYaml, toYamlPretty, mustToYaml, fromYaml, fromYamlArray):
// inputs only; expected outputs come from the real Helm 3 and Helm 4 (scripts/oracle.mjs).
// Writes test/funcs/cases/yaml.json. Run: node scripts/gen/funcs-yaml.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/funcs/cases/yaml.json');

const cases = [];
let n = 0;
const id = (p) => `${p}${String(n++).padStart(3, '0')}`;
/** A value case: `.Values.x` holds `value` (JSON is YAML); `fn` prints it. */
// Characters a YAML reader would fold or reject raw are written as escapes, so Helm loads exactly `value`.
const yamlSafeJson = (v) =>
  JSON.stringify(v).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const val = (value, fn = 'toYaml', expr = '.Values.x') =>
  cases.push({
    id: id(fn === 'toYaml' ? 'v' : 'p'),
    values: yamlSafeJson({ x: value }),
    template: `{{ ${fn} ${expr} }}`,
  });
const tpl = (template, values) => cases.push({ id: id('t'), template, ...(values ? { values } : {}) });

// --- strings that may need quoting, one by one, as value, list item and key ---
const words = [
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'yEs',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'oN',
  'off',
  'Off',
  'OFF',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '-.inf',
  '-.Inf',
  '+.INF',
  'nan',
  'NaN',
  'inf',
  'Infinity',
  '-Infinity',
  '<<',
  '=',
  'yes please',
  'no way',
  'x',
];
const numbers = [
  '0',
  '1',
  '-1',
  '+1',
  '00',
  '-0',
  '+0',
  '1.0',
  '1.',
  '.5',
  '-.5',
  '+.5',
  '5.',
  '1e3',
  '1E3',
  '1e+3',
  '1e-3',
  '1e',
  'e1',
  '1e400',
  '1e-400',
  '-1e400',
  '0x1F',
  '0X1f',
  '-0x1F',
  '+0x1F',
  '0x',
  '0xG',
  '0o17',
  '0O17',
  '0o8',
  '0b101',
  '0B11',
  '0b2',
  '-0b11',
  '017',
  '018',
  '08',
  '09.5',
  '1_000',
  '1__0',
  '_1',
  '1_',
  '0x_1F',
  '1,000',
  '1:20',
  '-1:20',
  '190:20:30.15',
  '1:60',
  '1:5:9',
  '12:30:45',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '0x7FFFFFFFFFFFFFFF',
  '0xFFFFFFFFFFFFFFFF',
  '0x10000000000000000',
  '99999999999999999999999',
  '1.7976931348623157e308',
  '1.8e308',
  '0.0000001',
  '1.2.3',
  '1-2',
  '+',
  '-',
  '.',
  '..',
  '+-1',
  '1e5.5',
  '0777',
  '0778',
  '1 000',
  '3.14159265358979323846264338327950288',
];
const stamps = [
  '2024-01-01',
  '2024-1-1',
  '2024-13-01',
  '2024-00-10',
  '2024-02-30',
  '2024-02-29',
  '2023-02-29',
  '1900-02-29',
  '2000-02-29',
  '2024-04-31',
  '2024-01-01T00:00:00Z',
  '2024-01-01t10:20:30+05:30',
  '2024-01-01T10:20:30',
  '2024-01-01 10:20:30',
  '2024-01-01 10:20:30Z',
  '2024-01-01 10:20:30.123456789',
  '2024-01-01T25:00:00Z',
  '2024-01-01T10:60:00Z',
  '24-01-01',
  '20240-01-01',
  '2024-01-01x',
  '2024-01-01T1:2:3Z',
  '2024-01-01T10:20:30.5+01:00',
  '2024-01-01 1:2:3',
  '2024-01-01T10:20:30,5Z',
  '2024-01-01T10:20:30-0500',
  '2024-01-01T10:20:30+25:00',
  '2024-001-01',
  '2024-01-001',
  '2024-01-01 ',
  ' 2024-01-01',
  '2024-01-01T10:20:30.Z',
];
const indicators = [];
for (const ch of '#,[]{}&*!|>\'"%@`?:-=~<.\\/$^') {
  indicators.push(ch, `${ch} a`, `${ch}a`, `a${ch}`, `a${ch}b`, `a ${ch}b`, `a${ch} b`);
}
indicators.push(
  '--- a',
  '---',
  '...',
  '... a',
  '----',
  '--',
  '- ',
  ' -',
  'a: ',
  ': ',
  'http://x.y/z?a=b#c',
  'key: value',
  '{{ .Values.x }}',
  '[a, b]',
  '{a: b}',
  '*alias',
  '&anchor x',
  '!tag',
  '!!str',
  '%YAML 1.2',
  '@foo',
  '`cmd`',
  "it's",
  'say "hi"',
  'a#b #c',
  'C:\\path\\to',
  'tab\there',
  'a,b',
  'a, b',
);
const spacing = [' a', 'a ', 'a  b', ' ', '  ', '\t', '\ta', 'a\t', ' a ', 'a \u00a0', '\u00a0'];
const multiline = [
  'a\nb',
  'a\n',
  'a\n\n',
  '\na',
  '\n',
  '\n\n',
  ' a\nb',
  'a \nb',
  'a\n b',
  'a\n\nb',
  'a\r\nb',
  'a\rb',
  'a\n\tb',
  'line1\nline2\n',
  '#a\nb',
  '- a\nb',
  'a\n ',
  'a\n\n\n',
  '\ta\nb',
  'a\t\nb',
  'a\nb\t',
  '  two\n  lines',
  'x\n\n\ny\n',
  'é\nü',
  '😀\nx',
  'a\u0085b\nc',
  'a\u2028b\nc',
  'key: v\n- item\n',
];
const unicode = [
  'é',
  '日本語',
  '😀',
  'a😀b',
  'ü: x',
  '\u2028',
  'a\u2029b',
  '\u0085',
  'a\u0085b',
  'a \u0085 b',
  '\u200b',
  '\ufeffx',
  'x\ufeff',
  '\ue000',
  '\ufffd',
  '\u007f',
  'a\u0080',
  '\u009f',
  '\u00ad',
  '\u0000',
  '\u0001',
  'a\u001bb',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '<>&',
  '\u00e9t\u00e9',
  'Ω',
  '\u0300',
  'ǅ',
  '١٢٣',
];
for (const s of [...words, ...numbers, ...stamps, ...indicators, ...spacing, ...multiline, ...unicode]) {
  val({ v: s, l: [s] });
}
for (const s of [
  ...words,
  ...numbers.slice(0, 40),
  ...stamps.slice(0, 8),
  ...indicators.slice(0, 60),
  ...spacing,
  ...multiline.slice(0, 10),
  ...unicode.slice(0, 12),
]) {
  val({ [s]: 1 });
}
// Root scalars
for (const s of ['plain', 'yes', '', 'a\nb', 'a\n', 'a: b', '- x', ' lead', '😀', 'x'.repeat(100)]) val(s);

// --- folding of long strings near 80 columns ---
const wordsText = (len, w = 5) => {
  let s = '';
  let i = 0;
  while (s.length < len) s += (s ? ' ' : '') + String.fromCharCode(97 + (i++ % 26)).repeat(w - 1) + (i % 10);
  return s.slice(0, len);
};
for (const len of [70, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 90, 100, 160, 250]) {
  val({ k: wordsText(len) });
}
for (const len of [78, 80, 82, 120]) {
  val(wordsText(len));
  val([wordsText(len)]);
  val({ deep: { deeper: { deepest: [{ k: wordsText(len) }] } } });
  val({ k: `&${wordsText(len)}` });
  val({ k: `${wordsText(len)}\u0001` });
  val({ k: `${wordsText(len)} ` });
  val({ k: wordsText(len).replaceAll(' ', '  ') });
  val({ k: `${wordsText(len, 3)}\nsecond line ${wordsText(len, 7)}` });
  val({ [wordsText(len)]: 1 });
}
val({ k: 'x'.repeat(150) });
val({ k: `${'x'.repeat(85)} y z` });
val({ k: `a ${'x'.repeat(85)} y` });
val({ k: wordsText(200, 1) });
val({ k: wordsText(200, 13) });
val({ k: `"${wordsText(150)}"` });
val({ k: `${wordsText(150)}: x` });
val({ k: `${wordsText(90)}😀 ${wordsText(40)}` });
val({ k: `é${wordsText(100).replaceAll('a', 'é')}` });

// --- long keys (simple key limit 128 bytes; yaml.v2 reader limit 1024) ---
for (const len of [127, 128, 129, 200]) val({ ['k'.repeat(len)]: 'v' });
val({ [`${'é'.repeat(64)}`]: 1 });
val({ [`${'é'.repeat(64)}x`]: 1 });
val({ ['k'.repeat(1022)]: 1 });
val({ ['k'.repeat(1023)]: 1 });
val({ [`${'<'.repeat(170)}`]: 1 });
val({ [`${'<'.repeat(171)}`]: 1 });
val({ ['é'.repeat(1022)]: 1 });
val({ ['é'.repeat(1023)]: 1 });
val({ 'a\nb': 1, ['k'.repeat(130)]: [1, 2], ['j'.repeat(130)]: { a: 1 } });

// --- key order ---
val({
  a10: 1,
  a2: 2,
  a1: 3,
  B: 4,
  b: 5,
  _x: 6,
  1: 7,
  10: 8,
  9: 9,
  a01: 10,
  a001: 11,
  é: 12,
  0: 13,
  '-1': 14,
  1.5: 15,
});
// Key sets whose go-yaml order is not transitive (e.g. v2 < v10 < v1alpha1 < v2) come out in random order in Helm
// (Go map iteration order feeds sort.Sort), so only transitive sets are pinned here.
val({ x1y: 1, x01y: 2, x1: 3, x: 4, 'x-1': 5, x_1: 6, x1_: 8, xa: 9, 'x.1': 10 });
val({
  a0: 1,
  a00: 2,
  a000: 3,
  a0b: 4,
  a0a: 5,
  a1b: 6,
  a10b: 7,
  'a 1': 8,
  a: 9,
  A: 10,
  Z: 11,
  z: 12,
  ä: 13,
  Ä: 14,
});
val({ v1: 1, v2: 2, v10: 3, v20: 4, v3: 5, v100: 6 });
val({ '99999999999999999999': 1, '99999999999999999998': 2, 100000000000000000000000: 3, 9: 4 });
val({ '١': 1, '٢': 2, 1: 3, a: 4, _: 5, '-': 6, ' ': 7, '': 8 });
val({ x1: 1, x01: 2, x001: 3, x2: 4, x0: 5, x00: 6 });

// --- numbers from values (float64) ---
for (const x of [
  0,
  1,
  -1,
  1.5,
  -1.5,
  1000000,
  1e6 + 0.5,
  123456.5,
  1234567.5,
  1e20,
  1e21,
  1e22,
  1e-6,
  1e-7,
  0.1,
  0.3,
  Number('9007199254740993'),
  Number('9223372036854775807'),
  Number('18446744073709551615'),
  Number('18446744073709551616'),
  Number('1.7976931348623157e308'),
  5e-324,
  100,
  3.0,
  -0.0,
  Number('12345678901234567890'),
  0.000123,
  1e15,
  1.5e15,
  2.5e-5,
]) {
  val({ n: x });
}
val({ n: [1, 2.5, 1e100, true, false, null, {}, [], [[]], [{}], { a: [] }] });

// --- nested structures ---
val({ a: { b: { c: { d: [1, { e: [2, [3, [4]]] }] } } } });
val([[1, 2], [3, [4, 5]], [], {}, [[]], { a: [{ b: 1 }, { c: [] }] }]);
val([{ a: 1, b: 2 }, { c: { d: 1 } }, { e: [1, 2] }]);
val({
  list: [
    { name: 'a', value: 'b' },
    { name: 'c', valueFrom: { secretKeyRef: { name: 'x', key: 'y' } } },
  ],
});
val({ resources: { limits: { cpu: '100m', memory: '128Mi' }, requests: { cpu: 0.5, memory: '64Mi' } } });
val({ annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' }, labels: {} });
val({ script: '#!/bin/sh\nset -e\necho "hello"\nexit 0\n', empty: '', nil: null });
val({});
val([]);
val(null);
val({ x: [null, '', [], {}] });

// --- pretty (yaml.v3, Helm's toYamlPretty) ---
const prettyVals = [
  { a: { b: [1, 2, { c: 'x', d: [] }], e: [[1, 2], [3]] } },
  { k: wordsText(150) },
  { yes: 'on', y: 'n', '': '' },
  { n: [1, 1.5, 1e6, 1e21, 1e-7, 12345678, 0.1] },
  { s: 'a\tb\nc', t: 'tab\there', u: '😀', v: 'a\u0085b' },
  { m: 'line1\nline2\n', l: 'a\n\n', k: '\na' },
  { a10: 1, a2: 2, a1: 3, x1a: 4, x1_: 5, 'x-1': 6, x: 7 },
  [{ a: [{ b: [1] }] }],
  { ['k'.repeat(130)]: [1] },
  { 'a\nb': { c: 1 } },
  '2024-01-01',
  'plain',
  ['- a', ': b', '# c'],
  { d: { e: { f: [{ g: 'h', i: ['j', { k: 'l' }] }] } } },
  { ts: '2024-01-01T00:00:00Z', oct: '0o17', hex: '0x1F' },
  { bom: '\ufeffbom', nel: '\u0085', del: 'x\u007f' },
];
for (const v of prettyVals) val(v, 'toYamlPretty');

// --- values built in templates (ints vs floats, other Go types) ---
tpl(
  '{{ toYaml (list 1 1.5 1000000.0 1e21 1e-7 0.000001 123456.5 1234567.5 9223372036854775807 true nil "") }}',
);
tpl(
  '{{ toYaml (dict "int" 1000000 "float" 1000000.0 "i64" (int64 5) "f" (float64 3) "neg" -0.0 "big" 1e300) }}',
);
tpl('{{ toYamlPretty (list 1 1.5 1000000.0 1e21 1e-7 -0.0 (float64 3) (int64 7)) }}');
tpl('{{ toYaml (list (add 1 2) (mul 2 3.5) (len "abc") (int "42") (float64 "2.5") (atoi "7")) }}');
tpl(
  '{{ toYaml (float64 "NaN") }}|{{ toYaml (list (float64 "+Inf")) }}|{{ toYaml (dict "a" (float64 "-Inf")) }}',
);
tpl('{{ toYamlPretty (list (float64 "NaN") (float64 "+Inf") (float64 "-Inf")) }}');
tpl(
  '{{ toYaml "a\\nb" }}|{{ toYaml "a\\n" }}|{{ toYaml "a\\n\\n" }}|{{ toYaml "" }}|{{ toYaml nil }}|{{ toYaml (list) }}|{{ toYaml (dict) }}',
);
tpl(
  '{{ toYamlPretty "a\\nb" }}|{{ toYamlPretty "" }}|{{ toYamlPretty nil }}|{{ toYamlPretty (list) }}|{{ toYamlPretty (dict) }}',
);
tpl('{{ toYaml .Values.missing }}|{{ toYamlPretty .Values.missing }}');
tpl('{{ toYaml (list "a" (list "b" (list "c")) (dict "d" (list))) }}');
tpl('{{ toYaml (dict "z" 1 "y" (dict "x" (list 1 2 (dict "w" "v")))) | nindent 4 }}');
tpl('x:\n  {{- toYaml .Values.m | nindent 2 }}', 'm:\n  a: 1\n  b: [1, 2]\n  c: "yes"\n');
tpl(
  '{{ toYaml .Values }}',
  'a: yes\nb: on\nc: 0x1F\nd: 017\ne: 1_000\nf: 2024-01-01\ng: ~\nh: 1e3\ni: .inf\n',
);
tpl(
  '{{ toYaml .Values }}',
  'a: !!str 123\nb: "123"\nc: 1.0\nd: 12345678901234567890\ne: -0\nf: 0.1\ng: 1e-10\n',
);
tpl('{{ toYamlPretty .Values }}', 'a: !!str 123\nb: "123"\nc: 1.0\nd: 12345678901234567890\ne: -0\nf: 0.1\n');
tpl('{{ toYaml (b64dec "aGVsbG8=") }}|{{ toYaml (list (b64dec "aGVsbG8=")) }}');
tpl(
  '{{ toYaml (regexSplit "x" "axbxc" -1) }}|{{ toYaml (splitList "," "a,b") }}|{{ toYaml (keys (dict "a" 1)) }}',
);
tpl('{{ toYaml .Release }}');
tpl('{{ toYaml .Template }}');
tpl('{{ toYaml .Files }}');
tpl('{{ toYaml .Chart }}');
tpl('{{ toYamlPretty .Release }}');
tpl('{{ toYaml (dict "a" .Release.Name "b" .Release.Revision "c" .Release.IsInstall) }}');
tpl(
  '{{ toYaml 42 }}|{{ toYaml 4.2 }}|{{ toYaml true }}|{{ toYaml "42" }}|{{ toYaml "true" }}|{{ toYaml (int64 9) }}',
);
tpl('{{ toYamlPretty 42 }}|{{ toYamlPretty 4.2 }}|{{ toYamlPretty true }}|{{ toYamlPretty "42" }}');
tpl('{{ toYaml (list "x\\u007f") }}|{{ toYaml (dict "\\u0080" 1) }}|{{ toYaml "\\uffff" }}');
tpl('{{ toYaml (list "a\\u0085b" "a\\u0085\\u0085b" " \\u0085 ") }}');
tpl('{{ toYaml (dict (repeat 1100 "k") 1) }}|{{ toYaml (dict "a" (dict (repeat 1100 "k") 1)) }}');
tpl('{{ toYaml (dict "a" (repeat 5000 "long ")) | len }}');
tpl('{{ toYaml "\\ufeffbom" }}|{{ toYamlPretty "\\ufeffbom" }}');
// mustToYaml (Helm 4 only; Helm 3: function not defined)
tpl('{{ mustToYaml (dict "a" 1 "b" (list "x" "yes")) }}');
tpl('{{ mustToYaml (list (float64 "NaN")) }}');
tpl('{{ mustToYaml (list "x\\u007f") }}');
tpl('{{ mustToYaml (dict (repeat 1100 "k") 1) }}');
tpl('{{ mustToYaml nil }}');

// --- fromYaml / fromYamlArray ---
const docs = [
  'a: 1',
  'a: 1.5\nb: [1, 2]\nc: {d: e}',
  'a: yes\nb: on\nc: ~\nd: 0x1F\ne: 017\nf: 2024-01-01',
  '- 1\n- 2',
  'x',
  '',
  '# just a comment',
  'a: [',
  'a: b: c',
  '{a: 1, a: 2}',
  'a: 1\na: 2',
  '1: a\ntrue: b\n1.5: c\nnull: d',
  '---\na: 1\n---\nb: 2',
  'a: &x 1\nb: *x',
  'a: !!binary aGVsbG8=',
  'a: 12345678901234567890',
  'a: .inf',
  'a:\n  - b\n  - c: d',
  '"a": "b"',
  'a: "\\u00e9"',
  '[1, 2, 3]',
  '- a\n- b: c',
  'null',
  '~',
  '"str"',
  '42',
  'a: 1\n\tb: 2',
  'a:\n- 1\n-2',
  'key: |\n  line1\n  line2\n',
  'k: >\n  folded\n  text\n',
];
for (const d of docs) {
  const q = JSON.stringify(d);
  tpl(`{{ fromYaml ${q} | toYaml }}`);
  tpl(`{{ fromYamlArray ${q} | toYaml }}`);
}
// A block scalar ending the text without a line break keeps no final newline (clip and keep chomping).
tpl(
  '{{ fromYaml "a: |\n  x" | toJson }}|{{ fromYaml "a: |+\n  x" | toJson }}|{{ fromYaml "a: >\n  x\n  y" | toJson }}|{{ fromYamlArray "- |\n  x" | toJson }}',
);
tpl(
  '{{ fromYaml "a: |\n  x\n  " | toJson }}|{{ fromYaml "a: |+\n  x\n\n  y" | toJson }}|{{ fromYaml "a: |\n  x\n  # c" | toJson }}|{{ fromYaml "a: |" | toJson }}',
);
tpl('{{ include "blk" . | fromYaml | toJson }}{{ define "blk" }}k: |\n  {{ .Values.s }}{{ end }}');
// Values files: Helm 3 parses the text as is, Helm 4's YAML reader ends every line with a line break.
tpl('{{ .Values | toJson }}', 'a: |\n  x\n  y');
tpl('{{ .Values | toJson }}', 'b: 1\n---\na: >+\n  x\n\n  y');
// libyaml's lexical rules where js-yaml's differ: no indentation inside flow collections and quoted scalars,
// tabs between flow tokens, `#` after a non-plain token starts a comment, NEL is a line break, escapes.
const lexical = [
  'a: [1,\n2]',
  'a: {b: 1,\nc: 2}',
  'a:\n  - [1,\n  2]',
  'a: [1\n, 2]',
  'a: [\n]',
  'a: {\n}',
  'a: [a b\nc]',
  'a: "x\ny"',
  "a: 'x\ny'",
  'a: "x\n\t y"',
  'a: "x\\\ny"',
  'a: [1,\t2]',
  'a: [1,\n\t2]',
  'a: [1]#c',
  'a: "b"#c',
  "a: 'b'#c",
  'a: [b]#c',
  'a: {b: [1,\n2]}#c\nd: "x\n y"',
  'a: [1,\n...\n]',
  'a: "x\n---\ny"',
  'a: x\u0085y',
  'a: x\u0085  b: 1',
  'a: x\u0085  y',
  'a: "x\u0085y"',
  'a: |\n  x\u0085y\n',
  'a: |\n  x\u0085  y\n',
  "a: don 't\nb: [1,\n2]",
  'a: x "y\nb: 1',
  'a: |\n  "x\nb: 1',
  "a: |\n  it's [\nb: [1,\n2]",
  'a: "x\\\'y"',
  'a: "\\/"',
  'a: "\\q"',
  'a: "\\uD800"',
  'a: "\\U00110000"',
  'a: "\\U0001F600\\u00e9\\x41"',
  'a: "\\xZZ"',
  'a: "\\u12"',
  'a: "x"\nb: "\\/" \nc: [',
  // LINE/PARAGRAPH SEPARATOR break lines; anchor and alias names are alphanumeric; `%`, `@` and a backquote
  // cannot start a token (a printf error printed into a value).
  'a: x\u2028y',
  'a: 1\u2028b: 2',
  'a: 1\u2029b: 2',
  'a: &lt;b&gt;',
  'a: &x& 1',
  'a: &x#c',
  'a: &x-_9 1\nb: *x-_9',
  'a: [&x 1, *x]',
  'a: %!d(float64=3)',
  'a: %!s(<nil>)',
  'a: x %y',
  'a: x@y',
  'a: [@x]',
  'a: `x',
  'a: "x" @',
  '- &a 1\n- *a\n- &b@ 2',
  'a: [\n  1,\n  %x]',
  'a: 1\n---\nb: &lt;',
];
for (const d of lexical) tpl(`{{ fromYaml ${JSON.stringify(d)} | toJson }}`);
tpl('{{ (fromYaml "a: 1").a }} {{ typeOf (fromYaml "a: 1").a }} {{ typeOf (fromYaml "a: [1]").a }}');
tpl('{{ (fromYaml "a: [").Error }}');
tpl('{{ index (fromYamlArray "a: 1") 0 }}');
tpl('{{ fromYaml "a: 1" }}|{{ fromYamlArray "[1, x]" }}|{{ fromYaml "" }}|{{ fromYamlArray "" }}');
tpl('{{ fromYaml (toYaml .Values) | toYaml }}', 'a: {b: [1, 2.5, "x", null, true]}\nc: "yes"\n');
tpl('{{ $d := fromYaml "a: 1" }}{{ $_ := set $d "b" 2 }}{{ toYaml $d }}');
tpl('{{ mustFromYaml "a: 1" }}');
tpl('{{ toYaml }}');
tpl('{{ toYaml 1 2 }}');
tpl('{{ fromYaml 1 }}');

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases → ${path.relative(process.cwd(), out)}`);
