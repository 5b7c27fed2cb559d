/**
 * helmkit — a Helm-compatible chart engine for Node.js.
 *
 * @packageDocumentation
 */

// Archives, provenance and repository indexes (src/archive, src/repo; file-system helpers in src/node).
export {
  ArchiveError,
  type ArchiveErrorCode,
  type Keyring,
  type PackagedChart,
  type PackageOptions,
  packageChart,
  type SignOptions,
  signChart,
  type UnpackedChart,
  type UnpackOptions,
  unpackChart,
  type Verification,
  verifyChart,
} from './archive/index.js';
// Chart loading (src/chart, with the Node file system wired in by src/node).
export type { ChartLoadErrorCode } from './chart/errors.js';
export { ChartLoadError } from './chart/errors.js';
export { DEFAULT_LIMITS, type LoadLimits } from './chart/limits.js';
export {
  type ChartFileMap,
  type ChartSource,
  type LoadOptions,
  loadChartArchive,
  loadChartDirectory,
  loadChartFiles,
} from './chart/load.js';
export type { Compat } from './chart/metadata.js';
export { crdFiles, metadataToYaml, type ShowKind, showChart } from './chart/show.js';
export type {
  ChartDirEntry,
  ChartDirectory,
  ChartFileSystem,
  ChartPathKind,
} from './chart/source.js';
export type {
  Chart,
  ChartDependency,
  ChartFile,
  ChartLock,
  ChartMaintainer,
  ChartMetadata,
} from './chart/types.js';
export { packageDirectory, unpackageFile, verifyFile } from './node/archive-fs.js';
export { nodeChartFileSystem } from './node/fs-source.js';
export { loadChart } from './node/load.js';
// Rendering (src/render), with value files read from disk by src/node.
export { type TemplateOptions, template } from './node/template.js';
export { formatRenderError, formatWarnings } from './render/format-error.js';
export type { Hook, Manifest, ManifestHead } from './render/manifests.js';
export type { RenderOptions, ValuesSource } from './render/options.js';
export type { CrdFile } from './render/output.js';
export { RenderError, type RenderResult, renderChart } from './render/render.js';
export { type IndexFile, loadIndex } from './repo/index-file.js';
export type { ErrorLocation } from './util/errors.js';
export { HelmkitError } from './util/errors.js';
export { VERSION } from './version.js';
