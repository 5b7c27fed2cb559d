import type { Compat } from '../funcs/options.js';
import type { GoMap } from '../util/go/value.js';
import type { HelmWarning } from '../values/warnings.js';

/** A values file given by content (the core never reads the file system itself). */
export interface ValuesSource {
  /** Name used in error messages (usually the path as the user typed it). */
  name: string;
  /** The file's text. */
  text: string;
}

/** A `--set-file key=path` whose file content has already been read. */
export interface SetFileSource {
  /** `key=path` exactly as given on the command line. */
  spec: string;
}

/**
 * Options of {@link renderChart}: the same knobs as `helm template`'s flags, with values already read.
 * Every field is optional; defaults are Helm's.
 */
export interface RenderOptions {
  /** Release name (`helm template NAME`), default `release-name`. */
  releaseName?: string;
  /** `-n/--namespace`, default `default`. */
  namespace?: string;
  /** `-f/--values`, already read, in order. */
  valueFiles?: readonly ValuesSource[];
  /** Values given as an object (merged after value files, before `--set`). */
  values?: GoMap | Record<string, unknown>;
  /** `--set` strings, in order. */
  set?: readonly string[];
  /** `--set-string` strings. */
  setString?: readonly string[];
  /** `--set-json` strings. */
  setJson?: readonly string[];
  /** `--set-file` as `key=path`, with `readFile` resolving paths. */
  setFile?: readonly string[];
  /** `--set-literal` strings. */
  setLiteral?: readonly string[];
  /** Reads a `--set-file` path (the Node entry point passes a file-system reader). */
  readFile?: (path: string) => string;
  /** `--kube-version`, e.g. `1.29.0`. */
  kubeVersion?: string;
  /** `-a/--api-versions`, added to the default set. */
  apiVersions?: readonly string[];
  /** `--is-upgrade`. */
  isUpgrade?: boolean;
  /** `--include-crds`: print the CRDs of `crds/` folders before the manifests. */
  includeCrds?: boolean;
  /** `--skip-crds` (no effect on `template` output, accepted for parity). */
  skipCrds?: boolean;
  /** `--skip-tests`: leave out test hooks. */
  skipTests?: boolean;
  /** `--no-hooks`: leave out every hook. */
  noHooks?: boolean;
  /** `-s/--show-only` template paths or globs (relative to the chart, e.g. `templates/svc.yaml`). */
  showOnly?: readonly string[];
  /** `--post-renderer`: transforms the release manifest (not the hooks) before it is printed. */
  postRender?: (manifest: string) => string;
  /** Which Helm to reproduce, default `helm3`. */
  compat?: Compat;
  /** `--skip-schema-validation`: do not check values against values.schema.json files. */
  skipSchemaValidation?: boolean;
  /** Receives each warning as Helm logs it, before any later error (they are also in the result). */
  onWarning?: (warning: HelmWarning) => void;
}
