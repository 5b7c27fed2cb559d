// Case table for the chart loader: each case is a chart (files), shown with `helm show chart|values|readme|crds`
// by the real Helm 3 and Helm 4. Writes test/chart/cases/loader.json. Never edit the output by hand.
//   node scripts/gen/loader-cases.mjs
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binDir = execFileSync(path.resolve(root, '../shared/oracle/install-helm'), [], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();

const V2 = (extra = '') => `apiVersion: v2\nname: probe\nversion: 1.0.0\n${extra}`;
const chart = (chartYaml, more = {}) => ({ 'Chart.yaml': chartYaml, ...more });
const crdsOrder = {
  'crds/b.yaml': 'kind: B\n',
  'crds/a.yaml': 'kind: A\n',
  'crds/a/z.yaml': 'kind: AZ\n',
  'crds/a.b.yaml': 'kind: AB\n',
  'crds/A.yaml': '---\nkind: UpperA\n',
  'crds/_x.yml': 'kind: X\n',
  'crds/c.json': '{"kind": "C"}\n',
  'crds/d.txt': 'not a crd\n',
  'crds/E.YAML': 'kind: E\n',
};

const cases = [
  // Chart.yaml typing
  { id: 'types-appversion-float', files: chart(V2('appVersion: 1.10\n')) },
  {
    id: 'types-scalars',
    files: chart(V2('appVersion: 12345678\nkubeVersion: 1.5e3\nicon: 0x1F\nhome: .inf\n')),
  },
  { id: 'types-huge-float', files: chart(V2('appVersion: 1.0e+100\ndescription: 0.000001\n')) },
  {
    id: 'types-bools',
    files: chart(V2('appVersion: yes\ndescription: off\nkeywords: [y, n, on, "yes", 1.0, "1.0", null]\n')),
  },
  {
    id: 'types-case-insensitive',
    files: chart('apiVersion: v2\nName: Upper\nname: probe\nversion: 1.0.0\nAppVersion: 3.0\n'),
  },
  { id: 'types-duplicate-key', files: chart('apiVersion: v2\nname: first\nversion: 1.0.0\nname: probe\n') },
  {
    id: 'types-annotations',
    files: chart(V2('annotations: {1: 2, true: yes, 1.5: ~, a10: x, a9: y, b: "1"}\n')),
  },
  {
    id: 'types-deprecated-tags',
    files: chart(V2('deprecated: true\ntags: x\ncondition: c\ntype: library\n')),
  },
  { id: 'types-unknown-fields', files: chart(V2('unknown: 1\nother: [1, 2]\n')) },
  { id: 'types-no-apiversion', files: chart('name: probe\nversion: 1.0.0\n') },
  { id: 'types-timestamp', files: chart(V2('appVersion: 2001-12-14\n')) },
  {
    id: 'types-dependencies',
    files: chart(
      V2(
        'dependencies:\n- name: a\n  version: 1\n  repository: ""\n  import-values: [x, {child: c, parent: y}, 1, 1.5, 1e6]\n- name: b\n  enabled: true\n  tags: [t, 1]\n  alias: bee\n  condition: b.enabled\n',
      ),
      {
        'charts/a/Chart.yaml': 'apiVersion: v2\nname: a\nversion: 1.0.0\n',
        'charts/b/Chart.yaml': 'apiVersion: v2\nname: b\nversion: 1.0.0\n',
      },
    ),
  },
  {
    id: 'types-maintainers',
    files: chart(V2('maintainers:\n- name: me\n  email: ""\n- email: x@y\n  url: http://u\n')),
  },
  // sanitizing and output quoting/folding
  {
    id: 'sanitize',
    files: chart(V2('description: "a\\tb\\x01c\\nd\\u00a0e"\nhome: "  x "\nkeywords: ["\\ttab"]\n')),
  },
  {
    id: 'emit-folding',
    files: chart(
      V2(
        'description: "A very long description that goes on and on and on and on and on and on and on and beyond eighty columns: yes"\nhome: "https://example.com/a/very/long/path/that/has/no/spaces/at/all/and/keeps/going/and/going/on/and/on"\nicon: "plain text that is long enough to be folded by the yaml emitter because it goes past column eighty"\n',
      ),
    ),
  },
  {
    id: 'emit-quoting',
    files: chart(
      V2(
        'annotations:\n  a: "- dash"\n  b: "#hash"\n  c: "x #y"\n  d: "k: v"\n  e: "@at"\n  f: "1:20"\n  g: "0x10"\n  h: "~"\n  i: "null"\n  j: "multi\\nline\\n"\n  k: "multi\\nline"\n  l: "trail\\n\\n"\n  m: " lead\\nx"\n  n: "it\'s"\n  o: "tab\\there"\n  p: "---"\n  q: "ünïcödé"\n  r: "emoji 😀"\n  s: "1e5"\n  t: ".5"\n  u: "2001-12-14"\n  v: "[x]"\n  w: "a,b"\n  x: "?q"\n  "key with space": v\n  "": empty\n',
      ),
    ),
  },
  // validation
  { id: 'err-deprecated-type', files: chart(V2('deprecated: "yes"\n')) },
  { id: 'err-version', files: chart('apiVersion: v2\nname: probe\nversion: abc\n') },
  { id: 'err-no-name', files: chart('apiVersion: v2\nversion: 1.0.0\n') },
  { id: 'err-name-dot', files: chart('apiVersion: v2\nname: .\nversion: 1.0.0\n') },
  { id: 'err-name-dotdot', files: chart('apiVersion: v2\nname: ".."\nversion: 1.0.0\n') },
  { id: 'err-name-slash', files: chart('apiVersion: v2\nname: a/b\nversion: 1.0.0\n') },
  { id: 'unknown-apiversion', files: chart('apiVersion: v3\nname: probe\nversion: 1.0.0\n') },
  { id: 'err-yaml-syntax', files: chart(V2('  bad: [\n')) },
  { id: 'err-type', files: chart(V2('type: foo\n')) },
  { id: 'err-alias', files: chart(V2('dependencies:\n- name: x\n  alias: "a b"\n')) },
  { id: 'err-appversion-list', files: chart(V2('appVersion: [1]\n')) },
  { id: 'err-keywords-string', files: chart(V2('keywords: x\n')) },
  { id: 'err-keywords-nested', files: chart(V2('keywords: [[1]]\n')) },
  { id: 'err-null-dependency', files: chart(V2('dependencies:\n- null\n')) },
  { id: 'err-null-maintainer', files: chart(V2('maintainers: [null]\n')) },
  { id: 'err-maintainer-field', files: chart(V2('maintainers: [{name: [1]}]\n')) },
  { id: 'err-dependency-field', files: chart(V2('dependencies: [{name: a, enabled: x}]\n')) },
  { id: 'err-annotation-list', files: chart(V2('annotations: {a: [1]}\n')) },
  { id: 'err-deprecated-number', files: chart(V2('deprecated: 1\n')) },
  { id: 'err-duplicate-dependency', files: chart(V2('dependencies:\n- name: x\n- name: x\n')) },
  { id: 'err-chart-yaml-list', files: chart('[1]\n') },
  { id: 'err-chart-yaml-empty', files: chart('') },
  { id: 'err-values-not-map', files: chart(V2(), { 'values.yaml': 'x\n' }) },
  { id: 'err-no-chart-yaml', files: { 'values.yaml': 'a: 1\n', 'templates/x.yaml': 'x: 1\n' } },
  ...[
    '01.0.0',
    '1',
    '1.2',
    'v1',
    'V1',
    '1.0.0-01',
    '1.0.0-0a',
    '1.0.0-a..b',
    '1.0.0+01',
    '1.0.0+a_b',
    '1.0.0.0',
    '1.0.0-rc.1+b.2',
    '99999999999999999999.0.0',
  ].map((v, i) => ({ id: `version-${i}`, files: chart(`apiVersion: v2\nname: probe\nversion: '${v}'\n`) })),
  // subcharts
  {
    id: 'sub-invalid',
    files: chart(V2(), { 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: x\n' }),
  },
  {
    id: 'sub-nested-invalid',
    files: chart(V2(), {
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
      'charts/sub/charts/deep/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 1.0.0\ntype: x\n',
    }),
  },
  { id: 'sub-stray-file', files: chart(V2(), { 'charts/README.md': 'hi\n' }) },
  {
    id: 'sub-skipped',
    files: chart(V2(), { 'charts/_skip/x': 'x', 'charts/.hidden/y': 'y', 'charts/x.prov': 'p' }),
  },
  { id: 'sub-bad-tgz', files: chart(V2(), { 'charts/x.tgz': 'notgz\n' }) },
  { id: 'sub-bad-tgz-long', files: chart(V2(), { 'charts/x.tgz': 'this is not a gzip file at all\n' }) },
  // files, README, CRDs, ordering and .helmignore
  {
    id: 'files-crds-order',
    files: chart(V2(), {
      ...crdsOrder,
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
      'charts/sub/crds/s.yaml': 'kind: Sub\n',
      'charts/sub/README.md': 'sub readme\n',
    }),
  },
  { id: 'files-readme-txt', files: chart(V2(), { 'README.txt': 'txt\n', 'docs/README.md': 'no\n' }) },
  { id: 'files-readme-case', files: chart(V2(), { 'ReadMe.MD': 'mixed\n', readme: 'plain\n' }) },
  {
    id: 'files-values-raw',
    files: chart(V2(), { 'values.yaml': '\ufeff# comment\na: 1 # trailing\nb:   [1,2]\n\n\n' }),
  },
  { id: 'files-values-empty', files: chart(V2(), { 'values.yaml': '' }) },
  { id: 'files-bom-chart', files: chart(`\ufeff${V2('appVersion: "2"\n')}`) },
  {
    id: 'ignore-basic',
    files: chart(V2(), {
      ...crdsOrder,
      '.helmignore': '# comment\n\ncrds/a.yaml\n*.json\nREADME.md\n/crds/A.yaml\n',
      'README.md': 'ignored readme\n',
    }),
  },
  {
    id: 'ignore-dir-rules',
    files: chart(V2(), { ...crdsOrder, '.helmignore': 'a/\n_x.yml/\n', 'README.md': 'kept\n' }),
  },
  {
    id: 'ignore-negation',
    files: chart(V2(), { ...crdsOrder, '.helmignore': '!crds/b.yaml\n' }),
  },
  {
    id: 'ignore-negation-after',
    files: chart(V2(), { ...crdsOrder, '.helmignore': 'crds/a.yaml\n!*.json\n' }),
  },
  {
    id: 'ignore-glob-classes',
    files: chart(V2(), {
      ...crdsOrder,
      '.helmignore': 'crds/[a-b].yaml\ncrds/?.YAML\n[^R]*.md\n',
      'README.md': 'kept\n',
    }),
  },
  { id: 'ignore-doublestar', files: chart(V2(), { '.helmignore': '**/x\n' }) },
  { id: 'ignore-bad-pattern', files: chart(V2(), { '.helmignore': 'crds/[a\n' }) },
  { id: 'ignore-chart-yaml', files: chart(V2(), { '.helmignore': 'Chart.yaml\n' }) },
  {
    id: 'ignore-crlf',
    files: chart(V2(), { ...crdsOrder, '.helmignore': 'crds/b.yaml\r\n  crds/a.yaml  \r\n' }),
  },
];

const KINDS = ['chart', 'values', 'readme', 'crds'];

function run(helm, args, cwd) {
  return new Promise((resolve) => {
    execFile(
      path.join(binDir, helm),
      args,
      { cwd, maxBuffer: 1 << 26, encoding: 'utf8' },
      (err, stdout, stderr) => {
        resolve({ exit: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'loader-cases-'));
const out = [];
for (const c of cases) {
  const dir = path.join(tmp, 'probe');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const row = { ...c };
  for (const helm of ['helm3', 'helm4']) {
    row[helm] = {};
    for (const kind of KINDS) row[helm][kind] = await run(helm, ['show', kind, './probe'], tmp);
  }
  out.push(row);
}
rmSync(tmp, { recursive: true, force: true });
writeFileSync(path.join(root, 'test/chart/cases/loader.json'), `${JSON.stringify(out, null, 1)}\n`);
process.stderr.write(`${out.length} cases\n`);
