import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ChartLoadError } from '../../src/chart/errors.js';
import { unpackageFile } from '../../src/node/archive-fs.js';
import { repoRoot } from './helm.js';

// Fixtures from scripts/gen/archive-hostile.mjs. Each must fail with a typed error and write nothing.
const fixtures: Array<[string, string]> = [
  ['bomb.tgz', 'LIMIT_ARCHIVE_SIZE'],
  ['traversal.tgz', 'UNSAFE_PATH'],
  ['absolute.tgz', 'UNSAFE_PATH'],
  ['symlink.tgz', 'UNSAFE_SYMLINK'],
  ['nested-bomb.tgz', 'LIMIT_ARCHIVE_SIZE'],
];

describe('hostile archives', () => {
  for (const [file, code] of fixtures) {
    test(`${file} → ${code}, nothing written`, async () => {
      const parent = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-hostile-'));
      const dest = path.join(parent, 'out');
      const err = await unpackageFile(path.join(repoRoot, 'fixtures/archive', file), dest).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ChartLoadError);
      expect((err as ChartLoadError).code).toBe(code);
      expect(existsSync(dest) ? readdirSync(dest) : []).toEqual([]);
      expect(readdirSync(parent).filter((n) => n !== 'out')).toEqual([]);
      expect(existsSync(path.join(parent, 'evil.txt'))).toBe(false);
    });
  }

  test('the shared budget is what stops the nested bomb (each nested archive alone fits)', async () => {
    const dest = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-nested-'));
    const ok = await unpackageFile(path.join(repoRoot, 'fixtures/archive/nested-bomb.tgz'), dest, {
      limits: { maxTotalSize: 400 * 1024 * 1024 },
    });
    expect(readdirSync(path.join(ok, 'charts')).sort()).toEqual(['a.tgz', 'b.tgz', 'c.tgz']);
  });
});
