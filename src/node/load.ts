/** The Node entry point of the loader: like the core `loadChart`, with the local file system as default. */
import { type ChartSource, type LoadOptions, loadChart as loadChartCore } from '../chart/load.js';
import type { Chart } from '../chart/types.js';
import { nodeChartFileSystem } from './fs-source.js';

/**
 * Loads a chart from a directory path, a `.tgz` path, `.tgz` bytes or an in-memory file map. Paths are read
 * from the local file system unless `options.fs` supplies another one.
 * @throws ChartLoadError with Helm's message and a stable code.
 */
export function loadChart(source: ChartSource, options: LoadOptions = {}): Promise<Chart> {
  return loadChartCore(source, { ...options, fs: options.fs ?? nodeChartFileSystem });
}
