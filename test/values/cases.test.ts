import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Case, runCase } from './harness.js';

const dir = path.join(import.meta.dirname, 'cases');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const table = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Case[];
  describe(file, () => {
    for (const compat of ['helm3', 'helm4'] as const) {
      test.each(table.map((c) => [c.id, c] as const))(`${compat} %s`, (_id, c) => {
        expect(runCase(c, compat)).toEqual(c[compat]);
      });
    }
  });
}
