import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { registerPackage } from '../../src/cli/commands/package.js';
import { corpusRoot, runHelm } from './helm.js';

async function cli(args: string[]): Promise<string> {
  let out = '';
  const program = new Command('helmkit').exitOverride();
  registerPackage(program, {
    stdout: (t) => void (out += t),
    stderr: () => undefined,
    compat: () => 'helm3',
  });
  await program.parseAsync(args, { from: 'user' });
  return out;
}

describe('helmkit package / unpackage commands', () => {
  test('package prints what helm package prints; unpackage restores the chart files', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'helmkit-h8-cli-'));
    const chart = path.join(corpusRoot, 'charts/bitnami/nginx');
    const h = await runHelm(
      'helm3',
      ['package', chart, '-d', path.join(work, 'h'), '--version', '1.2.3'],
      work,
    );
    const out = await cli(['package', chart, '-d', path.join(work, 'k'), '--version', '1.2.3']);
    expect(out).toBe(h.stdout.split(path.join(work, 'h')).join(path.join(work, 'k')));
    const tgz = path.join(work, 'k', 'nginx-1.2.3.tgz');
    const un = await cli(['unpackage', tgz, '-d', path.join(work, 'x')]);
    expect(un).toBe(`Successfully extracted chart to: ${path.join(work, 'x', 'nginx')}\n`);
    // The extracted values.yaml is the chart's own, byte for byte; Chart.yaml is the re-marshalled one.
    expect(readFileSync(path.join(work, 'x/nginx/values.yaml'))).toEqual(
      readFileSync(path.join(chart, 'values.yaml')),
    );
    expect(readFileSync(path.join(work, 'x/nginx/Chart.yaml'), 'utf8')).toContain('version: 1.2.3');
    expect(readdirSync(path.join(work, 'x/nginx/templates')).length).toBe(
      readdirSync(path.join(chart, 'templates')).length,
    );
    // Unpacking again refuses to overwrite.
    await expect(cli(['unpackage', tgz, '-d', path.join(work, 'x')])).rejects.toMatchObject({
      code: 'DESTINATION_EXISTS',
    });
  });
});
