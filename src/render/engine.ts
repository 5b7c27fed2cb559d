import type { Chart } from '../chart/types.js';
import { createFuncMap } from '../funcs/index.js';
import type { Compat } from '../funcs/options.js';
import { TemplateSet } from '../template/index.js';
import { defineFunc, type FuncMap } from '../util/go/func.js';
import { type GoMap, type GoStruct, type GoValue, isMap, newMap, withGoType } from '../util/go/value.js';
import { marshalGoYaml } from '../util/go/yaml-emit.js';
import { decodeUtf8Cached } from '../util/text.js';
import { addHelmFuncs } from './helm-funcs.js';
import { chartObject, filesObject } from './objects.js';

/** What every template of a render shares. */
export interface EngineContext {
  release: GoMap;
  capabilities: GoStruct;
  compat: Compat;
}

interface Renderable {
  /** The template's bytes; decoded only when the template set is (re)built. */
  data: Uint8Array;
  scope: GoMap;
  basePath: string;
}

function toYamlForFiles(m: GoMap): string {
  const s = marshalGoYaml(m);
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

function isLibrary(c: Chart): boolean {
  return c.metadata.type === 'library';
}

/** Helm's recAllTpls: every template of the chart tree with the scope (`.Values`, `.Chart`...) of its chart. */
function collect(
  chart: Chart,
  out: Map<string, Renderable>,
  parentValues: GoMap,
  isRoot: boolean,
  parentPath: string,
  ctx: EngineContext,
): GoMap {
  const subcharts = newMap();
  let values: GoMap;
  if (isRoot) values = parentValues;
  else {
    const v = Object.hasOwn(parentValues, chart.metadata.name)
      ? parentValues[chart.metadata.name]
      : undefined;
    values = v !== null && v !== undefined && isMap(v) ? v : newMap();
  }
  const scope = withGoType(newMap(), ctx.compat === 'helm4' ? 'common.Values' : 'chartutil.Values');
  scope.Chart = chartObject(chart, isRoot, ctx.compat);
  scope.Files = filesObject(chart.files, toYamlForFiles);
  scope.Release = ctx.release;
  scope.Capabilities = ctx.capabilities;
  scope.Values = values;
  scope.Subcharts = subcharts;
  const fullPath = isRoot ? chart.metadata.name : `${parentPath}/charts/${chart.metadata.name}`;
  for (const dep of chart.dependencies) {
    subcharts[dep.metadata.name] = collect(dep, out, values, false, fullPath, ctx);
  }
  const library = isLibrary(chart);
  for (const t of chart.templates) {
    const base = t.name.slice(t.name.lastIndexOf('/') + 1);
    if (library && !base.startsWith('_')) continue;
    out.set(`${fullPath}/${t.name}`, {
      data: t.data,
      scope,
      basePath: `${fullPath}/templates`,
    });
  }
  return scope;
}

function depth(p: string): number {
  let n = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 47) n++;
  return n;
}

/** Helm's sortTemplates: deepest paths first, then reverse lexical order (parent definitions win). */
function sortTemplates(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

const setCache = new WeakMap<Chart, Map<string, TemplateSet>>();

function buildSet(
  templates: Map<string, Renderable>,
  keys: string[],
  funcs: FuncMap,
  compat: Compat,
): TemplateSet {
  const set = new TemplateSet({ funcs, compat });
  addHelmFuncs(set);
  for (const name of keys) set.parse(name, decodeUtf8Cached(templates.get(name)!.data));
  return set;
}

/**
 * Renders every template of a (values-processed) chart tree as Helm's engine does and returns the text of
 * each non-partial template by full name, `<no value>` removed. `cacheKey` (the loaded chart) lets parsed
 * templates be reused across renders.
 */
export function renderTemplates(
  chart: Chart,
  values: GoMap,
  ctx: EngineContext,
  cacheKey: Chart = chart,
): Map<string, string> {
  const templates = new Map<string, Renderable>();
  withGoType(values, ctx.compat === 'helm4' ? 'common.Values' : 'chartutil.Values');
  collect(chart, templates, values, true, '', ctx);
  const keys = sortTemplates(templates.keys());
  const funcs = lookupFuncs(ctx.compat);
  const signature = `${ctx.compat}\u0000${keys.join('\u0000')}`;
  let perChart = setCache.get(cacheKey);
  if (!perChart) {
    perChart = new Map();
    setCache.set(cacheKey, perChart);
  }
  let set = perChart.get(signature);
  if (!set) {
    set = buildSet(templates, keys, funcs, ctx.compat);
    perChart.set(signature, set);
  }
  const rendered = new Map<string, string>();
  for (const name of keys) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (base.startsWith('_')) continue;
    const r = templates.get(name)!;
    // Helm shares one values map per chart and sets `.Template` on it before each template; templates that
    // `set $ "Values" ...` (istio's zzz_profile.yaml) change what later templates of that chart see.
    const tmpl = withGoType(newMap(), ctx.compat === 'helm4' ? 'common.Values' : 'chartutil.Values');
    tmpl.Name = name;
    tmpl.BasePath = r.basePath;
    r.scope.Template = tmpl;
    const out = set.execute(name, r.scope as GoValue);
    rendered.set(name, out.includes('<no value>') ? out.replaceAll('<no value>', '') : out);
  }
  return rendered;
}

const lookupCache = new Map<Compat, FuncMap>();

/** The static function map plus Helm's `lookup`, which returns an empty map without a cluster. */
function lookupFuncs(compat: Compat): FuncMap {
  const hit = lookupCache.get(compat);
  if (hit) return hit;
  const m: FuncMap = Object.assign(Object.create(null) as FuncMap, createFuncMap({ compat }), {
    lookup: defineFunc('lookup', ['string', 'string', 'string', 'string'], () => newMap()),
  });
  lookupCache.set(compat, m);
  return m;
}
