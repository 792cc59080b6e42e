/**
 * The CMS-embedding contract of `<claim-editor>`: form association (value,
 * reset, disabled fieldsets, `required`), style encapsulation, several editors
 * in one page, and the container-query layout.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../define.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { marksOf, placeCaret, proseMirror, shadowOf } from '../../test-support/editor-helpers.js';
import { pressKeys, setViewportSize, typeKeys } from '../../test-support/keys.js';
import { ARTICLE_HTML, ARTICLE_TEXT, ITEM_1, P1_S1, P1_S2, P2_S1, P2_S2 } from '../../test-support/sample-article.js';
import type { ClaimEditor } from './claim-editor.component.js';

/** What the native JSON value holds (the fields these tests read). */
interface SubmittedFile {
  format: string;
  version: number;
  document: { text: string };
  annotations: { id: string; tag: string; quote: string; start: number; end: number }[];
}

/** Mounts `<form>` around `inner` (which holds one or more editors) and waits until every editor has rendered. */
async function mountForm(inner: string): Promise<HTMLFormElement> {
  const form = await fixture<HTMLFormElement>(`<form>${inner}</form>`);
  for (const editor of form.querySelectorAll('claim-editor')) await settled(editor);
  return form;
}

function editorIn(root: ParentNode, selector = 'claim-editor'): ClaimEditor {
  const editor = root.querySelector<ClaimEditor>(selector);
  if (!editor) throw new Error(`No ${selector}`);
  return editor;
}

/**
 * Lets the editor finish what a change started: its render. (The form value
 * is written when the form is read.)
 */
async function settled(editor: ClaimEditor): Promise<void> {
  await editor.updateComplete;
  await Promise.resolve();
  await editor.updateComplete;
}

/** The submitted value under `name`, parsed; fails when it is missing or not a string. */
function submitted(form: HTMLFormElement, name = 'annotations'): SubmittedFile {
  const value = new FormData(form).get(name);
  expect(value, `FormData has a string entry "${name}"`).to.be.a('string');
  return JSON.parse(value as string) as SubmittedFile;
}

function tagButtons(editor: ClaimEditor): HTMLButtonElement[] {
  const toolbar = shadowOf(editor).querySelector<HTMLElement>('[part~="toolbar"]');
  if (!toolbar) throw new Error('No [part~="toolbar"]');
  return [...toolbar.querySelectorAll<HTMLButtonElement>('button[data-tag]')];
}

function part(editor: ClaimEditor, name: string): HTMLElement {
  const element = shadowOf(editor).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!element) throw new Error(`No [part~="${name}"]`);
  return element;
}

/** A tag key as the keymap sees it, sent straight to the article (reaches it even when the text cannot take focus). */
function dispatchTagKey(editor: ClaimEditor, key = '1') {
  proseMirror(editor).dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      code: `Digit${key}`,
      keyCode: key.charCodeAt(0),
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}

describe('<claim-editor> in a form and in a page', () => {
  describe('form value', () => {
    it('submits the native JSON under its name, with the annotations once added; editor.form is the form', async () => {
      const form = await mountForm(`<claim-editor name="annotations">${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      expect(editor.form, 'editor.form').to.equal(form);

      const before = submitted(form);
      expect(before.format).to.equal('claim-provenance');
      expect(before.version).to.equal(1);
      expect(before.annotations).to.deep.equal([]);
      expect(before.document.text).to.equal(ARTICLE_TEXT);

      const first = editor.addAnnotation({ tag: 'state-media-claim', quote: P1_S1 });
      const second = editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
      await settled(editor);

      const after = submitted(form);
      expect(after.format).to.equal('claim-provenance');
      expect(after.annotations.map((a) => [a.id, a.tag, a.quote])).to.deep.equal([
        [first.id, 'state-media-claim', P1_S1],
        [second.id, 'analyst-opinion', P2_S1],
      ]);
      // The value is what exportAs('json') gives (its timestamp aside).
      const exported = JSON.parse(editor.exportAs('json')) as SubmittedFile;
      expect(after.annotations).to.deep.equal(exported.annotations);
      expect(after.document).to.deep.equal(exported.document);

      editor.removeAnnotation(first.id);
      await settled(editor);
      expect(
        submitted(form).annotations.map((a) => a.id),
        'a removal reaches the value too',
      ).to.deep.equal([second.id]);
    });

    it('follows tagging from the keyboard', async () => {
      const form = await mountForm(`<claim-editor name="annotations">${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      await placeCaret(editor, P1_S2, 4);
      await pressKeys('3');
      await settled(editor);
      expect(submitted(form).annotations.map((a) => [a.tag, a.quote])).to.deep.equal([['reported-fact', P1_S2]]);
    });

    it('writes the value when the form is read, not on every keystroke; the read has the text typed, in its place among the fields', async () => {
      const form = await mountForm(
        `<input name="before" value="1"><claim-editor name="annotations" mode="edit">${ARTICLE_HTML}</claim-editor><input name="after" value="2">`,
      );
      const editor = editorIn(form);
      editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      new FormData(form);
      let writes = 0;
      const exportAs = editor.exportAs.bind(editor);
      editor.exportAs = (format) => {
        writes += 1;
        return exportAs(format);
      };
      await placeCaret(editor, P2_S1, 0);
      await typeKeys('Now ');
      await settled(editor);
      expect(editor.text).to.contain(`Now ${P2_S1}`);
      expect(writes, 'typing wrote no value').to.equal(0);

      // A page's own formdata listener sees the value too.
      let seenByPage: unknown;
      form.addEventListener('formdata', (event) => (seenByPage = event.formData.get('annotations')), { once: true });
      const data = new FormData(form);
      expect([...data.keys()], 'the entries keep their order').to.deep.equal(['before', 'annotations', 'after']);
      const value = JSON.parse(data.get('annotations') as string) as SubmittedFile;
      expect(value.document.text).to.contain(`Now ${P2_S1}`);
      expect(value.annotations.map((a) => a.quote)).to.deep.equal([P1_S2]);
      expect(seenByPage).to.equal(data.get('annotations'));
      expect(writes, 'written once, when read').to.equal(1);
      new FormData(form);
      expect(writes, 'an unchanged value is not written again').to.equal(1);
    });

    it('writes the value in idle time once the typing pauses', async () => {
      const form = await mountForm(`<claim-editor name="annotations" mode="edit">${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      new FormData(form);
      const exportAs = editor.exportAs.bind(editor);
      const written = new Promise<void>((resolve) => {
        editor.exportAs = (format) => {
          resolve();
          return exportAs(format);
        };
      });
      await placeCaret(editor, P2_S1, 0);
      await pressKeys('X');
      await written;
      let writes = 0;
      editor.exportAs = (format) => {
        writes += 1;
        return exportAs(format);
      };
      expect(submitted(form).document.text).to.contain(`X${P2_S1}`);
      expect(writes, 'the read finds the value already written').to.equal(0);
    });

    it('submits nothing without a name, yet still belongs to the form', async () => {
      const form = await mountForm(`<input name="title" value="Headline"><claim-editor>${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      await settled(editor);
      expect([...new FormData(form).keys()]).to.deep.equal(['title']);
      expect(editor.form).to.equal(form);
    });

    it('has no form outside a <form>', async () => {
      const editor = await fixture<ClaimEditor>(`<claim-editor name="annotations">${ARTICLE_HTML}</claim-editor>`);
      await settled(editor);
      expect(editor.form).to.equal(null);
    });
  });

  describe('form reset', () => {
    it('drops the annotations added after load and keeps the text', async () => {
      const form = await mountForm(`<claim-editor name="annotations">${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      editor.addAnnotation({ tag: 'state-media-claim', quote: P1_S1 });
      await placeCaret(editor, P2_S2, 3);
      await pressKeys('2');
      await settled(editor);
      expect(editor.annotations).to.have.length(2);
      expect(submitted(form).annotations).to.have.length(2);

      form.reset();
      await settled(editor);
      expect(editor.annotations).to.deep.equal([]);
      expect(editor.text).to.equal(ARTICLE_TEXT);
      expect(shadowOf(editor).querySelectorAll('mark[data-annotation-id]'), 'no marks left').to.have.length(0);
      expect(submitted(form).annotations, 'the submitted value is reset too').to.deep.equal([]);
    });

    it('returns to annotations that came with the loaded article, not to nothing', async () => {
      // A native JSON file imported into an empty editor is a load: article and annotations.
      const source = await fixture<ClaimEditor>(`<claim-editor>${ARTICLE_HTML}</claim-editor>`);
      await settled(source);
      const kept = source.addAnnotation({ tag: 'reported-fact', quote: ITEM_1 });
      const file = source.exportAs('json');

      const form = await mountForm('<claim-editor name="annotations"></claim-editor>');
      const editor = editorIn(form);
      await editor.importAnnotations(file);
      await settled(editor);
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([kept.id]);

      editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
      editor.updateAnnotation(kept.id, { note: 'changed after load' });
      await settled(editor);
      expect(editor.annotations).to.have.length(2);

      form.reset();
      await settled(editor);
      expect(editor.annotations.map((a) => [a.id, a.tag, a.quote, a.note])).to.deep.equal([
        [kept.id, 'reported-fact', ITEM_1, undefined],
      ]);
      expect(editor.text).to.equal(ARTICLE_TEXT);
      expect(submitted(form).annotations.map((a) => a.id)).to.deep.equal([kept.id]);
    });
  });

  describe('inside a disabled fieldset', () => {
    it('submits nothing, ignores tag keys, disables the tag buttons; re-enabling restores all three', async () => {
      const form = await mountForm(
        `<input name="title" value="Headline"><fieldset><claim-editor name="annotations">${ARTICLE_HTML}</claim-editor></fieldset>`,
      );
      const fieldset = form.querySelector('fieldset')!;
      const editor = editorIn(form);
      const [state] = DEFAULT_TAXONOMY;

      // The caret is in a sentence before the lock, as when a CMS locks a published article.
      await placeCaret(editor, P1_S1, 6);
      fieldset.disabled = true;
      await settled(editor);

      expect([...new FormData(form).keys()], 'no annotations entry').to.deep.equal(['title']);
      const buttons = tagButtons(editor);
      expect(buttons).to.have.length(DEFAULT_TAXONOMY.length);
      for (const button of buttons) expect(button.disabled, `${button.dataset.tag} button disabled`).to.equal(true);

      await pressKeys(state.key!);
      dispatchTagKey(editor, state.key!);
      buttons[0].click();
      await settled(editor);
      expect(editor.annotations, 'nothing tagged while disabled').to.deep.equal([]);
      expect(editor.text).to.equal(ARTICLE_TEXT);

      fieldset.disabled = false;
      await settled(editor);
      for (const button of tagButtons(editor))
        expect(button.disabled, `${button.dataset.tag} button enabled`).to.equal(false);
      expect(submitted(form).annotations, 'the entry is back').to.deep.equal([]);

      // The same real key press tags once enabled again: the check above tested the real path.
      await placeCaret(editor, P1_S1, 6);
      await pressKeys(state.key!);
      await settled(editor);
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([[state.id, P1_S1]]);
      expect(submitted(form).annotations.map((a) => a.quote)).to.deep.equal([P1_S1]);
    });

    it('is disabled when it is first put into a disabled fieldset', async () => {
      const form = await mountForm(
        `<fieldset disabled><claim-editor name="annotations">${ARTICLE_HTML}</claim-editor></fieldset>`,
      );
      const editor = editorIn(form);
      expect(new FormData(form).has('annotations')).to.equal(false);
      for (const button of tagButtons(editor))
        expect(button.disabled, `${button.dataset.tag} button disabled`).to.equal(true);
      dispatchTagKey(editor, '2');
      await settled(editor);
      expect(editor.annotations).to.deep.equal([]);
    });
  });

  describe('required', () => {
    it('is valueMissing until something is tagged, and the form follows', async () => {
      const form = await mountForm(`<claim-editor name="annotations" required>${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      expect(editor.willValidate).to.equal(true);
      expect(editor.checkValidity()).to.equal(false);
      expect(editor.validity.valueMissing).to.equal(true);
      expect(editor.validity.valid).to.equal(false);
      expect(editor.validationMessage).to.not.equal('');
      expect(form.checkValidity()).to.equal(false);

      let invalidEvents = 0;
      editor.addEventListener('invalid', () => (invalidEvents += 1));
      expect(editor.reportValidity()).to.equal(false);
      expect(invalidEvents, 'reportValidity fires invalid on the editor').to.equal(1);

      await placeCaret(editor, P2_S2, 2);
      await pressKeys('2');
      await settled(editor);
      expect(editor.annotations).to.have.length(1);
      expect(editor.checkValidity()).to.equal(true);
      expect(editor.validity.valueMissing).to.equal(false);
      expect(editor.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);

      editor.removeAnnotation(editor.annotations[0].id);
      await settled(editor);
      expect(editor.validity.valueMissing, 'missing again once the only tag is removed').to.equal(true);
      expect(form.checkValidity()).to.equal(false);
    });

    it('is valid when readonly, as native read-only fields are not validated', async () => {
      const form = await mountForm(`<claim-editor name="annotations" required readonly>${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      expect(editor.annotations).to.deep.equal([]);
      expect(editor.checkValidity()).to.equal(true);
      expect(editor.validity.valueMissing).to.equal(false);
      expect(form.checkValidity()).to.equal(true);

      editor.readonly = false;
      await settled(editor);
      expect(editor.checkValidity(), 'required applies again once writable').to.equal(false);
      expect(form.checkValidity()).to.equal(false);
    });

    it('is valid when not required, with nothing tagged', async () => {
      const form = await mountForm(`<claim-editor name="annotations">${ARTICLE_HTML}</claim-editor>`);
      const editor = editorIn(form);
      expect(editor.checkValidity()).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      editor.required = true;
      await settled(editor);
      expect(editor.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
    });
  });

  describe('style encapsulation', () => {
    let pageStyle: HTMLStyleElement | undefined;
    afterEach(() => {
      pageStyle?.remove();
      pageStyle = undefined;
    });

    it("keeps page styles out of the editor and the editor's styles out of the page", async () => {
      const host = await fixture<HTMLDivElement>(
        `<div><p id="page-p">A page paragraph with <mark id="page-mark">a page highlight</mark>.</p></div>`,
      );
      const pageMark = host.querySelector<HTMLElement>('#page-mark')!;
      const pageMarkStyle = (): Record<string, string> => {
        const style = getComputedStyle(pageMark);
        return {
          background: style.backgroundColor,
          color: style.color,
          textDecorationLine: style.textDecorationLine,
          borderRadius: style.borderTopLeftRadius,
          cursor: style.cursor,
        };
      };
      const pageMarkAlone = pageMarkStyle();

      const editor = document.createElement('claim-editor') as ClaimEditor;
      editor.innerHTML = ARTICLE_HTML;
      host.append(editor);
      await settled(editor);
      const annotation = editor.addAnnotation({ tag: 'state-media-claim', quote: P1_S1 });
      await settled(editor);

      expect(pageMarkStyle(), "the editor's styles do not reach a mark in the page").to.deep.equal(pageMarkAlone);

      const [mark] = marksOf(editor, annotation.id);
      expect(mark, 'the annotation is drawn').to.not.equal(undefined);
      const paragraph = shadowOf(editor).querySelector<HTMLElement>('.ProseMirror p')!;
      const markBackground = getComputedStyle(mark).backgroundColor;
      const paragraphColor = getComputedStyle(paragraph).color;

      pageStyle = document.createElement('style');
      pageStyle.textContent = 'mark { background: rgb(255, 255, 0) !important; } p { color: rgb(255, 0, 0) }';
      document.head.append(pageStyle);

      // The page's own elements do take the page style: the rule is live.
      expect(getComputedStyle(pageMark).backgroundColor).to.equal('rgb(255, 255, 0)');
      expect(getComputedStyle(host.querySelector('#page-p')!).color).to.equal('rgb(255, 0, 0)');

      const markAfter = getComputedStyle(marksOf(editor, annotation.id)[0]).backgroundColor;
      const paragraphAfter = getComputedStyle(shadowOf(editor).querySelector<HTMLElement>('.ProseMirror p')!).color;
      expect(markAfter, "the editor's mark background").to.equal(markBackground);
      expect(markAfter).to.not.equal('rgb(255, 255, 0)');
      expect(paragraphAfter, "the editor's paragraph colour").to.equal(paragraphColor);
      expect(paragraphAfter).to.not.equal('rgb(255, 0, 0)');
    });
  });

  describe('two editors in one page', () => {
    it('keep their own annotations, undo history and form values', async () => {
      const form = await mountForm(
        `<claim-editor id="a" name="a">${ARTICLE_HTML}</claim-editor><claim-editor id="b" name="b">${ARTICLE_HTML}</claim-editor>`,
      );
      const a = editorIn(form, '#a');
      const b = editorIn(form, '#b');

      await placeCaret(a, P1_S2, 3);
      await pressKeys('1');
      await settled(a);
      expect(a.annotations.map((x) => [x.tag, x.quote])).to.deep.equal([['state-media-claim', P1_S2]]);
      expect(b.annotations, 'tagging in the first leaves the second alone').to.deep.equal([]);
      expect(shadowOf(b).querySelectorAll('mark[data-annotation-id]')).to.have.length(0);

      await placeCaret(b, P2_S1, 3);
      await pressKeys('3');
      await settled(b);
      expect(b.annotations.map((x) => [x.tag, x.quote])).to.deep.equal([['reported-fact', P2_S1]]);
      expect(
        a.annotations.map((x) => x.quote),
        'tagging in the second leaves the first alone',
      ).to.deep.equal([P1_S2]);

      // Undo in the first, from its keyboard: only its own tag goes.
      await placeCaret(a, ITEM_1, 2);
      await pressKeys('Control+z');
      await settled(a);
      await settled(b);
      expect(a.annotations).to.deep.equal([]);
      expect(
        b.annotations.map((x) => x.quote),
        "undo in the first keeps the second's tag",
      ).to.deep.equal([P2_S1]);

      // And undo in the second only undoes the second.
      await placeCaret(b, ITEM_1, 2);
      await pressKeys('Control+z');
      await settled(b);
      expect(b.annotations).to.deep.equal([]);
      await placeCaret(a, ITEM_1, 2);
      await pressKeys('Control+y');
      await settled(a);
      expect(
        a.annotations.map((x) => x.quote),
        'redo in the first brings back only its tag',
      ).to.deep.equal([P1_S2]);
      expect(b.annotations).to.deep.equal([]);

      expect(submitted(form, 'a').annotations.map((x) => x.quote)).to.deep.equal([P1_S2]);
      expect(submitted(form, 'b').annotations).to.deep.equal([]);
    });
  });

  describe('layout by container width', () => {
    before(async () => {
      // A wide viewport: a viewport media query would put the sidebar beside the text in both wrappers.
      await setViewportSize(1400, 900);
    });

    async function mountIn(width: number): Promise<ClaimEditor> {
      const wrapper = await fixture<HTMLDivElement>(
        `<div style="width: ${width}px"><claim-editor>${ARTICLE_HTML}</claim-editor></div>`,
      );
      const editor = editorIn(wrapper);
      await settled(editor);
      editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
      await settled(editor);
      return editor;
    }

    it('puts the sidebar below the text in a 400px container, beside it in a 1200px one', async () => {
      expect(window.innerWidth, 'the viewport is wider than both containers would need').to.be.at.least(1200);

      const narrow = await mountIn(400);
      const narrowText = part(narrow, 'editor').getBoundingClientRect();
      const narrowSidebar = part(narrow, 'sidebar').getBoundingClientRect();
      expect(narrowSidebar.height, 'the sidebar is laid out').to.be.greaterThan(0);
      expect(narrowSidebar.top, 'narrow: sidebar top ≥ text bottom').to.be.at.least(narrowText.bottom - 0.5);
      expect(narrowSidebar.right, 'narrow: the sidebar fits in the container').to.be.at.most(
        narrow.getBoundingClientRect().right + 0.5,
      );

      const wide = await mountIn(1200);
      const wideText = part(wide, 'editor').getBoundingClientRect();
      const wideSidebar = part(wide, 'sidebar').getBoundingClientRect();
      expect(wideSidebar.height).to.be.greaterThan(0);
      expect(wideSidebar.top, 'wide: sidebar starts in the text’s top region').to.be.below(wideText.bottom);
      expect(Math.abs(wideSidebar.top - wideText.top), 'wide: sidebar and text start together').to.be.below(40);
      expect(wideSidebar.left, 'wide: sidebar to the right of the text').to.be.at.least(wideText.right - 0.5);
    });
  });
});
