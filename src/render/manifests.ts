import type { Compat } from '../funcs/options.js';
import { HelmkitError } from '../util/errors.js';
import { quote } from '../util/go/strconv.js';
import { goTrimSpace } from '../util/go/strings.js';
import { type GoMap, type GoValue, isMap } from '../util/go/value.js';
import { parseGoYamlHead } from '../util/go/yaml-parse.js';
import { type HelmWarning, slogLine } from '../values/warnings.js';

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
 * Helm 4's kind install order (releaseutil.InstallOrder). Documents of other kinds come after these,
 * sorted by kind name. Helm 3.17's list is the same without the two webhook configuration kinds.
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
const ORDER_HELM4 = new Map(INSTALL_ORDER.map((k, i) => [k, i]));
const ORDER_HELM3 = new Map(
  INSTALL_ORDER.filter((k) => !k.endsWith('WebhookConfiguration')).map((k, i) => [k, i]),
);

/**
 * Splits a rendered file into YAML documents exactly as Helm's `releaseutil.SplitManifests`: the text is
 * trimmed, split on the pattern `(?:^|\s*\n)---\s*` (Go's `\s` is ASCII whitespace only), empty pieces
 * dropped and each piece trimmed. Hand-written scanner with the regex's leftmost-match semantics: a regex
 * here costs quadratic time on long whitespace runs.
 */
export function splitManifests(text: string): string[] {
  const src = goTrimSpace(text);
  const out: string[] = [];
  let pieceStart = 0;
  let prevEnd = 0;
  let from = 0;
  for (;;) {
    const i = src.indexOf('---', from);
    if (i < 0) break;
    let start = -1;
    if (i === 0) start = 0;
    else if (i > prevEnd && src.charCodeAt(i - 1) === 10) {
      start = i - 1;
      while (start > prevEnd && isAsciiSpace(src.charCodeAt(start - 1))) start--;
    }
    if (start < 0) {
      from = i + 1;
      continue;
    }
    let end = i + 3;
    while (end < src.length && isAsciiSpace(src.charCodeAt(end))) end++;
    pushPiece(out, src.slice(pieceStart, start));
    pieceStart = end;
    prevEnd = end;
    from = end;
  }
  pushPiece(out, src.slice(pieceStart));
  return out;
}

function pushPiece(out: string[], piece: string) {
  if (piece !== '') out.push(goTrimSpace(piece));
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function headError(file: string, detail: string): HelmkitError {
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
  // Pure function of its inputs: renders of the same chart produce the same documents again and again. The
  // document itself is the inner key (not a concatenation with the file name): a concatenated key would copy
  // every document, megabytes for CRD-heavy charts, on every render.
  const outer = `${compat}\u0000${file}`;
  let perFile = headCache.get(outer);
  const hit = perFile?.get(doc);
  if (hit) return hit;
  const head = parseHeadUncached(doc, file, compat);
  if (head.annotations) Object.freeze(head.annotations);
  Object.freeze(head);
  if (doc.length < 16 << 20) {
    headCacheChars += doc.length + outer.length;
    if (headCacheChars > HEAD_CACHE_CHARS) {
      headCache.clear();
      perFile = undefined;
      headCacheChars = doc.length + outer.length;
    }
    if (!perFile) {
      perFile = new Map();
      headCache.set(outer, perFile);
    }
    perFile.set(doc, head);
  }
  return head;
}

const HEAD_CACHE_CHARS = 128 << 20;
/** compat + file → document text → head. */
const headCache = new Map<string, Map<string, ManifestHead>>();
let headCacheChars = 0;

/** The top-level fields a document's head is read from. */
const HEAD_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata']);

function parseHeadUncached(doc: string, file: string, compat: Compat): ManifestHead {
  let parsed: GoValue;
  try {
    parsed = parseGoYamlHead(doc, HEAD_KEYS, { file });
  } catch (e) {
    throw headError(file, (e as Error).message);
  }
  const head: ManifestHead = { apiVersion: '', kind: '', name: '' };
  if (parsed === null || parsed === undefined) return head;
  const typeName = compat === 'helm4' ? 'util.SimpleHead' : 'releaseutil.SimpleHead';
  if (!isMap(parsed)) {
    throw headError(
      file,
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(parsed)} into Go value of type ${typeName}`,
    );
  }
  const field = (name: 'apiVersion' | 'kind'): string => {
    const v = parsed[name];
    const s = scalarToString(v);
    if (s === undefined) {
      throw headError(
        file,
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field SimpleHead.${name} of type string`,
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
    );
  }
  const name = scalarToString(meta.name);
  if (name === undefined) {
    throw headError(
      file,
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(meta.name)} into Go struct field .metadata.name of type string`,
    );
  }
  head.name = name;
  const ann = meta.annotations;
  if (ann !== null && ann !== undefined) {
    if (!isMap(ann)) {
      throw headError(
        file,
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(ann)} into Go struct field .metadata.annotations of type map[string]string`,
      );
    }
    const out: Record<string, string> = Object.create(null);
    for (const k of Object.keys(ann)) {
      const s = scalarToString((ann as GoMap)[k]);
      if (s === undefined) {
        throw headError(
          file,
          `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind((ann as GoMap)[k])} into Go struct field .metadata.annotations of type string`,
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

function lessByKind(order: ReadonlyMap<string, number>, a: string, b: string): number {
  const ia = order.get(a);
  const ib = order.get(b);
  if (ia === undefined && ib === undefined) return a === b ? 0 : a < b ? -1 : 1;
  if (ia === undefined) return 1;
  if (ib === undefined) return -1;
  return ia - ib;
}

/**
 * Helm's `releaseutil.SortManifests` with the install order: files in path order, documents in file order,
 * partials and blank files skipped, each document's head validated, hook documents split out, then both
 * lists stably sorted by kind. Documents with an unknown hook are left out, each logged through `warn`.
 */
export function sortManifests(
  files: ReadonlyMap<string, string>,
  compat: Compat,
  warn: (w: HelmWarning) => void = () => {},
): SortedManifests {
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
      if (unknown) {
        // Helm logs the whole annotation, then leaves the document out.
        const message = `info: skipping unknown hook: ${quote(hookTypes)}`;
        warn({
          message,
          helm3: `manifest_sorter.go:190: ${message}`,
          helm4: slogLine('INFO', 'skipping unknown hooks', [['hookTypes', hookTypes]]),
        });
        continue;
      }
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
  const order = compat === 'helm4' ? ORDER_HELM4 : ORDER_HELM3;
  manifests.sort((a, b) => lessByKind(order, a.head.kind, b.head.kind));
  hooks.sort((a, b) => lessByKind(order, a.kind, b.kind));
  return { hooks, manifests };
}
