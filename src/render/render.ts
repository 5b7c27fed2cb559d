import { crdObjects } from '../chart/show.js';
import type { Chart } from '../chart/types.js';
import {
  checkConstraints,
  MESSAGES_V3_3,
  MESSAGES_V3_4,
  parseConstraints,
  parseVersion,
} from '../funcs/internal/h6-semver.js';
import type { Compat } from '../funcs/options.js';
import { HelmkitError } from '../util/errors.js';
import { quote } from '../util/go/strconv.js';
import { decodeUtf8Cached } from '../util/text.js';
import { computeValues } from '../values/compute.js';
import { type HelmWarning, slogLine } from '../values/warnings.js';
import { renderTemplates } from './engine.js';
import { type Hook, type Manifest, sortManifests } from './manifests.js';
import {
  capabilitiesObject,
  defaultKubeVersion,
  type KubeVersionInfo,
  parseKubeVersion,
  releaseObject,
} from './objects.js';
import type { RenderOptions } from './options.js';
import { type CrdFile, releaseManifestParts, templateStdout } from './output.js';

/** Everything a render produces. */
export interface RenderResult {
  /** Byte for byte what `helm template` prints on stdout for the same options. */
  manifest: string;
  /** The rendered NOTES.txt of the top chart ('' when none). */
  notes: string;
  /** Hook documents, in Helm's order. */
  hooks: Hook[];
  /** Ordinary manifests, in Helm's install order. */
  manifests: Manifest[];
  /** CRD files of `crds/` folders (chart and enabled subcharts). */
  crds: CrdFile[];
  /** The release manifest Helm would store (CRDs only with `includeCrds`). */
  releaseManifest: string;
  /** Every rendered template by full name (`chart/templates/x.yaml`), partials excluded. */
  files: Map<string, string>;
  /** Warnings Helm logs for this render (deprecated chart, values that could not be coalesced), in order. */
  warnings: HelmWarning[];
}

/** The warning Helm logs before rendering a chart marked `deprecated: true`. */
export const DEPRECATED_WARNING: HelmWarning = {
  message: 'This chart is deprecated',
  helm3: 'WARNING: This chart is deprecated',
  helm4: 'level=WARN msg="this chart is deprecated"',
};

/** An error raised after rendering started: Helm prints its debug hint after these. */
export class RenderError extends HelmkitError {}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Helm's release-name validation (`chartutil.ValidateReleaseName`, wrapped by `availableName`). */
function validateReleaseName(name: string, compat: Compat): void {
  if (name === '' || name.length > 53 || !RELEASE_NAME.test(name)) {
    const why =
      name === ''
        ? 'no name provided'
        : 'invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53';
    const reason = `release name ${quote(name)}: ${why}`;
    if (compat !== 'helm4') throw new HelmkitError('RELEASE_NAME_INVALID', reason);
    const e = new HelmkitError('RELEASE_NAME_INVALID', `release name check failed: ${reason}`);
    // Helm 4 also logs the failure (log/slog text format) before printing the error.
    (e as HelmkitError & { log?: string }).log = slogLine('ERROR', 'release name check failed', [
      ['error', reason],
    ]);
    throw e;
  }
}

/** The CRD files of the chart tree (Helm's `Chart.CRDObjects()`) with their text. */
function crdTexts(chart: Chart): CrdFile[] {
  return crdObjects(chart).map((c) => ({ filename: c.filename, content: decodeUtf8Cached(c.file.data) }));
}

/**
 * The first half of {@link renderChart}: checks, values and the template engine. Returns every rendered
 * template by full name (partials excluded, `<no value>` removed) before any YAML is read, plus the chart as
 * values processing left it (disabled subcharts removed, aliases applied).
 */
export function renderFiles(
  chart: Chart,
  options: RenderOptions = {},
): { files: Map<string, string>; chart: Chart; warnings: HelmWarning[] } {
  const warnings: HelmWarning[] = [];
  const warn = (w: HelmWarning): void => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  const compat: Compat = options.compat ?? 'helm3';
  const kube: KubeVersionInfo =
    options.kubeVersion !== undefined && options.kubeVersion !== ''
      ? parseKubeVersion(options.kubeVersion, compat)
      : defaultKubeVersion(compat);
  if (compat === 'helm4') {
    // Helm 4's chart loader accepts apiVersion v1 and v2 only (`helm show` reads any).
    const api = chart.metadata.apiVersion;
    if (api !== 'v1' && api !== 'v2') {
      throw new HelmkitError(
        'CHART_API_VERSION',
        api === 'v3' ? 'invalid chart apiVersion' : 'unsupported chart version',
      );
    }
  }
  const type = chart.metadata.type ?? '';
  if (type !== '' && type !== 'application') {
    throw new HelmkitError('CHART_NOT_INSTALLABLE', `${type} charts are not installable`);
  }
  if (chart.metadata.deprecated) warn(DEPRECATED_WARNING);
  checkDependencies(chart, compat);
  const releaseName = options.releaseName ?? 'release-name';
  validateReleaseName(releaseName, compat);
  const computed = computeValues(chart, {
    compat,
    ...(options.valueFiles ? { valueFiles: options.valueFiles } : {}),
    ...(options.values ? { values: options.values as never } : {}),
    ...(options.set ? { set: options.set } : {}),
    ...(options.setString ? { setString: options.setString } : {}),
    ...(options.setJson ? { setJson: options.setJson } : {}),
    ...(options.setFile ? { setFile: options.setFile } : {}),
    ...(options.setLiteral ? { setLiteral: options.setLiteral } : {}),
    ...(options.readFile ? { readSetFile: options.readFile } : {}),
    ...(options.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
    warn,
  });
  const top = computed.chart;
  const capabilities = capabilitiesObject(kube, options.apiVersions ?? [], compat);
  if (top.metadata.kubeVersion && !kubeVersionCompatible(top.metadata.kubeVersion, kube.string, compat)) {
    throw new RenderError(
      'KUBE_VERSION_INCOMPATIBLE',
      `chart requires kubeVersion: ${top.metadata.kubeVersion} which is incompatible with Kubernetes ${kube.version}`,
    );
  }
  const release = releaseObject({
    name: releaseName,
    // Helm never renders with an empty namespace: its kube config falls back to `default`.
    namespace: options.namespace || 'default',
    isUpgrade: options.isUpgrade ?? false,
    revision: 1,
  });
  const files = renderTemplates(top, computed.values, { release, capabilities, compat }, chart);
  return { files, chart: top, warnings };
}

/**
 * Renders a loaded chart exactly as `helm template` does: values, capabilities, every template of the chart
 * tree, NOTES, hooks, CRDs, manifest order and the final text. Pure: never touches the file system
 * (values files and `--set-file` contents are passed in), safe to call many times on one `Chart`.
 */
export function renderChart(chart: Chart, options: RenderOptions = {}): RenderResult {
  const compat: Compat = options.compat ?? 'helm3';
  const { files, chart: top, warnings } = renderFiles(chart, options);
  let notes = '';
  const notesName = `${top.metadata.name}/templates/NOTES.txt`;
  const manifestsIn = new Map<string, string>();
  for (const [name, text] of files) {
    if (name.endsWith('NOTES.txt')) {
      if (name === notesName) notes = text;
      continue;
    }
    manifestsIn.set(name, text);
  }
  const { hooks, manifests } = sortManifests(manifestsIn, compat, (w) => {
    warnings.push(w);
    options.onWarning?.(w);
  });
  const crds = crdTexts(top);
  const outputOptions = {
    includeCrds: options.includeCrds ?? false,
    noHooks: options.noHooks ?? false,
    skipTests: options.skipTests ?? false,
    showOnly: options.showOnly ?? [],
  };
  const relParts = releaseManifestParts(crds, manifests, outputOptions.includeCrds);
  let relManifest: string | undefined;
  let stdout: string;
  if (options.postRender) {
    relManifest = options.postRender(relParts.join(''));
    stdout = templateStdout(relManifest, hooks, outputOptions);
  } else {
    // One join builds stdout; the stored release manifest is joined only if someone reads it.
    stdout = templateStdout(relParts, hooks, outputOptions);
  }
  return {
    manifest: stdout,
    notes,
    hooks,
    manifests,
    crds,
    get releaseManifest(): string {
      relManifest ??= relParts.join('');
      return relManifest;
    },
    files,
    warnings,
  };
}

/** Helm's `chartutil.IsCompatibleRange` (Masterminds semver) of a chart's `kubeVersion` constraint. */
function kubeVersionCompatible(constraint: string, version: string, compat: Compat): boolean {
  try {
    const v = parseVersion(version, compat === 'helm4' ? MESSAGES_V3_4 : MESSAGES_V3_3);
    return checkConstraints(parseConstraints(constraint), v);
  } catch {
    return false;
  }
}

/** Helm's `action.CheckDependencies`: every declared dependency must be present in charts/. */
function checkDependencies(chart: Chart, compat: Compat): void {
  const declared = chart.metadata.dependencies;
  if (!declared || declared.length === 0) return;
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = declared.filter((d) => !present.has(d.name)).map((d) => d.name);
  if (missing.length > 0) {
    throw new HelmkitError(
      'DEPENDENCIES_MISSING',
      `${compat === 'helm4' ? 'an' : 'An'} error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
}
