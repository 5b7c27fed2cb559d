import { describe, expect, it } from 'vitest';
import { GoNumber, kindOf, newMap, truth, typeName } from '../../src/util/go/value.js';

describe('Go value model', () => {
  it('keeps int and float64 apart', () => {
    expect(typeName(1n)).toBe('int');
    expect(typeName(1)).toBe('float64');
    expect(typeName(new GoNumber('int64', 3n))).toBe('int64');
    expect(kindOf([])).toBe('slice');
  });
  it('treats __proto__ as a plain key', () => {
    const m = newMap();
    // biome-ignore lint/suspicious/noProto: the point of the test is that __proto__ is a plain key.
    m['__proto__'] = 'x';
    expect(Object.keys(m)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it('has Go truthiness', () => {
    expect(truth(0n)).toBe(false);
    expect(truth(newMap())).toBe(false);
    expect(truth([0n])).toBe(true);
  });
});
