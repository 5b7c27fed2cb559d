import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageChart } from '../../src/archive/package.js';
import { packageDirectory } from '../../src/node/archive-fs.js';
import { loadChart } from '../../src/node/load.js';
import { corpusRoot } from './helm.js';

function touchAll(dir: string, when: Date): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) touchAll(p, when);
    utimesSync(p, when, when);
  }
}

describe('reproducible archives', () => {
  test('same chart, different mtimes and locations → same bytes', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-repro-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-repro-b-'));
    const src = path.join(corpusRoot, 'charts/bitnami/wordpress');
    cpSync(src, path.join(a, 'wordpress'), { recursive: true });
    cpSync(src, path.join(b, 'wordpress'), { recursive: true });
    touchAll(path.join(a, 'wordpress'), new Date('2001-02-03T04:05:06Z'));
    touchAll(path.join(b, 'wordpress'), new Date('2024-09-10T11:12:13Z'));
    expect(statSync(path.join(a, 'wordpress/Chart.yaml')).mtimeMs).not.toBe(
      statSync(path.join(b, 'wordpress/Chart.yaml')).mtimeMs,
    );
    const ra = await packageDirectory(path.join(a, 'wordpress'), { destination: path.join(a, 'out') });
    const rb = await packageDirectory(path.join(b, 'wordpress'), { destination: path.join(b, 'out') });
    expect(readFileSync(ra.path).equals(readFileSync(rb.path))).toBe(true);
    expect(ra.digest).toBe(rb.digest);
    // And packing twice in one process, with the web CompressionStream path, gives the same bytes as zlib.
    const chart = await loadChart(path.join(a, 'wordpress'));
    const web1 = await packageChart(chart);
    const web2 = await packageChart(chart);
    expect(Buffer.from(web1.data).equals(Buffer.from(web2.data))).toBe(true);
    expect(Buffer.from(web1.data).equals(readFileSync(ra.path))).toBe(true);
  });

  test('SOURCE_DATE_EPOCH sets the entry mtime', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-sde-'));
    const prev = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const r = await packageDirectory(path.join(corpusRoot, 'charts/bitnami/nginx'), { destination: dir });
      const { gunzipSync } = await import('node:zlib');
      const tar = gunzipSync(readFileSync(r.path));
      expect(Number.parseInt(tar.subarray(136, 147).toString('latin1'), 8)).toBe(1700000000);
    } finally {
      if (prev === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = prev;
    }
  });
});
