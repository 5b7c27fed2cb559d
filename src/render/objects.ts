import type { Chart, ChartDependency, ChartFile, ChartMetadata } from '../chart/types.js';
import { MESSAGES_V3_3, parseVersion, type SemVersion, versionString } from '../funcs/internal/h6-semver.js';
import type { Compat } from '../funcs/options.js';
import { HelmkitError } from '../util/errors.js';
import { defineFunc } from '../util/go/func.js';
import { GO_JSON_VIEW, marshalJSON, nilMap } from '../util/go/json.js';
import { goStringFromBytes, quote } from '../util/go/strconv.js';
import {
  type GoMap,
  GoStruct,
  type GoValue,
  isMap,
  newMap,
  withGoMethods,
  withGoType,
} from '../util/go/value.js';
import { CAPABILITIES_DATA } from './capabilities-data.js';
import { compileGlob } from './glob.js';

function strings(list: readonly string[] | undefined): GoValue[] {
  return withGoType([...(list ?? [])], '[]string');
}

function dependencyStruct(d: ChartDependency): GoStruct {
  return taggedStruct(
    new GoStruct(
      '*chart.Dependency',
      {
        Name: d.name,
        Version: d.version ?? '',
        Repository: d.repository ?? '',
        Condition: d.condition ?? '',
        Tags: strings(d.tags),
        Enabled: d.enabled ?? false,
        ImportValues: withGoType(
          (d.importValues ?? []).map((v) => {
            if (typeof v === 'string') return v;
            const m = newMap();
            m.child = v.child;
            m.parent = v.parent;
            return m;
          }),
          '[]interface {}',
        ),
        Alias: d.alias ?? '',
      },
      {},
      true,
    ),
  );
}

/** The fields of Helm's `chart.Metadata`, in Go declaration order (Go prints structs in this order). */
function metadataFields(m: ChartMetadata): Record<string, GoValue> {
  const annotations = newMap();
  for (const [k, v] of Object.entries(m.annotations ?? {})) annotations[k] = v;
  withGoType(annotations, 'map[string]string');
  return {
    Name: m.name,
    Home: m.home ?? '',
    Sources: strings(m.sources),
    Version: m.version,
    Description: m.description ?? '',
    Keywords: strings(m.keywords),
    Maintainers: withGoType(
      (m.maintainers ?? []).map((x) =>
        taggedStruct(
          new GoStruct(
            '*chart.Maintainer',
            { Name: x.name ?? '', Email: x.email ?? '', URL: x.url ?? '' },
            {},
            true,
          ),
        ),
      ),
      '[]*chart.Maintainer',
    ),
    Icon: m.icon ?? '',
    APIVersion: m.apiVersion,
    Condition: '',
    Tags: '',
    AppVersion: m.appVersion ?? '',
    Deprecated: m.deprecated ?? false,
    Annotations: annotations,
    KubeVersion: m.kubeVersion ?? '',
    Dependencies: withGoType((m.dependencies ?? []).map(dependencyStruct), '[]*chart.Dependency'),
    Type: m.type ?? '',
  };
}

/** chart.Metadata's JSON field names, in declaration order (all `omitempty`). */
const METADATA_JSON: ReadonlyArray<[string, string]> = [
  ['Name', 'name'],
  ['Home', 'home'],
  ['Sources', 'sources'],
  ['Version', 'version'],
  ['Description', 'description'],
  ['Keywords', 'keywords'],
  ['Maintainers', 'maintainers'],
  ['Icon', 'icon'],
  ['APIVersion', 'apiVersion'],
  ['Condition', 'condition'],
  ['Tags', 'tags'],
  ['AppVersion', 'appVersion'],
  ['Deprecated', 'deprecated'],
  ['Annotations', 'annotations'],
  ['KubeVersion', 'kubeVersion'],
  ['Dependencies', 'dependencies'],
  ['Type', 'type'],
];

function isEmptyJson(v: GoValue): boolean {
  if (v === '' || v === false || v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** encoding/json of Helm 3's `.Chart`: the embedded Metadata's tagged fields (omitempty), then `IsRoot`. */
function chartJson(m: ChartMetadata, isRoot: boolean): string {
  const fields = metadataFields(m);
  const parts: string[] = [];
  for (const [goName, jsonName] of METADATA_JSON) {
    const v = fields[goName];
    if (isEmptyJson(v)) continue;
    // Maintainers and dependencies encode with their json tags (see taggedStruct).
    parts.push(`${JSON.stringify(jsonName)}:${marshalJSON(v)}`);
  }
  parts.push(`"IsRoot":${isRoot}`);
  return `{${parts.join(',')}}`;
}

/** encoding/json of a chart.Maintainer / chart.Dependency: json tag names in field order, omitempty. */
function taggedJson(x: GoStruct): string {
  const parts: string[] = [];
  for (const [k, val] of Object.entries(x.fields)) {
    const name =
      k === 'ImportValues' ? 'import-values' : k === 'URL' ? 'url' : k.charAt(0).toLowerCase() + k.slice(1);
    const always = x.typeName === '*chart.Dependency' && (k === 'Name' || k === 'Repository');
    if (always || !isEmptyJson(val)) parts.push(`${JSON.stringify(name)}:${marshalJSON(val)}`);
  }
  return `{${parts.join(',')}}`;
}

/** A chart.Maintainer / chart.Dependency struct that encodes to JSON (toJson, toYaml) with its json tags. */
function taggedStruct(s: GoStruct): GoStruct {
  Object.defineProperty(s, GO_JSON_VIEW, { value: () => taggedJson(s), enumerable: false });
  return s;
}

/**
 * Helm 4 hands templates the chart metadata converted to generic values: structs become
 * `map[string]interface {}` keyed by Go field name, slices `[]interface {}`.
 */
function genericValue(v: GoValue): GoValue {
  if (v instanceof GoStruct) {
    const m = newMap();
    for (const [k, x] of Object.entries(v.fields)) m[k] = genericValue(x);
    return m;
  }
  if (Array.isArray(v)) return withGoType(v.map(genericValue), '[]interface {}');
  return v;
}

/**
 * `.Chart` as templates see it: Helm 3 passes `struct { chart.Metadata; IsRoot bool }` (Metadata embedded,
 * so `.Chart.Name` works and `%v` prints `{{name ...} true}`); Helm 4 passes a map with the same keys.
 */
export function chartObject(chart: Chart, isRoot: boolean, compat: Compat): GoValue {
  const fields = metadataFields(chart.metadata);
  if (compat === 'helm4') {
    const m = newMap();
    for (const [k, v] of Object.entries(fields)) m[k] = genericValue(v);
    if (!chart.metadata.annotations) m.Annotations = nilMap();
    m.IsRoot = isRoot;
    return m;
  }
  const metadata = new GoStruct('chart.Metadata', fields);
  const marshal = defineFunc('MarshalJSON', [], () => chartJson(chart.metadata, isRoot));
  return new GoStruct(
    'struct { chart.Metadata; IsRoot bool }',
    { Metadata: metadata, IsRoot: isRoot },
    { MarshalJSON: marshal },
    false,
    ['Metadata'],
  );
}

/** Options that shape `.Release`. */
export interface ReleaseInfo {
  name: string;
  namespace: string;
  isUpgrade: boolean;
  revision: number;
}

/** `.Release`: a plain map in Helm (chartutil.ToRenderValues). */
export function releaseObject(r: ReleaseInfo): GoMap {
  const m = newMap();
  m.Name = r.name;
  m.Namespace = r.namespace;
  m.IsUpgrade = r.isUpgrade;
  m.IsInstall = !r.isUpgrade;
  m.Revision = BigInt(r.revision);
  m.Service = 'Helm';
  return m;
}

/** A parsed Kubernetes version as `.Capabilities.KubeVersion` exposes it. */
export interface KubeVersionInfo {
  /** `.Version`, e.g. `v1.32.0`. */
  version: string;
  /** What `{{ .Capabilities.KubeVersion }}` prints (its `String()`). */
  string: string;
  major: string;
  minor: string;
}

/** The default Kubernetes version Helm assumes without a cluster. */
export function defaultKubeVersion(compat: Compat): KubeVersionInfo {
  const d = CAPABILITIES_DATA[compat].kubeVersion;
  return { version: d.version, string: d.version, major: d.major, minor: d.minor };
}

/**
 * Parses `--kube-version` as Helm does. Helm 3 reads it as a Masterminds semver (v3.3, coercing `1.25` to
 * `v1.25.0`) and prints it in full; Helm 4 parses it with Kubernetes' `version.ParseGeneric` (at least
 * major.minor, anything after the numbers ignored), keeps the text as given in `.Version` (`v` prefixed) and
 * prints only the numeric components.
 */
export function parseKubeVersion(text: string, compat: Compat): KubeVersionInfo {
  const invalid = (why: string) =>
    new HelmkitError('KUBE_VERSION_INVALID', `invalid kube version '${text}': ${why}`);
  if (compat === 'helm4') {
    const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)/.exec(text);
    if (!m) throw invalid(`could not parse ${quote(text)} as version`);
    const comps = (m[1] as string).split('.');
    if (comps.length < 2) throw invalid(`illegal version string ${quote(text)}`);
    const nums = comps.map((c, i) => {
      if (i === 0 && c.startsWith('0') && c !== '0')
        throw invalid(`illegal zero-prefixed version component ${quote(c)} in ${quote(text)}`);
      const n = BigInt(c);
      if (n >= 1n << 64n) {
        throw invalid(
          `illegal non-numeric version component ${quote(c)} in ${quote(text)}: strconv.ParseUint: parsing ${quote(c)}: value out of range`,
        );
      }
      return n.toString();
    });
    return {
      version: text.startsWith('v') ? text : `v${text}`,
      string: `v${nums.join('.')}`,
      major: nums[0] as string,
      minor: nums[1] as string,
    };
  }
  let sv: SemVersion;
  try {
    sv = parseVersion(text, MESSAGES_V3_3);
  } catch (e) {
    throw invalid((e as Error).message);
  }
  const v = `v${versionString(sv)}`;
  return { version: v, string: v, major: sv.major.toString(), minor: sv.minor.toString() };
}

/** `.Capabilities`: a pointer to Helm's `chartutil.Capabilities` struct. */
export function capabilitiesObject(
  kube: KubeVersionInfo,
  extraApiVersions: readonly string[],
  compat: Compat,
): GoStruct {
  const data = CAPABILITIES_DATA[compat];
  const apis = [...data.apiVersions, ...extraApiVersions];
  const apiSet = new Set(apis);
  const has = defineFunc('Has', ['string'], (v) => apiSet.has(v as string));
  // VersionSet is a Go slice type with a method: an array (range/len/print) carrying `Has`.
  const pkg = compat === 'helm4' ? 'common' : 'chartutil';
  const apiVersions = withGoMethods(withGoType([...apis], `${pkg}.VersionSet`), { Has: has });
  // Declared on *KubeVersion: %v of a KubeVersion value (printf, quote, toString, nested) prints its fields.
  const kubeString = { ...defineFunc('String', [], () => kube.string), ptrReceiver: true };
  const kubeFields: Record<string, GoValue> =
    compat === 'helm4'
      ? { Version: kube.version, normalizedVersion: kube.string, Major: kube.major, Minor: kube.minor }
      : { Version: kube.version, Major: kube.major, Minor: kube.minor };
  // Helm 4's second field is unexported: printed by %v, absent from JSON.
  const kubeJson = () =>
    `{"Version":${marshalJSON(kube.version)},"Major":${marshalJSON(kube.major)},"Minor":${marshalJSON(kube.minor)}}`;
  const kubeVersion = new GoStruct(`${pkg}.KubeVersion`, kubeFields, {
    String: kubeString,
    // GitVersion() returns the Version field (Helm 4 keeps the text as given there).
    GitVersion: { ...defineFunc('GitVersion', [], () => kube.version), ptrReceiver: true },
    ...(compat === 'helm4' ? { MarshalJSON: defineFunc('MarshalJSON', [], kubeJson) } : {}),
  });
  const hv = data.helmVersion;
  const helmFields: Record<string, GoValue> = {
    Version: hv.version,
    GitCommit: hv.gitCommit,
    GitTreeState: hv.gitTreeState,
    GoVersion: hv.goVersion,
  };
  // The client-go version Helm 4 was built with: fixed, whatever --kube-version says.
  const client = CAPABILITIES_DATA.helm4.kubeVersion;
  if (compat === 'helm4') helmFields.KubeClientVersion = `v${client.major}.${client.minor}`;
  // encoding/json uses BuildInfo's json tags (`version`, `git_commit`, ...), in field order.
  const helmJson = () =>
    `{${Object.entries(helmFields)
      .map(
        ([k, v]) =>
          `${JSON.stringify(k.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase())}:${marshalJSON(v)}`,
      )
      .join(',')}}`;
  const helmVersion = new GoStruct('version.BuildInfo', helmFields, {
    MarshalJSON: defineFunc('MarshalJSON', [], helmJson),
  });
  return new GoStruct(
    `*${pkg}.Capabilities`,
    { KubeVersion: kubeVersion, APIVersions: apiVersions, HelmVersion: helmVersion },
    {},
    true,
  );
}

const goStrings = new WeakMap<Uint8Array, string>();

/**
 * Converts a file's bytes to a Go string, as Go's `string(b)`: bytes that are not UTF-8 stay bytes (strconv's
 * byte escapes), so `.Files.Get "x.bin" | b64enc` gives the file's base64. Cached per (immutable) byte array.
 */
export function bytesToString(b: Uint8Array): string {
  let s = goStrings.get(b);
  if (s === undefined) {
    s = goStringFromBytes(b);
    goStrings.set(b, s);
  }
  return s;
}

function base64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

/** Serialises a `map[string]string` as Helm's `toYaml` does; provided by the render engine. */
export type ToYaml = (m: GoMap) => string;

/**
 * `.Files`: Helm's `engine.files`, a Go map of path → bytes with methods `Get`, `GetBytes`, `Glob`, `Lines`,
 * `AsConfig`, `AsSecrets`.
 */
export function filesObject(
  files: readonly ChartFile[] | ReadonlyMap<string, Uint8Array>,
  toYaml: ToYaml,
): GoMap {
  const m = newMap();
  if (files instanceof Map) {
    for (const [k, v] of files) m[k] = v;
  } else {
    for (const f of files as readonly ChartFile[]) m[f.name] = f.data;
  }
  withGoType(m, 'engine.files');
  const data = m as Record<string, Uint8Array>;
  const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  withGoMethods(m, {
    Get: defineFunc('Get', ['string'], (name) => {
      const d = data[name as string];
      return d === undefined ? '' : bytesToString(d);
    }),
    GetBytes: defineFunc('GetBytes', ['string'], (name) => data[name as string] ?? new Uint8Array()),
    Glob: defineFunc('Glob', ['string'], (pattern) => {
      const match = compileGlob(pattern as string);
      const found = new Map<string, Uint8Array>();
      for (const k of Object.keys(data)) if (match(k)) found.set(k, data[k]);
      return filesObject(found, toYaml);
    }),
    Lines: defineFunc('Lines', ['string'], (name) => {
      const d = data[name as string];
      if (d === undefined || d.length === 0) return withGoType([], '[]string');
      let s = bytesToString(d);
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return withGoType(s.split('\n'), '[]string');
    }),
    AsConfig: defineFunc('AsConfig', [], () => {
      const out = withGoType(newMap(), 'map[string]string');
      for (const k of Object.keys(data)) out[baseName(k)] = bytesToString(data[k]);
      return toYaml(out);
    }),
    AsSecrets: defineFunc('AsSecrets', [], () => {
      const out = withGoType(newMap(), 'map[string]string');
      for (const k of Object.keys(data)) out[baseName(k)] = base64(data[k]);
      return toYaml(out);
    }),
  });
  return m;
}
