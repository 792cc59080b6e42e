/**
 * Documents from outside (a native import, a form restore) whose structure
 * is hostile: node and mark attributes that would become markup if they were
 * trusted. Each is rejected whole, with a clear error, and nothing changes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ClaimEditor } from '../components/claim-editor/claim-editor.component.js';
import { shadowOf } from '../test-support/editor-helpers.js';
import { activeContentIn, collectEvents, errorsOf, type ClaimErrorDetail } from '../test-support/formats-helpers.js';
import { jsonFormat } from './json.js';
import type { ExportFormat } from './registry.js';

declare global {
  interface Window {
    /** Set by the hostile document's script, if it ever runs. */
    __claimHostileDocument?: number;
  }
}

const SCRIPT_TEXT = 'window.__claimHostileDocument = 1';

/** A native file whose only block is `block`, with `text` as its plain text. */
function nativeFile(block: Record<string, unknown>, text: string) {
  return {
    format: 'claim-provenance',
    version: 1,
    document: { title: 'Hostile', text, content: { type: 'doc', content: [block] } },
    annotations: [],
  };
}

function heading(level: unknown, text = SCRIPT_TEXT) {
  return { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] };
}

function linked(href: unknown, text = 'Read the statement') {
  return { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }] };
}

const HOSTILE_DOCUMENTS: [string, Record<string, unknown>, string][] = [
  ['a heading level that names the XHTML script element', heading('ttp://www.w3.org/1999/xhtml script'), SCRIPT_TEXT],
  ['a heading level with a space ("2 3")', heading('2 3'), SCRIPT_TEXT],
  ['a heading level out of range (7)', heading(7), SCRIPT_TEXT],
  ['a heading level given as text ("2")', heading('2'), SCRIPT_TEXT],
  ['a javascript: link', linked('javascript:window.__claimHostileDocument=2'), 'Read the statement'],
  [
    'a javascript: link hidden behind a space',
    linked(' javascript:window.__claimHostileDocument=3'),
    'Read the statement',
  ],
  ['a link with no URL', linked(42), 'Read the statement'],
  [
    'an ordered list whose start is markup',
    {
      type: 'ordered_list',
      attrs: { start: '1"><img src=x onerror="window.__claimHostileDocument=4">' },
      content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One item' }] }] }],
    },
    'One item',
  ],
  ['an unknown node type', { type: 'script', content: [{ type: 'text', text: SCRIPT_TEXT }] }, SCRIPT_TEXT],
];

const FORMATS: ExportFormat[] = ['html', 'html-fragment', 'w3c', 'json', 'csv', 'claimreview'];

async function settle() {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('hostile documents from outside', () => {
  afterEach(() => {
    delete window.__claimHostileDocument;
  });

  describe('jsonFormat.parse', () => {
    for (const [name, block, text] of HOSTILE_DOCUMENTS) {
      it(`rejects ${name}, saying where`, () => {
        const errors = errorsOf(jsonFormat.parse(JSON.stringify(nativeFile(block, text))));
        expect(errors.join(' ')).to.match(/^document\.content: the article cannot be read: /);
      });
    }

    it('rejects content whose text is not the file’s plain text (offsets point into the text)', () => {
      const file = nativeFile({ type: 'paragraph', content: [{ type: 'text', text: 'One text.' }] }, 'Another text.');
      expect(errorsOf(jsonFormat.parse(JSON.stringify(file))).join(' ')).to.include(
        'differs from the saved plain text',
      );
    });

    it('drops attributes the schema does not know', () => {
      const block = {
        type: 'paragraph',
        attrs: { onclick: 'alert(1)', style: 'display:none' },
        content: [{ type: 'text', text: 'Plain.' }],
      };
      const parsed = jsonFormat.parse(JSON.stringify(nativeFile(block, 'Plain.')));
      if (!parsed.ok) throw new Error(parsed.errors.join(' '));
      expect(JSON.stringify(parsed.value.document?.content)).to.not.match(/onclick|style/);
    });

    it('keeps safe links and valid heading levels exactly', () => {
      const file = {
        ...nativeFile(heading(3, 'Headline'), 'Headline\nRead the statement'),
      };
      file.document.content.content.push(linked('https://example.org/statement'));
      const parsed = jsonFormat.parse(JSON.stringify(file));
      if (!parsed.ok) throw new Error(parsed.errors.join(' '));
      expect(parsed.value.document?.content).to.deep.equal(file.document.content);
    });
  });

  describe('importAnnotations into an empty editor', () => {
    for (const [name, block, text] of HOSTILE_DOCUMENTS) {
      it(`rejects ${name} with import-rejected; nothing runs, nothing changes, no export carries it`, async () => {
        const editor = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
        const errors = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
        const report = await editor.importAnnotations(nativeFile(block, text));
        await settle();
        errors.stop();

        expect(report.errors.join(' ')).to.include('the article cannot be read');
        expect(errors.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
        expect(errors.details[0]!.message).to.include('nothing was changed');
        expect(window.__claimHostileDocument, 'no script ran').to.equal(undefined);
        expect(editor.text, 'the article is unchanged').to.equal('');
        expect(activeContentIn(shadowOf(editor), { allowStyleAttributes: true, allowForms: true })).to.deep.equal([]);
        for (const format of FORMATS) {
          const exported = editor.exportAs(format);
          expect(exported, format).to.not.match(/<script|javascript:|onerror|__claimHostileDocument/i);
        }
      });
    }

    it('imports the same file with a valid heading level, as a heading', async () => {
      const editor = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
      const report = await editor.importAnnotations(
        nativeFile(heading(2, 'Harbour figures disputed'), 'Harbour figures disputed'),
      );
      expect(report.errors).to.deep.equal([]);
      await editor.updateComplete;
      expect(shadowOf(editor).querySelector('.ProseMirror h2')?.textContent).to.equal('Harbour figures disputed');
    });
  });

  describe('a form restore', () => {
    it('puts back nothing from a hostile saved value, and runs nothing', async () => {
      const editor = await fixture<ClaimEditor>(html`<claim-editor name="annotations"></claim-editor>`);
      const errors = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
      editor.formStateRestoreCallback(
        JSON.stringify(nativeFile(heading('ttp://www.w3.org/1999/xhtml script'), SCRIPT_TEXT)),
      );
      await editor.updateComplete;
      await settle();
      errors.stop();
      expect(errors.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
      expect(window.__claimHostileDocument).to.equal(undefined);
      expect(editor.text).to.equal('');
    });
  });
});
