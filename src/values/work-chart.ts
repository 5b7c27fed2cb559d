import type { Chart, ChartDependency } from '../chart/types.js';
import type { GoMap } from '../util/go/value.js';

/** A dependency entry of Chart.yaml while Helm processes it (names get aliases, `enabled` is computed). */
export interface WorkDependency {
  name: string;
  version?: string;
  condition?: string;
  tags?: string[];
  alias?: string;
  importValues?: ChartDependency['importValues'];
  enabled: boolean;
  /** The entry as declared. */
  readonly declared: ChartDependency;
}

/**
 * A mutable working copy of a chart tree, mirroring the fields Helm's dependency and coalescing code mutates
 * (`Metadata.Name` for aliases, `Metadata.Dependencies`, `Values`, the dependency list). The loaded `Chart`
 * itself is never mutated.
 */
export interface WorkChart {
  readonly source: Chart;
  /** `Metadata.Name` (the alias once aliased). */
  name: string;
  /** `Values` (replaced, never mutated in place, by import-values processing). */
  values: GoMap;
  /** `Metadata.Dependencies`, or undefined when Chart.yaml declares none (Go nil). */
  metaDeps: WorkDependency[] | undefined;
  /** `Dependencies()`. */
  deps: WorkChart[];
}

/** Builds the working tree for a loaded chart (values are shared until Helm's algorithm copies them). */
export function toWorkChart(c: Chart): WorkChart {
  const md = c.metadata.dependencies;
  return {
    source: c,
    name: c.metadata.name,
    values: c.values,
    metaDeps: md === undefined || md === null ? undefined : md.map(toWorkDependency),
    deps: c.dependencies.map(toWorkChart),
  };
}

function toWorkDependency(d: ChartDependency): WorkDependency {
  const w: WorkDependency = { name: d.name, enabled: true, declared: d };
  if (d.version !== undefined) w.version = d.version;
  if (d.condition !== undefined) w.condition = d.condition;
  if (d.tags !== undefined) w.tags = d.tags;
  if (d.alias !== undefined) w.alias = d.alias;
  if (d.importValues !== undefined) w.importValues = d.importValues;
  return w;
}

/** Turns the processed working tree back into an immutable `Chart` (new objects; the source is untouched). */
export function fromWorkChart(w: WorkChart): Chart {
  const src = w.source;
  const metadata = { ...src.metadata, name: w.name };
  if (w.metaDeps !== undefined) {
    metadata.dependencies = w.metaDeps.map((d) => {
      const out: ChartDependency = { ...d.declared, name: d.name, enabled: d.enabled };
      if (d.importValues !== undefined) out.importValues = d.importValues;
      return out;
    });
  }
  return { ...src, metadata, values: w.values, dependencies: w.deps.map(fromWorkChart) };
}
