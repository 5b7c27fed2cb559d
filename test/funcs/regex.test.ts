import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('regex functions (oracle table)', new URL('./cases/regex.json', import.meta.url));

describe('regex safety', () => {
  const f = createFuncMap({ compat: 'helm3' });
  it('answers a catastrophic-backtracking pattern in linear time (< 100 ms)', () => {
    const input = `${'a'.repeat(30)}b`;
    f.regexMatch!.call('^x$', 'x'); // warm-up: module and engine initialisation are not the point
    const t0 = performance.now();
    expect(f.regexMatch!.call('^(a+)+$', input)).toBe(false);
    expect(f.mustRegexMatch!.call('^(a|aa)*c$', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(100);
  });
  it('rejects lookbehind as Go does', () => {
    expect(() => f.mustRegexMatch!.call('(?<=a)b', 'ab')).toThrow(/invalid named capture/);
  });
});
