/**
 * The file-system port of the loader. The core never touches a file system: a directory chart is read through
 * a {@link ChartDirectory} (Node's implementation lives in src/node/fs-source.ts), so the loader also runs on
 * in-memory data in a browser or a worker.
 */

/** One entry of a chart directory. Symbolic links are already resolved: `type` and `size` are the target's. */
export interface ChartDirEntry {
  /** Base name. */
  name: string;
  /** `other` is anything not a regular file or directory (device, socket, fifo, dangling link). */
  type: 'file' | 'dir' | 'other';
  /** Size in bytes (files). */
  size: number;
  /** Set when the entry is a symbolic link. */
  symlink?: {
    /** The resolved target, for messages. */
    target: string;
    /** True when the target lies outside the chart's root directory. */
    outside: boolean;
  };
}

/** Read access to one chart directory; every path is relative to its root, with `/` separators (`''` = root). */
export interface ChartDirectory {
  /** A printable path of the entry (e.g. the absolute file-system path) for error messages. */
  displayPath(rel: string): string;
  /** Lists a directory. Order does not matter (the loader sorts). */
  list(rel: string): Promise<ChartDirEntry[]>;
  /** Reads a file (following symbolic links). */
  read(rel: string): Promise<Uint8Array>;
}

/** What a path names, for {@link ChartFileSystem.stat}. */
export type ChartPathKind = 'dir' | 'file' | 'missing';

/** A file system the loader may use to open a chart given by path. */
export interface ChartFileSystem {
  /** What the path names. */
  stat(path: string): Promise<ChartPathKind>;
  /** Opens a chart directory. */
  openDirectory(path: string): ChartDirectory;
  /** Reads a whole file. */
  readFile(path: string): Promise<Uint8Array>;
  /** An absolute, printable version of the path (Helm prints absolute paths in some messages). */
  absolute(path: string): string;
}
