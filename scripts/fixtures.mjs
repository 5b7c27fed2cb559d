// npm run fixtures — regenerates fixtures/golden/<helm>/<id>.{out,err,exit} for every case of fixtures/cases.json
// by running the real Helm (../shared/oracle/install-helm). Goldens are never edited by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = execFileSync(path.join(root, '../shared/oracle/install-helm'), { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();
const cases = JSON.parse(readFileSync(path.join(root, 'fixtures/cases.json'), 'utf8'));
const home = mkdtempSync(path.join(os.tmpdir(), 'helmkit-fixtures-'));
const env = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LANG: 'C.UTF-8',
  HOME: home,
  HELM_CACHE_HOME: path.join(home, 'cache'),
  HELM_CONFIG_HOME: path.join(home, 'config'),
  HELM_DATA_HOME: path.join(home, 'data'),
};
try {
  for (const helm of ['helm3', 'helm4']) {
    const dir = path.join(root, 'fixtures/golden', helm);
    mkdirSync(dir, { recursive: true });
    for (const c of cases) {
      const args = ['template', c.release, c.chart, '--namespace', c.namespace];
      for (const v of c.values ?? []) args.push('-f', v);
      for (const s of c.set ?? []) args.push('--set', s);
      args.push(...(c.flags ?? []));
      const r = spawnSync(path.join(bin, helm), args, { cwd: root, env, encoding: 'utf8' });
      writeFileSync(path.join(dir, `${c.id}.out`), r.stdout);
      writeFileSync(path.join(dir, `${c.id}.err`), r.stderr);
      writeFileSync(path.join(dir, `${c.id}.exit`), `${r.status}\n`);
      console.log(`${helm} ${c.id}: exit ${r.status}`);
    }
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
