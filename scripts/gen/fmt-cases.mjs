// Generates test/util/cases/fmt.json: Go fmt printing (printf/print/println and plain {{ value }}) as the
// real Helm 3 and Helm 4 render it. Inputs only here; expected outputs come from the oracle.
// Usage: node scripts/gen/fmt-cases.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/util/cases/fmt.json');

const values = `i: 1
big: 1000000
f: 1.5
pi: 3.14159
neg: -2.5
tiny: 0.0000001
huge: 1.0e+21
sci: 1.5e+300
zero: 0
negzero: -0.0
large: 123456789
s: hello
u: "héllo wörld ✓"
emoji: "😀x"
empty: ""
ctl: "a\\tb\\nc\\u0001"
quote: "say \\"hi\\" \`x\`"
t: true
n: null
m:
  b: two
  a: 1
  c: [1, 2]
  d: null
  e:
    x: 1.5
l: [1, "a", true, null, 2.5, {k: v}]
emptyMap: {}
emptyList: []
html: "<a href='x'>&</a>"
`;

// Operands: template expressions of many Go types.
const operands = {
  vi: '.Values.i',
  vbig: '.Values.big',
  vf: '.Values.f',
  vneg: '.Values.neg',
  vtiny: '.Values.tiny',
  vhuge: '.Values.huge',
  vsci: '.Values.sci',
  vzero: '.Values.zero',
  vnegzero: '.Values.negzero',
  vlarge: '.Values.large',
  vs: '.Values.s',
  vu: '.Values.u',
  vemoji: '.Values.emoji',
  vempty: '.Values.empty',
  vctl: '.Values.ctl',
  vt: '.Values.t',
  vn: '.Values.n',
  vmissing: '.Values.missing',
  vm: '.Values.m',
  vl: '.Values.l',
  vemptymap: '.Values.emptyMap',
  vemptylist: '.Values.emptyList',
  i42: '42',
  ineg: '-7',
  izero: '0',
  i255: '255',
  f3: '3.0',
  f1e6: '1e6',
  fpi: '3.25',
  str: '"str"',
  btrue: 'true',
  ilist: '(list 1 2 3)',
  dict: '(dict "b" 2 "a" (list "x" 1.5))',
  i64: '(int64 5)',
  add: '(add 1 2)',
  nan: '(float64 "NaN")',
  ninf: '(float64 "-Inf")',
  pinf: '(float64 "+Inf")',
  divf: '(divf 1 3)',
  len: '(len "abc")',
  strlist: '(splitList "," "a,b")',
};

// Format strings applied to each operand in turn.
const formats = [
  '%v',
  '%+v',
  '%#v',
  '%d',
  '%s',
  '%q',
  '%x',
  '%X',
  '%o',
  '%O',
  '%b',
  '%e',
  '%E',
  '%f',
  '%F',
  '%g',
  '%G',
  '%t',
  '%T',
  '%c',
  '%U',
  '%5v|',
  '%-6v|',
  '%05d',
  '%+d',
  '% d',
  '%.2f',
  '%8.3f|',
  '%-8.2e|',
  '%08.3f',
  '%+.1e',
  '%#x',
  '%#o',
  '%#g',
  '%.3g',
  '%10s|',
  '%.2s',
  '%#q',
  '%+q',
  '% x',
  '%# x',
  '%#U',
  '%x.%X',
];

// Formats over fixed argument lists (flags, widths from args, indexes, errors).
const special = [
  ['%d %d', '1'],
  ['%d', '1 2'],
  ['%d', '1 "x" .Values.n'],
  ['%[2]d %[1]s', '"a" 2'],
  ['%[3]d', '1 2'],
  ['%[0]d', '1'],
  ['%[x]d', '1'],
  ['%[2]*[1]d', '12 5'],
  ['%-*d|', '5 3'],
  ['%*d|', '-5 3'],
  ['%*d', '"x" 3'],
  ['%.*f', '2 3.14159'],
  ['%.*f', '-1 3.14159'],
  ['%.*d', '"x" 3'],
  ['%*.*f|', '10 3 3.14159'],
  ['%', ''],
  ['abc%', '1'],
  ['%!', ''],
  ['%z', '1'],
  ['%%', ''],
  ['%5%', ''],
  ['100%% %d', '5'],
  ['%v %v %v', '1 "a" .Values.n'],
  ['%s', '.Values.n'],
  ['%d', '.Values.missing'],
  ['%v', '.Values.missing'],
  ['%s %s', '.Values.missing .Values.n'],
  ['%.0f %.0f %.0f %.0f', '0.5 1.5 2.5 3.5'],
  ['%.1f %.1f %.1f', '0.25 0.35 0.05'],
  ['%.2e %.0e', '1.125 2.5'],
  ['%.3g|%.10g|%g', '1234567.0 1234567.0 0.000012345'],
  ['%g %g %g %g', '100000.0 1000000.0 0.0001 0.00001'],
  ['%e', '0.0'],
  ['%#.0f %#.0e %#g', '3.0 3.0 3.0'],
  ['%#v', '(list "a" 1 (dict "k" .Values.n))'],
  ['%x', '(list "ab" 10)'],
  ['%d', '(list 1 "x" 2.5)'],
  ['%5d|', '(list 1 22)'],
  ['%s', '(dict "k" 1)'],
  ['%q', '(list "a" 65)'],
  ['%08.3f|%-08.3f|%+08.3f', '3.14159 3.14159 3.14159'],
  ['%08d|%-08d|%+08d', '-42 -42 42'],
  ['%06s|%-06s|', '"ab" "ab"'],
  ['%.3d|%.0d|%5.0d|', '7 0 0'],
  ['%6.2v|', '3.14159'],
  ['%10.4v|', '"abcdefgh"'],
  ['%c%c%c', '72 105 0x1F600'],
  ['%q %+q %#q', '"héllo\\n" "héllo" "back`tick"'],
  ['%x %X % X %#x', '"héllo" "hi" "hi" ""'],
  ['%8.3x|', '"abcdef"'],
  ['%U %#U %#U', '65 0x263A 10'],
  ['%b %o %x %X', '-5 -8 -255 -255'],
  ['%x %X %#X', '1.5 -0.125 1024.0'],
  ['%.2x %b', '3.14159 1.0'],
  ['%t %t %v', 'true false true'],
  ['%5t|%-6t|', 'true false'],
  ['%T %T %T %T %T %T', '1 1.5 "s" true .Values.n (list 1)'],
  ['%T %T %T %T', '.Values.m (dict) (int64 1) (splitList "," "a")'],
  ['%v', '(dict "z" 1 "A" 2 "a" 3 "_" 4 "10" 5 "9" 6)'],
  ['%p', '"x"'],
  ['%p', '1'],
  ['%v|%s|%d', '(add1 9) (toString 5) (atoi "12")'],
  ['%s', '(b64dec "aGk=")'],
  ['%v', '(mulf 1.1 3)'],
  ['%v %v', '(divf 10 4) (div 10 4)'],
  ['%v %v %v', '0.1 0.2 (addf 0.1 0.2)'],
  ['%v %v', '1e20 1e21'],
  ['%v %v %v', '123456789.0 1234567890123.0 0.000001'],
  ['%v %v', '100000000000000000000000.0 1e-320'],
  ['%v', '(list .Values.n .Values.missing)'],
  ['%d%%', '50'],
  ['%s', '"%d"'],
  ['%-5s|%5s|', '"héllo✓" "✓"'],
  ['%.1s|%.3s|', '"😀x" "héllo"'],
  ['%3c|%-3c|', '65 66'],
  ['%+v %#v', '(dict "a" 1) (dict "a" 1)'],
  ['%v %d', '(int 3.7) (int64 -3)'],
  ['%v', '(float64 "1e400")'],
  ['%s', '(float64 "1.5")'],
  ['%.2f', '.Values.i'],
  ['%d', '.Values.i'],
  ['%d', '(int .Values.i)'],
  ['%5.1f|%-7.2f|%07.2f', '.Values.pi .Values.neg .Values.neg'],
  ['%e', '.Values.big'],
  ['%g', '.Values.big'],
  ['%.0f', '.Values.huge'],
  ['%f', '.Values.tiny'],
  ['%v', '.Values.html'],
  ['%q', '.Values.html'],
  ['%v', '.Values.quote'],
  ['%q', '.Values.quote'],
  ['%#q', '.Values.quote'],
  ['%#v', '.Values.quote'],
  ['%v', '(list (list 1 2) (dict "a" (list)))'],
  ['% d|% 5d|', '5 -5'],
  ['%+.2f|% .2f', '2.0 2.0'],
  ['%+v|% v', '(list 1 -1) (list 1 -1)'],
  ['%#b %#o %O', '5 0 0'],
  ['%x', '(list)'],
  ['%d', '(dict)'],
  ['%#v %#v', '(list) (dict)'],
  ['%v', '(regexSplit "," "a,b" -1)'],
  ['%q', '(splitList "," "a,b")'],
  ['%x', '(splitList "," "a,b")'],
];

const cases = [];
let n = 0;
const id = (prefix) => `${prefix}-${n++}`;
const goStr = (s) => (s.includes('`') ? JSON.stringify(s) : `\`${s}\``);

for (const [name, expr] of Object.entries(operands)) {
  cases.push({ id: id(`plain-${name}`), template: `{{ ${expr} }}` });
}
// Flagged formats run over a representative subset of operands.
const subset = [
  'vi',
  'vf',
  'vneg',
  'vs',
  'vu',
  'vt',
  'vn',
  'vm',
  'vl',
  'i42',
  'ineg',
  'str',
  'ilist',
  'nan',
  'pinf',
];
for (const fmt of formats) {
  const bare = /^%[a-zA-Z]$/.test(fmt);
  for (const [name, expr] of Object.entries(operands)) {
    if (!bare && !subset.includes(name)) continue;
    cases.push({ id: id(`fmt-${name}`), template: `{{ printf ${goStr(fmt)} ${expr} }}` });
  }
}
for (const [fmt, args] of special) {
  cases.push({ id: id('special'), template: `{{ printf ${goStr(fmt)} ${args} }}` });
}
const prints = [
  '1 2',
  '"a" "b"',
  '"a" 1 2 "b" "c" 3.5 .Values.n',
  '1 "a" 2',
  '.Values.n .Values.n',
  '.Values.missing 1',
  '.Values.m .Values.l',
  '(list 1) (list 2)',
  '"" 1 ""',
  '.Values.f .Values.big 1e6 3',
  'true false "x" true',
  '',
];
for (const args of prints) {
  cases.push({ id: id('print'), template: `{{ print ${args} }}` });
  cases.push({ id: id('println'), template: `{{ println ${args} }}|` });
}
cases.push({ id: id('pipe'), template: `{{ 5 | printf "%d-%s" "x" }}` });
cases.push({ id: id('pipe'), template: `{{ .Values.m | printf "%v" }}` });
cases.push({ id: id('pipe'), template: `{{ "a" | print "b" }}` });

for (const c of cases) c.values = values;

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`wrote ${table.length} cases to ${path.relative(process.cwd(), out)}`);
