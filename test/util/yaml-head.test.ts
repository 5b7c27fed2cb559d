// parseGoYamlHead (streaming, builds only the requested keys) must agree with the full parseGoYaml on every
// document: the same values for the requested keys, or the same error. Checked on every document of every
// corpus golden (helm3 and helm4), on documents of the YAML case tables, and on tricky hand-made documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitManifests } from '../../src/render/manifests.js';
import { type GoValue, isMap } from '../../src/util/go/value.js';
import { parseGoYaml, parseGoYamlHead } from '../../src/util/go/yaml-parse.js';

const KEYS = new Set(['apiVersion', 'kind', 'metadata']);
const GOLDEN = path.resolve(import.meta.dirname, '../../../shared/corpus/golden');

function outcome(f: () => GoValue): { value?: unknown; error?: string } {
  try {
    const v = f();
    if (v !== null && typeof v === 'object' && isMap(v)) {
      const picked: Record<string, unknown> = {};
      for (const k of KEYS) if (Object.hasOwn(v, k)) picked[k] = v[k];
      return { value: picked };
    }
    return { value: v };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function agree(doc: string): void {
  const full = outcome(() => parseGoYaml(doc, { file: 'f.yaml' }));
  const head = outcome(() => parseGoYamlHead(doc, KEYS, { file: 'f.yaml' }));
  expect(head, doc.slice(0, 300)).toEqual(full);
}

const TRICKY = [
  '',
  '# only a comment',
  'a',
  '- 1\n- 2',
  'kind: A\nkind: B\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: "1"\n    b: 2\n    c: yes\n',
  'metadata: {name: x, labels: {a: b}}\nkind: [1, 2]\n',
  'metadata:\n  name: 1e3\n  annotations: {x: .inf}\n',
  'data:\n  x: .nan\nkind: A\n',
  'base: &b {kind: A}\nother: *b\n',
  '<<: {kind: A}\nmetadata: {}\n',
  'kind: !!int "3"\n',
  'kind: !!int "x"\n',
  'kind: !!binary aGVsbG8=\n',
  'kind: !!binary "!!!"\n',
  '? [a, b]\n: 1\n',
  '{a: 1}: 2\n',
  '~: 1\nkind: A\n',
  '18446744073709551615: 1\n',
  '1.5: a\ny: b\nkind: A\n',
  'kind: A\n---\nkind: B\n',
  'kind: A\n---\nx: *nope\n',
  'kind: A\nmetadata:\n  name: a\n  a: b: c\n',
  `${'k'.repeat(1030)}: v\n`,
  `{${'k'.repeat(1030)}: v}\n`,
  'a: 1\n  b: 2\n',
  'kind: "A\n',
  'kind: A\x01\n',
  'spec:\n  - a: 1\n    b: [1, {c: d}]\n  - !!str 5\nkind: K\n',
  'metadata:\n  name: x\n  annotations:\n    - a\n',
  'kind: A\nmetadata:\n  annotations:\n    a: |\n      x',
  '{"kind":"A","metadata":{"name":"x\u2028y","annotations":{"a":["b",{"c":"d"}]}}}',
  'kind: A\ndata:\n  d: some text that goes on\n    `with a backquote` and @ on the next line\n',
  'kind: A\nmetadata:\n  annotations:\n    a: >+\n      x',
  'metadata:\n  annotations:\n    yes: 1\n    off: x\n    2.50: y\n    0x10: z\n',
  'kind: 2001-02-03\nmetadata: {name: 0x1F, annotations: {a: 0o17, b: 1_000}}\n',
  // libyaml's lexical rules (prepareForJsYaml): flow and quoted continuation lines, `#`, NEL, escapes.
  'kind: [A,\nB]\nmetadata: {name: x,\nlabels: {a: "b\nc"}}#c\n',
  'kind: A\u0085metadata: {}\n',
  `kind: "x\\'y"\nmetadata: {name: "\\/"}\n`,
  'kind: [1,\n...\n]\n',
  "kind: A\nmetadata: |\n  it's [\napiVersion: [v1,\tv2]\n",
];

describe('parseGoYamlHead equals parseGoYaml on the head keys', () => {
  it('on tricky documents', () => {
    for (const doc of TRICKY) agree(doc);
  });

  it('on every document of every corpus golden (all accepted, as Helm accepted them)', () => {
    if (!existsSync(GOLDEN)) return;
    let docs = 0;
    for (const helm of ['helm3', 'helm4']) {
      const dir = path.join(GOLDEN, helm);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.yaml')) continue;
        for (const doc of splitManifests(readFileSync(path.join(dir, f), 'utf8'))) {
          agree(doc);
          // Helm printed it, so Helm's reader accepted it: helmkit's must too.
          expect(outcome(() => parseGoYaml(doc)).error, `${f}: ${doc.slice(0, 200)}`).toBeUndefined();
          docs++;
        }
      }
    }
    expect(docs).toBeGreaterThan(1000);
  }, 120000);

  it('on the documents of the YAML case tables (values and fromYaml inputs)', () => {
    let n = 0;
    for (const table of ['../values/cases/values-yaml.json', '../funcs/cases/yaml.json']) {
      const cases = JSON.parse(readFileSync(new URL(table, import.meta.url), 'utf8')) as {
        chart?: { values?: string };
        values?: string;
      }[];
      for (const c of cases) {
        const text = c.chart?.values ?? c.values;
        if (typeof text !== 'string') continue;
        agree(text);
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});
