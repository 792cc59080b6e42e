import { expect, oneEvent } from '@open-wc/testing';
import './claim-article.js';
import { parseArticleHTML } from '../../editor/article.js';
import { TextIndex } from '../../editor/text-index.js';
import type { Annotation } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import {
  ANALYST,
  annotationOf,
  CROSSINGS,
  NO_COMMENT,
  STATE_CLAIM,
  THIRD,
  until,
  WIRE_ARTICLE_HTML,
  WIRE_ARTICLE_TEXT,
} from '../../test-support/formats-helpers.js';
import { pressKeys } from '../../test-support/keys.js';
import { copyArticle } from './article-copy.js';
import type { ClaimArticle, ClaimArticleLoadDetail } from './claim-article.component.js';

const REVIEW_URL = 'https://factcheck.example.org/reviews/canal';

function nativeFile(annotations: Annotation[], extra: Record<string, unknown> = {}) {
  return {
    format: 'claim-provenance',
    version: 1,
    exported: '2025-06-02T07:30:00.000Z',
    document: { title: 'Canal', text: WIRE_ARTICLE_TEXT },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
    ...extra,
  };
}

const claim = annotationOf(WIRE_ARTICLE_TEXT, STATE_CLAIM, {
  id: 'claim-1',
  tag: 'state-media-claim',
  source: 'State broadcaster',
  note: 'Tonnage figures come from the ministry alone.',
  verdict: 'Mostly false',
});
const analyst = annotationOf(WIRE_ARTICLE_TEXT, ANALYST, { id: 'analyst-1', tag: 'analyst-opinion' });
const crossings = annotationOf(WIRE_ARTICLE_TEXT, CROSSINGS, { id: 'fact-1', tag: 'reported-fact' });

/** Mounts a reader around the sample article, with `data` as its `annotations` property, once it has drawn. */
async function mount(data: unknown, article = WIRE_ARTICLE_HTML): Promise<ClaimArticle> {
  const container = document.createElement('div');
  document.body.append(container);
  const loaded = oneEvent(container, 'claim-article-load');
  // The article is the element's light DOM, as a CMS renders it.
  container.innerHTML = `<claim-article>${article}</claim-article>`;
  const element = container.querySelector('claim-article') as ClaimArticle;
  element.annotations = data;
  await loaded;
  await element.updateComplete;
  return element;
}

function marks(element: ClaimArticle, id?: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('mark[data-annotation-id]')].filter(
    (mark) => id === undefined || mark.dataset.annotationId === id,
  );
}

function textOf(nodes: readonly HTMLElement[]): string {
  return nodes.map((node) => node.textContent).join('');
}

function popoverOf(element: ClaimArticle): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]');
}

afterEach(() => {
  for (const element of document.querySelectorAll('claim-article')) element.parentElement!.remove();
});

describe('<claim-article>', () => {
  describe('reading the article', () => {
    const samples: Record<string, string> = {
      'the sample article': WIRE_ARTICLE_HTML,
      'white space and line breaks': `<p>
          Line one,   spaced <em> out </em>.<br>
          Line two</p>\n\n<h3>  A heading </h3><p></p><p>After an empty paragraph.</p>`,
      'bare text, spans and unknown blocks': `Loose text <span>in a span</span>
        <section><p>Inside a section.</p><figure><figcaption>A caption</figcaption></figure></section>
        <ol start="4"><li>Item <b>bold</b></li><li><p>Item paragraph</p></li></ol>`,
      'scripts, styles and images': `<p>Before<script>window.x = 1</script><style>p{}</style> <img src="x.png" alt="">after</p>`,
    };
    for (const [name, article] of Object.entries(samples)) {
      it(`counts the text as the editor does: ${name}`, () => {
        // An inert document: nothing in the samples loads or runs.
        const host = new DOMParser().parseFromString(article, 'text/html').body;
        const copy = copyArticle(host, document);
        expect(copy.text).to.equal(TextIndex.of(parseArticleHTML(article)).text);
        // Each piece of the copy is where the text says it is.
        for (const { node, start } of copy.pieces)
          expect(copy.text.slice(start, start + node.data.length)).to.equal(node.data);
      });
    }

    it('keeps only safe elements in its copy', () => {
      const host = document.createElement('div');
      host.innerHTML =
        '<p onclick="x()" style="color:red" class="lead">A <a href="javascript:alert(1)">bad</a> and <a href="https://example.org/" onmouseover="x()">good</a> link.<iframe src="https://example.org"></iframe></p>';
      const copy = copyArticle(host, document);
      const out = document.createElement('div');
      out.append(copy.fragment);
      expect(out.innerHTML).to.equal(
        '<p>A bad and <a href="https://example.org/" rel="noopener noreferrer nofollow">good</a> link.</p>',
      );
    });
  });

  describe('drawing annotations', () => {
    it('draws each annotation as marks with a label, and a legend', async () => {
      const element = await mount(nativeFile([claim, analyst, crossings]));
      expect(textOf(marks(element, 'claim-1'))).to.equal(STATE_CLAIM);
      expect(textOf(marks(element, 'analyst-1'))).to.equal(ANALYST);
      expect(textOf(marks(element, 'fact-1'))).to.equal(CROSSINGS);
      expect(marks(element, 'claim-1').every((mark) => mark.dataset.tag === 'state-media-claim')).to.equal(true);
      // "Tarnow canal" is emphasised: the claim's marks are split around the em, never across it.
      expect(marks(element, 'claim-1').length).to.be.greaterThan(1);
      const labels = [...element.shadowRoot!.querySelectorAll<HTMLElement>('.reader-label')];
      expect(labels.map((label) => label.textContent)).to.deep.equal([
        'State-media claim · Mostly false',
        'Analyst opinion',
        'Reported fact',
      ]);
      for (const label of labels) {
        expect(getComputedStyle(label).display).not.to.equal('none');
        // The label is its text, not also the taxonomy sheet's generated one.
        expect(getComputedStyle(label, '::before').content).to.be.oneOf(['none', 'normal']);
      }
      const legend = element.shadowRoot!.querySelector('[part="legend"]')!;
      expect(legend.textContent).to.include('State-media claim (1)');
      expect(legend.textContent).to.include('Reported fact (1)');
      // The light DOM is untouched: the article still reads without the element.
      expect(element.querySelector('mark')).to.equal(null);
    });

    it('takes the annotations from a JSON string, a child script, or a src URL', async () => {
      const text = JSON.stringify(nativeFile([claim]));
      const fromString = await mount(text);
      expect(textOf(marks(fromString, 'claim-1'))).to.equal(STATE_CLAIM);

      const script = `<script type="application/json">${text.replace(/</g, '\\u003c')}</script>`;
      const fromScript = await mount(undefined, WIRE_ARTICLE_HTML + script);
      expect(textOf(marks(fromScript, 'claim-1'))).to.equal(STATE_CLAIM);

      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const container = document.createElement('div');
      document.body.append(container);
      const loaded = new Promise<ClaimArticleLoadDetail>((resolve) =>
        container.addEventListener('claim-article-load', (event) =>
          resolve((event as CustomEvent<ClaimArticleLoadDetail>).detail),
        ),
      );
      container.innerHTML = `<claim-article src="${url}">${WIRE_ARTICLE_HTML}</claim-article>`;
      expect(await loaded).to.deep.equal({ drawn: 1, orphaned: [], errors: [] });
      const fromSrc = container.querySelector('claim-article') as ClaimArticle;
      await fromSrc.updateComplete;
      expect(textOf(marks(fromSrc, 'claim-1'))).to.equal(STATE_CLAIM);
      URL.revokeObjectURL(url);
    });

    it('nests overlapping annotations, each reachable by its own focusable mark in reading order', async () => {
      const sentence = annotationOf(WIRE_ARTICLE_TEXT, `${ANALYST} ${THIRD}`, { id: 'outer', tag: 'analyst-opinion' });
      const sameStart = annotationOf(WIRE_ARTICLE_TEXT, 'A logistics researcher', { id: 'same', tag: 'reported-fact' });
      const inner = annotationOf(WIRE_ARTICLE_TEXT, 'silting upstream', { id: 'inner', tag: 'state-media-claim' });
      const element = await mount(nativeFile([inner, sentence, sameStart]));
      expect(textOf(marks(element, 'outer'))).to.equal(`${ANALYST} ${THIRD}`);
      expect(textOf(marks(element, 'same'))).to.equal('A logistics researcher');
      expect(textOf(marks(element, 'inner'))).to.equal('silting upstream');
      const innerMark = marks(element, 'inner')[0];
      expect(innerMark.parentElement?.closest('mark')?.getAttribute('data-annotation-id')).to.equal('outer');
      const focusable = [...element.shadowRoot!.querySelectorAll<HTMLElement>('mark[tabindex="0"]')];
      expect(focusable.map((mark) => mark.dataset.annotationId)).to.deep.equal(['outer', 'same', 'inner']);
      expect(element.shadowRoot!.querySelectorAll('mark[tabindex]').length).to.equal(3);
    });

    it('re-finds annotations in a changed article, and lists, never draws, one whose text is gone', async () => {
      const changed = WIRE_ARTICLE_HTML.replace(
        '<h2>',
        '<p>An editor added this paragraph at the top.</p><h2>',
      ).replace(CROSSINGS, 'Barge numbers for May were not published.');
      const element = await mount(
        nativeFile([claim, crossings, { ...analyst, id: 'was-orphaned', status: 'orphaned' }]),
        changed,
      );
      expect(textOf(marks(element, 'claim-1'))).to.equal(STATE_CLAIM);
      expect(marks(element, 'fact-1')).to.have.length(0);
      expect(marks(element, 'was-orphaned')).to.have.length(0);
      const orphans = element.shadowRoot!.querySelector('[part="orphans"]')!;
      expect(orphans.textContent).to.include('Not found in this version of the article (2)');
      expect(orphans.textContent).to.include(CROSSINGS);
      expect(orphans.textContent).to.include(ANALYST);
    });

    it('draws the article again when the light DOM changes', async () => {
      const element = await mount(nativeFile([claim, crossings]), `<p>${NO_COMMENT}</p>`);
      expect(marks(element)).to.have.length(0);
      element.innerHTML = WIRE_ARTICLE_HTML;
      await until(() => marks(element, 'fact-1').length === 1, 'the new article is drawn');
      expect(textOf(marks(element, 'claim-1'))).to.equal(STATE_CLAIM);
    });
  });

  describe('popover', () => {
    it('opens on Enter with tag, source, note, verdict and the ClaimReview link; Escape closes it', async () => {
      const element = await mount(nativeFile([claim, analyst], { reviewUrl: REVIEW_URL }));
      const first = element.shadowRoot!.querySelector<HTMLElement>('mark[tabindex="0"]')!;
      first.focus();
      await pressKeys('Enter');
      await until(() => popoverOf(element) !== null, 'the popover opens');
      const popover = popoverOf(element)!;
      expect(popover.textContent).to.include('State-media claim');
      expect(popover.textContent).to.include('State broadcaster');
      expect(popover.textContent).to.include('Tonnage figures come from the ministry alone.');
      expect(popover.querySelector('.verdict')!.textContent).to.equal('Mostly false');
      expect(popover.querySelector('a')!.getAttribute('href')).to.equal(`${REVIEW_URL}#claim-claim-1`);
      expect(element.shadowRoot!.activeElement).to.equal(popover);
      await pressKeys('Escape');
      await until(() => popoverOf(element) === null, 'the popover closes');
      expect(element.shadowRoot!.activeElement).to.equal(first);
    });

    it('opens on a click on any mark; the review-url attribute wins over the file', async () => {
      const element = await mount(nativeFile([claim, analyst], { reviewUrl: REVIEW_URL }));
      element.setAttribute('review-url', 'https://other.example/check');
      await element.updateComplete;
      marks(element, 'analyst-1')[0].click();
      await element.updateComplete;
      const popover = popoverOf(element)!;
      expect(popover.textContent).to.include('Analyst opinion');
      expect(popover.textContent).to.include('No source, note or verdict recorded.');
      expect(popover.querySelector('a')!.getAttribute('href')).to.equal('https://other.example/check#claim-analyst-1');
      const top = Number.parseFloat(popover.style.top);
      const markBottom = marks(element, 'analyst-1')[0].getBoundingClientRect().bottom;
      expect(top + element.getBoundingClientRect().top).to.be.closeTo(markBottom + 6, 2);
    });

    it('closes when the page is pressed elsewhere', async () => {
      const element = await mount(nativeFile([claim]));
      marks(element, 'claim-1')[0].click();
      await element.updateComplete;
      expect(popoverOf(element)).not.to.equal(null);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await element.updateComplete;
      expect(popoverOf(element)).to.equal(null);
    });

    it('has no ClaimReview link without a review URL', async () => {
      const element = await mount(nativeFile([claim]));
      marks(element, 'claim-1')[0].click();
      await element.updateComplete;
      expect(popoverOf(element)!.querySelector('a')).to.equal(null);
    });
  });

  describe('bad input', () => {
    let warnings: string[] = [];
    const warn = console.warn;
    beforeEach(() => {
      warnings = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    });
    afterEach(() => {
      console.warn = warn;
    });

    const refused: Record<string, unknown> = {
      'text that is not JSON': '{"format": "claim-provenance", ',
      'JSON of another kind': { hello: 'world' },
      'a later version': { ...nativeFile([claim]), version: 99 },
      'an annotation of the wrong shape': nativeFile([{ ...claim, start: 'zero' } as unknown as Annotation]),
      'a taxonomy colour that would inject CSS': {
        ...nativeFile([claim]),
        taxonomy: [{ id: 'state-media-claim', label: 'x', color: 'red; background: url(https://evil.example/)' }],
      },
      'two annotations with one id': nativeFile([claim, { ...analyst, id: claim.id }]),
      'a number': 42,
      null: null,
    };
    for (const [name, data] of Object.entries(refused)) {
      it(`shows the article without highlights and says why: ${name}`, async () => {
        const element = await mount(data);
        expect(marks(element)).to.have.length(0);
        const notice = element.shadowRoot!.querySelector<HTMLElement>('[part="notice"]')!;
        expect(notice.textContent).to.include('could not be shown');
        expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
        // The light-DOM article is what shows.
        expect(element.shadowRoot!.querySelector('slot')).not.to.equal(null);
        expect(element.querySelector('h2')!.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(warnings.join('\n')).to.include('claim-article');
      });
    }

    it('says why when src cannot be loaded', async () => {
      const container = document.createElement('div');
      document.body.append(container);
      container.innerHTML = `<claim-article src="/no/such/file.json">${WIRE_ARTICLE_HTML}</claim-article>`;
      const detail = (await oneEvent(container, 'claim-article-load')).detail as ClaimArticleLoadDetail;
      expect(detail.errors.join(' ')).to.include('404');
      const element = container.querySelector('claim-article') as ClaimArticle;
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.include('404');
    });

    it('shows hostile strings as text and runs nothing', async () => {
      const marker = '__claimArticleRan';
      const payload = `<img src=x onerror="window.${marker}=1"><script>window.${marker}=1</script>`;
      const hostile = {
        ...claim,
        id: `"><img src=x onerror="window.${marker}=1">`,
        tag: `x" onmouseover="window.${marker}=1`,
        source: payload,
        note: `javascript:window.${marker}=1 ${payload}`,
        verdict: `</mark>${payload}`,
      };
      const taxonomy = [{ id: 'x', label: payload, color: '#123456' }];
      const element = await mount(
        nativeFile([hostile, { ...analyst, tag: 'x' }], { reviewUrl: `javascript:window.${marker}=1`, taxonomy }),
      );
      const labels = [...element.shadowRoot!.querySelectorAll('.reader-label')].map((label) => label.textContent);
      expect(labels).to.deep.equal([`${hostile.tag} · ${hostile.verdict}`, payload]);
      expect(element.shadowRoot!.querySelector('[part="legend"]')!.textContent).to.include(payload);
      const [mark] = marks(element, hostile.id);
      expect(mark.dataset.tag).to.equal(hostile.tag);
      mark.click();
      await element.updateComplete;
      const popover = popoverOf(element)!;
      expect(popover.textContent).to.include(payload);
      expect(popover.querySelector('a')).to.equal(null);
      expect(element.shadowRoot!.querySelector('img, script:not([type])')).to.equal(null);
      expect(warnings.join(' ')).to.include('reviewUrl');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as unknown as Record<string, unknown>)[marker]).to.equal(undefined);
    });

    it('keeps working with the property set to nothing after good data', async () => {
      const element = await mount(nativeFile([claim]));
      expect(marks(element).length).to.be.greaterThan(0);
      element.annotations = undefined;
      await element.updateComplete;
      expect(marks(element)).to.have.length(0);
      expect(element.shadowRoot!.querySelector('slot')).not.to.equal(null);
    });
  });
});
