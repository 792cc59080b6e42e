import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { ImportReport } from '../../editor/import-annotations.js';
import { MAX_IMPORT_BYTES } from '../../formats/format.js';
import type { ExportFormat } from '../../formats/registry.js';
import type { Annotation } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { focusEditor, marksOf, proseMirror, shadowOf } from '../../test-support/editor-helpers.js';
import { w3cModelErrors } from '../../test-support/w3c-model-schema.js';
import {
  ANALYST,
  collectEvents,
  CROSSINGS,
  NO_COMMENT,
  STATE_CLAIM,
  THIRD,
  WIRE_ARTICLE_HTML,
  WIRE_ARTICLE_TEXT,
  WIRE_HEADLINE,
  w3cAnnotation,
  w3cPage,
  type ClaimErrorDetail,
} from '../../test-support/formats-helpers.js';
import { pressKeys } from '../../test-support/keys.js';
import type { ClaimEditor } from './claim-editor.component.js';

type Json = Record<string, unknown>;

const ANNOTATOR = 'Desk reviewer';

async function articleEditor(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    `<claim-editor annotator="${ANNOTATOR}">${WIRE_ARTICLE_HTML}</claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

async function emptyEditor(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
  await editor.updateComplete;
  return editor;
}

/** An annotated article: overlapping, cross-block and fully described annotations. */
async function annotatedEditor(): Promise<ClaimEditor> {
  const editor = await articleEditor();
  const claim = editor.addAnnotation({
    tag: 'state-media-claim',
    quote: STATE_CLAIM,
    source: 'State broadcaster',
    note: 'Aired twice.',
  });
  editor.updateAnnotation(claim.id, { verdict: 'Unproven' });
  editor.addAnnotation({ tag: 'analyst-opinion', quote: 'twice its old tonnage by autumn. Engineers' });
  const crossStart = WIRE_ARTICLE_TEXT.indexOf('declined to comment.');
  editor.addAnnotation({
    tag: 'reported-fact',
    start: crossStart,
    end: WIRE_ARTICLE_TEXT.indexOf(' at the Meridian'),
    note: 'Two paragraphs.',
  });
  editor.addAnnotation({ tag: 'reported-fact', quote: CROSSINGS, source: 'Barge operators’ association' });
  await editor.updateComplete;
  return editor;
}

function toolbarButton(editor: ClaimEditor, label: string): HTMLButtonElement {
  const button = [...shadowOf(editor).querySelectorAll<HTMLButtonElement>('[part~="toolbar"] button')].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!button) throw new Error(`No toolbar button "${label}".`);
  return button;
}

/** The native file of `editor` with every annotation's tag replaced. */
function nativeWithTag(editor: ClaimEditor, tag: string, taxonomyEntry?: Json): string {
  const file = JSON.parse(editor.exportAs('json')) as Json & { annotations: Json[]; taxonomy: Json[] };
  file.annotations = file.annotations.map((a) => ({ ...a, tag }));
  if (taxonomyEntry) file.taxonomy = [...file.taxonomy, taxonomyEntry];
  return JSON.stringify(file);
}

describe('<claim-editor> exportAs / importAnnotations', () => {
  describe('native JSON round trip', () => {
    it('restores the article text, structure, title and every annotation exactly into an empty editor', async () => {
      const source = await annotatedEditor();
      const exported = source.exportAs('json');
      const target = await emptyEditor();
      expect(target.text).to.equal('');

      const report = await target.importAnnotations(exported);
      expect(report).to.deep.equal({ added: 4, updated: 0, reanchored: 0, orphaned: 0, errors: [] });
      expect(target.text).to.equal(source.text);
      expect(target.documentTitle).to.equal(source.documentTitle);
      expect(target.annotations).to.deep.equal(source.annotations);
      await target.updateComplete;
      const dom = proseMirror(target);
      expect(dom.querySelector('h2')?.textContent).to.equal(WIRE_HEADLINE);
      expect(dom.querySelector('em')?.textContent).to.equal('Tarnow canal');
      expect(dom.querySelector('a')?.getAttribute('href')).to.equal('https://example.org/meridian');
      expect(dom.querySelector('blockquote')).to.not.equal(null);
      expect(dom.querySelectorAll('ul > li')).to.have.length(2);
      for (const annotation of target.annotations)
        expect(marksOf(target, annotation.id).length, annotation.id).to.be.greaterThan(0);
    });

    it('restores into an editor emptied with loadArticle({text: ""}), and accepts the file as an object', async () => {
      const source = await annotatedEditor();
      const target = await articleEditor();
      await target.loadArticle({ text: '' });
      const report = await target.importAnnotations(JSON.parse(source.exportAs('json')) as object);
      expect(report.errors).to.deep.equal([]);
      expect(target.text).to.equal(source.text);
      expect(target.annotations).to.deep.equal(source.annotations);
    });

    it('restores re-anchored ("needs review") and orphaned annotations with their status', async () => {
      const source = await articleEditor();
      const stale = { start: 0, end: ANALYST.length };
      const report = await source.importAnnotations(
        w3cPage(
          w3cAnnotation('https://notes.example.org/1', 'Analyst opinion', ANALYST, stale),
          w3cAnnotation('https://notes.example.org/2', 'Reported fact', 'A sentence the desk cut before publication.', {
            start: 4,
            end: 47,
          }),
        ),
      );
      expect(report).to.include({ added: 2, reanchored: 1, orphaned: 1 });
      expect(source.annotations.map((a) => a.status).sort()).to.deep.equal(['orphaned', 'reanchored']);

      const target = await emptyEditor();
      await target.importAnnotations(source.exportAs('json'));
      expect(target.text).to.equal(source.text);
      expect(target.annotations).to.deep.equal(source.annotations);
    });

    it('importing the same file twice updates, never duplicates', async () => {
      const source = await annotatedEditor();
      const exported = source.exportAs('json');
      const target = await emptyEditor();
      await target.importAnnotations(exported);
      const second = await target.importAnnotations(exported);
      expect(second).to.include({ added: 0, updated: 4 });
      expect(second.errors).to.deep.equal([]);
      expect(target.annotations).to.deep.equal(source.annotations);
      expect(target.text).to.equal(source.text);
    });

    it('importing a file twice into an open article updates, never duplicates (W3C too)', async () => {
      const source = await annotatedEditor();
      const target = await articleEditor();
      for (const format of ['json', 'w3c'] as const) {
        const exported = source.exportAs(format);
        if (format === 'w3c') expect(w3cModelErrors(JSON.parse(exported))).to.deep.equal([]);
        await target.importAnnotations(exported);
        const again = await target.importAnnotations(exported);
        expect(again, format).to.include({ added: 0, updated: 4 });
        expect(target.annotations.map((a) => a.id).sort(), format).to.deep.equal(
          source.annotations.map((a) => a.id).sort(),
        );
      }
    });

    it('into an article that is open, anchors to that article and leaves its text alone', async () => {
      const source = await annotatedEditor();
      const target = await fixture<ClaimEditor>(
        `<claim-editor><p>Opening paragraph of another story.</p><p>${CROSSINGS} ${NO_COMMENT}</p></claim-editor>`,
      );
      await target.updateComplete;
      const before = target.text;
      const report = await target.importAnnotations(source.exportAs('json'));
      expect(target.text).to.equal(before);
      expect(report.errors).to.deep.equal([]);
      const byQuote = new Map(target.annotations.map((a) => [a.quote, a]));
      expect(byQuote.get(CROSSINGS)?.status).to.be.oneOf(['anchored', 'reanchored']);
      expect(target.text.slice(byQuote.get(CROSSINGS)!.start, byQuote.get(CROSSINGS)!.end)).to.equal(CROSSINGS);
      expect(target.annotations.filter((a) => a.status === 'orphaned').length).to.equal(report.orphaned);
      expect(target.annotations).to.have.length(4);
    });
  });

  describe('rejected imports change nothing', () => {
    async function expectRejected(editor: ClaimEditor, data: string | object, pattern: RegExp) {
      const annotations = editor.annotations;
      const text = editor.text;
      const events = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
      let report: ImportReport;
      try {
        report = await editor.importAnnotations(data);
      } finally {
        events.stop();
      }
      expect(report.errors.length, 'report.errors').to.be.greaterThan(0);
      expect(report.errors.join(' ')).to.match(pattern);
      expect(report).to.include({ added: 0, updated: 0 });
      expect(events.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
      expect(events.details[0].message)
        .to.be.a('string')
        .and.match(/import/i);
      expect(editor.annotations).to.deep.equal(annotations);
      expect(editor.text).to.equal(text);
    }

    let exported = '';
    let editor: ClaimEditor;

    beforeEach(async () => {
      editor = await annotatedEditor();
      exported = editor.exportAs('json');
    });

    it('malformed JSON', async () => {
      await expectRejected(editor, exported.slice(0, exported.length / 2), /JSON/);
    });

    it('a wrong shape', async () => {
      await expectRejected(
        editor,
        '{"format": "claim-provenance", "version": 1, "annotations": {"a": 1}}',
        /annotations/,
      );
      await expectRejected(editor, { title: 'not an annotation file' }, /Annotation/);
      await expectRejected(editor, '[1, 2, 3]', /\[0\]/);
      await expectRejected(editor, '"just text"', /annotation/i);
    });

    it('a file from a future version', async () => {
      await expectRejected(editor, JSON.stringify({ ...(JSON.parse(exported) as Json), version: 99 }), /version/);
    });

    it('an oversized file (over 20 MiB)', async () => {
      const oversized = `{"format":"claim-provenance","version":1,"annotations":[],"padding":"${'x'.repeat(MAX_IMPORT_BYTES + 16)}"}`;
      await expectRejected(editor, oversized, /too large|MiB/);
    });

    it('an object that cannot be written as JSON', async () => {
      const circular: Json = { format: 'claim-provenance' };
      circular.self = circular;
      await expectRejected(editor, circular, /JSON/);
    });

    it('unknown tags, naming them', async () => {
      await expectRejected(editor, nativeWithTag(editor, 'rumour-mill'), /rumour-mill/);
      await expectRejected(editor, w3cPage(w3cAnnotation('https://notes.example.org/9', 'Hearsay', THIRD)), /Hearsay/);
    });

    it('into an empty editor: a rejected native file does not restore its article', async () => {
      const empty = await emptyEditor();
      await expectRejected(empty, nativeWithTag(editor, 'rumour-mill'), /rumour-mill/);
      expect(empty.text).to.equal('');
      await expectRejected(
        empty,
        JSON.stringify({
          ...(JSON.parse(exported) as Json),
          annotations: [{ id: 'x', tag: 'reported-fact', start: -1 }],
        }),
        /start/,
      );
      expect(empty.text).to.equal('');
    });
  });

  describe('unknown tags resolved by options', () => {
    it('options.tagMap maps an unknown tag to a tag of the taxonomy', async () => {
      const source = await annotatedEditor();
      const target = await emptyEditor();
      const report = await target.importAnnotations(nativeWithTag(source, 'rumour-mill'), {
        tagMap: { 'rumour-mill': 'state-media-claim' },
      });
      expect(report.errors).to.deep.equal([]);
      expect(target.annotations.map((a) => a.tag)).to.deep.equal(source.annotations.map(() => 'state-media-claim'));
      expect(target.taxonomy).to.deep.equal(DEFAULT_TAXONOMY);
    });

    it('options.addTags adds an unknown tag to the taxonomy, with the label and colour the file gives', async () => {
      const source = await annotatedEditor();
      const target = await emptyEditor();
      const report = await target.importAnnotations(
        nativeWithTag(source, 'rumour-mill', { id: 'rumour-mill', label: 'Rumour mill', color: '#8a4b00' }),
        {
          addTags: ['rumour-mill'],
        },
      );
      expect(report.errors).to.deep.equal([]);
      expect(target.taxonomy.map((t) => t.id)).to.deep.equal([...DEFAULT_TAXONOMY.map((t) => t.id), 'rumour-mill']);
      expect(target.taxonomy.at(-1)).to.include({ id: 'rumour-mill', label: 'Rumour mill', color: '#8a4b00' });
      expect(new Set(target.annotations.map((a) => a.tag))).to.deep.equal(new Set(['rumour-mill']));
      await target.updateComplete;
      expect(shadowOf(target).querySelectorAll('mark[data-tag="rumour-mill"]').length).to.be.greaterThan(0);
      expect(
        shadowOf(target).querySelector('[part~="toolbar"] button[data-tag="rumour-mill"]')?.textContent,
      ).to.include('Rumour mill');
    });

    it('options.addTags adds a tag written as free text by another tool', async () => {
      const target = await articleEditor();
      const report = await target.importAnnotations(
        w3cPage(w3cAnnotation('https://notes.example.org/5', 'Hearsay claim', THIRD)),
        { addTags: ['Hearsay claim'] },
      );
      expect(report.errors).to.deep.equal([]);
      const added = target.taxonomy.find((tag) => tag.label === 'Hearsay claim');
      expect(added, 'a tag labelled "Hearsay claim"').to.not.equal(undefined);
      expect(target.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([[added!.id, THIRD]]);
    });
  });

  describe('exportAs', () => {
    it('throws a clear Error for an unknown format', async () => {
      const editor = await annotatedEditor();
      for (const format of ['nope', 'HTML', '', '__proto__', 'constructor', 'toString']) {
        let error: unknown;
        try {
          editor.exportAs(format as ExportFormat);
        } catch (caught) {
          error = caught;
        }
        expect(error, JSON.stringify(format)).to.be.instanceOf(Error);
        expect((error as Error).message, JSON.stringify(format)).to.include(JSON.stringify(format));
        expect((error as Error).message).to.include('w3c');
      }
    });

    it('writes every format for an annotated article, and an empty one', async () => {
      const editor = await annotatedEditor();
      const empty = await emptyEditor();
      for (const format of ['html', 'html-fragment', 'w3c', 'json', 'csv', 'claimreview'] as const) {
        expect(editor.exportAs(format), format).to.be.a('string').and.not.equal('');
        expect(() => empty.exportAs(format), `${format} of an empty editor`).not.to.throw();
      }
    });

    it('W3C export imported into the same article restores the same annotations', async () => {
      const source = await annotatedEditor();
      const target = await articleEditor();
      const report = await target.importAnnotations(source.exportAs('w3c'));
      expect(report).to.deep.equal({ added: 4, updated: 0, reanchored: 0, orphaned: 0, errors: [] });
      const fields = (a: Annotation) => ({ ...a, modified: undefined, created: undefined });
      expect(target.annotations.map(fields)).to.deep.equal(source.annotations.map(fields));
      expect(target.annotations.map((a) => [a.created, a.modified])).to.deep.equal(
        source.annotations.map((a) => [a.created, a.modified]),
      );
    });
  });

  describe('undo', () => {
    async function importedInto(): Promise<{ editor: ClaimEditor; before: Annotation[] }> {
      const editor = await articleEditor();
      editor.addAnnotation({ tag: 'reported-fact', quote: CROSSINGS });
      const before = editor.annotations;
      const report = await editor.importAnnotations(
        w3cPage(
          w3cAnnotation('https://notes.example.org/u1', 'Analyst opinion', ANALYST),
          w3cAnnotation('https://notes.example.org/u2', 'State-media claim', STATE_CLAIM),
        ),
      );
      expect(report.added).to.equal(2);
      expect(editor.annotations).to.have.length(3);
      await editor.updateComplete;
      return { editor, before };
    }

    it('the toolbar Undo removes the imported annotations; Redo brings them back', async () => {
      const { editor, before } = await importedInto();
      const imported = editor.annotations;
      toolbarButton(editor, 'Undo').click();
      await editor.updateComplete;
      expect(editor.annotations).to.deep.equal(before);
      toolbarButton(editor, 'Redo').click();
      await editor.updateComplete;
      expect(editor.annotations).to.deep.equal(imported);
    });

    it('Control+z removes the imported annotations', async () => {
      const { editor, before } = await importedInto();
      await focusEditor(editor);
      await pressKeys('Control+z');
      await editor.updateComplete;
      expect(editor.annotations).to.deep.equal(before);
    });

    it('an update by import is undone back to the previous fields', async () => {
      const editor = await articleEditor();
      const original = editor.addAnnotation({ tag: 'reported-fact', quote: CROSSINGS, note: 'First note.' });
      const file = JSON.parse(editor.exportAs('json')) as Json & { annotations: Json[] };
      file.annotations[0] = { ...file.annotations[0], note: 'Changed by import.', tag: 'analyst-opinion' };
      const report = await editor.importAnnotations(JSON.stringify(file));
      expect(report).to.include({ updated: 1, added: 0 });
      expect(editor.annotations[0]).to.include({ note: 'Changed by import.', tag: 'analyst-opinion' });
      toolbarButton(editor, 'Undo').click();
      await editor.updateComplete;
      expect(editor.annotations).to.deep.equal([original]);
    });
  });

  describe('ids and characters a file gets wrong', () => {
    it('rejects a file that gives one id to two annotations, naming the id, and changes nothing', async () => {
      const editor = await articleEditor();
      const kept = editor.addAnnotation({ tag: 'reported-fact', quote: CROSSINGS });
      const file = {
        format: 'claim-provenance',
        version: 1,
        annotations: [
          { id: 'twice', tag: 'reported-fact', quote: NO_COMMENT },
          { id: 'once', tag: 'analyst-opinion', quote: ANALYST },
          { id: 'twice', tag: 'state-media-claim', quote: STATE_CLAIM },
        ],
      };
      const errors = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
      const report = await editor.importAnnotations(file);
      errors.stop();
      expect(report).to.include({ added: 0, updated: 0 });
      expect(report.errors.join(' ')).to.include('"twice" (annotations 0, 2)');
      expect(errors.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
      expect(editor.annotations).to.deep.equal([kept]);
    });

    it('widens offsets that would cut an emoji in two, by API and by import; no export shows U+FFFD', async () => {
      const editor = await emptyEditor();
      await editor.loadArticle({ text: 'Fans waved flags 🎉 outside the stadium. The club said nothing.' });
      const emoji = editor.text.indexOf('🎉');
      const byApi = editor.addAnnotation({ tag: 'reported-fact', start: 0, end: emoji + 1 });
      expect(byApi.quote).to.equal('Fans waved flags 🎉');
      expect(byApi).to.include({ start: 0, end: emoji + 2 });

      const report = await editor.importAnnotations({
        format: 'claim-provenance',
        version: 1,
        annotations: [{ id: 'half', tag: 'analyst-opinion', start: emoji + 1, end: editor.text.indexOf(' outside') }],
      });
      expect(report.errors).to.deep.equal([]);
      const imported = editor.annotations.find((a) => a.id === 'half');
      expect(imported).to.include({ start: emoji, quote: '🎉' });
      const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\\ud[89a-f][0-9a-f]{2}/i;
      for (const format of ['html', 'w3c', 'json', 'csv'] as ExportFormat[]) {
        const exported = editor.exportAs(format);
        expect(exported, format).to.not.include('\ufffd');
        expect(loneHalf.test(exported), `${format} holds half a character`).to.equal(false);
      }
    });
  });
});
