import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goYamlKeyLess, goYamlKeyLessRunes } from '../../src/util/go/yaml-emit-sort.js';

describe('go-yaml key order: the allocation-free ASCII path equals the rune-based one', () => {
  const alphabet = ['a', 'b', 'Z', '0', '1', '9', '-', '_', '.', ' ', 'é', '\u0663', '😀'];
  const key = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((cs) => cs.join(''));
  const longDigits = fc.stringMatching(/^[a0-9]{0,3}[0-9]{10,22}[a-]?$/);
  it('on random keys, yaml.v2 and yaml.v3 orders', () => {
    fc.assert(
      fc.property(fc.oneof(key, longDigits), fc.oneof(key, longDigits), fc.boolean(), (a, b, v3) => {
        expect(goYamlKeyLess(a, b, v3)).toBe(goYamlKeyLessRunes(a, b, v3));
      }),
      { numRuns: 20000 },
    );
  });
});
