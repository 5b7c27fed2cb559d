// Case table for Sprig's mustFromJson (json.Unmarshal into interface{}; present in Helm 3.17 and 4.1): inputs
// only; expected outputs come from the real Helm 3 and Helm 4. Writes test/funcs/cases/mustfromjson.json.
// Run: node scripts/gen/funcs-mustfromjson.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../test/funcs/cases/mustfromjson.json');
const cases = [];
let n = 0;
const id = (p) => `${p}${String(n++).padStart(3, '0')}`;

const texts = [
  '{}',
  '{"a": 1, "b": [1, 2.5, "x", null, true], "c": {"d": "e"}}',
  '[]',
  '[1, "a", {"b": 2}]',
  '1',
  '1.5e300',
  '"str"',
  'true',
  'null',
  '',
  '{',
  '[1, 2',
  '{"a": 1,}',
  '{"a": 1} x',
  '1e400',
  '{"a": 1e400}',
  '"\\ud800"',
  '  {"a" : "<&>"}  ',
  '{"a": 1, "a": 2}',
  'nul',
  '{"a":01}',
  "{'a': 1}",
];
for (const t of texts) {
  cases.push({
    id: id('j'),
    template: `{{ $v := mustFromJson ${JSON.stringify(t)} }}{{ $v }}|{{ typeOf $v }}`,
  });
}
cases.push({
  id: id('t'),
  template: '{{ mustFromJson .Values.j | toJson }}',
  values: 'j: \'{"x": [1, 2]}\'\n',
});
cases.push({ id: id('t'), template: '{{ (mustFromJson "{\\"a\\": {\\"b\\": 3}}").a.b }}' });
cases.push({ id: id('t'), template: '{{ mustFromJson 1 }}' });
cases.push({ id: id('t'), template: '{{ mustFromJson nil }}' });

const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases → ${path.relative(process.cwd(), out)}`);
