import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitManifests } from '../../src/render/manifests.js';
import { goTrimSpace } from '../../src/util/go/strings.js';

// Helm's releaseutil.SplitManifests uses this Go regexp; JS's engine gives the same leftmost matches for it
// (ASCII \s written out), only slower. The hand-written scanner must agree on every input.
const HELM_SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;
function reference(text: string): string[] {
  return goTrimSpace(text)
    .split(HELM_SEP)
    .filter((d) => d !== '')
    .map(goTrimSpace);
}

describe('splitManifests', () => {
  it('splits like Helm on documents, separators, blank runs and dash runs', () => {
    for (const t of [
      'a: 1\n---\nb: 2',
      '---\na\n---\n---\nb\n',
      'a\n ---\nb',
      'a\n----\nb',
      'x---y\n---z',
      '\n\n---\n\n',
    ]) {
      expect(splitManifests(t)).toEqual(reference(t));
    }
  });
  it('agrees with the regex on random inputs', () => {
    const alphabet = fc.constantFrom('-', '-', '-', '\n', ' ', '\t', 'a', ':', '\r');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const t = chars.join('');
        expect(splitManifests(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });
});
