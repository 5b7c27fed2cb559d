import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chart } from '../chart/types.js';
import type { RenderOptions, ValuesSource } from '../render/options.js';
import { type RenderResult, renderChart } from '../render/render.js';
import { HelmkitError } from '../util/errors.js';
import { installNodeCrypto } from './crypto.js';

// Rendering through the Node entry point gives the (pure) function library native RSA key generation.
installNodeCrypto();

/** Options of {@link template}: `helm template`'s flags; value files may be paths. */
export interface TemplateOptions extends Omit<RenderOptions, 'valueFiles' | 'readFile'> {
  /** `-f/--values`: paths (read from disk) or already-read sources, in order. */
  valueFiles?: ReadonlyArray<string | ValuesSource>;
  /** Directory that relative `--set-file` paths are resolved against (default: the process's cwd). */
  baseDir?: string;
}

/**
 * Renders a loaded chart like `helm template RELEASE CHART [flags]`. `result.manifest` is byte for byte what
 * `helm template` prints on stdout. Values files given as paths are read first; everything else is pure and
 * synchronous, so rendering one loaded chart many times (or concurrently) is cheap and safe.
 *
 * @example
 * ```ts
 * import { loadChart, template } from 'helmkit';
 * const chart = await loadChart('./mychart');
 * const { manifest } = await template(chart, { releaseName: 'demo', set: ['replicaCount=2'] });
 * ```
 */
export async function template(chart: Chart, options: TemplateOptions = {}): Promise<RenderResult> {
  const valueFiles: ValuesSource[] = [];
  for (const f of options.valueFiles ?? []) {
    if (typeof f !== 'string') {
      valueFiles.push(f);
      continue;
    }
    try {
      valueFiles.push({ name: f, text: await readFile(f, 'utf8') });
    } catch (e) {
      throw new HelmkitError(
        'VALUES_READ',
        `open ${f}: no such file or directory`,
        { file: f },
        { cause: e },
      );
    }
  }
  const baseDir = options.baseDir ?? process.cwd();
  const { valueFiles: _v, baseDir: _b, ...rest } = options;
  return renderChart(chart, {
    ...rest,
    valueFiles,
    readFile: (p: string) => readFileSync(path.resolve(baseDir, p), 'utf8'),
  });
}
