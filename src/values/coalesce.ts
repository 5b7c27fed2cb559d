/**
 * Helm's values coalescing (pkg/chartutil/coalesce.go in Helm 3, pkg/chart/common/util/coalesce.go in Helm 4),
 * re-implemented on helmkit's value model. The algorithm, including its in-place mutations and its
 * null-deletion rules, is reproduced step by step because its quirks are visible in `.Values`.
 */

import { formatValue } from '../util/go/fmt.js';
import { quote } from '../util/go/strconv.js';
import type { GoMap, GoValue } from '../util/go/value.js';
import { GoNumber, newMap } from '../util/go/value.js';
import { deepCopyMap, hasKey, isTable, shallowCopyMap } from './copy.js';
import { ValuesError } from './errors.js';
import { logWarning, type WarnFn } from './warnings.js';
import type { WorkChart } from './work-chart.js';

export type { WarnFn } from './warnings.js';

/** The Helm version whose coalescing rules apply. */
export type Compat = 'helm3' | 'helm4';

const GLOBAL = 'global';

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** Go's `%t` verb of a non-bool value, as in Helm's `type mismatch on NAME: %t` message. */
function percentT(v: GoValue): string {
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '%!t(<nil>)';
  if (typeof v === 'string') return `%!t(string=${v})`;
  if (typeof v === 'number') return `%!t(float64=${formatValue(v)})`;
  if (v instanceof GoNumber) return `%!t(${v.kind}=${String(v.value)})`;
  if (Array.isArray(v)) return `[${v.map(percentT).join(' ')}]`;
  return `%!t(${formatValue(v)})`;
}

/** Coalescing context: compat and a warning sink. */
export interface CoalesceContext {
  compat: Compat;
  warn: WarnFn;
}

/** `CoalesceValues` (merge=false) / `MergeValues` (merge=true) of a chart tree over user values. */
export function coalesceChartValues(
  ctx: CoalesceContext,
  ch: WorkChart,
  vals: GoMap | null,
  merge: boolean,
): GoMap {
  const copy = vals === null ? newMap() : deepCopyMap(vals);
  return coalesce(ctx, ch, copy, '', merge);
}

function coalesce(ctx: CoalesceContext, ch: WorkChart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceValues(ctx, ch, dest, prefix, merge);
  return coalesceDeps(ctx, ch, dest, prefix, merge);
}

function coalesceDeps(
  ctx: CoalesceContext,
  ch: WorkChart,
  dest: GoMap,
  prefix: string,
  merge: boolean,
): GoMap {
  for (const sub of ch.deps) {
    const name = sub.name;
    if (!hasKey(dest, name)) dest[name] = newMap();
    else if (!isTable(dest[name])) {
      throw new ValuesError('VALUES_COALESCE', `type mismatch on ${name}: ${percentT(dest[name])}`);
    }
    const dvmap = dest[name] as GoMap;
    const subPrefix = concatPrefix(prefix, ch.name);
    coalesceGlobals(ctx, dvmap, dest, subPrefix);
    dest[name] = coalesce(ctx, sub, dvmap, subPrefix, merge);
  }
  return dest;
}

function coalesceGlobals(ctx: CoalesceContext, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!hasKey(dest, GLOBAL)) dg = newMap();
  else if (isTable(dest[GLOBAL])) dg = dest[GLOBAL] as GoMap;
  else {
    ctx.warn(
      logWarning(
        'coalesce.go:138',
        `warning: skipping globals because destination ${GLOBAL} is not a table.`,
      ),
    );
    return;
  }
  if (!hasKey(src, GLOBAL)) sg = newMap();
  else if (isTable(src[GLOBAL])) sg = src[GLOBAL] as GoMap;
  else {
    ctx.warn(
      logWarning('coalesce.go:145', `warning: skipping globals because source ${GLOBAL} is not a table.`),
    );
    return;
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isTable(val)) {
      const vv = shallowCopyMap(val);
      if (!hasKey(dg, key)) dg[key] = vv;
      else {
        const destv = dg[key];
        if (!isTable(destv))
          ctx.warn(
            logWarning(
              'coalesce.go:161',
              `Conflict: cannot merge map onto non-map for ${quote(key)}. Skipping.`,
            ),
          );
        else {
          coalesceTablesFullKey(ctx, vv, destv, concatPrefix(prefix, key), true);
          dg[key] = vv;
        }
      }
    } else if (hasKey(dg, key) && isTable(dg[key])) {
      ctx.warn(logWarning('coalesce.go:175', `key ${key} is table. Skipping`));
    } else {
      dg[key] = val;
    }
  }
  dest[GLOBAL] = dg;
}

function childChartMergeTrue(ch: WorkChart, key: string, merge: boolean): boolean {
  for (const sub of ch.deps) if (sub.name === key) return true;
  return merge;
}

function coalesceValues(ctx: CoalesceContext, ch: WorkChart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, ch.name);
  const vc = deepCopyMap(ch.values);
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (hasKey(v, key)) {
      const value = v[key];
      if (value === null && !merge) {
        delete v[key];
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null)
            ctx.warn(
              logWarning('coalesce.go:237', `warning: skipped value for ${subPrefix}.${key}: Not a table.`),
            );
        } else {
          const m = childChartMergeTrue(ch, key, merge);
          coalesceTablesFullKey(ctx, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v[key] = val;
    }
  }
}

/** `CoalesceTables(dst, src)`: dst wins; a nil in dst deletes the key. Mutates and returns dst. */
export function coalesceTables(ctx: CoalesceContext, dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(ctx, dst, src, '', false);
}

/** `MergeTables(dst, src)`: like {@link coalesceTables} but nils are kept. */
export function mergeTables(ctx: CoalesceContext, dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(ctx, dst, src, '', true);
}

function coalesceTablesFullKey(
  ctx: CoalesceContext,
  dst: GoMap | null,
  src: GoMap | null,
  prefix: string,
  merge: boolean,
): GoMap {
  if (src === null) return dst as GoMap;
  if (dst === null) return src;
  let srcOriginalNonNil: Set<string> | undefined;
  if (ctx.compat === 'helm4') {
    // Helm 4: a nil in dst deletes the key only when src had a non-nil value there (the user nullifying a
    // default); nils present on both sides are kept. Helm 4 also writes dst's nils into src first.
    srcOriginalNonNil = new Set();
    for (const key of Object.keys(src)) if (src[key] !== null) srcOriginalNonNil.add(key);
    for (const key of Object.keys(dst)) if (dst[key] === null) src[key] = null;
  }
  for (const key of Object.keys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const ok = hasKey(dst, key);
    const dv = dst[key];
    if (ok && !merge && dv === null && (srcOriginalNonNil === undefined || srcOriginalNonNil.has(key))) {
      delete dst[key];
    } else if (!ok) {
      dst[key] = val;
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(ctx, dv, val, fullkey, merge);
      else
        ctx.warn(
          logWarning(
            'coalesce.go:298',
            `warning: cannot overwrite table with non table for ${fullkey} (${formatValue(val)})`,
          ),
        );
    } else if (isTable(dv) && val !== null) {
      ctx.warn(
        logWarning(
          'coalesce.go:301',
          `warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatValue(val)})`,
        ),
      );
    }
  }
  return dst;
}
