import { describe, expect, test } from 'vitest';
import { loadChart, loadChartFiles } from '../../src/chart/load.js';
import { chartYaml, tgz } from './tar-builder.js';

const names = (files: readonly { name: string }[]) => files.map((f) => f.name);
const text = (d: Uint8Array | undefined) => new TextDecoder().decode(d);

describe('file classification (Helm LoadFiles)', () => {
  test('every kind of file lands where Helm puts it', async () => {
    const c = await loadChart({
      'Chart.yaml': chartYaml('top'),
      'Chart.lock':
        'dependencies:\n- name: sub\n  version: 1.0.0\n  repository: file://x\ndigest: sha256:abc\ngenerated: "2024-01-01T00:00:00Z"\n',
      'values.yaml': 'a: 1\nb: 1000000\n',
      'values.schema.json': '{"type":"object"}',
      'templates/b.yaml': 'b',
      'templates/a/z.yaml': 'az',
      'templates/a.yaml': 'a',
      'templates/_helpers.tpl': 'h',
      'templates/NOTES.txt': 'n',
      'templates/.hidden.yaml': 'ignored by Helm default rule',
      'crds/crd.yaml': 'kind: CustomResourceDefinition',
      'files/conf.ini': 'x=1',
      'README.md': 'readme',
      'charts/sub/Chart.yaml': chartYaml('sub'),
      'charts/sub/templates/s.yaml': 's',
      'charts/packed.tgz': tgz([{ name: 'packed/Chart.yaml', data: chartYaml('packed') }]),
      'charts/packed.tgz.prov': 'sig',
    });
    expect(c.metadata).toEqual({ apiVersion: 'v2', name: 'top', version: '1.0.0' });
    expect(names(c.templates)).toEqual([
      'templates/NOTES.txt',
      'templates/_helpers.tpl',
      'templates/a/z.yaml',
      'templates/a.yaml',
      'templates/b.yaml',
    ]);
    expect(names(c.files)).toEqual([
      'README.md',
      'charts/packed.tgz.prov',
      'crds/crd.yaml',
      'files/conf.ini',
    ]);
    expect(c.values).toEqual(Object.assign(Object.create(null), { a: 1, b: 1000000 }));
    expect(text(c.schema)).toBe('{"type":"object"}');
    expect(c.lock?.dependencies).toEqual([{ name: 'sub', version: '1.0.0', repository: 'file://x' }]);
    expect(c.lock?.digest).toBe('sha256:abc');
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['packed', 'sub']);
    expect(names(c.dependencies[1].templates)).toEqual(['templates/s.yaml']);
    expect(names(c.raw)).toContain('Chart.yaml');
    expect(names(c.raw)).not.toContain('templates/.hidden.yaml');
  });

  test('apiVersion v1 with requirements.yaml and requirements.lock', async () => {
    const warnings: string[] = [];
    const c = await loadChart(
      {
        'Chart.yaml': 'name: old\nversion: 0.1.0\n',
        'requirements.yaml': 'dependencies:\n- name: dep\n  version: ~1.0\n  repository: https://x\n',
        'requirements.lock': 'dependencies:\n- name: dep\n  version: 1.0.1\n  repository: https://x\n',
      },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(c.metadata.apiVersion).toBe('v1');
    expect(c.metadata.dependencies).toEqual([{ name: 'dep', version: '~1.0', repository: 'https://x' }]);
    expect(c.lock?.dependencies[0].version).toBe('1.0.1');
    expect(names(c.files)).toEqual(['requirements.lock', 'requirements.yaml']);
    expect(warnings).toEqual([]);
  });

  test('requirements.yaml in a v2 chart warns and is not a file', async () => {
    const warnings: string[] = [];
    const c = await loadChart(
      { 'Chart.yaml': chartYaml('new'), 'requirements.yaml': 'dependencies:\n- name: dep\n' },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(c.metadata.dependencies?.[0].name).toBe('dep');
    expect(c.files).toEqual([]);
    expect(warnings.length).toBe(1);
  });

  test('a .tgz chart (archive order kept, BOM stripped, .helmignore not applied)', async () => {
    const c = await loadChart(
      tgz([
        { name: 'x/Chart.yaml', data: `\ufeff${chartYaml('x')}` },
        { name: 'x/templates/z.yaml', data: 'z' },
        { name: 'x/templates/a.yaml', data: 'a' },
        { name: 'x/.helmignore', data: 'templates/\n' },
        { name: 'x/templates/', type: '5' },
      ]),
    );
    expect(c.metadata.name).toBe('x');
    expect(names(c.templates)).toEqual(['templates/z.yaml', 'templates/a.yaml']);
    expect(names(c.files)).toEqual(['.helmignore']);
  });

  test('Chart.yaml at the archive root is refused like Helm', async () => {
    // Helm 3.17 and 4.1: `Error: chart illegally contains content outside the base directory: "Chart.yaml"`.
    await expect(loadChart(tgz([{ name: 'Chart.yaml', data: chartYaml('x') }]))).rejects.toThrow(
      'chart illegally contains content outside the base directory: "Chart.yaml"',
    );
  });

  test('loadChartFiles keeps the given order', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const c = await loadChartFiles([
      { name: 'templates/b.yaml', data: enc('b') },
      { name: 'Chart.yaml', data: enc(chartYaml('f')) },
      { name: 'templates/a.yaml', data: enc('a') },
    ]);
    expect(names(c.templates)).toEqual(['templates/b.yaml', 'templates/a.yaml']);
  });

  test('a path without a file system is a typed error', async () => {
    await expect(loadChart('/some/dir')).rejects.toMatchObject({ code: 'CHART_NOT_FOUND' });
  });
});
