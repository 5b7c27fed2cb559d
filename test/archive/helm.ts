import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Repository root, the shared corpus and the oracle installer (path relative to the repo, as the brief says). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

let binDir: string | undefined;
/** The directory holding helm3/helm4, as printed by ../shared/oracle/install-helm. */
export function helmBinDir(): string {
  binDir ??= execFileSync(path.resolve(repoRoot, '../shared/oracle/install-helm'), { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  return binDir;
}

/** A clean environment like the corpus runner's: empty HOME and Helm dirs, fixed PATH and LANG. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-home-'));
  for (const d of ['cache', 'config', 'data']) mkdirSync(path.join(home, d));
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
}

/** Result of one helm run. */
export interface HelmRun {
  exit: number;
  stdout: string;
  stderr: string;
}

/** Runs the real helm (`helm3` or `helm4`). */
export function runHelm(
  helm: 'helm3' | 'helm4',
  args: string[],
  cwd: string,
  env = cleanEnv(),
): Promise<HelmRun> {
  return new Promise((resolve) => {
    execFile(
      path.join(helmBinDir(), helm),
      args,
      { cwd, env, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const exit = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ exit, stdout, stderr });
      },
    );
  });
}

/** Runs `node bin/helmkit.js ARGS` as users run it (the shipped launcher, bundle and code cache). */
export function runHelmkit(args: string[], cwd = repoRoot): Promise<HelmRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin/helmkit.js'), ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ exit: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs async jobs with bounded concurrency. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** The corpus charts (directories relative to the corpus root), from cases.json. */
export interface CorpusCase {
  id: string;
  chart: string;
  release: string;
  namespace: string;
  values: string[];
  set: string[];
  flags: string[];
  helm3: { exit: number; stdout: string; stderr: string; volatile_lines?: number[] };
  helm4: { exit: number; stdout: string; stderr: string; volatile_lines?: number[] };
}
