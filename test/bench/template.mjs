// Template engine benchmark: renders chart-like templates with helmkit's engine (built dist/) and with the real
// Helm on the same templates in the same run, and prints throughput and the ratio.
// Usage: npm run build && node test/bench/template.mjs [copies=40] [iterations=200]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const { TemplateSet } = await import(path.join(dist, 'template/index.js'));
const { createFuncMap } = await import(path.join(dist, 'funcs/index.js'));
const { newMap, withGoType } = await import(path.join(dist, 'util/go/value.js'));
const { parseGoYamlValues } = await import(path.join(dist, 'util/go/yaml-parse.js'));

const copies = Number(process.argv[2] ?? 40);
const iterations = Number(process.argv[3] ?? 200);

const VALUES = `
replicaCount: 3
image: {repository: nginx, tag: "1.25", pullPolicy: IfNotPresent}
service: {type: ClusterIP, port: 80}
labels: {team: web, tier: frontend, env: prod}
env:
${Array.from({ length: 20 }, (_, i) => `  - {name: VAR_${i}, value: "value-${i}"}`).join('\n')}
ports: [80, 443, 8080, 9090]
resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 250m, memory: 64Mi}}
enabled: true
big:
${Array.from({ length: 60 }, (_, i) => `  key${i}: {name: item-${i}, weight: ${i}.5, tags: [a, b, "c ${i}"], nested: {on: ${i % 2 === 0}, text: "line one of ${i}"}}`).join('\n')}
`;
const HELPERS = `{{- define "bench.name" -}}{{ .Chart.Name }}{{- end -}}
{{- define "bench.fullname" -}}{{ printf "%s-%s" .Release.Name (include "bench.name" .) }}{{- end -}}
{{- define "bench.labels" -}}
app: {{ include "bench.name" . }}
release: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v }}
{{- end }}
{{- end -}}
`;
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "bench.fullname" . }}
  labels:
    {{- include "bench.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          {{- if .Values.enabled }}
          env:
          {{- range $i, $e := .Values.env }}
            - name: {{ $e.name }}
              value: {{ $e.value | quote }}
          {{- end }}
          {{- end }}
          ports:
          {{- range .Values.ports }}
            - containerPort: {{ . }}
          {{- end }}
          {{- with .Values.resources }}
          resources:
            limits:
              cpu: {{ .limits.cpu }}
              memory: {{ .limits.memory }}
          {{- end }}
          {{- if and .Values.enabled (gt (len .Values.ports) 2) }}
          # many ports {{ len .Values.ports }} {{ eq .Values.service.type "ClusterIP" }}
          {{- end }}
---
# function-heavy part: toYaml/toJson of a large map, include + nindent chains, string functions
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "bench.fullname" . | trunc 63 | trimSuffix "-" }}
  labels:
    {{- include "bench.labels" . | nindent 4 }}
data:
  config.yaml: |
    {{- toYaml .Values.big | nindent 4 }}
  config.json: {{ toJson .Values.big | quote }}
  {{- range $k, $v := .Values.labels }}
  {{ $k | upper | quote }}: {{ $v | b64enc | sha256sum | trunc 12 | quote }}
  {{- end }}
`;

// --- helmkit
const funcs = createFuncMap({ compat: 'helm3' });
const set = new TemplateSet({ funcs });
const counts = new Map();
set.defineContextFunc('include', {
  params: ['string', 'any'],
  call: (exec, name, data) => exec.executeTemplate(name, data),
});
set.parse('probe/templates/_helpers.tpl', HELPERS);
const names = [];
for (let i = 0; i < copies; i++) {
  const n = `probe/templates/t${i}.yaml`;
  set.parse(n, TEMPLATE);
  names.push(n);
}
const chart = new Map([
  ['Name', 'probe'],
  ['Version', '0.1.0'],
]);
function data(name) {
  const d = newMap();
  d.Values = withGoType(parseGoYamlValues(VALUES), 'chartutil.Values');
  const c = newMap();
  for (const [k, v] of chart) c[k] = v;
  d.Chart = c;
  const r = newMap();
  r.Name = 'rel';
  r.Namespace = 'ns';
  d.Release = r;
  const t = newMap();
  t.Name = name;
  t.BasePath = 'probe/templates';
  d.Template = t;
  return d;
}
const dataByName = names.map(data);
void counts;
const renderAll = () => {
  let bytes = 0;
  for (let i = 0; i < names.length; i++)
    bytes += set.execute(names[i], dataByName[i]).replaceAll('<no value>', '').length;
  return bytes;
};
for (let i = 0; i < 20; i++) renderAll(); // warm up
const t0 = process.hrtime.bigint();
let bytes = 0;
for (let i = 0; i < iterations; i++) bytes += renderAll();
const hkNs = Number(process.hrtime.bigint() - t0);
const hkPerTemplate = hkNs / (iterations * copies);

// --- real Helm, same templates, same run
const bin = execFileSync(path.resolve(here, '../../../shared/oracle/install-helm'), [], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-bench-'));
let helmPerTemplate = Number.NaN;
try {
  const dir = path.join(tmp, 'probe');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n');
  writeFileSync(path.join(dir, 'values.yaml'), VALUES);
  writeFileSync(path.join(dir, 'templates/_helpers.tpl'), HELPERS);
  for (let i = 0; i < copies; i++) writeFileSync(path.join(dir, `templates/t${i}.yaml`), TEMPLATE);
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: tmp,
    HELM_CACHE_HOME: tmp,
    HELM_CONFIG_HOME: tmp,
    HELM_DATA_HOME: tmp,
  };
  const runs = 5;
  execFileSync(path.join(bin, 'helm3'), ['template', 'rel', dir, '--namespace', 'ns'], { env });
  const h0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++)
    execFileSync(path.join(bin, 'helm3'), ['template', 'rel', dir, '--namespace', 'ns'], { env });
  helmPerTemplate = Number(process.hrtime.bigint() - h0) / (runs * copies);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const fmt = (ns) => `${(ns / 1000).toFixed(1)} µs`;
console.log(
  `templates per render: ${copies}, iterations: ${iterations}, output: ${(bytes / iterations / 1024).toFixed(1)} KiB per render`,
);
console.log(`helmkit: ${fmt(hkPerTemplate)} per template, ${Math.round(1e9 / hkPerTemplate)} templates/s`);
console.log(`helm3 template (process incl.): ${fmt(helmPerTemplate)} per template`);
console.log(`ratio helm/helmkit: ${(helmPerTemplate / hkPerTemplate).toFixed(1)}x`);
