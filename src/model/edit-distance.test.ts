import { expect } from '@open-wc/testing';
import { editDistance, similarity } from './edit-distance.js';

/** The textbook table, cell by cell: what the fast paths must agree with. */
function tableDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).to.equal(3);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(editDistance('said.', 'said.')).to.equal(0);
    expect(similarity('agency said', 'agency says')).to.be.closeTo(1 - 2 / 11, 1e-9);
  });

  it('agrees with the full table around the 32-unit word size, with curly quotes and emoji', () => {
    // A fixed pseudo-random walk, so a failure names the same strings every run.
    let state = 7;
    const next = (n: number) => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % n;
    const alphabet = ['a', 'b', 'c', ' ', '“', '”', '😀', '.'];
    const make = (length: number) => Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const a = make(20 + next(20));
      const b = make(next(50));
      expect(editDistance(a, b), `${a} / ${b}`).to.equal(tableDistance(a, b));
      expect(editDistance(b, a), `${b} / ${a}`).to.equal(tableDistance(a, b));
    }
  });
});
