import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

const example = path.resolve(import.meta.dirname, '../../examples/mychart');

describe('helmkit CLI', () => {
  test('version', async () => {
    expect(await run(['version'])).toEqual({ code: 0, out: `helmkit v${VERSION}\n`, err: '' });
  });
  test('show chart of the example chart', async () => {
    const r = await run(['show', 'chart', example]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('name: mychart\n');
  });
  // Messages below are cobra's wording as the real helm prints it, with the program name helmkit.
  test('unknown command', async () => {
    expect(await run(['foo'])).toEqual({
      code: 1,
      out: '',
      err: 'Error: unknown command "foo" for "helmkit"\nRun \'helmkit --help\' for usage.\n',
    });
  });
  test('unknown flag', async () => {
    expect(await run(['show', 'chart', '--foo', example])).toEqual({
      code: 1,
      out: '',
      err: 'Error: unknown flag: --foo\n',
    });
  });
  test('missing argument', async () => {
    expect(await run(['show', 'chart'])).toEqual({
      code: 1,
      out: '',
      err: 'Error: "helmkit show chart" requires 1 argument\n\nUsage:  helmkit show chart [CHART] [flags]\n',
    });
  });
  test('missing chart paths', async () => {
    expect((await run(['show', 'chart', './nonexist'])).err).toBe('Error: path "./nonexist" not found\n');
    expect((await run(['show', 'chart', 'nonexist'])).err).toBe(
      'Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nonexist\n',
    );
    expect((await run(['show', 'chart', 'a/b'])).err).toBe('Error: repo a not found\n');
  });
  test('--compat helm4 switches behaviour', async () => {
    const r = await run(['--compat', 'helm4', 'show', 'crds', example]);
    expect(r.code).toBe(0);
  });
});
