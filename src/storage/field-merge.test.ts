import { expect } from '@open-wc/testing';
import { annotationOf } from '../test-support/formats-helpers.js';
import type { StoredAnnotation } from './db-schema.js';
import { mergeByField, stampsOf, withFieldTimes } from './field-merge.js';

/** Invented wire copy; nothing here is real reporting. */
const TEXT = 'The port authority said exports doubled. A shipping analyst doubted the figure.';
const T0 = '2024-06-01T10:00:00.000Z';
const T1 = '2024-06-01T10:00:01.000Z';
const T2 = '2024-06-01T10:00:02.000Z';

const base: StoredAnnotation = {
  ...annotationOf(TEXT, 'The port authority said exports doubled.', {
    tag: 'reported-fact',
    created: T0,
    modified: T0,
  }),
  documentId: 'port',
};

/** A tab's change to `base`: its fields at time `at`, stamped against what the tab last knew. */
function changed(fields: Partial<StoredAnnotation>, at: string, known = base): StoredAnnotation {
  return withFieldTimes({ ...known, ...fields, modified: at }, stampsOf(known));
}

describe('mergeByField', () => {
  it('keeps both tabs’ changes to different parts, whichever is written first', () => {
    const note = changed({ note: 'Check the customs data.' }, T1);
    const tag = changed({ tag: 'state-media-claim' }, T1);
    for (const [first, second] of [
      [note, tag],
      [tag, note],
    ]) {
      const merged = mergeByField(first, second);
      expect(merged).to.include({ note: 'Check the customs data.', tag: 'state-media-claim', modified: T1 });
    }
  });

  it('takes the later change of the same part, and the merge of a merge stays put', () => {
    const earlier = changed({ note: 'First reading.' }, T1);
    const later = changed({ note: 'Second reading.', verdict: 'False' }, T2);
    expect(mergeByField(later, earlier)).to.equal(later);
    expect(mergeByField(earlier, later)).to.equal(later);
  });

  it('breaks a tie in the same instant the same way in every tab', () => {
    const a = changed({ note: 'Alpha' }, T1);
    const b = changed({ note: 'Bravo' }, T1);
    expect(mergeByField(a, b).note).to.equal(mergeByField(b, a).note);
  });

  it('judges records without part times (written before them) by `modified`, as before', () => {
    const stored = { ...base, note: 'edited in another tab', modified: T2 };
    const stale = { ...base, note: 'stale edit', modified: T1 };
    expect(mergeByField(stored, stale)).to.equal(stored);
    expect(mergeByField(stale, stored)).to.equal(stored);
  });

  it('a change that did not touch `modified` (re-anchoring on load) is timed now, and wins over what it replaced', () => {
    const reanchored = withFieldTimes(
      { ...base, start: base.start + 1, end: base.end + 1, status: 'reanchored' },
      stampsOf(base),
      T2,
    );
    expect(reanchored.fieldTimes).to.deep.equal({ range: T2 });
    expect(mergeByField(base, reanchored)).to.equal(reanchored);
  });
});
