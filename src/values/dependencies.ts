/**
 * Helm's dependency processing (pkg/chartutil/dependencies.go): aliases, `condition` and `tags` that disable
 * subcharts, and `import-values`. Re-implemented step by step on a working copy of the chart tree, because
 * the order of Helm's mutations (coalescing against the parent's full values tree, tags before conditions,
 * the parent's values winning over imported ones) decides the result.
 */
import semver from 'semver';
import { quote } from '../util/go/strconv.js';
import { type GoMap, type GoValue, newMap } from '../util/go/value.js';
import { type CoalesceContext, coalesceChartValues, mergeTables } from './coalesce.js';
import { deepCopyMap, hasKey, isTable } from './copy.js';
import { structuredWarning } from './warnings.js';
import type { WorkChart, WorkDependency } from './work-chart.js';

/** Helm's `IsCompatibleRange(constraint, version)` (Masterminds semver), approximated with node-semver. */
export function isCompatibleRange(constraint: string | undefined, version: string): boolean {
  const c = (constraint ?? '').trim();
  // Masterminds rejects an empty constraint, so Helm treats the dependency as not matching.
  if (c === '') return false;
  const range = c.replace(/,/g, ' ');
  const v = semver.coerce(version, { loose: true }) && semver.valid(version, { loose: true });
  const ver = v ?? semver.coerce(version)?.version;
  if (ver === undefined || ver === null) return false;
  try {
    return semver.satisfies(ver, range, { loose: true });
  } catch {
    return false;
  }
}

/** Splits a values path on dots (Helm's `parsePath`). */
function parsePath(key: string): string[] {
  return key.split('.');
}

/** Helm's `Values.Table(name)`: the table at a dotted path, or undefined. */
export function valuesTable(v: GoMap, name: string): GoMap | undefined {
  const t = valuesTableLookup(v, name);
  return typeof t === 'string' ? undefined : t;
}

/**
 * `Values.Table(name)` with its error: the table, or the path segment that is missing or not a table (Helm's
 * `ErrNoTable` names that segment: `"exports" is not a table`).
 */
function valuesTableLookup(v: GoMap, name: string): GoMap | string {
  let table: GoMap = v;
  for (const n of parsePath(name)) {
    if (!hasKey(table, n)) return n;
    const next = table[n];
    if (!isTable(next)) return n;
    table = next;
  }
  return table;
}

/** Helm's `Values.PathValue(path)`: a non-table value at a dotted path, or undefined. */
export function pathValue(v: GoMap, path: string): GoValue {
  if (path === '') return undefined;
  const parts = parsePath(path);
  if (parts.length === 1) {
    const k = parts[0] as string;
    return hasKey(v, k) && !isTable(v[k]) ? v[k] : undefined;
  }
  const key = parts.pop() as string;
  const t = valuesTable(v, parts.join('.'));
  if (t === undefined) return undefined;
  return hasKey(t, key) && !isTable(t[key]) ? t[key] : undefined;
}

function processDependencyConditions(
  ctx: CoalesceContext,
  reqs: WorkDependency[],
  cvals: GoMap,
  cpath: string,
): void {
  for (const r of reqs) {
    for (const c of (r.condition ?? '').trim().split(',')) {
      if (c.length === 0) continue;
      const vv = pathValue(cvals, cpath + c);
      if (vv === undefined) continue;
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      ctx.warn(
        structuredWarning(
          'dependencies.go:63',
          `Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`,
          'returned non-bool value',
          [
            ['path', c],
            ['chart', r.name],
          ],
        ),
      );
    }
  }
}

function processDependencyTags(ctx: CoalesceContext, reqs: WorkDependency[], cvals: GoMap): void {
  const vt = valuesTable(cvals, 'tags');
  if (vt === undefined) return;
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!hasKey(vt, k)) continue;
      const b = vt[k];
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else
        ctx.warn(
          structuredWarning(
            'dependencies.go:94',
            `Warning: Tag '${k}' for chart ${r.name} returned non-bool value`,
            'returned non-bool value',
            [
              ['tag', k],
              ['chart', r.name],
            ],
          ),
        );
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function getAliasDependency(charts: WorkChart[], dep: WorkDependency): WorkChart | undefined {
  for (const c of charts) {
    if (c.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.source.metadata.version)) continue;
    // A copy of the chart with its own metadata (Helm copies the struct; values are shared until replaced).
    return { ...c, name: dep.alias !== undefined && dep.alias !== '' ? dep.alias : c.name };
  }
  return undefined;
}

/** `processDependencyEnabled`: removes disabled subcharts, applies aliases. Mutates the working tree. */
export function processDependencyEnabled(
  ctx: CoalesceContext,
  c: WorkChart,
  v: GoMap | null,
  path: string,
): void {
  if (c.metaDeps === undefined) return;
  const chartDependencies: WorkChart[] = [];
  outer: for (const existing of c.deps) {
    for (const req of c.metaDeps) {
      if (existing.name === req.name && isCompatibleRange(req.version, existing.source.metadata.version))
        continue outer;
    }
    chartDependencies.push(existing);
  }
  for (const req of c.metaDeps) {
    const cd = getAliasDependency(c.deps, req);
    if (cd !== undefined) chartDependencies.push(cd);
    if (req.alias !== undefined && req.alias !== '') req.name = req.alias;
  }
  c.deps = chartDependencies;
  for (const lr of c.metaDeps) lr.enabled = true;
  const cvals = coalesceChartValues(ctx, c, v, false);
  processDependencyTags(ctx, c.metaDeps, cvals);
  processDependencyConditions(ctx, c.metaDeps, cvals, path);
  const rm = new Set<string>();
  for (const r of c.metaDeps) if (!r.enabled) rm.add(r.name);
  const cd = c.deps.filter((n) => !rm.has(n.name));
  const cdMetadata = c.metaDeps.filter((n) => !rm.has(n.name));
  for (const t of cd) processDependencyEnabled(ctx, t, cvals, `${path}${t.name}.`);
  c.metaDeps = cdMetadata;
  c.deps = cd;
}

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = parsePath(path);
  let cur: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = newMap();
    m[parts[i] as string] = cur;
    cur = m;
  }
  return cur;
}

function processImportValues(ctx: CoalesceContext, c: WorkChart): void {
  if (c.metaDeps === undefined) return;
  const cvals = coalesceChartValues(ctx, c, null, true);
  let b = newMap();
  for (const r of c.metaDeps) {
    if (r.importValues === undefined) continue;
    const outiv: Array<{ child: string; parent: string }> = [];
    for (const riv of r.importValues as unknown[]) {
      if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        outiv.push({ child, parent: '.' });
        const vm = valuesTableLookup(cvals, `${r.name}.${child}`);
        if (typeof vm === 'string') {
          const err = `${quote(vm)} is not a table`;
          ctx.warn(
            structuredWarning(
              'dependencies.go:286',
              `Warning: ImportValues missing table: ${err}`,
              'ImportValues missing table',
              [['error', err]],
            ),
          );
          continue;
        }
        b = mergeTables(ctx, b, deepCopyMap(vm));
      } else if (riv !== null && typeof riv === 'object') {
        const iv = riv as { child?: unknown; parent?: unknown };
        // Helm panics on a non-string child/parent; helmkit skips the entry.
        if (typeof iv.child !== 'string' || typeof iv.parent !== 'string') continue;
        outiv.push({ child: iv.child, parent: iv.parent });
        const vv = valuesTableLookup(cvals, `${r.name}.${iv.child}`);
        if (typeof vv === 'string') {
          const err = `${quote(vv)} is not a table`;
          ctx.warn(
            structuredWarning(
              'dependencies.go:269',
              `Warning: ImportValues missing table from chart ${r.name}: ${err}`,
              'ImportValues missing table from chart',
              [
                ['chart', r.name],
                ['error', err],
              ],
            ),
          );
          continue;
        }
        b = mergeTables(ctx, b, pathToMap(iv.parent, deepCopyMap(vv)));
      }
    }
    r.importValues = outiv;
  }
  c.values = mergeTables(ctx, deepCopyMap(cvals), b);
}

/** `processDependencyImportValues(c, merge=true)`: children first, then the chart itself. */
export function processDependencyImportValues(ctx: CoalesceContext, c: WorkChart): void {
  for (const d of c.deps) processDependencyImportValues(ctx, d);
  processImportValues(ctx, c);
}
