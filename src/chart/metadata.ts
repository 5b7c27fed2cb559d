/**
 * Chart.yaml → {@link ChartMetadata}, reproducing how Helm reads it: `sigs.k8s.io/yaml` decodes YAML 1.1 with
 * yaml.v2, turns scalars into strings where the Go field is a string (ints in decimal, floats with
 * `FormatFloat(f, 'g', -1, 32)` — hence `1.10` → `1.1`), then `encoding/json` fills the struct (case-insensitive
 * field names, type errors naming the struct and field path). Then `Metadata.Validate` sanitizes and checks.
 * Hand-written because each of these steps changes what users see.
 */
import { formatFloat, isPrint } from '../util/go/strconv.js';
import { isGoSpace } from '../util/go/strings.js';
import type { GoValue } from '../util/go/value.js';
import { newMap } from '../util/go/value.js';
import type { ChartDependency, ChartLock, ChartMaintainer, ChartMetadata } from './types.js';
import { jsonKind, parseYamlDocument, YamlSyntaxError, type YamlValue } from './yaml.js';

/** Which Helm to imitate where Helm 3 and Helm 4 differ. */
export type Compat = 'helm3' | 'helm4';

/** A Go `encoding/json` type error, as Helm reports it. */
export class JsonTypeError extends Error {}

type Obj = { [key: string]: YamlValue };
type FieldKind =
  | 'string'
  | 'bool'
  | '[]string'
  | 'map[string]string'
  | 'maintainers'
  | 'dependencies'
  | 'any[]';

const METADATA_FIELDS: Record<string, FieldKind> = {
  name: 'string',
  home: 'string',
  sources: '[]string',
  version: 'string',
  description: 'string',
  keywords: '[]string',
  maintainers: 'maintainers',
  icon: 'string',
  apiVersion: 'string',
  condition: 'string',
  tags: 'string',
  appVersion: 'string',
  deprecated: 'bool',
  annotations: 'map[string]string',
  kubeVersion: 'string',
  dependencies: 'dependencies',
  type: 'string',
};
const MAINTAINER_FIELDS: Record<string, FieldKind> = { name: 'string', email: 'string', url: 'string' };
const DEPENDENCY_FIELDS: Record<string, FieldKind> = {
  name: 'string',
  version: 'string',
  repository: 'string',
  condition: 'string',
  tags: '[]string',
  enabled: 'bool',
  'import-values': 'any[]',
  alias: 'string',
};

function isObj(v: YamlValue): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Go sorts map keys bytewise when marshalling JSON: that is the order fields are decoded in. */
function goSortedKeys(o: Obj): string[] {
  return Object.keys(o).sort((a, b) => {
    const x = new TextEncoder().encode(a);
    const y = new TextEncoder().encode(b);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  });
}

/** encoding/json field lookup: exact name first, then case-insensitive. */
function findField(fields: Record<string, FieldKind>, key: string): string | undefined {
  if (Object.hasOwn(fields, key)) return key;
  const lower = key.toLowerCase();
  for (const f of Object.keys(fields)) if (f.toLowerCase() === lower) return f;
  return undefined;
}

interface Ctx {
  struct: string;
  path: string;
  pkg: string;
}

function typeError(v: YamlValue, ctx: Ctx, goType: string): JsonTypeError {
  return new JsonTypeError(
    `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${ctx.struct}.${ctx.path} of type ${goType}`,
  );
}

/** sigs.k8s.io/yaml's scalar-to-string conversion for string targets; undefined for null (field untouched). */
function toGoString(v: YamlValue, ctx: Ctx): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 32);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw typeError(v, ctx, 'string');
}

/** Converts a YAML value to what a Go `interface{}` holds after a JSON round trip (numbers are float64). */
function toJsonValue(v: YamlValue): GoValue {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (isObj(v)) {
    const m = newMap();
    for (const k of Object.keys(v)) m[k] = toJsonValue(v[k]);
    return m;
  }
  return v;
}

function decodeField(kind: FieldKind, v: YamlValue, ctx: Ctx, current: unknown): unknown {
  switch (kind) {
    case 'string':
      return toGoString(v, ctx) ?? current;
    case 'bool':
      if (v === null) return current;
      if (typeof v !== 'boolean') throw typeError(v, ctx, 'bool');
      return v;
    case '[]string':
      if (v === null) return undefined;
      if (!Array.isArray(v)) throw typeError(v, ctx, '[]string');
      return v.map((e) => toGoString(e, ctx) ?? '');
    case 'map[string]string': {
      if (v === null) return undefined;
      if (!isObj(v)) throw typeError(v, ctx, 'map[string]string');
      const out: Record<string, string> = (current as Record<string, string> | undefined) ?? {};
      for (const k of goSortedKeys(v)) {
        const s = toGoString(v[k], ctx);
        out[k] = s ?? '';
      }
      return out;
    }
    case 'any[]':
      if (v === null) return undefined;
      if (!Array.isArray(v)) throw typeError(v, ctx, '[]interface {}');
      return v.map(toJsonValue);
    case 'maintainers':
    case 'dependencies': {
      if (v === null) return undefined;
      const [typeName, fields] =
        kind === 'maintainers' ? ['Maintainer', MAINTAINER_FIELDS] : ['Dependency', DEPENDENCY_FIELDS];
      if (!Array.isArray(v)) throw typeError(v, ctx, `[]*${ctx.pkg}.${typeName}`);
      return v.map((e) => {
        if (e === null) return null;
        if (!isObj(e)) throw typeError(e, ctx, `${ctx.pkg}.${typeName}`);
        return decodeStruct(e, fields, { struct: typeName, path: ctx.path, pkg: ctx.pkg }, {});
      });
    }
  }
}

function decodeStruct(
  o: Obj,
  fields: Record<string, FieldKind>,
  ctx: Ctx,
  target: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of goSortedKeys(o)) {
    const f = findField(fields, key);
    if (f === undefined) continue;
    const path = ctx.struct === 'Metadata' ? f : `${ctx.path}.${f}`;
    const prop = f === 'import-values' ? 'importValues' : f;
    const value = decodeField(fields[f], o[key], { struct: ctx.struct, path, pkg: ctx.pkg }, target[prop]);
    if (value === undefined) delete target[prop];
    else target[prop] = value;
  }
  return target;
}

/**
 * Decodes Chart.yaml (or requirements.yaml, which Helm decodes onto the same struct) into metadata.
 * @param into - existing metadata to decode onto (Go's json.Unmarshal into a non-empty struct).
 * @throws Error with Helm's message, without the `cannot load Chart.yaml: ` prefix.
 */
export function decodeMetadata(text: string, compat: Compat, into?: ChartMetadata): ChartMetadata {
  let doc: YamlValue;
  try {
    doc = parseYamlDocument(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new Error(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
  const pkg = compat === 'helm4' ? 'v2' : 'chart';
  const target = (into ?? {}) as unknown as Record<string, unknown>;
  if (doc === null) return target as unknown as ChartMetadata;
  const prefix = 'error unmarshaling JSON: while decoding JSON: ';
  if (!isObj(doc)) {
    throw new Error(`${prefix}json: cannot unmarshal ${jsonKind(doc)} into Go value of type ${pkg}.Metadata`);
  }
  try {
    decodeStruct(doc, METADATA_FIELDS, { struct: 'Metadata', path: '', pkg }, target);
  } catch (e) {
    if (e instanceof JsonTypeError) throw new Error(prefix + e.message);
    throw e;
  }
  return target as unknown as ChartMetadata;
}

/** Decodes Chart.lock / requirements.lock. @throws Error with Helm's message (without the file prefix). */
export function decodeLock(text: string): ChartLock {
  let doc: YamlValue;
  try {
    doc = parseYamlDocument(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new Error(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
  const lock: ChartLock = { dependencies: [] };
  if (!isObj(doc)) return lock;
  const str = (v: YamlValue): string | undefined =>
    v === null || typeof v === 'object'
      ? undefined
      : toGoString(v, { struct: 'Lock', path: '', pkg: 'chart' });
  const generated = str(doc.generated ?? null);
  if (generated !== undefined) lock.generated = generated;
  const digest = str(doc.digest ?? null);
  if (digest !== undefined) lock.digest = digest;
  if (Array.isArray(doc.dependencies)) {
    for (const d of doc.dependencies) {
      if (!isObj(d)) continue;
      lock.dependencies.push({
        name: str(d.name ?? null) ?? '',
        version: str(d.version ?? null) ?? '',
        repository: str(d.repository ?? null) ?? '',
      });
    }
  }
  return lock;
}

/** Go's sanitizeString: whitespace becomes a space, other non-printable characters are dropped. */
export function sanitizeString(s: string): string {
  let out = '';
  let changed = false;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (isGoSpace(c)) {
      out += ' ';
      if (ch !== ' ') changed = true;
    } else if (isPrint(c)) out += ch;
    else changed = true;
  }
  return changed ? out : s;
}

/** Go's filepath.Base. */
function goBase(p: string): string {
  if (p === '') return '.';
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  const b = i >= 0 ? p.slice(i + 1) : p;
  return b === '' ? '/' : b;
}

/**
 * Helm's `Metadata.Validate`: sanitizes text fields in place and checks the chart metadata.
 * @returns Helm's error message (`validation: ...`), or undefined when valid.
 */
export function validateMetadata(
  md: ChartMetadata,
  compat: Compat,
  isValidVersion: (v: string) => boolean,
): string | undefined {
  const m = md as unknown as Record<string, unknown>;
  for (const f of ['name', 'description', 'home', 'icon', 'condition', 'tags', 'appVersion', 'kubeVersion']) {
    if (typeof m[f] === 'string') m[f] = sanitizeString(m[f] as string);
  }
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);
  if (!md.apiVersion) return 'validation: chart.metadata.apiVersion is required';
  if (!md.name) return 'validation: chart.metadata.name is required';
  if (compat === 'helm4' && (md.name === '.' || md.name === '..')) {
    return `validation: chart.metadata.name ${goQuote(md.name)} is not allowed`;
  }
  if (md.name !== goBase(md.name)) return `validation: chart.metadata.name ${goQuote(md.name)} is invalid`;
  if (!md.version) return 'validation: chart.metadata.version is required';
  if (!isValidVersion(md.version))
    return `validation: chart.metadata.version ${goQuote(md.version)} is invalid`;
  if (md.type !== undefined && md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    return 'validation: chart.metadata.type must be application or library';
  }
  for (const mt of (md.maintainers ?? []) as Array<ChartMaintainer | null>) {
    if (mt === null) return 'validation: maintainers must not contain empty or null nodes';
    for (const f of ['name', 'email', 'url'] as const) {
      if (typeof mt[f] === 'string') mt[f] = sanitizeString(mt[f]);
    }
  }
  const seen = new Set<string>();
  for (const d of (md.dependencies ?? []) as Array<ChartDependency | null>) {
    if (d === null) return 'validation: dependencies must not contain empty or null nodes';
    for (const f of ['name', 'version', 'repository', 'condition'] as const) {
      if (typeof d[f] === 'string') d[f] = sanitizeString(d[f]);
    }
    if (d.tags) d.tags = d.tags.map(sanitizeString);
    if (d.alias && !/^[a-zA-Z0-9_-]+$/.test(d.alias)) {
      return `validation: dependency ${goQuote(d.name ?? '')} has disallowed characters in the alias`;
    }
    const key = d.alias ? d.alias : (d.name ?? '');
    if (seen.has(key)) return `validation: more than one dependency with name or alias ${goQuote(key)}`;
    seen.add(key);
  }
  return undefined;
}

/** Go's %q for the strings Helm quotes in messages (printable text; escapes quotes, backslashes, controls). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (isPrint(c)) out += ch;
    else if (c < 0x10000)
      out += c < 0x80 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
