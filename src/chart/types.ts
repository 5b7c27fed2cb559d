import type { GoMap } from '../util/go/value.js';

/** One file of a chart: its path relative to the chart root (forward slashes) and its bytes. */
export interface ChartFile {
  /** Path relative to the chart root, e.g. `templates/deployment.yaml`. */
  readonly name: string;
  /** The file's bytes. */
  readonly data: Uint8Array;
}

/** A maintainer entry of Chart.yaml. */
export interface ChartMaintainer {
  name?: string;
  email?: string;
  url?: string;
}

/** One dependency as declared in Chart.yaml (apiVersion v2) or requirements.yaml (v1). */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  /**
   * `import-values`: strings or `{ child, parent }` objects, as written (Go `[]interface{}` after a JSON round
   * trip, so other shapes are kept as they are).
   */
  importValues?: Array<string | { child: string; parent: string }>;
  alias?: string;
}

/**
 * Chart.yaml, as Helm reads it into its `chart.Metadata` struct (field names as in Chart.yaml, camelCase).
 * Values are already typed the way Helm types them (e.g. an unquoted `appVersion: 1.10` is the string `1.1`).
 */
export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  kubeVersion?: string;
  description?: string;
  type?: string;
  keywords?: string[];
  home?: string;
  sources?: string[];
  dependencies?: ChartDependency[];
  maintainers?: ChartMaintainer[];
  icon?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  /** Deprecated top-level `condition` (a plain string in Helm's struct). */
  condition?: string;
  /** Deprecated top-level `tags` (a plain string in Helm's struct). */
  tags?: string;
}

/** Chart.lock (or requirements.lock for apiVersion v1). */
export interface ChartLock {
  generated?: string;
  digest?: string;
  dependencies: Array<{ name: string; version: string; repository: string }>;
}

/**
 * A loaded chart, shaped like Helm's `chart.Chart`. Immutable once loaded: rendering never mutates it, so
 * one `Chart` can be rendered many times, concurrently.
 */
export interface Chart {
  /** Chart.yaml as Helm types it. */
  readonly metadata: ChartMetadata;
  /** Chart.lock / requirements.lock, when present. */
  readonly lock?: ChartLock;
  /** Files under `templates/` (including partials `_*.tpl` and `NOTES.txt`), in Helm's load order. */
  readonly templates: readonly ChartFile[];
  /** values.yaml parsed with Go YAML typing (empty map when absent). */
  readonly values: GoMap;
  /** values.schema.json bytes, when present. */
  readonly schema?: Uint8Array;
  /**
   * Every other file (not Chart.yaml, values.yaml, values.schema.json, templates/, charts/, lock files):
   * what `.Files` sees. Includes crds/ files, README, LICENSE...
   */
  readonly files: readonly ChartFile[];
  /** Every file as loaded (after .helmignore), the way Helm keeps `Raw`: used by `show` and packaging. */
  readonly raw: readonly ChartFile[];
  /** Subcharts from `charts/` (directories and .tgz), in Helm's load order. */
  readonly dependencies: readonly Chart[];
}
