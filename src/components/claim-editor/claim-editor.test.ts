import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../define.js';
import type { Annotation } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import {
  marksOf,
  markedText,
  placeCaret,
  pointInText,
  proseMirror,
  selectText,
  shadowOf,
  shadowSelection,
  wait,
} from '../../test-support/editor-helpers.js';
import { pressKeys, typeKeys } from '../../test-support/keys.js';
import {
  ARTICLE_BLOCKS,
  ARTICLE_HTML,
  ARTICLE_TEXT,
  HEADLINE,
  ITEM_1,
  ITEM_2,
  LINK_HREF,
  P1_S1,
  P1_S2,
  P2_S1,
  P2_S2,
  PLAIN_ARTICLE,
  QUOTE_BLOCK,
} from '../../test-support/sample-article.js';
import type { ClaimChangeDetail, ClaimEditor } from './claim-editor.component.js';

declare global {
  interface Window {
    /** Set by the event handlers and scripts of the hostile HTML if they ever run. */
    __claimHostile?: number;
  }
}

const ANNOTATOR = 'Desk reviewer';

async function mountArticle(attributes = ''): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    `<claim-editor annotator="${ANNOTATOR}" ${attributes}>${ARTICLE_HTML}</claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

function labelOf(tagId: string): string {
  const tag = DEFAULT_TAXONOMY.find((t) => t.id === tagId);
  if (!tag) throw new Error(`No default tag ${tagId}`);
  return tag.label;
}

function toolbar(editor: ClaimEditor): HTMLElement {
  const element = shadowOf(editor).querySelector<HTMLElement>('[part~="toolbar"]');
  if (!element) throw new Error('No [part~="toolbar"] in the shadow root.');
  return element;
}

function tagButtons(editor: ClaimEditor): HTMLButtonElement[] {
  return [...toolbar(editor).querySelectorAll<HTMLButtonElement>('button[data-tag]')];
}

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('Expected the call to throw, but it returned normally.');
}

/** Every element inside the editing surface, for attribute checks. */
function allElements(root: HTMLElement): Element[] {
  return [root, ...root.querySelectorAll('*')];
}

/**
 * Hostile article markup. The light-DOM variant leaves the `<img>` without a
 * `src`, so the page itself (which renders the light DOM) never fires its
 * handler; the `loadArticle` variant has a failing `src`, which would fire the
 * handler if the editor ever put the element into a live document.
 */
function hostileHtml(imageSrc: boolean): string {
  return [
    '<p onclick="window.__claimHostile = 1" style="color: rgb(1, 2, 3)">Officials denied the report.</p>',
    '<script>window.__claimHostile = 2;</script>',
    '<style>.claim-hostile-marker { color: red; }</style>',
    `<p>Photo: <img ${imageSrc ? 'src="x-missing-image.png" ' : ''}onerror="window.__claimHostile = 3" onload="window.__claimHostile = 4"> caption text.</p>`,
    '<p>Read <a href="javascript:alert(1)" onmouseover="window.__claimHostile = 5">the statement</a> here.</p>',
    '<p>Embedded <iframe src="about:blank" onload="window.__claimHostile = 6"></iframe>frame.</p>',
    '<p style="background: red"><span style="color: rgb(1, 2, 3)">Styled words</span> stay.</p>',
    '<p><a href=" JaVaScRiPt:alert(2)">Obfuscated link</a> text.</p>',
  ].join('\n');
}

function expectSanitised(editor: ClaimEditor): void {
  const dom = proseMirror(editor);
  expect(dom.querySelectorAll('script, style, iframe, img, object, embed'), 'no active elements').to.have.length(0);
  for (const element of allElements(dom)) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `<${element.localName} ${attribute.name}>`).to.equal(false);
    }
  }
  for (const link of dom.querySelectorAll('a')) {
    expect(link.getAttribute('href') ?? '', 'link target').not.to.match(/^\s*javascript:/i);
  }
  const fromInput = [...dom.querySelectorAll('[style]')]
    .map((element) => element.getAttribute('style') ?? '')
    .filter((style) => /rgb\(1, 2, 3\)|background: red/.test(style));
  expect(fromInput, 'style attributes from the input').to.deep.equal([]);

  const text = editor.text;
  for (const kept of [
    'Officials denied the report.',
    'caption text.',
    'Read the statement here.',
    'Styled words stay.',
    'Obfuscated link text.',
  ]) {
    expect(text).to.include(kept);
  }
  expect(text).not.to.include('__claimHostile');
  expect(text).not.to.include('claim-hostile-marker');
  expect(dom.textContent).not.to.include('__claimHostile');
}

describe('<claim-editor>', () => {
  afterEach(async () => {
    await resetMouse();
    delete window.__claimHostile;
  });

  describe('initial content from the light DOM', () => {
    it('renders the light-DOM article, with its structure, inside the shadow root', async () => {
      const editor = await mountArticle();
      const dom = proseMirror(editor);
      expect(dom.querySelector('h2')?.textContent).to.equal(HEADLINE);
      expect(dom.querySelector('p em')?.textContent).to.equal('early spring');
      const link = dom.querySelector('a');
      expect(link?.getAttribute('href')).to.equal(LINK_HREF);
      expect(link?.textContent).to.equal('Coastal Policy Institute');
      expect(dom.querySelector('blockquote')?.textContent).to.equal(QUOTE_BLOCK);
      expect([...dom.querySelectorAll('ul > li')].map((li) => li.textContent)).to.deep.equal([ITEM_1, ITEM_2]);
    });

    it('exposes the article as text, blocks joined by "\\n"', async () => {
      const editor = await mountArticle();
      expect(editor.text).to.equal(ARTICLE_BLOCKS.join('\n'));
      expect(editor.annotations).to.deep.equal([]);
    });
  });

  describe('hostile input', () => {
    it('sanitises a hostile light-DOM article to the schema and keeps its text', async () => {
      const editor = await fixture<ClaimEditor>(`<claim-editor>${hostileHtml(false)}</claim-editor>`);
      await editor.updateComplete;
      expectSanitised(editor);
    });

    it('sanitises loadArticle({html}) and never runs its handlers or scripts', async () => {
      const editor = await mountArticle();
      await editor.loadArticle({ html: hostileHtml(true) });
      await editor.updateComplete;
      // Give an image error or a script, had one reached a live document, the time to run (timers: Firefox runs no
      // animation frames in a page that is not the front tab).
      await wait(150);
      expectSanitised(editor);
      expect(editor.text).not.to.include(HEADLINE);
      expect(window.__claimHostile, 'flag set by a hostile handler').to.equal(undefined);
    });
  });

  describe('loadArticle', () => {
    it('makes one paragraph per non-blank line of text', async () => {
      const editor = await mountArticle();
      await editor.loadArticle({ text: 'First line here.\n\n   \nSecond line here.\r\nThird line here.\n' });
      await editor.updateComplete;
      expect(editor.text).to.equal('First line here.\nSecond line here.\nThird line here.');
      const paragraphs = [...proseMirror(editor).querySelectorAll('p')].map((p) => p.textContent);
      expect(paragraphs).to.deep.equal(['First line here.', 'Second line here.', 'Third line here.']);
      expect(proseMirror(editor).querySelector('h2')).to.equal(null);
    });

    it('drops the previous annotations and fires claim-change with reason "load"', async () => {
      const editor = await mountArticle();
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      await editor.updateComplete;
      expect(marksOf(editor, added.id)).to.have.length(1);

      const changed = oneEvent<CustomEvent<ClaimChangeDetail>>(editor, 'claim-change');
      await editor.loadArticle({ text: PLAIN_ARTICLE });
      const event = await changed;
      expect(event.detail.reason).to.equal('load');
      expect(event.detail.annotations).to.deep.equal([]);
      expect(editor.annotations).to.deep.equal([]);
      expect(editor.text).to.equal(PLAIN_ARTICLE);
      await editor.updateComplete;
      expect(shadowOf(editor).querySelectorAll('mark[data-annotation-id]')).to.have.length(0);
    });
  });

  describe('annotation API', () => {
    it('adds an annotation by offsets with every field filled in', async () => {
      const editor = await mountArticle();
      const start = ARTICLE_TEXT.indexOf(P1_S2);
      const end = start + P1_S2.length;
      const annotation = editor.addAnnotation({
        tag: 'reported-fact',
        start,
        end,
        source: 'Port authority',
        note: 'Checked with the port.',
      });

      expect(annotation.id).to.be.a('string').and.not.equal('');
      expect(annotation.tag).to.equal('reported-fact');
      expect(annotation.start).to.equal(start);
      expect(annotation.end).to.equal(end);
      expect(annotation.quote).to.equal(P1_S2);
      expect(annotation.quote).to.equal(editor.text.slice(annotation.start, annotation.end));
      expect(annotation.prefix).to.be.a('string').and.not.equal('');
      expect(editor.text.slice(0, start).endsWith(annotation.prefix), 'prefix is the text before').to.equal(true);
      expect(annotation.suffix).to.be.a('string').and.not.equal('');
      expect(editor.text.slice(end).startsWith(annotation.suffix), 'suffix is the text after').to.equal(true);
      expect(Number.isNaN(Date.parse(annotation.created)), 'created is a date').to.equal(false);
      expect(Number.isNaN(Date.parse(annotation.modified)), 'modified is a date').to.equal(false);
      expect(annotation.status).to.equal('anchored');
      expect(annotation.creator).to.equal(ANNOTATOR);
      expect(annotation.source).to.equal('Port authority');
      expect(annotation.note).to.equal('Checked with the port.');
      expect(editor.annotations).to.deep.equal([annotation]);
    });

    it('adds an annotation by quote at its first occurrence', async () => {
      const editor = await mountArticle();
      await editor.loadArticle({ text: PLAIN_ARTICLE });
      const quote = 'the ministry said';
      const annotation = editor.addAnnotation({ tag: 'state-media-claim', quote });
      expect(annotation.start).to.equal(PLAIN_ARTICLE.indexOf(quote));
      expect(annotation.end).to.equal(annotation.start + quote.length);
      expect(editor.text.slice(annotation.start, annotation.end)).to.equal(quote);
    });

    it('picks the occurrence whose prefix or suffix fits when the quote appears twice', async () => {
      const editor = await mountArticle();
      await editor.loadArticle({ text: PLAIN_ARTICLE });
      const quote = 'the ministry said';
      const first = PLAIN_ARTICLE.indexOf(quote);
      const second = PLAIN_ARTICLE.indexOf(quote, first + 1);
      expect(second, 'the sample has the quote twice').to.be.greaterThan(first);

      const byPrefix = editor.addAnnotation({ tag: 'state-media-claim', quote, prefix: 'Exports fell in the south, ' });
      expect(byPrefix.start).to.equal(second);
      const bySuffix = editor.addAnnotation({ tag: 'reported-fact', quote, suffix: '.\nEconomists at' });
      expect(bySuffix.start).to.equal(second);
      const firstByPrefix = editor.addAnnotation({
        tag: 'analyst-opinion',
        quote,
        prefix: 'Rations rose in the north, ',
      });
      expect(firstByPrefix.start).to.equal(first);
      for (const a of [byPrefix, bySuffix, firstByPrefix]) expect(editor.text.slice(a.start, a.end)).to.equal(quote);
    });

    it('throws an error naming an unknown tag', async () => {
      const editor = await mountArticle();
      const error = thrownBy(() => editor.addAnnotation({ tag: 'rumour-mill', quote: P1_S2 }));
      expect(error.message).to.match(/tag/i);
      expect(error.message).to.include('rumour-mill');
      expect(editor.annotations).to.deep.equal([]);
    });

    it('throws an error saying the quote was not found', async () => {
      const editor = await mountArticle();
      const error = thrownBy(() =>
        editor.addAnnotation({ tag: 'reported-fact', quote: 'The harbour opened yesterday.' }),
      );
      expect(error.message).to.match(/not found/i);
      expect(error.message).to.include('The harbour opened yesterday.');
      expect(editor.annotations).to.deep.equal([]);
    });

    it('throws an error naming offsets out of range', async () => {
      const editor = await mountArticle();
      const length = editor.text.length;
      for (const [start, end] of [
        [5, length + 10],
        [-1, 4],
        [20, 10],
      ]) {
        const error = thrownBy(() => editor.addAnnotation({ tag: 'reported-fact', start, end }));
        expect(error.message, `${start}–${end}`).to.match(/offset|range/i);
        expect(error.message).to.include(String(end));
      }
      expect(editor.annotations).to.deep.equal([]);
    });

    it('updateAnnotation changes source, note, verdict, tag and modified', async () => {
      const editor = await mountArticle();
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S1 });
      // A later millisecond, so the new `modified` is distinguishable.
      await wait(5);
      const updated = editor.updateAnnotation(added.id, {
        source: 'KCNA',
        note: 'Repeated from a state broadcast.',
        verdict: 'Unproven',
        tag: 'state-media-claim',
      });
      expect(updated).to.include({
        id: added.id,
        tag: 'state-media-claim',
        source: 'KCNA',
        note: 'Repeated from a state broadcast.',
        verdict: 'Unproven',
        quote: P1_S1,
        created: added.created,
        status: 'anchored',
      });
      expect(Date.parse(updated.modified)).to.be.greaterThan(Date.parse(added.modified));
      expect(editor.annotations).to.deep.equal([updated]);
    });

    it('updateAnnotation throws for an unknown id or tag and changes nothing', async () => {
      const editor = await mountArticle();
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S1 });
      const unknownId = thrownBy(() => editor.updateAnnotation('no-such-annotation', { note: 'x' }));
      expect(unknownId.message).to.include('no-such-annotation');
      const unknownTag = thrownBy(() => editor.updateAnnotation(added.id, { tag: 'gossip' }));
      expect(unknownTag.message).to.include('gossip');
      expect(editor.annotations).to.deep.equal([added]);
    });

    it('removeAnnotation removes it; an unknown id throws', async () => {
      const editor = await mountArticle();
      const first = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S1 });
      const second = editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
      editor.removeAnnotation(first.id);
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([second.id]);
      await editor.updateComplete;
      expect(marksOf(editor, first.id)).to.have.length(0);
      expect(marksOf(editor, second.id)).not.to.have.length(0);
      const error = thrownBy(() => editor.removeAnnotation(first.id));
      expect(error.message).to.include(first.id);
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([second.id]);
    });
  });

  describe('rendering', () => {
    it('draws each annotation as mark[data-tag][data-annotation-id]', async () => {
      const editor = await mountArticle();
      const fact = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      const opinion = editor.addAnnotation({ tag: 'analyst-opinion', quote: ITEM_2 });
      await editor.updateComplete;
      for (const annotation of [fact, opinion]) {
        const marks = shadowOf(editor).querySelectorAll(
          `mark[data-tag="${annotation.tag}"][data-annotation-id="${annotation.id}"]`,
        );
        expect(marks, annotation.tag).to.have.length(1);
        expect(marks[0].textContent).to.equal(annotation.quote);
      }
    });

    it('draws an annotation across two paragraphs as several marks with one id', async () => {
      const editor = await mountArticle();
      const start = ARTICLE_TEXT.indexOf('Port officials');
      const end = ARTICLE_TEXT.indexOf(' said the timeline');
      const annotation = editor.addAnnotation({ tag: 'reported-fact', start, end });
      expect(annotation.quote).to.equal(ARTICLE_TEXT.slice(start, end));
      expect(annotation.quote).to.include('\n');
      await editor.updateComplete;
      const marks = marksOf(editor, annotation.id);
      expect(marks.length).to.be.at.least(2);
      const blocks = new Set(marks.map((mark) => mark.closest('p')));
      expect(blocks.size, 'marks in two paragraphs').to.equal(2);
      expect(markedText(editor, annotation.id)).to.equal(annotation.quote.replace('\n', ''));
    });

    it('draws both of two overlapping annotations, one nested in the other', async () => {
      const editor = await mountArticle();
      const sentence = editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
      const across = editor.addAnnotation({
        tag: 'state-media-claim',
        quote: 'the timeline looked unrealistic. She expected',
      });
      await editor.updateComplete;
      expect(marksOf(editor, sentence.id)).not.to.have.length(0);
      expect(marksOf(editor, across.id)).not.to.have.length(0);
      const nested = [...marksOf(editor, across.id), ...marksOf(editor, sentence.id)].some((mark) => {
        const other = mark.dataset.annotationId === across.id ? sentence.id : across.id;
        return mark.parentElement?.closest(`mark[data-annotation-id="${other}"]`) !== null;
      });
      expect(nested, 'the overlap is drawn as nested marks').to.equal(true);
      expect(markedText(editor, sentence.id)).to.equal(sentence.quote);
      expect(markedText(editor, across.id)).to.equal(across.quote);
    });

    it('shows a visible label per annotation whose ::before content is the tag label', async () => {
      const editor = await mountArticle();
      const annotations = [
        editor.addAnnotation({ tag: 'state-media-claim', quote: P1_S1 }),
        editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 }),
        editor.addAnnotation({
          tag: 'reported-fact',
          start: ARTICLE_TEXT.indexOf('Port officials'),
          end: ARTICLE_TEXT.indexOf(' said the timeline'),
        }),
      ];
      await editor.updateComplete;
      const labels = [...shadowOf(editor).querySelectorAll<HTMLElement>('.claim-label[data-tag]')];
      expect(labels).to.have.length(annotations.length);
      for (const annotation of annotations) {
        const label =
          labels.find((element) => element.dataset.annotationId === annotation.id) ??
          labels.find((element) => element.dataset.tag === annotation.tag);
        expect(label, `label of ${annotation.tag}`).to.not.equal(undefined);
        expect(label!.dataset.tag).to.equal(annotation.tag);
        expect(getComputedStyle(label!, '::before').content).to.equal(JSON.stringify(labelOf(annotation.tag)));
        const box = label!.getBoundingClientRect();
        expect(box.width, 'label is visible').to.be.greaterThan(0);
        expect(box.height, 'label is visible').to.be.greaterThan(0);
      }
    });
  });

  describe('claim-change event', () => {
    it('bubbles out of the shadow root with reason add, update and remove', async () => {
      const editor = await mountArticle();
      const events: CustomEvent<ClaimChangeDetail>[] = [];
      const listener = (event: CustomEvent<ClaimChangeDetail>) => events.push(event);
      document.addEventListener('claim-change', listener);
      try {
        const added = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
        expect(events).to.have.length(1);
        expect(events[0].bubbles).to.equal(true);
        expect(events[0].composed).to.equal(true);
        expect(events[0].detail.reason).to.equal('add');
        expect(events[0].detail.annotations.map((a: Annotation) => a.id)).to.deep.equal([added.id]);

        editor.updateAnnotation(added.id, { source: 'Harbour master' });
        expect(events).to.have.length(2);
        expect(events[1].detail.reason).to.equal('update');
        expect(events[1].detail.annotations[0].source).to.equal('Harbour master');

        editor.removeAnnotation(added.id);
        expect(events).to.have.length(3);
        expect(events[2].detail.reason).to.equal('remove');
        expect(events[2].detail.annotations).to.deep.equal([]);
      } finally {
        document.removeEventListener('claim-change', listener);
      }
    });
  });

  describe('annotate mode (default)', () => {
    it('outlines the selected annotation’s marks and label, and moves the outline with the selection', async () => {
      const editor = await mountArticle();
      const first = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      const second = editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S2 });
      await placeCaret(editor, P1_S2, 2);
      await pressKeys('n');
      await editor.updateComplete;
      const outlined = () =>
        [...shadowOf(editor).querySelectorAll<HTMLElement>('.claim-selected')].map((element) => [
          element.localName,
          element.dataset.annotationId,
        ]);
      // N goes to the next annotation after the caret, then wraps around.
      expect(outlined()).to.deep.equal([
        ['span', second.id],
        ['mark', second.id],
      ]);
      expect(getComputedStyle(shadowOf(editor).querySelector('mark.claim-selected')!).outlineStyle).to.equal('solid');
      await pressKeys('n');
      await editor.updateComplete;
      expect(outlined()).to.deep.equal([
        ['span', first.id],
        ['mark', first.id],
      ]);
      await pressKeys('Escape');
      await placeCaret(editor, P1_S2, 4);
      await editor.updateComplete;
      expect(outlined(), 'nothing outlined once the caret moves off').to.deep.equal([]);
    });

    it('does not let typing change the text', async () => {
      const editor = await mountArticle();
      await placeCaret(editor, P1_S2, 5);
      document.execCommand('insertText', false, 'X');
      await typeKeys('Qz');
      await wait(0);
      await editor.updateComplete;
      expect(editor.text).to.equal(ARTICLE_TEXT);
      // ProseMirror reads the typed DOM change in its observer; timers, not frames (none in a background Firefox page).
      await wait(50);
      expect(proseMirror(editor).textContent).to.include(P1_S2);
      expect(editor.annotations).to.deep.equal([]);
    });

    it('tags the sentence at the caret with keys 1, 2 and 3', async () => {
      const editor = await mountArticle();
      await placeCaret(editor, P1_S2, 5);
      await pressKeys('3');
      await placeCaret(editor, P2_S1, 10);
      await pressKeys('2');
      await placeCaret(editor, ITEM_1, 3);
      await pressKeys('1');
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([
        ['reported-fact', P1_S2],
        ['analyst-opinion', P2_S1],
        ['state-media-claim', ITEM_1],
      ]);
      expect(editor.annotations.every((a) => a.creator === ANNOTATOR)).to.equal(true);
      expect(editor.text).to.equal(ARTICLE_TEXT);
    });

    it('selects the next sentence with Alt+ArrowDown, across blocks', async () => {
      const editor = await mountArticle();
      await placeCaret(editor, P1_S1, 4);
      await pressKeys('Alt+ArrowDown');
      expect(shadowSelection(editor).toString()).to.equal(P1_S2);
      await pressKeys('Alt+ArrowDown');
      expect(shadowSelection(editor).toString()).to.equal(P2_S1);
      await pressKeys('2');
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([['analyst-opinion', P2_S1]]);
    });

    it('deletes the selected annotation with Delete; Control+z undoes and Control+y redoes', async () => {
      const editor = await mountArticle();
      await placeCaret(editor, P2_S2, 4);
      // Shift: tag and stay, so Delete removes this annotation.
      await pressKeys('Shift+1');
      const [tagged] = editor.annotations;
      expect(tagged).to.include({ tag: 'state-media-claim', quote: P2_S2 });

      await pressKeys('Delete');
      expect(editor.annotations).to.deep.equal([]);

      await pressKeys('Control+z');
      expect(editor.annotations.map((a) => [a.id, a.tag, a.quote])).to.deep.equal([[tagged.id, tagged.tag, P2_S2]]);

      await pressKeys('Control+y');
      expect(editor.annotations).to.deep.equal([]);

      await pressKeys('Control+z');
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([tagged.id]);
      await pressKeys('Control+Shift+z');
      expect(editor.annotations).to.deep.equal([]);
      expect(editor.text).to.equal(ARTICLE_TEXT);
    });

    it('selects a whole sentence on click', async () => {
      const editor = await mountArticle();
      await sendMouse({ type: 'click', position: pointInText(editor, P2_S2, 6) });
      await wait(0);
      await editor.updateComplete;
      expect(shadowSelection(editor).toString()).to.equal(P2_S2);
      await pressKeys('3');
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([['reported-fact', P2_S2]]);
    });

    it('announces a tagging in an aria-live region', async () => {
      const editor = await mountArticle();
      await placeCaret(editor, P1_S2, 3);
      await pressKeys('1');
      await editor.updateComplete;
      const live = shadowOf(editor).querySelector('.announcer');
      expect(live, 'an aria-live region').to.not.equal(null);
      expect(live!.getAttribute('aria-live')).to.be.oneOf(['polite', 'assertive']);
      expect(live!.textContent).to.include(labelOf('state-media-claim'));
    });
  });

  describe('edit mode', () => {
    it('shifts an annotation when text is typed before it, keeping its quote', async () => {
      const editor = await mountArticle('mode="edit"');
      const before = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      await editor.updateComplete;
      await placeCaret(editor, P1_S1, 0);
      await typeKeys('Lede: ');
      await editor.updateComplete;
      expect(editor.text).to.include(`Lede: ${P1_S1}`);
      const [after] = editor.annotations;
      expect(after.start).to.equal(before.start + 6);
      expect(after.end).to.equal(before.end + 6);
      expect(after.quote).to.equal(P1_S2);
      expect(editor.text.slice(after.start, after.end)).to.equal(P1_S2);
      expect(after.status).to.equal('anchored');
      expect(markedText(editor, after.id)).to.equal(P1_S2);
    });

    it('extends an annotation when text is typed inside it', async () => {
      const editor = await mountArticle('mode="edit"');
      const before = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      await editor.updateComplete;
      await placeCaret(editor, P1_S2, 'Port officials'.length);
      await typeKeys(' still');
      await editor.updateComplete;
      const [after] = editor.annotations;
      expect(after.quote).to.equal('Port officials still gave no date.');
      expect(after.start).to.equal(before.start);
      expect(after.end).to.equal(before.end + ' still'.length);
      expect(markedText(editor, after.id)).to.equal(after.quote);
    });

    it('orphans an annotation whose text is deleted, and undo restores it', async () => {
      const editor = await mountArticle('mode="edit"');
      const before = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2, source: 'Port authority' });
      await editor.updateComplete;
      await selectText(editor, P1_S2);
      expect(shadowSelection(editor).toString()).to.equal(P1_S2);
      await pressKeys('Backspace');
      await editor.updateComplete;
      expect(editor.text).not.to.include(P1_S2);
      expect(editor.annotations).to.have.length(1);
      const [orphaned] = editor.annotations;
      expect(orphaned).to.include({
        id: before.id,
        status: 'orphaned',
        tag: 'reported-fact',
        source: 'Port authority',
      });

      await pressKeys('Control+z');
      await editor.updateComplete;
      expect(editor.text).to.equal(ARTICLE_TEXT);
      const [restored] = editor.annotations;
      expect(restored).to.include({
        id: before.id,
        status: 'anchored',
        quote: P1_S2,
        start: before.start,
        end: before.end,
      });
      expect(markedText(editor, before.id)).to.equal(P1_S2);
    });
  });

  describe('readonly', () => {
    it('ignores tag keys and disables the toolbar tag buttons', async () => {
      const editor = await mountArticle('readonly');
      const buttons = tagButtons(editor);
      expect(buttons).to.have.length(DEFAULT_TAXONOMY.length);
      for (const button of buttons) expect(button.disabled, button.dataset.tag).to.equal(true);

      const press = () =>
        proseMirror(editor).dispatchEvent(
          new KeyboardEvent('keydown', {
            key: '1',
            code: 'Digit1',
            keyCode: 49,
            bubbles: true,
            cancelable: true,
            composed: true,
          }),
        );
      press();
      buttons[0].click();
      await editor.updateComplete;
      expect(editor.annotations).to.deep.equal([]);

      // The same key does tag once the editor is writable: the check above tested the real path.
      editor.readonly = false;
      await editor.updateComplete;
      for (const button of tagButtons(editor)) expect(button.disabled, button.dataset.tag).to.equal(false);
      press();
      expect(editor.annotations).to.have.length(1);
      expect(editor.annotations[0].tag).to.equal('state-media-claim');
    });
  });

  describe('toolbar, parts and styles', () => {
    it('exposes the toolbar, editor and sidebar parts', async () => {
      const editor = await mountArticle();
      const root = shadowOf(editor);
      const editorPart = root.querySelector('[part~="editor"]');
      const sidebarPart = root.querySelector('[part~="sidebar"]');
      expect(root.querySelector('[part~="toolbar"]')).to.not.equal(null);
      expect(editorPart).to.not.equal(null);
      expect(sidebarPart).to.not.equal(null);
      expect(editorPart!.contains(proseMirror(editor)), 'the article is in the editor part').to.equal(true);
      expect(tagButtons(editor).map((b) => b.dataset.tag)).to.deep.equal(DEFAULT_TAXONOMY.map((t) => t.id));
    });

    it('tags the selected sentence when a toolbar tag button is clicked', async () => {
      const editor = await mountArticle();
      await selectText(editor, P2_S2);
      const button = tagButtons(editor).find((b) => b.dataset.tag === 'analyst-opinion');
      expect(button).to.not.equal(undefined);
      button!.click();
      await editor.updateComplete;
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([['analyst-opinion', P2_S2]]);
      expect(marksOf(editor, editor.annotations[0].id)).to.have.length(1);
    });

    it('brings the ProseMirror stylesheet into the shadow root', async () => {
      const editor = await mountArticle();
      expect(getComputedStyle(proseMirror(editor)).whiteSpace).to.be.oneOf(['pre-wrap', 'break-spaces']);
    });
  });

  describe('re-parenting', () => {
    it('keeps its article and annotations and keeps working after a move', async () => {
      const host = await fixture<HTMLDivElement>(
        html`<div>
          <section id="first"></section>
          <section id="second"></section>
        </div>`,
      );
      const first = host.querySelector('#first')!;
      const second = host.querySelector('#second')!;
      first.innerHTML = `<claim-editor annotator="${ANNOTATOR}">${ARTICLE_HTML}</claim-editor>`;
      const editor = first.querySelector('claim-editor')!;
      await editor.updateComplete;
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
      await editor.updateComplete;

      editor.remove();
      second.append(editor);
      await editor.updateComplete;

      expect(editor.parentElement).to.equal(second);
      expect(editor.text).to.equal(ARTICLE_TEXT);
      expect(editor.annotations).to.deep.equal([added]);
      expect(shadowOf(editor).querySelectorAll('.ProseMirror'), 'one view after the move').to.have.length(1);
      expect(markedText(editor, added.id)).to.equal(P1_S2);

      await placeCaret(editor, ITEM_2, 4);
      await pressKeys('2');
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([
        ['reported-fact', P1_S2],
        ['analyst-opinion', ITEM_2],
      ]);
    });
  });

  describe('Unicode text', () => {
    it('uses UTF-16 offsets for emoji and CJK text', async () => {
      const editor = await mountArticle();
      const text = 'Delegates in 北京 greeted the envoy 🙂 warmly. Talks resumed at noon 🕛 today.';
      await editor.loadArticle({ text });
      const quote = '北京 greeted the envoy 🙂 warmly.';
      const annotation = editor.addAnnotation({ tag: 'reported-fact', quote });
      expect(annotation.start).to.equal(text.indexOf(quote));
      expect(annotation.end).to.equal(text.indexOf(quote) + quote.length);
      expect(editor.text.slice(annotation.start, annotation.end)).to.equal(quote);

      const laterStart = text.indexOf('Talks');
      const later = editor.addAnnotation({ tag: 'analyst-opinion', start: laterStart, end: text.length });
      expect(later.quote).to.equal('Talks resumed at noon 🕛 today.');

      await editor.updateComplete;
      expect(markedText(editor, annotation.id)).to.equal(quote);
      expect(markedText(editor, later.id)).to.equal(later.quote);
    });
  });

  describe('custom taxonomy', () => {
    const custom = [
      { id: 'primary-source', label: 'Primary source', key: 'a', color: '#225588' },
      { id: 'secondary-source', label: 'Secondary source', key: 'b' },
    ];

    it('takes its keys, toolbar buttons and labels from the taxonomy', async () => {
      const editor = await mountArticle();
      editor.taxonomy = custom;
      await editor.updateComplete;
      expect(editor.taxonomy.map((t) => t.id)).to.deep.equal(['primary-source', 'secondary-source']);
      expect(tagButtons(editor).map((b) => b.dataset.tag)).to.deep.equal(['primary-source', 'secondary-source']);

      await placeCaret(editor, P1_S2, 2);
      await pressKeys('b');
      expect(editor.annotations.map((a) => [a.tag, a.quote])).to.deep.equal([['secondary-source', P1_S2]]);

      await placeCaret(editor, P2_S2, 2);
      await pressKeys('1');
      expect(editor.annotations, 'the default key 1 no longer tags').to.have.length(1);
      await pressKeys('a');
      expect(editor.annotations.map((a) => a.tag)).to.deep.equal(['secondary-source', 'primary-source']);

      await editor.updateComplete;
      const label = shadowOf(editor).querySelector('.claim-label[data-tag="secondary-source"]');
      expect(label).to.not.equal(null);
      expect(getComputedStyle(label!, '::before').content).to.equal(JSON.stringify('Secondary source'));
      expect(() => editor.addAnnotation({ tag: 'state-media-claim', quote: ITEM_1 })).to.throw(
        Error,
        /state-media-claim/,
      );
    });

    it('rejects an invalid taxonomy with an error and keeps the old one', async () => {
      const editor = await mountArticle();
      const error = thrownBy(() => {
        editor.taxonomy = [
          { id: 'dup', label: 'One' },
          { id: 'dup', label: 'Two' },
        ];
      });
      expect(error.message).to.include('dup');
      expect(editor.taxonomy.map((t) => t.id)).to.deep.equal(DEFAULT_TAXONOMY.map((t) => t.id));
      await editor.updateComplete;
      expect(tagButtons(editor).map((b) => b.dataset.tag)).to.deep.equal(DEFAULT_TAXONOMY.map((t) => t.id));
    });
  });
});
