// Oracle table for `.Files` (Get, GetBytes, Glob, Lines, AsConfig, AsSecrets, range) and `.Capabilities`/
// `.Chart`/`.Release` objects: writes test/render/cases/files.json with helm3 and helm4 results.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = {
  'config/app.ini': 'a=1\nb=2\n',
  'config/extra.yaml': 'k: v\n',
  'config/nested/deep.txt': 'deep\n',
  'data/one.json': '{"x": 1}',
  'notes.txt': 'line1\nline2\n\nline4',
  'README.md': '# hi\n',
};
const templates = [
  '{{ .Files.Get "config/app.ini" }}',
  '{{ .Files.Get "missing" | quote }}',
  '{{ .Files.GetBytes "data/one.json" | len }}',
  '{{ range $p, $_ := .Files.Glob "config/*" }}{{ $p }};{{ end }}',
  '{{ range $p, $_ := .Files.Glob "config/**" }}{{ $p }};{{ end }}',
  '{{ range $p, $_ := .Files.Glob "**.{json,ini}" }}{{ $p }};{{ end }}',
  '{{ range $p, $_ := .Files.Glob "config/[ae]*" }}{{ $p }};{{ end }}',
  '{{ range $p, $_ := .Files.Glob "config/?pp.ini" }}{{ $p }};{{ end }}',
  '{{ range $p, $_ := .Files.Glob "[" }}{{ $p }};{{ end }}',
  '{{ (.Files.Glob "config/*").AsConfig }}',
  '{{ (.Files.Glob "config/*").AsSecrets }}',
  '{{ (.Files.Glob "nothing/*").AsConfig | quote }}',
  '{{ range .Files.Lines "notes.txt" }}[{{ . }}]{{ end }}',
  '{{ .Files.Lines "missing" | len }}',
  '{{ len .Files }}',
  '{{ range $k, $v := .Files }}{{ $k }};{{ end }}',
  '{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}',
  '{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "nope/v9" }}',
  '{{ .Capabilities.HelmVersion.Version }}',
  '{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.IsRoot }}',
  '{{ .Chart }}',
  '{{ toJson .Chart }}',
  '{{ .Release }}',
  '{{ .Template.Name }} {{ .Template.BasePath }}',
  '{{ typeOf .Files }} {{ typeOf .Capabilities }} {{ typeOf .Chart }}',
  '{{ .Capabilities.KubeVersion.normalizedVersion }}',
  '{{ .Capabilities.KubeVersion.normalized }}',
];
// `.Chart` with list and struct fields (Helm 4 converts them to generic maps and slices) and `.Template`'s type.
const chartYaml = `apiVersion: v2
name: probe
version: 0.1.0
appVersion: "1.0"
keywords: [a, b]
sources: [https://example.com/src]
maintainers:
  - name: Jo
    email: jo@example.com
dependencies:
  - name: sub
    version: 0.2.0
    tags: [t1]
    condition: sub.enabled
`;
const chartFiles = { 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.2.0\n' };
const chartTemplates = [
  '{{ printf "%T|%T|%T|%T" .Chart.Keywords .Chart.Sources .Chart.Maintainers .Chart.Dependencies }}',
  '{{ printf "%T %+v" (index .Chart.Maintainers 0) (index .Chart.Maintainers 0) }}',
  '{{ printf "%T %v" (index .Chart.Dependencies 0).Tags (index .Chart.Dependencies 0) }}',
  '{{ toJson .Chart }}',
  '{{ toYaml .Chart.Maintainers }}',
  '{{ printf "%T %#v" .Template .Template }}',
];
const cases = [
  ...templates.map((template, i) => ({ id: `files-${i}`, template, files })),
  ...chartTemplates.map((template, i) => ({ id: `chart-${i}`, template, chartYaml, files: chartFiles })),
];
const [h3, h4] = await Promise.all([
  runOracle(cases, { helm: 'helm3' }),
  runOracle(cases, { helm: 'helm4' }),
]);
const table = cases.map((c) => ({ ...c, helm3: h3[c.id], helm4: h4[c.id] }));
writeFileSync(path.join(root, 'test/render/cases/files.json'), `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases`);
