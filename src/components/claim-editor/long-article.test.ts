import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { proseMirror, shadowOf } from '../../test-support/editor-helpers.js';
import type { ClaimEditor } from './claim-editor.component.js';

/** 400 paragraphs of two sentences: long enough to be drawn a window at a time. */
const LONG_ARTICLE = Array.from(
  { length: 400 },
  (_, i) => `<p>Item ${i}: the port authority reported 40 ships. Traders doubted the figure in part ${i}.</p>`,
).join('');

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

describe('<claim-editor> with a long article', () => {
  let editor: ClaimEditor;

  beforeEach(async () => {
    editor = await fixture<ClaimEditor>(
      `<claim-editor style="height: 500px; overflow: auto; display: block">${LONG_ARTICLE}</claim-editor>`,
    );
    await editor.updateComplete;
    const text = editor.text;
    for (let i = 0; i < 400; i++) {
      const quote = `Traders doubted the figure in part ${i}.`;
      const start = text.indexOf(quote);
      editor.addAnnotation({ tag: 'analyst-opinion', start, end: start + quote.length });
    }
    await editor.updateComplete;
    await nextFrame();
  });

  const marks = () => [...shadowOf(editor).querySelectorAll<HTMLElement>('mark[data-annotation-id]')];
  const lastId = () => editor.annotations.at(-1)!.id;

  it('draws the annotations near the view, not all of them, and skips laying out far blocks', async () => {
    expect(editor.annotations).to.have.length(400);
    expect(marks().length).to.be.within(1, 200);
    expect(marks().some((mark) => mark.dataset.annotationId === editor.annotations[0].id)).to.equal(true);
    expect(proseMirror(editor).hasAttribute('data-long-article')).to.equal(true);
    const far = proseMirror(editor).children[399] as HTMLElement;
    expect(getComputedStyle(far).contentVisibility).to.equal('auto');
  });

  it('draws the end of the article once it is scrolled into view', async () => {
    const id = lastId();
    expect(marks().some((mark) => mark.dataset.annotationId === id)).to.equal(false);
    proseMirror(editor).lastElementChild!.scrollIntoView();
    await waitUntil(
      () => marks().some((mark) => mark.dataset.annotationId === id),
      'the last annotation is drawn after scrolling',
    );
    expect(marks().length).to.be.below(200);
  });

  it('draws an annotation chosen in the sidebar at once, far from the view', async () => {
    const id = lastId();
    const sidebar = shadowOf(editor).querySelector('claim-sidebar')!;
    const list = shadowOf(sidebar).querySelector<HTMLElement>('.list')!;
    list.scrollTop = list.scrollHeight;
    await waitUntil(
      () => shadowOf(sidebar).querySelector(`.entry[data-annotation-id="${id}"]`),
      'the last entry is listed',
    );
    shadowOf(sidebar).querySelector<HTMLElement>(`.entry[data-annotation-id="${id}"]`)!.click();
    await editor.updateComplete;
    expect(marks().some((mark) => mark.dataset.annotationId === id)).to.equal(true);
  });
});
