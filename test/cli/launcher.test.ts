import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runHelm, runHelmkit } from '../archive/helm.js';

// The shipped launcher (bin/helmkit.js → bin/cli-loader.js → dist/cli.bundle.cjs with its V8 code cache), run as
// users run it. `npm ci` builds dist/ through `prepare`.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-launcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const helmkit = (args: string[], cwd = tmp) => runHelmkit(args, cwd);

describe('bin/helmkit.js', () => {
  it("renders include recursion as deep as Helm allows (1000) and fails past it with Helm's error", async () => {
    const chart = path.join(tmp, 'deep');
    mkdirSync(path.join(chart, 'templates'), { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: deep\nversion: 0.1.0\n');
    writeFileSync(
      path.join(chart, 'templates', 't.yaml'),
      '{{- define "r" }}{{ if gt . 0 }}{{ include "r" (sub . 1) }}{{ end }}{{ end -}}\na: {{ include "r" (int .Values.n) | quote }}\n',
    );
    for (const helm of ['helm3', 'helm4'] as const) {
      for (const n of [1000, 1001]) {
        const args = ['template', 'rel', chart, '--set', `n=${n}`];
        const theirs = await runHelm(helm, args, tmp);
        const mine = await helmkit(['--compat', helm, ...args]);
        expect({ helm, n, ...mine }).toEqual({ helm, n, ...theirs });
      }
    }
  }, 120000);

  it('loads the bundle through a code cache that V8 accepts', () => {
    expect(existsSync(path.join(repoRoot, 'dist/cli.bundle.cjs'))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'dist/cli.bundle.cache'))).toBe(true);
    const probe = `import { loadCli } from ${JSON.stringify(path.join(repoRoot, 'bin/cli-loader.js'))};
const { script } = await loadCli();
process.stdout.write(String(script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })).toBe(
      'false',
    );
  });

  it('renders the example chart exactly as helm template does', async () => {
    const chart = path.join(repoRoot, 'examples/mychart');
    const mine = await helmkit(['template', 'demo', chart]);
    const theirs = await runHelm('helm3', ['template', 'demo', chart], tmp);
    expect(mine).toEqual({ exit: 0, stdout: theirs.stdout, stderr: theirs.stderr });
  });

  it('signs with package --sign and checks with verify (openpgp is loaded lazily from the bundle)', async () => {
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Launcher Test', email: 'launcher@example.com' }],
      format: 'binary',
    });
    const key = await openpgp.readPrivateKey({ binaryKey: privateKey });
    writeFileSync(path.join(tmp, 'secring.gpg'), privateKey);
    writeFileSync(path.join(tmp, 'pubring.gpg'), key.toPublic().write() as Uint8Array);
    const chart = path.join(repoRoot, 'examples/mychart');
    const packed = await helmkit([
      'package',
      chart,
      '--sign',
      '--key',
      'Launcher Test',
      '--keyring',
      'secring.gpg',
      '-d',
      tmp,
    ]);
    expect(packed.stderr).toBe('');
    expect(packed.exit).toBe(0);
    const verified = await helmkit([
      'verify',
      path.join(tmp, 'mychart-0.1.0.tgz'),
      '--keyring',
      'pubring.gpg',
    ]);
    expect(verified.exit).toBe(0);
    expect(verified.stdout).toContain('Signed by: Launcher Test <launcher@example.com>');
  }, 60000);
});
