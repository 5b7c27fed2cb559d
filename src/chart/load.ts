/**
 * The chart loader: Helm's `loader.LoadFiles`, `LoadArchive` and `LoadDir`, on in-memory data, with a shared
 * {@link LoadBudget} so that no input (archive bomb, deep nesting, huge file counts, links out of the chart) can
 * crash or hang it.
 */
import { newMap } from '../util/go/value.js';
import { ChartLoadError } from './errors.js';
import { goPathClean, goPathExt, goStringCompare, walkOrderCompare } from './go-path.js';
import { gunzipBounded } from './gunzip.js';
import { HELMIGNORE, IgnoreRules } from './helmignore.js';
import { LoadBudget, type LoadLimits } from './limits.js';
import { type Compat, decodeLock, decodeMetadata, validateMetadata } from './metadata.js';
import { isValidChartVersion } from './semver-valid.js';
import type { ChartDirectory, ChartFileSystem } from './source.js';
import { readTar } from './tar.js';
import type { Chart, ChartFile, ChartLock, ChartMetadata } from './types.js';
import { parseValuesYaml } from './yaml.js';

/** Options of the loader. */
export interface LoadOptions {
  /** Imitate Helm 3 (default) or Helm 4 where their loaders differ. */
  compat?: Compat;
  /** Input limits (merged over the defaults). */
  limits?: Partial<LoadLimits>;
  /** A file system, needed when the source is a path. */
  fs?: ChartFileSystem;
  /** Receives Helm's loader warnings (e.g. requirements.yaml in an apiVersion v2 chart). */
  onWarning?: (message: string) => void;
}

/** In-memory chart files: chart-relative path → content. */
export type ChartFileMap = Readonly<Record<string, string | Uint8Array>>;

/** What {@link loadChart} accepts: a path (needs `options.fs`), `.tgz` bytes, or in-memory files. */
export type ChartSource = string | Uint8Array | ChartFileMap;

interface Ctx {
  compat: Compat;
  budget: LoadBudget;
  onWarning?: (message: string) => void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function stripBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf
    ? data.subarray(3)
    : data;
}

function text(data: Uint8Array): string {
  return decoder.decode(data);
}

function ctxOf(options: LoadOptions): Ctx {
  const ctx: Ctx = { compat: options.compat ?? 'helm3', budget: new LoadBudget(options.limits) };
  if (options.onWarning) ctx.onWarning = options.onWarning;
  return ctx;
}

function invalid(file: string, message: string): ChartLoadError {
  return new ChartLoadError('CHART_INVALID', message, file);
}

/**
 * Assembles a chart from its files (Helm's `LoadFiles`): files are classified by path, Chart.yaml is decoded and
 * validated, subcharts under `charts/` (directories and `.tgz`) are loaded recursively, sorted by name.
 */
async function assemble(files: ChartFile[], ctx: Ctx, depth: number, where: string): Promise<Chart> {
  ctx.budget.checkDepth(where, depth);
  let metadata: ChartMetadata | undefined;
  for (const f of files) {
    if (f.name !== 'Chart.yaml') continue;
    try {
      metadata = decodeMetadata(text(f.data), ctx.compat, metadata);
    } catch (e) {
      throw invalid(f.name, `cannot load Chart.yaml: ${(e as Error).message}`);
    }
    // Helm 2 charts may omit apiVersion: Helm treats them as v1.
    if (!metadata.apiVersion) metadata.apiVersion = 'v1';
  }
  let lock: ChartLock | undefined;
  let values = newMap();
  let schema: Uint8Array | undefined;
  const templates: ChartFile[] = [];
  const other: ChartFile[] = [];
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    const n = f.name;
    if (n === 'Chart.yaml') continue;
    if (n === 'Chart.lock' || n === 'requirements.lock') {
      try {
        lock = decodeLock(text(f.data));
      } catch (e) {
        throw invalid(n, `cannot load ${n}: ${(e as Error).message}`);
      }
      if (n === 'requirements.lock') {
        metadata ??= { apiVersion: '', name: '', version: '' };
        if (metadata.apiVersion !== 'v1') {
          ctx.onWarning?.(
            'Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.',
          );
        } else other.push(f);
      }
    } else if (n === 'values.yaml') {
      try {
        values = parseValuesYaml(text(f.data), ctx.compat === 'helm4');
      } catch (e) {
        throw invalid(n, `cannot load values.yaml: ${(e as Error).message}`);
      }
    } else if (n === 'values.schema.json') {
      schema = f.data;
    } else if (n === 'requirements.yaml') {
      metadata ??= { apiVersion: '', name: '', version: '' };
      if (metadata.apiVersion !== 'v1') {
        ctx.onWarning?.(
          'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
        );
      }
      try {
        metadata = decodeMetadata(text(f.data), ctx.compat, metadata);
      } catch (e) {
        throw invalid(n, `cannot load requirements.yaml: ${(e as Error).message}`);
      }
      if (metadata.apiVersion === 'v1') other.push(f);
    } else if (n.startsWith('templates/')) {
      templates.push(f);
    } else if (n.startsWith('charts/')) {
      if (goPathExt(n) === '.prov') {
        other.push(f);
        continue;
      }
      const rest = n.slice('charts/'.length);
      const slash = rest.indexOf('/');
      const cname = slash < 0 ? rest : rest.slice(0, slash);
      let group = subcharts.get(cname);
      if (!group) subcharts.set(cname, (group = []));
      group.push({ name: rest, data: f.data });
    } else {
      other.push(f);
    }
  }
  if (!metadata) throw new ChartLoadError('CHART_NOT_FOUND', 'Chart.yaml file is missing', 'Chart.yaml');
  const problem = validateMetadata(metadata, ctx.compat, isValidChartVersion);
  if (problem) throw invalid('Chart.yaml', problem);

  const dependencies: Chart[] = [];
  // Helm iterates a Go map here (random order); helmkit sorts by name so loads are reproducible.
  const names = [...subcharts.keys()].sort(goStringCompare);
  for (const cname of names) {
    if (cname.startsWith('_') || cname.startsWith('.')) continue;
    const group = subcharts.get(cname)!;
    const subWhere = where === '' ? `charts/${cname}` : `${where}/charts/${cname}`;
    try {
      let sub: Chart;
      if (goPathExt(cname) === '.tgz') {
        const file = group[0];
        if (file.name !== cname) {
          throw invalid(
            subWhere,
            `error unpacking subchart tar in ${metadata.name}: expected ${cname}, got ${file.name}`,
          );
        }
        sub = await assemble(await archiveFiles(file.data, subWhere, ctx), ctx, depth + 1, subWhere);
      } else {
        const inner: ChartFile[] = [];
        for (const f of group) {
          const i = f.name.indexOf('/');
          if (i < 0) continue;
          inner.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sub = await assemble(inner, ctx, depth + 1, subWhere);
      }
      dependencies.push(sub);
    } catch (e) {
      if (e instanceof ChartLoadError && e.code.startsWith('LIMIT_')) throw e;
      if (e instanceof ChartLoadError && e.message.startsWith('error unpacking subchart tar in')) throw e;
      const err = e as ChartLoadError;
      throw new ChartLoadError(
        err.code ?? 'CHART_INVALID',
        `error unpacking subchart ${cname} in ${metadata.name}: ${err.message}`,
        err.file === undefined || err.file.startsWith(`${subWhere}/`)
          ? (err.file ?? subWhere)
          : `${subWhere}/${err.file}`,
        { cause: e },
      );
    }
  }
  const chart: Chart = {
    metadata,
    templates,
    values,
    files: other,
    raw: files,
    dependencies,
    ...(lock ? { lock } : {}),
    ...(schema ? { schema } : {}),
  };
  return chart;
}

const DRIVE_PATH = /^[a-zA-Z]:\//;

/**
 * The chart-relative path of a tar entry as Helm's archive loader computes it (first path element dropped,
 * `path.Clean`ed), refusing absolute paths, parent references, drive names and a Chart.yaml outside the top
 * folder with Helm's messages. Shared by the loader and `unpackChart`.
 */
export function archiveEntryPath(name: string, pre: string): string {
  const delimiter = name.includes('\\') ? '\\' : '/';
  const parts = name.split(delimiter);
  let n = parts.slice(1).join('/');
  if (n.startsWith('/')) {
    throw new ChartLoadError('UNSAFE_PATH', 'chart illegally contains absolute paths', `${pre}${name}`);
  }
  n = goPathClean(n);
  if (n === '.') {
    throw new ChartLoadError(
      'UNSAFE_PATH',
      `chart illegally contains content outside the base directory: ${JSON.stringify(name)}`,
      `${pre}${name}`,
    );
  }
  if (n.startsWith('..')) {
    throw new ChartLoadError('UNSAFE_PATH', 'chart illegally references parent directory', `${pre}${name}`);
  }
  if (DRIVE_PATH.test(n)) {
    throw new ChartLoadError('UNSAFE_PATH', 'chart contains illegally named files', `${pre}${name}`);
  }
  if (parts[0] === 'Chart.yaml') {
    throw new ChartLoadError('CHART_INVALID', 'chart yaml not in base directory', `${pre}${name}`);
  }
  return n;
}

/** Helm's `LoadArchiveFiles`, plus helmkit's shared budget, link and duplicate checks. */
async function archiveFiles(data: Uint8Array, where: string, ctx: Ctx): Promise<ChartFile[]> {
  const { budget } = ctx;
  const pre = where === '' ? '' : `${where}/`;
  if (data.length < 10 && data.length > 0 && !(data[0] === 0x1f && data[1] === 0x8b)) {
    throw new ChartLoadError('ARCHIVE_INVALID', 'unexpected EOF', where);
  }
  if (data.length === 0) throw new ChartLoadError('ARCHIVE_INVALID', 'EOF', where);
  const remaining = budget.limits.maxTotalSize - budget.usedBytes;
  // Tar headers and padding cost up to ~1.5 KiB per entry on top of the contents the budget counts.
  const slack = Math.min(budget.limits.maxFiles * 1536, 32 * 1024 * 1024);
  const tarBytes = await gunzipBounded(data, remaining + slack, where);
  const files: ChartFile[] = [];
  const seen = new Set<string>();
  readTar(tarBytes, where, (hd) => {
    if (hd.type === '5') return;
    const n = archiveEntryPath(hd.name, pre);
    if (hd.type === '1' || hd.type === '2') {
      // Helm stores link entries as empty files; a link leading out of the chart is refused outright.
      const base = n.includes('/') ? n.slice(0, n.lastIndexOf('/')) : '';
      const target = hd.linkName.startsWith('/')
        ? hd.linkName
        : goPathClean(base === '' ? hd.linkName : `${base}/${hd.linkName}`);
      if (hd.linkName.startsWith('/') || target.startsWith('..') || (hd.type === '1' && target === '.')) {
        throw new ChartLoadError(
          'UNSAFE_SYMLINK',
          `chart contains a link that leads outside the chart: ${n} -> ${hd.linkName}`,
          `${pre}${n}`,
        );
      }
    }
    if (seen.has(n)) {
      throw new ChartLoadError(
        'DUPLICATE_ENTRY',
        `chart archive contains ${JSON.stringify(n)} more than once`,
        `${pre}${n}`,
      );
    }
    seen.add(n);
    budget.checkPathDepth(n);
    budget.chargeFile(`${pre}${n}`);
    if (hd.data.length > budget.limits.maxFileSize) {
      throw new ChartLoadError(
        'LIMIT_FILE_SIZE',
        `decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${budget.limits.maxFileSize}`,
        `${pre}${n}`,
      );
    }
    budget.chargeBytes(`${pre}${n}`, hd.data.length);
    files.push({ name: n, data: stripBom(hd.data).slice() });
  });
  if (files.length === 0) throw new ChartLoadError('ARCHIVE_INVALID', 'no files in chart archive', where);
  return files;
}

/** Walks a chart directory the way Helm's `LoadDir` does (sorted, .helmignore applied, links followed). */
async function directoryFiles(dir: ChartDirectory, ctx: Ctx): Promise<ChartFile[]> {
  const { budget } = ctx;
  const rootEntries = await dir.list('');
  let rules = new IgnoreRules();
  const ign = rootEntries.find((e) => e.name === HELMIGNORE && e.type === 'file');
  if (ign) {
    budget.checkFileSize(HELMIGNORE, ign.size);
    rules = IgnoreRules.parse(text(await dir.read(HELMIGNORE)));
  }
  rules.addDefaults();
  const files: ChartFile[] = [];
  const maxWalkDepth = budget.limits.maxDepth * 4 + 16;
  const walk = async (rel: string, entries: Awaited<ReturnType<ChartDirectory['list']>>, level: number) => {
    if (level > maxWalkDepth) {
      throw new ChartLoadError('LIMIT_DEPTH', `directory nesting deeper than ${maxWalkDepth} levels`, rel);
    }
    entries.sort((a, b) => goStringCompare(a.name, b.name));
    for (const e of entries) {
      const n = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.type === 'dir') {
        if (rules.ignores(n, true)) continue;
        if (e.symlink?.outside && !budget.limits.allowSymlinksOutside) throw linkOut(n, e.symlink.target);
        await walk(n, await dir.list(n), level + 1);
        continue;
      }
      if (rules.ignores(n, false)) continue;
      if (e.symlink?.outside && !budget.limits.allowSymlinksOutside) throw linkOut(n, e.symlink.target);
      if (e.type === 'other') {
        throw new ChartLoadError(
          'IRREGULAR_FILE',
          `cannot load irregular file ${dir.displayPath(n)} as it has file mode type bits set`,
          n,
        );
      }
      budget.chargeFile(n);
      if (e.size > budget.limits.maxFileSize) {
        throw new ChartLoadError(
          'LIMIT_FILE_SIZE',
          `chart file ${JSON.stringify(e.name)} is larger than the maximum file size ${budget.limits.maxFileSize}`,
          n,
        );
      }
      // Reads overlap (each file costs several round trips to the I/O threads); the listed size is charged
      // before the read is issued, so the total budget still bounds what is read.
      budget.chargeBytes(n, e.size);
      const data = dir.read(n);
      data.catch(() => undefined); // awaited below, in order; a walk that fails first must not leave it unhandled
      pending.push({ name: n, size: e.size, data });
    }
  };
  const pending: { name: string; size: number; data: Promise<Uint8Array> }[] = [];
  await walk('', rootEntries, 0);
  for (const p of pending) {
    const data = await p.data;
    budget.checkFileSize(p.name, data.length);
    // A file that grew after it was listed.
    if (data.length > p.size) budget.chargeBytes(p.name, data.length - p.size);
    files.push({ name: p.name, data: stripBom(data) });
  }
  return files;
}

function linkOut(n: string, target: string): ChartLoadError {
  return new ChartLoadError(
    'UNSAFE_SYMLINK',
    `chart contains a symbolic link that leads outside the chart: ${n} -> ${target}`,
    n,
  );
}

/** In-memory files treated like a chart directory (sorted walk order, .helmignore and defaults applied). */
function mapFiles(map: ChartFileMap, ctx: Ctx): ChartFile[] {
  const entries: ChartFile[] = [];
  for (const [rawName, content] of Object.entries(map)) {
    ctx.budget.checkPathDepth(rawName);
    const name = goPathClean(rawName.split('\\').join('/'));
    if (name.startsWith('/') || name.startsWith('..') || name === '.') {
      throw new ChartLoadError(
        'UNSAFE_PATH',
        `chart file name ${JSON.stringify(rawName)} is outside the chart`,
        rawName,
      );
    }
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    entries.push({ name, data });
  }
  entries.sort((a, b) => walkOrderCompare(a.name, b.name));
  const ign = entries.find((e) => e.name === HELMIGNORE);
  const rules = ign ? IgnoreRules.parse(text(ign.data)) : new IgnoreRules();
  rules.addDefaults();
  const out: ChartFile[] = [];
  let last = '';
  for (const f of entries) {
    if (f.name === last) {
      throw new ChartLoadError(
        'DUPLICATE_ENTRY',
        `chart contains ${JSON.stringify(f.name)} more than once`,
        f.name,
      );
    }
    last = f.name;
    const parts = f.name.split('/');
    let ignored = false;
    for (let i = 1; i < parts.length && !ignored; i++)
      ignored = rules.ignores(parts.slice(0, i).join('/'), true);
    if (ignored || rules.ignores(f.name, false)) continue;
    ctx.budget.chargeFile(f.name);
    ctx.budget.checkFileSize(f.name, f.data.length);
    ctx.budget.chargeBytes(f.name, f.data.length);
    out.push({ name: f.name, data: stripBom(f.data) });
  }
  return out;
}

/** Loads a chart from a gzipped tar archive in memory (Helm's `LoadArchive`; `.helmignore` is not applied). */
export async function loadChartArchive(data: Uint8Array, options: LoadOptions = {}): Promise<Chart> {
  const ctx = ctxOf(options);
  return assemble(await archiveFiles(data, '', ctx), ctx, 0, '');
}

/** Loads a chart from a directory reached through the file-system port (Helm's `LoadDir`). */
export async function loadChartDirectory(dir: ChartDirectory, options: LoadOptions = {}): Promise<Chart> {
  const ctx = ctxOf(options);
  return assemble(await directoryFiles(dir, ctx), ctx, 0, '');
}

/**
 * Loads a chart from files already split by path (Helm's `LoadFiles`). Files are used in the order given, and
 * `.helmignore` is not applied (use {@link loadChart} with a file map for directory semantics).
 */
export async function loadChartFiles(files: readonly ChartFile[], options: LoadOptions = {}): Promise<Chart> {
  const ctx = ctxOf(options);
  for (const f of files) {
    ctx.budget.checkPathDepth(f.name);
    ctx.budget.chargeFile(f.name);
    ctx.budget.checkFileSize(f.name, f.data.length);
    ctx.budget.chargeBytes(f.name, f.data.length);
  }
  return assemble([...files], ctx, 0, '');
}

/** http.DetectContentType's answer for the first 512 bytes as Helm reads them (zero padded). */
function sniff(data: Uint8Array): string {
  if (data.length < 512) return 'application/octet-stream';
  for (let i = 0; i < 512; i++) {
    const b = data[i];
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
      return 'application/octet-stream';
    }
  }
  return 'text/plain; charset=utf-8';
}

/**
 * Loads a chart, from:
 * - a path (needs `options.fs`; the Node entry point supplies one): a directory or a `.tgz` file;
 * - `Uint8Array` bytes of a `.tgz`;
 * - an in-memory map `{ 'Chart.yaml': '...', 'templates/x.yaml': '...' }`, treated like a directory.
 *
 * @throws ChartLoadError with Helm's message and a stable code.
 */
export async function loadChart(source: ChartSource, options: LoadOptions = {}): Promise<Chart> {
  if (source instanceof Uint8Array) return loadChartArchive(source, options);
  if (typeof source === 'string') {
    const fs = options.fs;
    if (!fs) {
      throw new ChartLoadError('CHART_NOT_FOUND', `no file system available to load ${source}`, source);
    }
    const kind = await fs.stat(source);
    if (kind === 'missing') {
      throw new ChartLoadError('CHART_NOT_FOUND', `stat ${source}: no such file or directory`, source);
    }
    if (kind === 'dir') return loadChartDirectory(fs.openDirectory(source), options);
    const data = await fs.readFile(source);
    if (!(data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b)) {
      const abs = fs.absolute(source);
      const ext = goPathExt(source);
      if (ext === '.yaml' || ext === '.yml') {
        throw new ChartLoadError(
          'ARCHIVE_INVALID',
          `file '${abs}' seems to be a YAML file, but expected a gzipped archive`,
          source,
        );
      }
      throw new ChartLoadError(
        'ARCHIVE_INVALID',
        `file '${abs}' does not appear to be a gzipped archive; got '${sniff(data)}'`,
        source,
      );
    }
    return loadChartArchive(data, options);
  }
  const ctx = ctxOf(options);
  return assemble(mapFiles(source, ctx), ctx, 0, '');
}
