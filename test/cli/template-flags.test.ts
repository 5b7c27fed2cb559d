import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runHelm, runHelmkit } from '../archive/helm.js';

// `helmkit template` flags that write files or run programs, compared with the real Helm in the same run.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'helmkit-template-flags-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const helmkit = (args: string[]) => runHelmkit(args);

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const CASES: Array<{ id: string; flags: string[]; writes: boolean; noName?: boolean }> = [
  {
    id: 'name-template',
    flags: ['--name-template', 'x-{{ "Y" | lower }}-{{ add 1 2 }}'],
    writes: false,
    noName: true,
  },
  { id: 'name-template-missing', flags: ['--name-template', '{{ .Foo }}'], writes: false, noName: true },
  { id: 'name-template-parse-error', flags: ['--name-template', '{{ bad'], writes: false, noName: true },
  { id: 'name-template-and-name', flags: ['--name-template', 'z'], writes: false },
  { id: 'generate-name', flags: ['--generate-name', '--skip-tests'], writes: false, noName: true },
  { id: 'output-dir', flags: ['--output-dir', 'OUT', '--include-crds'], writes: true },
  {
    id: 'output-dir-release-name',
    flags: ['--output-dir', 'OUT', '--release-name', '--skip-tests'],
    writes: true,
  },
  { id: 'post-renderer', flags: ['--post-renderer', '/bin/cat'], writes: false },
];

describe('helmkit template flags against helm', () => {
  for (const helm of ['helm3', 'helm4'] as const) {
    for (const c of CASES) {
      it(`${helm} ${c.id}`, async () => {
        const run = (who: string) =>
          c.flags.map((f) => (f === 'OUT' ? path.join(tmp, `${helm}-${c.id}-${who}`) : f));
        const base = c.noName
          ? ['template', 'fixtures/charts/umbrella']
          : ['template', 'demo', 'fixtures/charts/umbrella'];
        const theirs = await runHelm(helm, [...base, ...run('helm')], repoRoot);
        const mine = await helmkit([
          ...base,
          ...run('helmkit'),
          ...(helm === 'helm4' ? ['--compat', 'helm4'] : []),
        ]);
        const norm = (s: string, who: string) =>
          s.split(path.join(tmp, `${helm}-${c.id}-${who}`)).join('OUT');
        expect({ exit: mine.exit, stdout: norm(mine.stdout, 'helmkit'), stderr: mine.stderr }).toEqual({
          exit: theirs.exit,
          stdout: norm(theirs.stdout, 'helm'),
          stderr: theirs.stderr,
        });
        if (c.writes) {
          expect(tree(path.join(tmp, `${helm}-${c.id}-helmkit`))).toEqual(
            tree(path.join(tmp, `${helm}-${c.id}-helm`)),
          );
        }
      });
    }
  }
});
