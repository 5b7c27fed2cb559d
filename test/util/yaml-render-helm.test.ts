import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runHelm, runHelmkit } from '../archive/helm.js';

// Rendered documents Helm reads back with yaml.v2 (a document it rejects fails the whole render). The oracle
// tables render with --debug, which skips that check, so these run the real helm3/helm4 on a small chart per
// document and compare exit code, stdout and stderr with helmkit's. Nothing expected is written by hand.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-yaml-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const helmkit = (args: string[]) => runHelmkit(args);

/** Template texts (no actions unless meant), each rendered alone. */
const DOCS: Array<[string, string]> = [
  ['flow-seq-continuation-at-column-0', 'a: [1,\n2]\n'],
  ['flow-map-continuation', 'a: {b: 1,\nc: 2}\n'],
  ['flow-in-seq-low-indent', 'a:\n  - [1,\n  2]\n'],
  ['empty-flow-over-lines', 'a: [\n]\nb: {\n}\n'],
  ['quoted-continuation-at-column-0', 'a: "x\ny"\nb: \'p\nq\'\n'],
  ['tab-between-flow-tokens', 'a: [1,\t2]\n'],
  ['comment-right-after-flow-and-quote', 'a: [1]#c\nb: "x"#c\n'],
  ['document-end-inside-flow', 'a: [1,\n...\n]\n'],
  ['document-start-inside-quotes', 'a: "x\n---\ny"\n'],
  ['escaped-apostrophe', 'a: "x\\\'y"\n'],
  ['escaped-slash', 'a: "\\/"\n'],
  ['escaped-surrogate', 'a: "\\uD800"\n'],
  ['bad-hex-escape', 'a: "\\xZZ"\n'],
  ['nel-breaks-plain-scalar', 'a: x\u0085y\n'],
  ['nel-in-literal-block', 'a: |\n  x\u0085y\n'],
  ['apostrophe-in-plain-scalar', "a: don 't\nb: [1,\n2]\n"],
  ['quote-in-block-scalar', 'a: |\n  "x\nb: [1,\n2]\n'],
  ['html-escaped-value-is-an-anchor', 'a: {{ "<b>" | html }}\n'],
  ['printf-error-in-value', 'a: {{ printf "%d" 3.0 }}\n'],
  ['line-separator-breaks-lines', 'a: 1\u2028b: 2\nc: x\u2029y\n'],
  ['alias-name-then-at', '- &a 1\n- *a\n- &b@ 2\n'],
  ['printed-list-continued', '{{- $l := list "a" "b" }}\nargs: [{{ join ",\n" $l }}]\n'],
];

describe('rendered documents read back as Helm reads them', () => {
  for (const [name, doc] of DOCS) {
    const chart = path.join(tmp, name);
    mkdirSync(path.join(chart, 'templates'), { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
    writeFileSync(path.join(chart, 'templates', 't.yaml'), doc);
    for (const helm of ['helm3', 'helm4'] as const) {
      it(`${helm} ${name}`, async () => {
        const args = ['template', 'rel', chart];
        const [theirs, mine] = await Promise.all([
          runHelm(helm, args, repoRoot),
          helmkit([...args, ...(helm === 'helm4' ? ['--compat', 'helm4'] : [])]),
        ]);
        expect(mine).toEqual({ exit: theirs.exit, stdout: theirs.stdout, stderr: theirs.stderr });
      });
    }
  }
});
