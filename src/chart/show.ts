/**
 * `helm show chart|values|readme|crds|all` as text, exactly as Helm prints it (Helm 3 by default, Helm 4's
 * CRD separators with `compat: 'helm4'`).
 */
import { type GoValue, isMap, newMap } from '../util/go/value.js';
import { marshalGoYaml } from '../util/go/yaml-emit.js';

/** A JSON-shaped value (what encoding/json makes of chart metadata). */
type EmitValue = null | string | boolean | bigint | number | EmitValue[] | { [key: string]: EmitValue };

function toGo(v: EmitValue): GoValue {
  if (Array.isArray(v)) return v.map(toGo);
  if (v !== null && typeof v === 'object') {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) m[k] = toGo(x);
    return m;
  }
  return v;
}

import type { Compat } from './metadata.js';
import type { Chart, ChartDependency, ChartFile, ChartMetadata } from './types.js';

/** What `show` prints. */
export type ShowKind = 'chart' | 'values' | 'readme' | 'crds' | 'all';

const decoder = new TextDecoder('utf-8');

function jsonValue(v: GoValue): EmitValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isMap(v)) {
    const o: { [k: string]: EmitValue } = {};
    for (const k of Object.keys(v)) o[k] = jsonValue(v[k]);
    return o;
  }
  return String(v);
}

function dependencyJson(d: ChartDependency): EmitValue {
  // Go struct tags: name and repository are always written, the rest only when non-empty.
  const o: { [k: string]: EmitValue } = { name: d.name ?? '', repository: d.repository ?? '' };
  if (d.version) o.version = d.version;
  if (d.condition) o.condition = d.condition;
  if (d.tags && d.tags.length > 0) o.tags = d.tags;
  if (d.enabled) o.enabled = true;
  if (d.importValues && d.importValues.length > 0) o['import-values'] = jsonValue(d.importValues as GoValue);
  if (d.alias) o.alias = d.alias;
  return o;
}

/**
 * Chart.yaml as Helm re-marshals its `Metadata` (JSON with omitempty, then YAML with sorted keys): what
 * `helm show chart` prints.
 */
export function metadataToYaml(md: ChartMetadata): string {
  const o: { [k: string]: EmitValue } = {};
  const str = [
    'name',
    'home',
    'version',
    'description',
    'icon',
    'apiVersion',
    'condition',
    'tags',
    'appVersion',
    'kubeVersion',
    'type',
  ] as const;
  for (const k of str) {
    const v = md[k];
    if (v) o[k] = v;
  }
  if (md.sources && md.sources.length > 0) o.sources = md.sources;
  if (md.keywords && md.keywords.length > 0) o.keywords = md.keywords;
  if (md.maintainers && md.maintainers.length > 0) {
    o.maintainers = md.maintainers.map((m) => {
      if (m === null) return null;
      const x: { [k: string]: EmitValue } = {};
      if (m.name) x.name = m.name;
      if (m.email) x.email = m.email;
      if (m.url) x.url = m.url;
      return x;
    });
  }
  if (md.deprecated) o.deprecated = true;
  if (md.annotations && Object.keys(md.annotations).length > 0) o.annotations = { ...md.annotations };
  if (md.dependencies && md.dependencies.length > 0) {
    o.dependencies = md.dependencies.map((d) => (d === null ? null : dependencyJson(d)));
  }
  return marshalGoYaml(toGo(o));
}

const README_NAMES = ['readme.md', 'readme.txt', 'readme'];

function findReadme(files: readonly ChartFile[]): ChartFile | undefined {
  for (const f of files) {
    const lower = f.name.toLowerCase();
    // Go's strings.EqualFold: Unicode simple folding; lower-casing is equivalent for these ASCII names.
    if (README_NAMES.includes(lower) && f.name.length === lower.length) return f;
  }
  return undefined;
}

function hasManifestExtension(name: string): boolean {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  if (dot <= slash) return false;
  const ext = name.slice(dot).toLowerCase();
  return ext === '.yaml' || ext === '.yml' || ext === '.json';
}

/** A CRD file with the name Helm gives it (`chart/charts/sub/crds/x.yaml`). */
export interface CrdObject {
  /** The file's path below the top chart, as printed in `# Source:` lines. */
  filename: string;
  /** The file itself. */
  file: ChartFile;
}

/** Helm's `Chart.CRDObjects()`: crds/ manifests of the chart, then of each subchart, depth first. */
export function crdObjects(chart: Chart, parentPath = ''): CrdObject[] {
  const full = parentPath === '' ? chart.metadata.name : `${parentPath}/charts/${chart.metadata.name}`;
  const out: CrdObject[] = [];
  for (const f of chart.files) {
    if (f.name.startsWith('crds/') && hasManifestExtension(f.name))
      out.push({ filename: `${full}/${f.name}`, file: f });
  }
  for (const d of chart.dependencies) out.push(...crdObjects(d, full));
  return out;
}

/** CRD files of a chart and its subcharts, in Helm's order (`Chart.CRDObjects`). */
export function crdFiles(chart: Chart): ChartFile[] {
  return crdObjects(chart).map((c) => c.file);
}

function startsWithDashes(data: Uint8Array): boolean {
  return data.length >= 3 && data[0] === 0x2d && data[1] === 0x2d && data[2] === 0x2d;
}

/** The text `helm show KIND` prints for a loaded chart. */
export function showChart(chart: Chart, kind: ShowKind, compat: Compat = 'helm3'): string {
  const parts: string[] = [];
  const all = kind === 'all';
  if (kind === 'chart' || all) parts.push(`${metadataToYaml(chart.metadata)}\n`);
  if (kind === 'values' || all) {
    const rawValues = chart.raw.find((f) => f.name === 'values.yaml');
    if (rawValues) {
      if (all) parts.push('---\n');
      parts.push(`${decoder.decode(rawValues.data)}\n`);
    }
  }
  if (kind === 'readme' || all) {
    const readme = findReadme(chart.files);
    if (readme) {
      if (all) parts.push('---\n');
      parts.push(`${decoder.decode(readme.data)}\n`);
    }
  }
  if (kind === 'crds' || all) {
    const crds = crdFiles(chart);
    if (compat === 'helm4') {
      for (const c of crds) {
        if (!startsWithDashes(c.data)) parts.push('---\n');
        parts.push(`${decoder.decode(c.data)}\n`);
      }
    } else if (crds.length > 0) {
      if (all && !startsWithDashes(crds[0].data)) parts.push('---\n');
      for (const c of crds) parts.push(`${decoder.decode(c.data)}\n`);
    }
  }
  return parts.join('');
}
