import { describe, expect, it } from 'vitest';
import { loadChart, template } from '../../src/index.js';

// A loaded Chart is immutable: templates that mutate `.Values` (set/append/merge) must not leak into the next
// render, and renders of one chart may run concurrently.
const files = {
  'Chart.yaml': 'apiVersion: v2\nname: m\nversion: 0.1.0\n',
  'values.yaml': 'a:\n  b: 1\nlist: [1]\n',
  'templates/cm.yaml':
    '{{- $_ := set .Values.a "x" (add (len .Values.a) 1) }}{{- $_ := set .Values "list" (append .Values.list 2) }}' +
    'kind: ConfigMap\napiVersion: v1\nmetadata: {name: {{ .Release.Name }}}\n' +
    'data: {a: {{ toJson .Values.a | quote }}, l: {{ toJson .Values.list | quote }}}\n',
};

describe('rendering a loaded chart repeatedly', () => {
  it('gives the same output every time although templates mutate .Values', async () => {
    const chart = await loadChart(files);
    const first = (await template(chart, { releaseName: 'r' })).manifest;
    // As `helm3 template r` prints it for this chart (checked with the oracle).
    expect(first).toContain('data: {a: "{\\"b\\":1,\\"x\\":2}", l: "[1,2]"}');
    for (let i = 0; i < 3; i++) expect((await template(chart, { releaseName: 'r' })).manifest).toBe(first);
  });
  it('renders concurrently with different options', async () => {
    const chart = await loadChart(files);
    const names = ['a', 'b', 'c', 'd'];
    const results = await Promise.all(names.map((releaseName) => template(chart, { releaseName })));
    results.forEach((r, i) => {
      expect(r.manifest).toContain(`name: ${names[i]}`);
    });
  });
});
