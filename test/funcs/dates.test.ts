import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import { sprint } from '../../src/util/go/fmt.js';
import { typeName } from '../../src/util/go/value.js';
import { describeCaseTable } from '../helpers/case-table.js';

describeCaseTable('dates functions (oracle table)', new URL('./cases/dates.json', import.meta.url));

describe('time values by shape', () => {
  const f = createFuncMap({ compat: 'helm3' });
  it('now prints as Go’s Time.String() with a monotonic reading', () => {
    const s = sprint([f.now!.call()]);
    expect(s).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})? [-+]\d{4} [A-Z0-9+-]+ m=\+\d+\.\d{9}$/,
    );
    expect(typeName(f.now!.call())).toBe('time.Time');
  });
  it('now is the current time', () => {
    const epoch = Number(f.unixEpoch!.call(f.now!.call()));
    expect(Math.abs(epoch - Date.now() / 1000)).toBeLessThan(5);
  });
  it('ago and durationRound of a past time', () => {
    const past = f.toDate!.call('2006', '2000');
    expect(String(f.ago!.call(past))).toMatch(/^\d+h\d+m\d+s$/);
    expect(String(f.durationRound!.call(past))).toMatch(/^\d+y$/);
  });
});
