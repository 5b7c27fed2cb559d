// Shared test harness: builds in-memory charts from the oracle case specs and renders what Helm's probe
// templates print (`{{ toJson .Values }}` per chart), so cases compare exactly with Helm's output.

import { load } from 'js-yaml';
import type { Chart, ChartDependency } from '../../src/chart/types.js';
import { HelmkitError } from '../../src/util/errors.js';
import { marshalJSON } from '../../src/util/go/json.js';
import type { GoMap } from '../../src/util/go/value.js';
import { GoYamlError, parseGoYamlValues } from '../../src/util/go/yaml-parse.js';
import type { Compat } from '../../src/values/coalesce.js';
import { computeValues, subchartValues } from '../../src/values/compute.js';

export interface Spec {
  name: string;
  version?: string;
  extra?: string;
  values?: string;
  schema?: string;
  dir?: string;
  deps?: Spec[];
  noTemplate?: boolean;
  type?: string;
}

export interface Case {
  id: string;
  chart: Spec;
  valueFiles?: Array<{ name: string; text: string }>;
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setFile?: Array<{ expr: string; files?: Record<string, string> }>;
  setLiteral?: string[];
  helm3: Result;
  helm4: Result;
}

export type Result = { out: Record<string, string> } | { err: string; exit: number };

const enc = new TextEncoder();

function toDeps(extra: string | undefined): ChartDependency[] | undefined {
  if (!extra) return undefined;
  const y = load(extra) as { dependencies?: Array<Record<string, unknown>> } | null;
  if (!y?.dependencies) return undefined;
  return y.dependencies.map((d) => {
    const out: ChartDependency = { name: String(d.name) };
    if (d.version !== undefined) out.version = String(d.version);
    if (d.condition !== undefined) out.condition = String(d.condition);
    if (d.alias !== undefined) out.alias = String(d.alias);
    if (Array.isArray(d.tags)) out.tags = d.tags.map(String);
    if (Array.isArray(d['import-values']))
      out.importValues = d['import-values'] as ChartDependency['importValues'];
    return out;
  });
}

/** Builds the in-memory chart Helm would load from the spec (values parsed the way the loader does). */
export function buildChart(spec: Spec, compat: Compat): Chart {
  let values: GoMap;
  try {
    values = parseGoYamlValues(spec.values ?? '', { file: 'values.yaml', multiDoc: compat === 'helm4' });
  } catch (e) {
    if (e instanceof GoYamlError) throw new HelmkitError('CHART', `cannot load values.yaml: ${e.message}`);
    throw e;
  }
  const deps = toDeps(spec.extra);
  return {
    metadata: {
      apiVersion: 'v2',
      name: spec.name,
      version: spec.version ?? '0.1.0',
      ...(spec.type ? { type: spec.type } : {}),
      ...(deps ? { dependencies: deps } : {}),
    },
    templates:
      spec.noTemplate || spec.type === 'library'
        ? []
        : [{ name: 'templates/values.yaml', data: enc.encode('') }],
    values,
    ...(spec.schema !== undefined ? { schema: enc.encode(spec.schema) } : {}),
    files: [],
    raw: [],
    dependencies: (spec.deps ?? []).map((d) => buildChart(d, compat)),
  };
}

/** What helm template prints for the case under helmkit: the same shape as the oracle result. */
export function runCase(c: Case, compat: Compat): Result {
  try {
    const chart = buildChart(c.chart, compat);
    const files: Record<string, string> = {};
    for (const s of c.setFile ?? []) Object.assign(files, s.files ?? {});
    const { chart: out, values } = computeValues(chart, {
      compat,
      valueFiles: c.valueFiles ?? [],
      set: c.set ?? [],
      setString: c.setString ?? [],
      setJson: c.setJson ?? [],
      setFile: (c.setFile ?? []).map((s) => s.expr),
      readSetFile: (p) => {
        if (!Object.hasOwn(files, p)) throw new Error(`open ${p}: no such file or directory`);
        return files[p] as string;
      },
      setLiteral: c.setLiteral ?? [],
    });
    const result: Record<string, string> = {};
    const walk = (ch: Chart, prefix: string, path: string[]): void => {
      const full = `${prefix}${ch.metadata.name}`;
      if (ch.templates.length > 0 && ch.metadata.type !== 'library') {
        result[`${full}/templates/values.yaml`] = `${marshalJSON(subchartValues(values, path))}\n`;
      }
      for (const d of ch.dependencies) walk(d, `${full}/charts/`, [...path, d.metadata.name]);
    };
    walk(out, '', []);
    return { out: result };
  } catch (e) {
    if (e instanceof HelmkitError) {
      const log = (e as { log?: string }).log;
      return { err: `${log !== undefined ? `${log}\n` : ''}Error: ${e.message}\n`, exit: 1 };
    }
    throw e;
  }
}
