/**
 * Chart.yaml and Chart.lock as `helm package` writes them: Helm does not copy these files, it re-marshals its
 * `chart.Metadata` / `chart.Lock` structs with `sigs.k8s.io/yaml` (struct → JSON → YAML: sorted keys, omitempty
 * fields dropped, comments and unknown fields gone).
 */
import type { ChartLock, ChartMetadata } from '../chart/types.js';
import { type GoMap, type GoValue, newMap } from '../util/go/value.js';
import { marshalGoYaml } from '../util/go/yaml-emit.js';

type Rec = Record<string, unknown>;

function putString(m: GoMap, key: string, v: unknown, omitEmpty: boolean): void {
  const s = typeof v === 'string' ? v : '';
  if (omitEmpty && s === '') return;
  m[key] = s;
}

function putStrings(m: GoMap, key: string, v: unknown): void {
  if (Array.isArray(v) && v.length > 0) m[key] = v.map((s) => (typeof s === 'string' ? s : ''));
}

function jsonish(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(jsonish);
  if (typeof v === 'object') {
    const m = newMap();
    for (const k of Object.keys(v as object)) m[k] = jsonish((v as Rec)[k]);
    return m;
  }
  return null;
}

/** Go's `chart.Dependency` as JSON (field tags of Helm's struct). */
function dependencyValue(d: Rec | null): GoValue {
  if (d === null) return null;
  const m = newMap();
  putString(m, 'name', d.name, false);
  putString(m, 'version', d.version, true);
  putString(m, 'repository', d.repository, false);
  putString(m, 'condition', d.condition, true);
  putStrings(m, 'tags', d.tags);
  if (d.enabled === true) m.enabled = true;
  const iv = d.importValues ?? d['import-values'];
  if (Array.isArray(iv) && iv.length > 0) m['import-values'] = iv.map(jsonish);
  putString(m, 'alias', d.alias, true);
  return m;
}

/** Go's `chart.Metadata` as JSON (field tags of Helm's struct). */
export function metadataValue(md: ChartMetadata): GoMap {
  const r = md as unknown as Rec;
  const m = newMap();
  putString(m, 'name', r.name, true);
  putString(m, 'home', r.home, true);
  putStrings(m, 'sources', r.sources);
  putString(m, 'version', r.version, true);
  putString(m, 'description', r.description, true);
  putStrings(m, 'keywords', r.keywords);
  if (Array.isArray(r.maintainers) && r.maintainers.length > 0) {
    m.maintainers = r.maintainers.map((x: Rec | null) => {
      if (x === null) return null;
      const mm = newMap();
      putString(mm, 'name', x.name, true);
      putString(mm, 'email', x.email, true);
      putString(mm, 'url', x.url, true);
      return mm;
    });
  }
  putString(m, 'icon', r.icon, true);
  putString(m, 'apiVersion', r.apiVersion, true);
  putString(m, 'condition', r.condition, true);
  putString(m, 'tags', r.tags, true);
  putString(m, 'appVersion', r.appVersion, true);
  if (r.deprecated === true) m.deprecated = true;
  if (r.annotations && typeof r.annotations === 'object' && Object.keys(r.annotations).length > 0) {
    const a = newMap();
    for (const [k, v] of Object.entries(r.annotations as Rec)) a[k] = typeof v === 'string' ? v : '';
    m.annotations = a;
  }
  putString(m, 'kubeVersion', r.kubeVersion, true);
  if (Array.isArray(r.dependencies) && r.dependencies.length > 0) {
    m.dependencies = r.dependencies.map((d: Rec | null) => dependencyValue(d));
  }
  putString(m, 'type', r.type, true);
  return m;
}

/** Chart.yaml text exactly as `helm package` writes it (`yaml.Marshal(c.Metadata)`). */
export function marshalChartYaml(md: ChartMetadata, dropDependencies = false): string {
  const m = metadataValue(md);
  if (dropDependencies) delete m.dependencies;
  return marshalGoYaml(m);
}

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * Re-formats a timestamp the way Go's `time.Time` JSON-marshals after parsing it (RFC 3339 with the fraction's
 * trailing zeros trimmed, `Z` for a zero offset). Unparseable input is returned unchanged.
 */
export function goTimeJson(s: string | undefined): string {
  if (s === undefined || s === '') return GO_ZERO_TIME;
  const m = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return s;
  let frac = m[3] ?? '';
  if (frac !== '') {
    frac = frac.slice(0, 10).replace(/0+$/, '');
    if (frac === '.') frac = '';
  }
  const zone = m[4] === 'Z' || m[4] === 'z' || m[4] === '+00:00' || m[4] === '-00:00' ? 'Z' : m[4];
  return `${m[1]}T${m[2]}${frac}${zone}`;
}

/** Chart.lock text exactly as `helm package` writes it (`yaml.Marshal(c.Lock)`). */
export function marshalChartLock(lock: ChartLock): string {
  const m = newMap();
  m.generated = goTimeJson(lock.generated);
  m.digest = lock.digest ?? '';
  m.dependencies = lock.dependencies
    ? lock.dependencies.map((d) => dependencyValue(d as unknown as Rec | null))
    : null;
  return marshalGoYaml(m);
}
