import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('random functions (oracle table)', new URL('./cases/random.json', import.meta.url));

describe('random functions by shape', () => {
  const f = createFuncMap({ compat: 'helm3' });
  it('uses the whole alphabet over many draws', () => {
    const s = String(f.randAlphaNum!.call(5000n));
    expect(new Set(s).size).toBe(62);
    expect(String(f.randAscii!.call(5000n))).toMatch(/^[ -~]{5000}$/);
    expect(new Set(String(f.randAscii!.call(5000n))).size).toBe(95);
  });
  it('randInt stays in [min, max)', () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 500; i++) {
      const r = f.randInt!.call(-2n, 3n) as bigint;
      expect(r >= -2n && r < 3n).toBe(true);
      seen.add(r);
    }
    expect(seen.size).toBe(5);
  });
  it('uuidv4 values are distinct version-4 UUIDs', () => {
    const a = String(f.uuidv4!.call());
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(f.uuidv4!.call()).not.toBe(a);
  });
  it('shuffle permutes runes', () => {
    const s = String(f.shuffle!.call('日本語abc'));
    expect([...s].sort()).toEqual([...'日本語abc'].sort());
  });
});
