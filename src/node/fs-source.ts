/** Node's implementation of the loader's file-system port ({@link ChartFileSystem}). */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChartLoadError } from '../chart/errors.js';
import type { ChartDirEntry, ChartDirectory, ChartFileSystem, ChartPathKind } from '../chart/source.js';

/** Reads in flight per chart directory (well under typical open-file limits). */
const MAX_OPEN = 32;

class NodeChartDirectory implements ChartDirectory {
  private realRoot: Promise<string>;

  constructor(private readonly root: string) {
    this.realRoot = realpath(root).catch(() => path.resolve(root));
  }

  displayPath(rel: string): string {
    return rel === '' ? path.resolve(this.root) : path.join(path.resolve(this.root), ...rel.split('/'));
  }

  private abs(rel: string): string {
    return rel === '' ? this.root : path.join(this.root, ...rel.split('/'));
  }

  async list(rel: string): Promise<ChartDirEntry[]> {
    const dir = this.abs(rel);
    const names = await readdir(dir);
    const realRoot = await this.realRoot;
    // lstat every entry at once: one round trip to the I/O threads instead of one per entry.
    return Promise.all(names.map((name) => this.entry(rel, dir, name, realRoot)));
  }

  private async entry(rel: string, dir: string, name: string, realRoot: string): Promise<ChartDirEntry> {
    const full = path.join(dir, name);
    const l = await lstat(full);
    if (!l.isSymbolicLink()) {
      return { name, type: l.isFile() ? 'file' : l.isDirectory() ? 'dir' : 'other', size: l.size };
    }
    let target: string;
    try {
      target = await realpath(full);
    } catch (e) {
      if ((e as { code?: string }).code === 'ELOOP') {
        throw new ChartLoadError(
          'LIMIT_DEPTH',
          `too many levels of symbolic links: ${full}`,
          rel === '' ? name : `${rel}/${name}`,
        );
      }
      return { name, type: 'other', size: 0, symlink: { target: '', outside: false } };
    }
    const s = await stat(target);
    const outside = !(target === realRoot || target.startsWith(realRoot + path.sep));
    return {
      name,
      type: s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other',
      size: s.size,
      symlink: { target, outside },
    };
  }

  async read(rel: string): Promise<Uint8Array> {
    // At most MAX_OPEN reads in flight (the loader issues them all at once).
    while (this.open >= MAX_OPEN) await new Promise<void>((r) => this.waiting.push(r));
    this.open++;
    try {
      const b = await readFile(this.abs(rel));
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } finally {
      this.open--;
      this.waiting.shift()?.();
    }
  }

  private open = 0;
  private readonly waiting: (() => void)[] = [];
}

/** The local file system, for loading charts by path. */
export const nodeChartFileSystem: ChartFileSystem = {
  async stat(p: string): Promise<ChartPathKind> {
    try {
      const s = await stat(p);
      return s.isDirectory() ? 'dir' : 'file';
    } catch {
      return 'missing';
    }
  },
  openDirectory(p: string): ChartDirectory {
    return new NodeChartDirectory(p);
  },
  async readFile(p: string): Promise<Uint8Array> {
    const b = await readFile(p);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  absolute(p: string): string {
    return path.resolve(p);
  },
};
