import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseArticleHTML } from '../editor/article.js';
import { TextIndex } from '../editor/text-index.js';
import type { Annotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY, findTag, type Tag } from '../model/taxonomy.js';
import {
  activeContentIn,
  ANALYST,
  annotatedArticleArb,
  annotationAt,
  annotationOf,
  carriedFields,
  CROSSINGS,
  exportSourceOf,
  GENERATED,
  NO_COMMENT,
  STATE_CLAIM,
  THIRD,
  valueOf,
  WIRE_TEXT,
} from '../test-support/formats-helpers.js';
import type { ExportSource } from './format.js';
import { htmlFormat, htmlFragmentFormat } from './html.js';

const STRUCTURED_HTML = [
  '<h2>Canal claims meet silting doubts</h2>',
  `<p>${STATE_CLAIM.replace('Tarnow canal', '<em>Tarnow canal</em>')} Engineers on site declined to comment.</p>`,
  `<blockquote><p>${ANALYST} ${THIRD}</p></blockquote>`,
  `<ul><li>${CROSSINGS}</li><li>Dredgers worked <a href="https://example.org/dredging">through the night</a> & at dawn.</li></ul>`,
].join('');

function structuredSource(
  annotations: (text: string) => Annotation[],
  taxonomy: readonly Tag[] = DEFAULT_TAXONOMY,
): ExportSource {
  const doc = parseArticleHTML(STRUCTURED_HTML);
  const text = TextIndex.of(doc).text;
  return {
    document: { id: 'canal', title: 'Canal claims <meet> "doubts" & more', text, content: doc.toJSON() },
    taxonomy,
    annotations: annotations(text),
    generated: GENERATED,
  };
}

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function article(root: ParentNode): Element {
  const element = root.querySelector('article.claim-article');
  if (!element) throw new Error('No article.claim-article in the export.');
  return element;
}

function marksOf(root: ParentNode, id: string): HTMLElement[] {
  return [...article(root).querySelectorAll<HTMLElement>('mark[data-annotation-id]')].filter(
    (mark) => mark.dataset.annotationId === id,
  );
}

/** The text the marks of one annotation cover, in document order. */
function markedText(root: ParentNode, id: string): string {
  return marksOf(root, id)
    .map((mark) => mark.textContent ?? '')
    .join('');
}

function listItems(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('section.annotations ol > li')];
}

function labelOf(tagId: string, taxonomy: readonly Tag[] = DEFAULT_TAXONOMY): string {
  return findTag(taxonomy, tagId)?.label ?? tagId;
}

describe('htmlFormat', () => {
  const rich = structuredSource((text) => {
    const crossStart = text.indexOf('declined to comment.');
    const crossEnd = text.indexOf(' at the Meridian');
    return [
      annotationOf(text, 'The state broadcaster said the Tarnow canal', {
        id: 'claim-1',
        tag: 'state-media-claim',
        source: 'State broadcaster',
        note: 'Aired twice that evening.',
        verdict: 'Unproven',
      }),
      // Overlaps the first, and crosses the <em>.
      annotationOf(text, 'Tarnow canal would carry twice its old tonnage', {
        id: 'overlap-2',
        tag: 'analyst-opinion',
        note: 'Tonnage <unverified> & disputed',
      }),
      annotationAt(text, crossStart, crossEnd, { id: 'cross-3', tag: 'reported-fact', source: 'Site visit' }),
      annotationOf(text, CROSSINGS, { id: 'item-4', tag: 'reported-fact', verdict: 'Accurate' }),
      annotationAt(text, 5, 5, {
        id: 'orphan-5',
        tag: 'analyst-opinion',
        quote: 'A sentence that was cut.',
        status: 'orphaned',
      }),
    ];
  });

  describe('serialize: a page to publish', () => {
    const published: ExportSource = {
      ...rich,
      document: {
        ...rich.document,
        meta: {
          title: rich.document.title,
          url: 'https://news.example/2025/canal',
          publisher: 'Tarnow Herald',
          author: 'K. Lind',
          datePublished: '2025-03-04',
          language: 'pl',
        },
      },
      reviewer: { name: 'Canal Check', url: 'https://check.example/' },
    };
    const doc = page(htmlFormat.serialize(published, { annotations: 'reviewed' }));
    const reviewedIds = ['claim-1', 'overlap-2', 'item-4'];

    it('highlights and lists only the annotations with a note or a verdict', () => {
      const marked = new Set(
        [...article(doc).querySelectorAll<HTMLElement>('mark')].map((m) => m.dataset.annotationId),
      );
      expect([...marked].sort()).to.deep.equal([...reviewedIds].sort());
      expect(listItems(doc).map((li) => li.dataset.annotationId)).to.deep.equal(reviewedIds);
      const all = page(htmlFormat.serialize(published, { annotations: 'all' }));
      expect(listItems(all)).to.have.length(rich.annotations.length);
      expect(listItems(page(htmlFormat.serialize(published)))).to.have.length(rich.annotations.length);
    });

    it('puts each verdict beside its highlight, in its label', () => {
      const label = article(doc).querySelector('mark[data-annotation-id="claim-1"]')!.previousElementSibling!;
      const verdicts = [...article(doc).querySelectorAll('.claim-label .claim-verdict')].map((v) => v.textContent);
      expect(verdicts.sort()).to.deep.equal(['Accurate', 'Unproven']);
      expect(label.querySelector('.claim-verdict')?.textContent).to.equal('Unproven');
      expect(valueOf(htmlFormat.parse(htmlFormat.serialize(published))).text, 'labels are not article text').to.equal(
        rich.document.text,
      );
    });

    it('writes dates in the locale’s own form, not as a UTC string', () => {
      const times = [...doc.querySelectorAll('header time')];
      expect(times.map((t) => t.getAttribute('datetime'))).to.deep.equal(['2025-03-04', GENERATED]);
      const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
      expect(times.map((t) => t.textContent)).to.deep.equal([
        local.format(new Date('2025-03-04')),
        local.format(new Date(GENERATED)),
      ]);
      expect(doc.querySelector('header')!.textContent).not.to.include('GMT');
    });

    it('links the header to the original article, the publisher’s site and the reviewer', () => {
      const links = [...doc.querySelectorAll<HTMLAnchorElement>('header a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]);
      expect(links).to.deep.equal([
        ['Tarnow Herald', 'https://news.example/'],
        ['Read the original article', 'https://news.example/2025/canal'],
        ['Canal Check', 'https://check.example/'],
      ]);
      expect(doc.querySelector('.byline')!.textContent).to.include('By K. Lind');
      expect(article(doc).getAttribute('lang')).to.equal('pl');
    });

    it('links nothing that is not http(s), and shows a header without metadata as before', () => {
      const hostile = {
        ...published,
        document: { ...published.document, meta: { url: 'javascript:alert(1)', publisher: 'P' } },
      };
      const links = [...page(htmlFormat.serialize(hostile)).querySelectorAll('header a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(links).to.deep.equal(['https://check.example/']);
      expect(page(htmlFormat.serialize(rich)).querySelectorAll('header a, .byline')).to.have.length(0);
    });
  });

  describe('serialize: a standalone page', () => {
    const html = htmlFormat.serialize(rich);
    const doc = page(html);

    it('declares its file name and media type', () => {
      expect(htmlFormat.fileName).to.match(/\.html$/);
      expect(htmlFormat.mediaType).to.match(/^text\/html/);
    });

    it('is a whole document: doctype, html, head with charset, title and one inline <style>', () => {
      expect(html.trimStart().toLowerCase().startsWith('<!doctype html>')).to.equal(true);
      expect(doc.documentElement.localName).to.equal('html');
      expect(doc.querySelector('head meta[charset]')?.getAttribute('charset')?.toLowerCase()).to.equal('utf-8');
      expect(doc.title).to.equal(rich.document.title);
      const styles = doc.querySelectorAll('style');
      expect(styles).to.have.length(1);
      expect(styles[0].closest('head'), 'the style is in the head').to.not.equal(null);
      expect(styles[0].textContent).to.include('@media print');
    });

    it('has no script, no event handler, no javascript: URL and no external resource', () => {
      expect(activeContentIn(doc)).to.deep.equal([]);
      expect(html).not.to.match(/<script/i);
      expect(doc.querySelectorAll('link, [src]')).to.have.length(0);
    });

    it('keeps the article structure, text and safe links', () => {
      const body = article(doc);
      expect(body.querySelector('h2')?.textContent).to.equal('Canal claims meet silting doubts');
      expect(body.querySelector('blockquote')).to.not.equal(null);
      expect(body.querySelectorAll('ul > li')).to.have.length(2);
      expect(body.querySelector('a[href="https://example.org/dredging"]')?.textContent).to.equal('through the night');
      const withoutLabels = body.cloneNode(true) as Element;
      withoutLabels.querySelectorAll('.claim-label').forEach((label) => label.remove());
      expect(withoutLabels.textContent).to.include('Dredgers worked through the night & at dawn.');
    });

    it('renders each anchored annotation as mark[data-tag][data-annotation-id] covering exactly its quote', () => {
      for (const a of rich.annotations.filter((x) => x.status !== 'orphaned')) {
        const marks = marksOf(doc, a.id);
        expect(marks.length, a.id).to.be.greaterThan(0);
        for (const mark of marks) expect(mark.dataset.tag, a.id).to.equal(a.tag);
        expect(markedText(doc, a.id), a.id).to.equal(a.quote.replace(/\n/g, ''));
      }
      expect(marksOf(doc, 'orphan-5'), 'an orphan has no highlight').to.have.length(0);
    });

    it('draws several marks where annotations overlap, cross inline markup or cross blocks', () => {
      const overlap = marksOf(doc, 'overlap-2');
      expect(overlap.length, 'marks of the overlapping annotation').to.be.greaterThan(1);
      const nested = [...marksOf(doc, 'claim-1'), ...overlap].some(
        (mark) => mark.parentElement?.closest('mark') !== null,
      );
      expect(nested, 'the overlap is drawn as nested marks').to.equal(true);
      const blocks = new Set(marksOf(doc, 'cross-3').map((mark) => mark.closest('p, li, h1, h2, h3, h4, h5, h6')));
      expect(blocks.size, 'a cross-block annotation has marks in both blocks').to.equal(2);
    });

    it('shows a visible label with the tag label text before each highlight, linking to its list entry', () => {
      const anchored = rich.annotations.filter((a) => a.status !== 'orphaned');
      const labels = [...article(doc).querySelectorAll<HTMLElement>('.claim-label')];
      expect(labels).to.have.length(anchored.length);
      for (const a of anchored) {
        const n = rich.annotations.indexOf(a) + 1;
        const label = labels.find((element) => element.querySelector('a')?.getAttribute('href') === `#annotation-${n}`);
        expect(label, `label of ${a.id}`).to.not.equal(undefined);
        expect(label!.dataset.tag).to.equal(a.tag);
        expect(label!.textContent).to.include(labelOf(a.tag));
        expect(label!.textContent).to.include(String(n));
        expect(doc.getElementById(`annotation-${n}`), `list entry ${n}`).to.not.equal(null);
        // The label comes right before the text of the annotation, outside any mark of it.
        expect(label!.closest('mark')).to.equal(null);
      }
    });

    it('lists every annotation, numbered, with label, quote, source, note and verdict', () => {
      const items = listItems(doc);
      expect(items).to.have.length(rich.annotations.length);
      rich.annotations.forEach((a, i) => {
        const item = items[i];
        expect(item.id).to.equal(`annotation-${i + 1}`);
        expect(item.dataset.annotationId).to.equal(a.id);
        expect(item.querySelector('.claim-label')?.textContent).to.equal(labelOf(a.tag));
        expect(item.querySelector('.quote')?.textContent).to.equal(a.quote);
        expect(item.querySelector('.source')?.textContent).to.equal(a.source);
        expect(item.querySelector('.note')?.textContent).to.equal(a.note);
        expect(item.querySelector('.verdict')?.textContent).to.equal(a.verdict);
        if (a.source) expect(item.textContent).to.include(`Source: ${a.source}`);
        if (a.note) expect(item.textContent).to.include(`Note: ${a.note}`);
        if (a.verdict) expect(item.textContent).to.include(`Verdict: ${a.verdict}`);
      });
      expect(items[4].textContent, 'an orphan says its text is gone').to.match(/no longer in the article/i);
    });

    it('has a legend naming every tag of the taxonomy, used or not', () => {
      const taxonomy: Tag[] = [
        ...DEFAULT_TAXONOMY,
        { id: 'unused-tag', label: 'Press release', color: '#445566', description: 'Copied from a release.' },
      ];
      const legend = page(htmlFormat.serialize(structuredSource(() => [], taxonomy))).querySelector('.legend');
      expect(legend).to.not.equal(null);
      const entries = [...legend!.querySelectorAll<HTMLElement>('li')];
      expect(entries.map((li) => li.dataset.tag)).to.deep.equal(taxonomy.map((tag) => tag.id));
      taxonomy.forEach((tag, i) => expect(entries[i].textContent).to.include(tag.label));
    });

    it('escapes the title and the article text instead of interpreting them', () => {
      expect(doc.querySelector('h1')?.textContent).to.equal(rich.document.title);
      expect(doc.querySelectorAll('meet')).to.have.length(0);
      expect(html).to.include('&lt;meet&gt;');
      expect(html).to.include('Tonnage &lt;unverified&gt; &amp; disputed');
    });

    it('uses a fallback colour for an unsafe taxonomy colour instead of writing it into the stylesheet', () => {
      const taxonomy = [{ id: 'reported-fact', label: 'Reported fact', color: 'red;}*{x:url(//evil)' }] as Tag[];
      const styled = page(htmlFormat.serialize(structuredSource(() => [], taxonomy)));
      expect(styled.querySelector('style')?.textContent).not.to.include('evil');
    });
  });

  describe('htmlFragmentFormat', () => {
    const html = htmlFragmentFormat.serialize(rich);
    const root = fragment(html);

    it('has no html, head or body element, and one scoped style', () => {
      expect(html).not.to.match(/<(html|head|body|!doctype)[\s>]/i);
      expect(root.children).to.have.length(1);
      const container = root.firstElementChild!;
      expect(container.classList.contains('claim-export')).to.equal(true);
      const styles = root.querySelectorAll('style');
      expect(styles).to.have.length(1);
      for (const rule of (styles[0].textContent ?? '')
        .split('\n')
        .filter((line) => line.includes('{') && !line.startsWith('@media'))) {
        expect(rule.trimStart().startsWith('.claim-export'), rule).to.equal(true);
      }
    });

    it('has no script, no event handler and no javascript: URL', () => {
      expect(activeContentIn(root)).to.deep.equal([]);
    });

    it('has the same highlights, labels, legend and list as the page', () => {
      const full = page(htmlFormat.serialize(rich));
      for (const a of rich.annotations) expect(markedText(root, a.id), a.id).to.equal(markedText(full, a.id));
      expect(root.querySelectorAll('.claim-label')).to.have.length(full.querySelectorAll('.claim-label').length);
      expect(root.querySelectorAll('.legend li')).to.have.length(DEFAULT_TAXONOMY.length);
      expect(listItems(root).map((li) => li.dataset.annotationId)).to.deep.equal(rich.annotations.map((a) => a.id));
    });

    it('reads back like the page', () => {
      expect(valueOf(htmlFragmentFormat.parse(html))).to.deep.equal(
        valueOf(htmlFormat.parse(htmlFormat.serialize(rich))),
      );
    });
  });

  describe('parse', () => {
    it('reads the article text and the annotations back from a page with structure', () => {
      const parsed = valueOf(htmlFormat.parse(htmlFormat.serialize(rich)));
      expect(parsed.text).to.equal(rich.document.text);
      expect(parsed.annotations.map(carriedFields)).to.deep.equal(rich.annotations.map(carriedFields));
    });

    it('refuses a page that is not an annotated-article export', () => {
      const result = htmlFormat.parse('<!doctype html><p>Just a page.</p>');
      expect(result.ok).to.equal(false);
    });

    it('round trip: parse(serialize(x)) gives the same text and annotations for random articles', () => {
      fc.assert(
        fc.property(annotatedArticleArb(), ({ text, annotations }) => {
          const source = exportSourceOf(text, annotations);
          const parsed = valueOf(htmlFormat.parse(htmlFormat.serialize(source)));
          expect(parsed.text).to.equal(text);
          expect(parsed.annotations.map(carriedFields)).to.deep.equal(annotations.map(carriedFields));
        }),
        { numRuns: 120 },
      );
    });

    it('random articles: every anchored annotation has marks covering its quote and one visible label', () => {
      fc.assert(
        fc.property(annotatedArticleArb(), ({ text, annotations }) => {
          const doc = page(htmlFormat.serialize(exportSourceOf(text, annotations)));
          expect(activeContentIn(doc)).to.deep.equal([]);
          annotations.forEach((a, i) => {
            if (a.status === 'orphaned') return;
            expect(markedText(doc, a.id), a.id).to.equal(a.quote.replace(/\n/g, ''));
            const labels = [...article(doc).querySelectorAll('.claim-label a')].filter(
              (link) => link.getAttribute('href') === `#annotation-${i + 1}`,
            );
            expect(labels, `label of ${a.id}`).to.have.length(1);
          });
        }),
        { numRuns: 80 },
      );
    });
  });

  it('writes the fixed sample plain-text article too', () => {
    const annotations = [annotationOf(WIRE_TEXT, NO_COMMENT, { id: 'plain-1' })];
    const parsed = valueOf(htmlFormat.parse(htmlFormat.serialize(exportSourceOf(WIRE_TEXT, annotations))));
    expect(parsed.text).to.equal(WIRE_TEXT);
    expect(parsed.annotations.map(carriedFields)).to.deep.equal(annotations.map(carriedFields));
  });
});
