// Shared driver for the H5 function-family case tables (funcs-<family>.mjs): runs each case through the
// oracle (helm3 and helm4) and writes test/funcs/cases/<family>.json. Inputs only; outputs come from Helm.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Values shared by most cases (one oracle batch). */
export const VALUES = `s: hello
n: 42
f: 1.5
big: 1000000
neg: -3
negf: -2.5
zero: 0
t: true
fls: false
nul: null
empty: ""
u: "héllo wörld"
num: "123"
list: [1, 2, 3]
strs: [b, a, c]
mixed: [1, "a", null, 2.5, true]
dups: [1, 1, "a", "a", 2]
m: {a: 1, b: two, c: {d: 4}}
em: {}
el: []
`;

/** Builds cases from templates: ids are `<family>-<n>`; a template may be [template, valuesYaml]. */
export function makeCases(family, templates) {
  return templates.map((t, i) => {
    const [template, values] = Array.isArray(t) ? t : [t, VALUES];
    return { id: `${family}-${i}`, template, values };
  });
}

/** Runs the oracle for both Helms and writes the table. */
export async function writeTable(family, cases) {
  const [h3, h4] = await Promise.all([
    runOracle(cases, { helm: 'helm3' }),
    runOracle(cases, { helm: 'helm4' }),
  ]);
  const rows = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
  const out = path.resolve(here, `../../test/funcs/cases/${family}.json`);
  writeFileSync(out, `${JSON.stringify(rows, null, 1)}\n`);
  console.log(`${family}: ${rows.length} cases → ${path.relative(process.cwd(), out)}`);
}
