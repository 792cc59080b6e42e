import { expect } from '@open-wc/testing';
import { annotationOf } from '../test-support/formats-helpers.js';
import { readPack, readStoredAnnotation, readStoredDocument } from './record-reader.js';

/** Invented copy; nothing here is real reporting. */
const TEXT = 'The river authority opened the northern sluice on Tuesday, a spokeswoman said.';

describe('record-reader', () => {
  describe('readStoredDocument', () => {
    it('gives defaults for what the editor can do without', () => {
      const read = readStoredDocument(
        {
          id: 'doc-1',
          text: TEXT,
          content: { type: 'doc' },
          created: '2024-05-01T12:00:00+02:00',
          rejectedSuggestions: ['s1', 7],
        },
        'doc-1',
      );
      expect(read.ok).to.equal(true);
      if (!read.ok) return;
      expect(read.value).to.deep.include({
        id: 'doc-1',
        title: '',
        text: TEXT,
        revision: 0,
        rejectedSuggestions: ['s1'],
      });
      expect(read.value.created, 'times are stored in one spelling, UTC').to.equal('2024-05-01T10:00:00.000Z');
      expect(read.value.modified, 'a missing modified time falls back to created').to.equal('2024-05-01T10:00:00.000Z');
    });

    it('rejects a record without its text, or stored under another id', () => {
      const missingText = readStoredDocument({ id: 'doc-1', title: 'Sluice', content: { type: 'doc' } }, 'doc-1');
      expect(missingText.ok).to.equal(false);
      if (!missingText.ok) expect(missingText.problems.join(' ')).to.contain('text');

      const moved = readStoredDocument({ id: 'doc-2', text: TEXT, content: { type: 'doc' } }, 'doc-1');
      expect(moved.ok).to.equal(false);
      if (!moved.ok) expect(moved.problems.join(' ')).to.contain('doc-1');

      expect(readStoredDocument('a string', 'doc-1').ok).to.equal(false);
    });
  });

  describe('readStoredAnnotation', () => {
    const annotation = annotationOf(TEXT, 'The river authority opened the northern sluice on Tuesday', {
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T10:00:00.000Z',
    });

    it('normalises per-part change times to UTC and drops unreadable ones', () => {
      const read = readStoredAnnotation(
        {
          ...annotation,
          documentId: 'doc-1',
          seq: 3,
          fieldTimes: { note: '2024-05-01T12:30:00+02:00', tag: 'yesterday' },
        },
        'doc-1',
      );
      expect(read.ok).to.equal(true);
      if (!read.ok) return;
      expect(read.value.fieldTimes).to.deep.equal({ note: '2024-05-01T10:30:00.000Z' });
      expect(read.value.seq).to.equal(3);
    });

    it('rejects a record of another document', () => {
      expect(readStoredAnnotation({ ...annotation, documentId: 'doc-2' }, 'doc-1').ok).to.equal(false);
    });

    it('reads a pack only whole', () => {
      const good = { ...annotation, documentId: 'doc-1' };
      expect(readPack({ documentId: 'doc-1', seq: 2, annotations: [good] }, 'doc-1').ok).to.equal(true);
      expect(readPack({ documentId: 'doc-1', seq: 2, annotations: [good, { id: 'broken' }] }, 'doc-1').ok).to.equal(
        false,
      );
    });
  });
});
