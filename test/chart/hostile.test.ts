import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { ChartLoadError } from '../../src/chart/errors.js';
import { type ChartFileMap, loadChart as loadCore } from '../../src/chart/load.js';
import { loadChart } from '../../src/node/load.js';
import { chartYaml, tar, tgz } from './tar-builder.js';

// helmkit's own safety behaviour (Helm has no equivalent or does worse): every hostile input gives a typed
// ChartLoadError quickly, never a crash, a hang or unbounded memory.

async function loadError(p: Promise<unknown>): Promise<ChartLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ChartLoadError);
    return e as ChartLoadError;
  }
  throw new Error('expected the load to fail');
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile archives', () => {
  test('a gzip bomb stops at the size budget', async () => {
    const zeros = new Uint8Array(160 * 1024 * 1024);
    const bomb = tar([
      { name: 'c/Chart.yaml', data: chartYaml('c') },
      { name: 'c/big', data: zeros },
    ]);
    const gz = new Uint8Array(gzipSync(bomb, { level: 9 }));
    expect(gz.length).toBeLessThan(1024 * 1024);
    const t0 = Date.now();
    const e = await loadError(loadCore(gz));
    expect(['LIMIT_ARCHIVE_SIZE', 'LIMIT_FILE_SIZE']).toContain(e.code);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('total size over many files', async () => {
    const files = [{ name: 'c/Chart.yaml', data: chartYaml('c') }];
    for (let i = 0; i < 20; i++) files.push({ name: `c/f${i}`, data: 'x'.repeat(100_000) });
    const e = await loadError(loadCore(tgz(files), { limits: { maxTotalSize: 1_000_000 } }));
    expect(e.code).toBe('LIMIT_ARCHIVE_SIZE');
    expect(e.message).toBe('decompressed chart is larger than the maximum size 1000000');
  });

  test('one budget across nested archives', async () => {
    const inner = tgz([
      { name: 'sub/Chart.yaml', data: chartYaml('sub') },
      { name: 'sub/f', data: 'y'.repeat(600_000) },
    ]);
    const outer = tgz([
      { name: 'c/Chart.yaml', data: chartYaml('c') },
      { name: 'c/f', data: 'x'.repeat(500_000) },
      { name: 'c/charts/sub.tgz', data: inner },
    ]);
    const e = await loadError(loadCore(outer, { limits: { maxTotalSize: 1_000_000 } }));
    expect(e.code).toBe('LIMIT_ARCHIVE_SIZE');
    // Each archive alone fits the limit.
    await expect(loadCore(inner, { limits: { maxTotalSize: 1_000_000 } })).resolves.toBeTruthy();
  });

  test('per-file size', async () => {
    const e = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c/big', data: 'x'.repeat(6 * 1024 * 1024) },
        ]),
      ),
    );
    expect(e.code).toBe('LIMIT_FILE_SIZE');
    expect(e.message).toBe('decompressed chart file "c/big" is larger than the maximum file size 5242880');
  });

  test('file count', async () => {
    const files = [{ name: 'c/Chart.yaml', data: chartYaml('c') }];
    for (let i = 0; i < 50; i++) files.push({ name: `c/f${i}`, data: 'x' });
    const e = await loadError(loadCore(tgz(files), { limits: { maxFiles: 20 } }));
    expect(e.code).toBe('LIMIT_FILE_COUNT');
  });

  test('parent directory entry', async () => {
    const e = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c/../../evil', data: 'x' },
        ]),
      ),
    );
    expect(e.code).toBe('UNSAFE_PATH');
    expect(e.message).toBe('chart illegally references parent directory');
  });

  test('absolute entry', async () => {
    const e = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c//etc/passwd', data: 'x' },
        ]),
      ),
    );
    expect(e.code).toBe('UNSAFE_PATH');
    expect(e.message).toBe('chart illegally contains absolute paths');
  });

  test('symlink entry leading out', async () => {
    const e = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c/x', type: '2', linkName: '../../etc/passwd' },
        ]),
      ),
    );
    expect(e.code).toBe('UNSAFE_SYMLINK');
    const abs = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c/x', type: '2', linkName: '/etc/passwd' },
        ]),
      ),
    );
    expect(abs.code).toBe('UNSAFE_SYMLINK');
  });

  test('duplicate entries', async () => {
    const e = await loadError(
      loadCore(
        tgz([
          { name: 'c/Chart.yaml', data: chartYaml('c') },
          { name: 'c/Chart.yaml', data: chartYaml('d') },
        ]),
      ),
    );
    expect(e.code).toBe('DUPLICATE_ENTRY');
  });

  test('corrupt and truncated archives', async () => {
    const good = tgz([{ name: 'c/Chart.yaml', data: chartYaml('c') }]);
    expect((await loadError(loadCore(good.subarray(0, good.length - 12)))).code).toBe('ARCHIVE_INVALID');
    const notTar = new Uint8Array(gzipSync(new Uint8Array(700).fill(65)));
    expect((await loadError(loadCore(notTar))).code).toBe('ARCHIVE_INVALID');
    expect((await loadError(loadCore(new Uint8Array([1, 2, 3])))).code).toBe('ARCHIVE_INVALID');
    const empty = new Uint8Array(gzipSync(new Uint8Array(1024)));
    expect((await loadError(loadCore(empty))).message).toBe('no files in chart archive');
  });
});

describe('hostile chart trees', () => {
  test('10,000 nested subcharts', async () => {
    const files: Record<string, string> = {};
    let prefix = '';
    for (let i = 0; i < 10_000; i++) {
      files[`${prefix}Chart.yaml`] = chartYaml(`c${i}`);
      prefix += `charts/c${i + 1}/`;
    }
    const t0 = Date.now();
    const e = await loadError(loadCore(files as ChartFileMap));
    expect(e.code).toBe('LIMIT_DEPTH');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('10,000 sibling subcharts load in bounded time', async () => {
    const files: Record<string, string> = { 'Chart.yaml': chartYaml('top') };
    for (let i = 0; i < 10_000; i++) files[`charts/s${i}/Chart.yaml`] = chartYaml(`s${i}`);
    const t0 = Date.now();
    const chart = await loadCore(files as ChartFileMap);
    expect(chart.dependencies.length).toBe(10_000);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const e = await loadError(loadCore(files as ChartFileMap, { limits: { maxFiles: 5000 } }));
    expect(e.code).toBe('LIMIT_FILE_COUNT');
  });

  test('nested .tgz subcharts several levels deep', async () => {
    let inner = tgz([{ name: 'l5/Chart.yaml', data: chartYaml('l5') }]);
    for (let i = 4; i >= 0; i--) {
      inner = tgz([
        { name: `l${i}/Chart.yaml`, data: chartYaml(`l${i}`) },
        { name: `l${i}/charts/l${i + 1}.tgz`, data: inner },
      ]);
    }
    let c = await loadCore(inner);
    for (let i = 0; i < 5; i++) {
      expect(c.metadata.name).toBe(`l${i}`);
      c = c.dependencies[0];
    }
    expect((await loadError(loadCore(inner, { limits: { maxDepth: 3 } }))).code).toBe('LIMIT_DEPTH');
  });

  test('a directory symlink leading out of the chart is refused by default', async () => {
    const outside = path.join(tmp, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    const dir = path.join(tmp, 'linkout');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml('linkout'));
    symlinkSync(outside, path.join(dir, 'files'));
    const e = await loadError(loadChart(dir));
    expect(e.code).toBe('UNSAFE_SYMLINK');
    const c = await loadChart(dir, { limits: { allowSymlinksOutside: true } });
    expect(c.files.map((f) => f.name)).toEqual(['files/secret.txt']);
  });

  test('a file symlink inside the chart is followed like Helm', async () => {
    const dir = path.join(tmp, 'linkin');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml('linkin'));
    writeFileSync(path.join(dir, 'a.txt'), 'A');
    symlinkSync('a.txt', path.join(dir, 'b.txt'));
    const c = await loadChart(dir);
    expect(c.files.map((f) => [f.name, new TextDecoder().decode(f.data)])).toEqual([
      ['a.txt', 'A'],
      ['b.txt', 'A'],
    ]);
  });

  test('a symlink loop ends with a typed error', async () => {
    const dir = path.join(tmp, 'loop');
    mkdirSync(path.join(dir, 'd'), { recursive: true });
    writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml('loop'));
    symlinkSync('..', path.join(dir, 'd', 'up'));
    const e = await loadError(loadChart(dir));
    expect(['LIMIT_DEPTH', 'LIMIT_FILE_COUNT']).toContain(e.code);
  });

  test('an in-memory path escaping the chart', async () => {
    const e = await loadError(loadCore({ 'Chart.yaml': chartYaml('c'), '../x': 'x' }));
    expect(e.code).toBe('UNSAFE_PATH');
  });
});
