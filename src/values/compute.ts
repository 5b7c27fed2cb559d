/**
 * The values pipeline of `helm template/install`: user values (`-f` files, `--set` family) → dependency
 * processing (conditions, tags, aliases, import-values) → coalescing with chart defaults → schema validation.
 */
import type { Chart } from '../chart/types.js';
import { type GoMap, type GoValue, isMap, newMap } from '../util/go/value.js';
import { GoYamlError, parseGoYamlValues } from '../util/go/yaml-parse.js';
import { type CoalesceContext, type Compat, coalesceChartValues, type WarnFn } from './coalesce.js';
import { deepCopyMap } from './copy.js';
import { processDependencyEnabled, processDependencyImportValues } from './dependencies.js';
import { ValuesError } from './errors.js';
import { JSONValueError, jsonValueToGo } from './json-value.js';
import { validateChartSchemas } from './schema.js';
import { type FileValueReader, parseStrvalsInto, StrvalsError } from './strvals.js';
import { slogLine } from './warnings.js';
import { fromWorkChart, toWorkChart } from './work-chart.js';

/** A `-f/--values` file: its name (as given on the command line, used in errors) and its text. */
export interface ValueFile {
  name: string;
  text: string;
}

/** Inputs of {@link computeValues}, mirroring Helm's values flags. */
export interface ComputeValuesOptions {
  /** `helm3` (default: Helm 3.17 rules) or `helm4`. */
  compat?: Compat;
  /** `-f/--values` files, in command-line order. */
  valueFiles?: readonly ValueFile[];
  /** Programmatic values, merged after the files and before `--set` (like one more values file). */
  values?: GoMap;
  /** `--set` expressions, in order. */
  set?: readonly string[];
  /** `--set-string` expressions. */
  setString?: readonly string[];
  /** `--set-json` expressions. */
  setJson?: readonly string[];
  /** `--set-file` expressions (`key=path`); paths are resolved with {@link ComputeValuesOptions.readSetFile}. */
  setFile?: readonly string[];
  /** Returns the contents of a `--set-file` path (the core never touches the file system). */
  readSetFile?: (path: string) => string;
  /** `--set-literal` expressions. */
  setLiteral?: readonly string[];
  /** Skip values.schema.json validation (`--skip-schema-validation`). */
  skipSchemaValidation?: boolean;
  /** Receives the warnings Helm would log. */
  warn?: WarnFn;
}

/** Result of {@link computeValues}. */
export interface ComputedValues {
  /**
   * The chart as Helm renders it: disabled subcharts removed, aliases applied to subchart names, each chart's
   * values replaced by Helm's import-values processing. A new object; the input chart is not modified.
   */
  chart: Chart;
  /** The top-level `.Values` (each subchart's values under its name or alias, `global` copied down). */
  values: GoMap;
}

/** Helm's `mergeMaps` for `-f` files: b wins, nested maps merge recursively. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(a)) out[k] = a[k];
  for (const k of Object.keys(b)) {
    const v = b[k];
    const cur = out[k];
    if (
      v !== null &&
      typeof v === 'object' &&
      isMap(v) &&
      cur !== null &&
      typeof cur === 'object' &&
      isMap(cur)
    ) {
      out[k] = mergeMaps(cur, v);
      continue;
    }
    out[k] = v;
  }
  return out;
}

function strvalsError(prefix: string, e: unknown): ValuesError {
  if (e instanceof StrvalsError)
    return new ValuesError('VALUES_SET', `${prefix}: ${e.message}`, undefined, { cause: e });
  throw e;
}

/**
 * Helm's `values.Options.MergeValues`: the user-supplied values from `-f` files and the `--set` family, in
 * Helm's order (files, `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`).
 */
export function mergeUserValues(opts: ComputeValuesOptions): GoMap {
  const multiDoc = opts.compat === 'helm4';
  let base = newMap();
  for (const f of opts.valueFiles ?? []) {
    let m: GoMap;
    try {
      m = parseGoYamlValues(f.text, { file: f.name, multiDoc });
    } catch (e) {
      if (e instanceof GoYamlError) {
        throw new ValuesError('VALUES_PARSE', `failed to parse ${f.name}: ${e.message}`, f.name, {
          cause: e,
        });
      }
      throw e;
    }
    base = mergeMaps(base, m);
  }
  // Copied: --set mutates maps in place, and the caller's values must stay untouched.
  if (opts.values !== undefined) base = mergeMaps(base, deepCopyMap(opts.values));
  for (const value of opts.setJson ?? []) {
    const trimmed = value.trim();
    if (multiDoc && trimmed.startsWith('{')) {
      // Helm 4: a bare JSON object is merged whole.
      let m: GoValue;
      try {
        let end: number;
        [m, end] = jsonValueToGo(trimmed);
        if (trimmed.slice(end).trim() !== '' || !isMap(m)) throw new JSONValueError('not an object');
      } catch (e) {
        throw new ValuesError('VALUES_SET', `failed parsing --set-json data JSON: ${value}`, undefined, {
          cause: e,
        });
      }
      base = mergeMaps(base, m as GoMap);
      continue;
    }
    try {
      parseStrvalsInto(value, base, 'json', undefined, opts.compat);
    } catch (e) {
      if (e instanceof StrvalsError || e instanceof JSONValueError) {
        throw new ValuesError('VALUES_SET', `failed parsing --set-json data ${value}`, undefined, {
          cause: e,
        });
      }
      throw e;
    }
  }
  for (const value of opts.set ?? []) {
    try {
      parseStrvalsInto(value, base, 'set', undefined, opts.compat);
    } catch (e) {
      throw strvalsError('failed parsing --set data', e);
    }
  }
  for (const value of opts.setString ?? []) {
    try {
      parseStrvalsInto(value, base, 'string', undefined, opts.compat);
    } catch (e) {
      throw strvalsError('failed parsing --set-string data', e);
    }
  }
  for (const value of opts.setFile ?? []) {
    const reader: FileValueReader = (path) => {
      if (opts.readSetFile === undefined) throw new StrvalsError(`open ${path}: no such file or directory`);
      try {
        return opts.readSetFile(path);
      } catch (e) {
        throw new StrvalsError(goReadFileError(path, e));
      }
    };
    try {
      parseStrvalsInto(value, base, 'file', reader, opts.compat);
    } catch (e) {
      throw strvalsError('failed parsing --set-file data', e);
    }
  }
  for (const value of opts.setLiteral ?? []) {
    try {
      parseStrvalsInto(value, base, 'literal', undefined, opts.compat);
    } catch (e) {
      throw strvalsError('failed parsing --set-literal data', e);
    }
  }
  return base;
}

/**
 * Computes the values a render sees, exactly as `helm template` does: merges the user values, processes
 * dependencies (`ProcessDependenciesWithMerge`), coalesces with the chart tree's defaults (`CoalesceValues`)
 * and validates values.schema.json of the chart and every enabled subchart.
 * Throws {@link ValuesError} with Helm's message.
 */
export function computeValues(chart: Chart, options: ComputeValuesOptions = {}): ComputedValues {
  const compat: Compat = options.compat ?? 'helm3';
  const ctx: CoalesceContext = { compat, warn: options.warn ?? (() => {}) };
  const user = mergeUserValues(options);
  const work = toWorkChart(chart);
  try {
    processDependencyEnabled(ctx, work, user, '');
    processDependencyImportValues(ctx, work);
  } catch (e) {
    if (compat === 'helm4' && e instanceof ValuesError) {
      const err = new ValuesError(e.code, `chart dependencies processing failed: ${e.message}`, e.file, {
        cause: e,
      });
      err.log = slogLine('ERROR', 'chart dependencies processing failed', [['error', e.message]]);
      throw err;
    }
    throw e;
  }
  const values = coalesceChartValues(ctx, work, user, false);
  const out = fromWorkChart(work);
  if (!options.skipSchemaValidation) validateChartSchemas(out, values, compat);
  return { chart: out, values };
}

/** Go's `os.ReadFile` error text for a Node file-system error (`open PATH: no such file or directory`). */
export function goReadFileError(path: string, e: unknown): string {
  switch ((e as { code?: unknown }).code) {
    case 'ENOENT':
      return `open ${path}: no such file or directory`;
    case 'ENOTDIR':
      return `open ${path}: not a directory`;
    case 'EACCES':
      return `open ${path}: permission denied`;
    case 'EISDIR':
      return `read ${path}: is a directory`;
    default:
      return (e as Error).message;
  }
}

/**
 * The `.Values` a subchart sees: `values[name]` of its parent's values (a Go map; empty when absent).
 * `path` lists the subchart names (aliases) from the top chart down.
 */
export function subchartValues(values: GoMap, path: readonly string[]): GoMap {
  let cur: GoMap = values;
  for (const name of path) {
    const next = Object.hasOwn(cur, name) ? cur[name] : undefined;
    cur = next !== null && next !== undefined && typeof next === 'object' && isMap(next) ? next : newMap();
  }
  return cur;
}
