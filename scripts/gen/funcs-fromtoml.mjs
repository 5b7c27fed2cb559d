// Case table for Helm's fromToml (BurntSushi/toml into map[string]interface{}; errors under the "Error" key):
// inputs only; expected outputs come from the real Helm 3 and Helm 4. Writes test/funcs/cases/fromtoml.json.
// Run: node scripts/gen/funcs-fromtoml.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/funcs/cases/fromtoml.json');
const cases = [];
let n = 0;
const id = (p) => `${p}${String(n++).padStart(3, '0')}`;

// TOML documents: each is printed as Go prints the map, then the Go type of every top-level value.
// Known divergences, not in the table (helmkit's fromToml uses smol-toml, see src/funcs/toml-parse.ts):
// * invalid documents: BurntSushi's error wording, line numbers (Helm 3 prints line 0 at EOF) and "last key"
//   are not reproduced, e.g. 'a = 01', 'a = 1\na = 2', 'a = ', 'a = "unterminated', 'a = [1, 2', '= 1',
//   'a b = 1', '[t]\n[t]', 'a = tru', 'a = 1.', 'a = 1e', 'a = 0x', 'a = "\x"', 'a = 1979-13-01', a control
//   character in a string;
// * sub-millisecond fractions ('1979-05-27T00:32:00.999999-07:00'): smol-toml keeps milliseconds;
// * documents BurntSushi accepts although TOML 1.0 forbids them: 'a = { b = 1 }\na.c = 2',
//   '[a.b]\nc = 1\n[a]\nb.d = 2', 'a.b = 1\n[a]\nc = 2';
// * 'a = 9223372036854775808' (the wording and line of the int64 range error).
const docs = [
  '',
  'a = 1',
  'a = 1\nb = "two"\nc = true\nd = 1.5',
  'i = 9223372036854775807\nj = -9223372036854775808\nk = +17\nl = 0',
  'h = 0xDEADbeef\no = 0o755\nb = 0b1101\nu = 1_000_000',
  'f1 = 1.0\nf2 = 3.1415\nf3 = -0.01\nf4 = 5e+22\nf5 = 1e06\nf6 = -2E-2\nf7 = 6.626e-34\nf8 = 224_617.445_991_228',
  'big = 1e300\nsmall = 5e-324\nmillion = 1000000.0\nseventh = 0.0000001',
  'sf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\nsf6 = -nan',
  'z = -0.0\np = +0.0',
  's1 = "basic \\"quoted\\" \\t tab \\n nl \\\\ back \\u00e9 \\U0001F600"',
  "s2 = 'literal \\n no escapes'",
  's3 = """\nmulti\nline"""',
  's4 = """\\\n  trimmed \\\n  line"""',
  "s5 = '''\nraw\n  lines'''",
  'e = ""\nsp = " "',
  'odt1 = 1979-05-27T07:32:00Z',
  'odt2 = 1979-05-27T00:32:00-07:00',
  'odt4 = 1979-05-27 07:32:00Z',
  'odt5 = 1979-05-27T07:32:00+05:30',
  'ldt1 = 1979-05-27T07:32:00',
  'ld1 = 1979-05-27',
  'lt1 = 07:32:00',
  'arr = [1, 2, 3]\nstrs = ["a", "b"]\nmixed = [1, "a", 1.5, true]\nnested = [[1, 2], ["x"]]\nempty = []',
  'arr = [\n  1,\n  2, # comment\n]',
  'inl = { x = 1, y = "two" }\nempty = {}',
  'arr = [{ x = 1 }, { x = 2 }]',
  '[t]\na = 1\n[t.sub]\nb = 2',
  '[[p]]\nname = "a"\n[[p]]\nname = "b"',
  '[[p]]\n[p.q]\nx = 1\n[[p.r]]\ny = 2',
  'a.b.c = 1\na.d = 2',
  '"quoted key" = 1\n\'lit key\' = 2\n"" = 3\n"a.b" = 4',
  'bare-key_1 = 1\n1234 = "num key"',
  '# only a comment\n\n  # another',
  'a = 1 # trailing comment',
  'Error = "my error"',
  'a = "é😀"',
  '[a]\n[a.b]\n[a.b.c]',
  '[x.y.z.w]\nk = 1',
  't = [ 1979-05-27, 07:32:00 ]',
  'a = 1\r\nb = 2\r\n',
  'a = "tab\there"',
  '[ spaced . "key" ]\nv = 1',
  'nan = nan\ninf = inf\ntrue = true\nfalse = false',
  'odt6 = 1979-05-27T00:32:00.5-07:00\nldt3 = 1979-05-27T00:32:00.123\nlt3 = 23:59:59.25',
  'odt7 = 2024-02-29T12:00:00+00:00',
  'old = 0001-01-01T00:00:00Z\nfar = 9999-12-31T23:59:59Z',
  'neg = -9223372036854775807\nhexmax = 0x7FFFFFFFFFFFFFFF',
  'k = [ "a",\n  "b" ,\n]\n',
  'x = [ [ [ 1 ] ] ]',
  'a = """\none "" two"""',
  "b = '''it's'''",
  '[servers]\n[servers.alpha]\nip = "10.0.0.1"\ndc = "eqdc10"\n[servers.beta]\nip = "10.0.0.2"',
  '[[fruits]]\nname = "apple"\n[fruits.physical]\ncolor = "red"\n[[fruits.varieties]]\nname = "red delicious"\n[[fruits]]\nname = "banana"',
  'str = "The quick brown fox"\nlong = """\\\n  The quick brown \\\n  fox."""',
  'ws = "  padded  "\nunicode = "\\u00E9\\u0041"',
];

const values = JSON.stringify({ docs });
docs.forEach((_, i) => {
  cases.push({
    id: id('d'),
    values,
    template: `{{ $m := fromToml (index .Values.docs ${i}) }}{{ $m }}|{{ range $k, $v := $m }}{{ $k }}={{ typeOf $v }};{{ end }}`,
  });
});

const tpl = (template, v) => cases.push({ id: id('t'), template, ...(v ? { values: v } : {}) });
tpl('{{ (fromToml "[[p]]\\nx = 1").p | typeOf }} {{ index (fromToml "[[p]]\\nx = 1").p 0 | typeOf }}');
tpl('{{ (fromToml "a = [{x = 1}]").a | typeOf }} {{ index (fromToml "a = [{x = 1}]").a 0 | typeOf }}');
tpl('{{ (fromToml "a = [[1], [2]]").a | typeOf }} {{ index (fromToml "a = [[1]]").a 0 | typeOf }}');
tpl('{{ (fromToml "[t]\\nx = 1").t | typeOf }} {{ (fromToml "t = {x = 1}").t | typeOf }}');
tpl('{{ fromToml "a = 1\\nb = [1.5, 2]" | toJson }}');
tpl('{{ fromToml "a = 1\\nb = { c = [1, 2] }" | toYaml }}');
tpl('{{ (fromToml "d = 1979-05-27T07:32:00Z").d.Year }} {{ (fromToml "d = 1979-05-27T07:32:00Z").d.Unix }}');
tpl('{{ (fromToml "d = 1979-05-27T07:32:00.5+01:00").d | date "2006-01-02 15:04:05.000 MST" }}');
tpl('{{ fromToml "d = 1979-05-27T07:32:00Z\\nl = 1979-05-27" | toJson }}');
tpl('{{ add (fromToml "a = 41").a 1 }} {{ (fromToml "a = 41").a | kindOf }}');
tpl('{{ fromToml nil }}');
tpl('{{ fromToml 1 }}');
tpl('{{ fromToml (toToml (dict "a" 1 "b" (list 1 2) "c" (dict "d" "e"))) }}');
tpl('{{ fromToml .Values.t }}', 't: "a = 1"\n');
// An invalid document gives a map holding only "Error" (its text is a known divergence, see above).
tpl(
  '{{ hasKey (fromToml "a = ") "Error" }} {{ len (fromToml "a = 1\\na = 2") }} {{ typeOf (fromToml "[").Error }}',
);

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases → ${path.relative(process.cwd(), out)}`);
