/**
 * The archive stage: package charts into Helm-compatible, reproducible `.tgz` files, extract archives safely,
 * sign and verify provenance files. Node file-system entry points live in src/node/archive-fs.ts.
 */

export {
  addToIndex,
  type ChartVersion,
  formatGoTime,
  type IndexFile,
  indexHas,
  type LoadIndexOptions,
  loadIndex,
  marshalIndex,
  mergeIndex,
  newIndex,
  sortIndexEntries,
  urlJoin,
} from '../repo/index-file.js';
export { marshalChartLock, marshalChartYaml } from './chart-yaml.js';
export { ArchiveError, type ArchiveErrorCode } from './errors.js';
export { type GzipCompressor, gzipHelm, webGzip } from './gzip.js';
export { DEFAULT_ARCHIVE_MTIME, type PackagedChart, type PackageOptions, packageChart } from './package.js';
export {
  type Keyring,
  parseProvenanceText,
  provenanceMessage,
  type SignOptions,
  sha256Hex,
  signChart,
  type Verification,
  verifyChart,
} from './provenance.js';
export { type TarFileEntry, TarWriter } from './tar-writer.js';
export { type UnpackedChart, type UnpackOptions, unpackChart } from './unpack.js';
