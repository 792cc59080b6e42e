import { expect } from '@open-wc/testing';
import type { AnnotationRecord } from './annotation-record.js';
import { RecordMap } from './record-map.js';

function record(id: string, from: number, to = from + 10): AnnotationRecord {
  return {
    id,
    from,
    to,
    tag: 'reported-fact',
    status: 'anchored',
    quote: '',
    prefix: '',
    suffix: '',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

/** Every way of reading `map` gives `expected`. */
function expectHolds(map: RecordMap, expected: ReadonlyMap<string, AnnotationRecord>) {
  const positions = (entries: Iterable<AnnotationRecord>) =>
    [...entries].map((r) => `${r.id}:${r.from}-${r.to}`).sort();
  expect(map.size, 'size').to.equal(expected.size);
  expect(positions(map.values()), 'values').to.deep.equal(positions(expected.values()));
  expect([...map.keys()].sort(), 'keys').to.deep.equal([...expected.keys()].sort());
  expect(
    [...map.entries()].every(([id, r]) => r.id === id),
    'entries',
  ).to.equal(true);
  for (const [id, r] of expected) {
    expect(map.has(id), `has ${id}`).to.equal(true);
    expect(map.get(id), `get ${id}`).to.include({ from: r.from, to: r.to });
  }
}

describe('RecordMap', () => {
  it('moves the records after a shift when they are read, and leaves the map it came from as it was', () => {
    const before = RecordMap.from([record('a', 5), record('b', 20), record('c', 40)]);
    const after = before.shifted({ after: 20, delta: 3 });
    expect(after.get('a')).to.include({ from: 5, to: 15 });
    expect(after.get('b'), 'starts at the change: not moved').to.include({ from: 20, to: 30 });
    expect(after.get('c')).to.include({ from: 43, to: 53 });
    expect(before.get('c')).to.include({ from: 40, to: 50 });
    expect(after.get('a'), 'an unmoved record is the same object').to.equal(before.get('a'));
  });

  it('keeps records written after a shift at their own positions, moved only by later shifts', () => {
    const map = RecordMap.from([record('a', 5), record('b', 40)])
      .shifted({ after: 10, delta: 2 })
      .with(
        new Map([
          ['n', record('n', 30)],
          ['a', null],
        ]),
      )
      .shifted({ after: 20, delta: -4 });
    expectHolds(
      map,
      new Map([
        ['b', record('b', 38)],
        ['n', record('n', 26)],
      ]),
    );
  });

  it('reads the same as a map rewritten after every change, through many shifts, sets and deletions', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let map = RecordMap.from([]);
    let expected = new Map<string, AnnotationRecord>();
    for (let i = 0; i < 300; i++) {
      const r = record(`r${i}`, random(5000));
      map = map.with(new Map([[r.id, r]]));
      expected.set(r.id, r);
    }
    // Enough shifts and writes to rewrite the map several times over.
    for (let step = 0; step < 1500; step++) {
      const choice = random(10);
      if (choice < 6) {
        const shift = { after: random(6000), delta: random(9) - 4 };
        map = map.shifted(shift);
        expected = new Map(
          [...expected].map(([id, r]) => [
            id,
            r.from > shift.after ? { ...r, from: r.from + shift.delta, to: r.to + shift.delta } : r,
          ]),
        );
      } else if (choice < 9) {
        const r = record(`r${random(400)}`, random(5000));
        map = map.with(new Map([[r.id, r]]));
        expected.set(r.id, r);
      } else {
        const id = `r${random(400)}`;
        map = map.with(new Map([[id, null]]));
        expected.delete(id);
      }
      if (step % 50 === 0) expectHolds(map, expected);
    }
    expectHolds(map, expected);
  });
});
