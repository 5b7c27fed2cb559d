import type { Compat } from '../funcs/options.js';
import { HelmkitError } from '../util/errors.js';
import { goTrimSpace } from '../util/go/strings.js';
import { type GoMap, type GoValue, isMap } from '../util/go/value.js';
import { parseGoYaml } from '../util/go/yaml-parse.js';

/** The head of a rendered document: what Helm reads of it (its `SimpleHead`). */
export interface ManifestHead {
  apiVersion: string;
  kind: string;
  name: string;
  annotations?: Record<string, string>;
}

/** One rendered Kubernetes document, named after the template it came from. */
export interface Manifest {
  /** Template path, e.g. `mychart/templates/service.yaml`. */
  name: string;
  /** The document text, trimmed, without the `---` separator. */
  content: string;
  head: ManifestHead;
}

/** Helm's hook events (`helm.sh/hook` annotation values). */
export const HOOK_EVENTS = [
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
  'test-success',
] as const;

/** A hook document. */
export interface Hook {
  name: string;
  kind: string;
  /** Template path the hook came from. */
  path: string;
  manifest: string;
  events: string[];
  weight: number;
  deletePolicies: string[];
}

/**
 * Helm's kind install order (releaseutil.InstallOrder). Documents of other kinds come after these,
 * sorted by kind name.
 */
export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];
const ORDER = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

/**
 * Splits a rendered file into YAML documents exactly as Helm's `releaseutil.SplitManifests`: the text is
 * trimmed, split on the pattern `(?:^|\s*\n)---\s*` (Go's `\s` is ASCII whitespace only), empty pieces
 * dropped and each piece trimmed.
 */
export function splitManifests(text: string): string[] {
  const out: string[] = [];
  for (const piece of goTrimSpace(text).split(SEPARATOR)) {
    if (piece === '') continue;
    out.push(goTrimSpace(piece));
  }
  return out;
}
// Go's regexp `(?:^|\s*\n)---\s*` with `\s` = [\t\n\f\r ]; the one place a regex is right: Helm uses it.
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;

function headError(file: string, detail: string, compat: Compat): HelmkitError {
  void compat;
  return new HelmkitError('MANIFEST_INVALID', `YAML parse error on ${file}: ${detail}`, { file });
}

const META_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** sigs.k8s.io/yaml turns a YAML scalar into a string when the Go target field is a string. */
function scalarToString(v: GoValue): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloat32g(v);
  if (typeof v === 'bigint') return v.toString();
  return undefined;
}

function formatFloat32g(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  const f = Math.fround(v);
  // Shortest representation that round-trips through float32.
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

/**
 * Reads a document's head as Helm does (YAML → JSON → `SimpleHead`), failing exactly where Helm fails,
 * with Helm's message. `typeName` is `releaseutil.SimpleHead` (Helm 3) or `util.SimpleHead` (Helm 4).
 */
export function parseHead(doc: string, file: string, compat: Compat): ManifestHead {
  let parsed: GoValue;
  try {
    parsed = parseGoYaml(doc, { file });
  } catch (e) {
    throw headError(file, (e as Error).message, compat);
  }
  const head: ManifestHead = { apiVersion: '', kind: '', name: '' };
  if (parsed === null || parsed === undefined) return head;
  const typeName = compat === 'helm4' ? 'util.SimpleHead' : 'releaseutil.SimpleHead';
  if (!isMap(parsed)) {
    throw headError(
      file,
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(parsed)} into Go value of type ${typeName}`,
      compat,
    );
  }
  const field = (name: 'apiVersion' | 'kind'): string => {
    const v = parsed[name];
    const s = scalarToString(v);
    if (s === undefined) {
      throw headError(
        file,
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field SimpleHead.${name} of type string`,
        compat,
      );
    }
    return s;
  };
  head.apiVersion = field('apiVersion');
  head.kind = field('kind');
  const meta = parsed.metadata;
  if (meta === null || meta === undefined) return head;
  if (!isMap(meta)) {
    throw headError(
      file,
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(meta)} into Go struct field SimpleHead.metadata of type ${META_TYPE}`,
      compat,
    );
  }
  const name = scalarToString(meta.name);
  if (name === undefined) {
    throw headError(
      file,
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(meta.name)} into Go struct field .metadata.name of type string`,
      compat,
    );
  }
  head.name = name;
  const ann = meta.annotations;
  if (ann !== null && ann !== undefined) {
    if (!isMap(ann)) {
      throw headError(
        file,
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(ann)} into Go struct field .metadata.annotations of type map[string]string`,
        compat,
      );
    }
    const out: Record<string, string> = Object.create(null);
    for (const k of Object.keys(ann)) {
      const s = scalarToString((ann as GoMap)[k]);
      if (s === undefined) {
        throw headError(
          file,
          `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind((ann as GoMap)[k])} into Go struct field .metadata.annotations of type string`,
          compat,
        );
      }
      out[k] = s;
    }
    head.annotations = out;
  }
  return head;
}

/** The result of sorting rendered files: hooks and ordinary manifests, each in Helm's order. */
export interface SortedManifests {
  hooks: Hook[];
  manifests: Manifest[];
}

function lessByKind(a: string, b: string): number {
  const ia = ORDER.get(a);
  const ib = ORDER.get(b);
  if (ia === undefined && ib === undefined) return a === b ? 0 : a < b ? -1 : 1;
  if (ia === undefined) return 1;
  if (ib === undefined) return -1;
  return ia - ib;
}

/**
 * Helm's `releaseutil.SortManifests` with the install order: files in path order, documents in file order,
 * partials and blank files skipped, each document's head validated, hook documents split out, then both
 * lists stably sorted by kind.
 */
export function sortManifests(files: ReadonlyMap<string, string>, compat: Compat): SortedManifests {
  const paths = [...files.keys()].sort();
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  for (const path of paths) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base.startsWith('_')) continue;
    const content = files.get(path)!;
    if (goTrimSpace(content) === '') continue;
    for (const doc of splitManifests(content)) {
      const head = parseHead(doc, path, compat);
      const hookTypes = head.annotations?.['helm.sh/hook'];
      if (hookTypes === undefined) {
        manifests.push({ name: path, content: doc, head });
        continue;
      }
      const events: string[] = [];
      let unknown = false;
      for (const raw of hookTypes.split(',')) {
        const t = goTrimSpace(raw).toLowerCase();
        if (!(HOOK_EVENTS as readonly string[]).includes(t)) {
          unknown = true;
          break;
        }
        events.push(t);
      }
      if (unknown) continue;
      const weightText = head.annotations?.['helm.sh/hook-weight'] ?? '';
      const weight = /^[+-]?\d+$/.test(weightText) ? Number.parseInt(weightText, 10) : 0;
      const deletePolicies: string[] = [];
      const dp = head.annotations?.['helm.sh/hook-delete-policy'];
      if (dp !== undefined) {
        for (const p of dp.split(',')) deletePolicies.push(goTrimSpace(p));
      }
      hooks.push({ name: head.name, kind: head.kind, path, manifest: doc, events, weight, deletePolicies });
    }
  }
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  manifests.sort((a, b) => lessByKind(a.head.kind, b.head.kind));
  hooks.sort((a, b) => lessByKind(a.kind, b.kind));
  return { hooks, manifests };
}
