import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Annotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { DEFAULT_REVIEW_AUTHOR, claimReviewFormat, type ClaimReview } from './claimreview.js';
import { MAX_IMPORT_BYTES, type ExportSource } from './format.js';
import { annotationIn, errorsOf, valueOf } from '../test-support/formats-helpers.js';

/** Invented wire copy; nothing here is real reporting. */
const TEXT = [
  'The state news agency said the Kelvar dam, finished "ahead of every plan," would supply 40,000 homes.',
  'An engineer at a Busan consultancy called the figure implausible.',
  'Officials confirmed that two of the six turbines were idle on Tuesday.',
  '通信社は「完全な成功」だと伝えた 🚀.',
].join('\n');

const DAM_CLAIM = 'finished "ahead of every plan," would supply 40,000 homes';
const CJK_CLAIM = '通信社は「完全な成功」だと伝えた 🚀.';

function annotation(fields: Partial<Annotation> & Pick<Annotation, 'id' | 'quote'>): Annotation {
  return annotationIn(TEXT, fields);
}

function exportSource(annotations: Annotation[], document: Partial<ExportSource['document']> = {}): ExportSource {
  return {
    document: {
      id: 'https://news.example/2025/03/kelvar-dam',
      title: 'Dam opening draws doubts',
      text: TEXT,
      content: null,
      ...document,
    },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
    generated: '2025-03-05T08:00:00.000Z',
  };
}

/** The `@graph` items of an export, read with plain JSON.parse. */
function graphOf(source: ExportSource): ClaimReview[] {
  const data: unknown = JSON.parse(claimReviewFormat.serialize(source));
  expect(data).to.have.property('@context', 'https://schema.org');
  return (data as { '@graph': ClaimReview[] })['@graph'];
}

const reviewed = annotation({
  id: 'a1',
  quote: DAM_CLAIM,
  source: ' KCNA ',
  note: 'Capacity figures contradict the ministry’s own filing.',
  verdict: 'Misleading',
  creator: 'Harbour City Fact Check',
  modified: '2025-03-06T23:40:00.000+09:00',
});

/** A ClaimReview item with every key this format knows. */
const FULL_ITEM = {
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/kelvar',
  datePublished: '2025-03-06',
  claimReviewed: DAM_CLAIM,
  author: { '@type': 'Organization', name: 'Harbour City Fact Check' },
  reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
  itemReviewed: {
    '@type': 'Claim',
    description: 'State-media claim',
    author: { '@type': 'Thing', name: 'KCNA' },
    appearance: { '@type': 'CreativeWork', headline: 'Dam opening draws doubts', url: 'https://news.example/a' },
    datePublished: '2025-03-04',
  },
};

function graphDocument(...items: unknown[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': items });
}

describe('claimReviewFormat', () => {
  it('declares its file name and media type', () => {
    expect(claimReviewFormat.fileName).to.match(/\.jsonld$/);
    expect(claimReviewFormat.mediaType).to.equal('application/ld+json');
  });

  describe('serialize', () => {
    it('writes one review per annotation with a verdict, in the given order', () => {
      const graph = graphOf(
        exportSource([
          annotation({
            id: 'a1',
            quote: 'An engineer at a Busan consultancy called the figure implausible.',
            tag: 'analyst-opinion',
          }),
          annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'False' }),
          annotation({ id: 'a3', quote: DAM_CLAIM, verdict: '   ' }),
          annotation({
            id: 'a4',
            quote: 'two of the six turbines were idle',
            tag: 'reported-fact',
            verdict: 'Accurate',
          }),
          annotation({ id: 'a5', quote: 'would supply 40,000 homes', verdict: '' }),
        ]),
      );
      expect(graph.map((item) => [item.claimReviewed, item.reviewRating.alternateName])).to.deep.equal([
        [CJK_CLAIM, 'False'],
        ['two of the six turbines were idle', 'Accurate'],
      ]);
    });

    it('writes an empty graph when no annotation has a verdict', () => {
      expect(graphOf(exportSource([annotation({ id: 'a1', quote: DAM_CLAIM })]))).to.deep.equal([]);
    });

    it('maps the annotation, its tag and the article to schema.org fields, pretty-printed', () => {
      const output = claimReviewFormat.serialize(exportSource([reviewed]));
      expect(output).to.contain('\n  "@graph": [\n');
      expect(graphOf(exportSource([reviewed]))).to.deep.equal([
        {
          '@type': 'ClaimReview',
          datePublished: '2025-03-06',
          claimReviewed: DAM_CLAIM,
          author: { '@type': 'Organization', name: 'Harbour City Fact Check' },
          reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
          itemReviewed: {
            '@type': 'Claim',
            description: 'State-media claim',
            author: { '@type': 'Thing', name: 'KCNA' },
            appearance: {
              '@type': 'CreativeWork',
              headline: 'Dam opening draws doubts',
              url: 'https://news.example/2025/03/kelvar-dam',
            },
          },
        },
      ]);
    });

    it('falls back to the desk as review author, and leaves out a missing claim author', () => {
      const [item] = graphOf(
        exportSource([annotation({ id: 'a1', quote: DAM_CLAIM, verdict: 'False', creator: ' ', source: '' })]),
      );
      expect(item.author).to.deep.equal({ '@type': 'Organization', name: DEFAULT_REVIEW_AUTHOR });
      expect(DEFAULT_REVIEW_AUTHOR).to.equal('Fact-check desk');
      expect(item.itemReviewed).not.to.have.property('author');
    });

    it('uses the tag id as description when the taxonomy does not know the tag', () => {
      const [item] = graphOf(
        exportSource([annotation({ id: 'a1', quote: DAM_CLAIM, verdict: 'False', tag: 'imported-tag' })]),
      );
      expect(item.itemReviewed?.description).to.equal('imported-tag');
    });

    it('gives the appearance a URL only when the document id is an http(s) URL', () => {
      const urlFor = (id: string | undefined) =>
        graphOf(exportSource([reviewed], { id }))[0].itemReviewed?.appearance?.url;
      expect(urlFor('http://news.example/kelvar')).to.equal('http://news.example/kelvar');
      expect(urlFor('kelvar-dam-2025')).to.equal(undefined);
      expect(urlFor('javascript:alert(1)')).to.equal(undefined);
      expect(urlFor('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66')).to.equal(undefined);
      expect(urlFor(undefined)).to.equal(undefined);
    });

    it('leaves out an empty headline and an unreadable modification date', () => {
      const [item] = graphOf(exportSource([annotation({ ...reviewed, modified: 'yesterday' })], { title: '' }));
      expect(item).not.to.have.property('datePublished');
      expect(item.itemReviewed?.appearance).to.deep.equal({
        '@type': 'CreativeWork',
        url: 'https://news.example/2025/03/kelvar-dam',
      });
    });

    it('escapes <, > and & so the output cannot close a script element', () => {
      const hostile = annotation({
        id: 'a1',
        quote: 'The agency said </script><script>alert(1)</script> & <!-- more',
        source: '=HYPERLINK("http://evil.example") </SCRIPT>',
        verdict: '"; DROP TABLE reviews;-- <b>False</b>',
        creator: 'Desk & Co',
      });
      const output = claimReviewFormat.serialize(exportSource([hostile], { title: '<img src=x onerror=alert(1)>' }));
      expect(output.toLowerCase()).not.to.contain('</script');
      expect(output).not.to.match(/[<>&]/);
      expect(output).to.contain('\\u003c/script\\u003e');
      const [item] = graphOf(exportSource([hostile], { title: '<img src=x onerror=alert(1)>' }));
      expect(item.claimReviewed).to.equal(hostile.quote);
      expect(item.reviewRating.alternateName).to.equal(hostile.verdict);
      expect(item.itemReviewed?.author?.name).to.equal(hostile.source);
      expect(item.itemReviewed?.appearance?.headline).to.equal('<img src=x onerror=alert(1)>');
    });

    it('stays inside one script element in a real document', () => {
      const output = claimReviewFormat.serialize(
        exportSource([annotation({ ...reviewed, quote: '</script><script>alert(1)</script>' })]),
      );
      const page = new DOMParser().parseFromString(
        `<script type="application/ld+json">${output}</script>`,
        'text/html',
      );
      const scripts = page.querySelectorAll('script');
      expect(scripts).to.have.length(1);
      expect(JSON.parse(scripts[0].textContent ?? '')).to.deep.equal(JSON.parse(output));
    });
  });

  describe('parse', () => {
    it('reads back what serialize wrote', () => {
      const source = exportSource([
        reviewed,
        annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'False', source: '通信社', tag: 'reported-fact' }),
        annotation({ id: 'a3', quote: 'Officials confirmed', verdict: '<Unproven> & "disputed"' }),
      ]);
      const reviews = valueOf(claimReviewFormat.parse(claimReviewFormat.serialize(source)));
      expect(reviews).to.deep.equal(graphOf(source));
      expect(reviews.map((review) => review.reviewRating.alternateName)).to.deep.equal([
        'Misleading',
        'False',
        '<Unproven> & "disputed"',
      ]);
    });

    it('round-trips any quote, verdict and names (property)', () => {
      const text = fc.string({ unit: 'binary' });
      fc.assert(
        fc.property(
          text,
          text.filter((verdict) => verdict.trim() !== ''),
          text,
          text,
          text,
          (quote, verdict, source, creator, title) => {
            const output = claimReviewFormat.serialize(
              exportSource([annotation({ id: 'a1', quote, verdict, source, creator })], { title }),
            );
            expect(output).not.to.match(/[<>&]/);
            const [review] = valueOf(claimReviewFormat.parse(output));
            expect(review.claimReviewed).to.equal(quote);
            expect(review.reviewRating.alternateName).to.equal(verdict.trim());
          },
        ),
        { numRuns: 200 },
      );
    });

    it('keeps the known fields of another tool’s ClaimReview and drops unknown ones', () => {
      const input = graphDocument({
        ...FULL_ITEM,
        sdPublisher: { name: 'x' },
        itemReviewed: { ...FULL_ITEM.itemReviewed, firstAppearance: 'y' },
      });
      expect(valueOf(claimReviewFormat.parse(input))).to.deep.equal([FULL_ITEM]);
    });

    it('accepts a minimal ClaimReview and the http schema.org context', () => {
      const minimal = {
        '@type': 'ClaimReview',
        claimReviewed: 'Output doubled.',
        reviewRating: { alternateName: 'False' },
      };
      const input = JSON.stringify({ '@context': 'http://schema.org/', '@graph': [minimal] });
      expect(valueOf(claimReviewFormat.parse(input))).to.deep.equal([
        {
          '@type': 'ClaimReview',
          claimReviewed: 'Output doubled.',
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
        },
      ]);
    });

    it('rejects empty, oversized and non-JSON input', () => {
      expect(errorsOf(claimReviewFormat.parse(''))[0]).to.match(/empty/);
      expect(errorsOf(claimReviewFormat.parse(' \n'))[0]).to.match(/empty/);
      expect(errorsOf(claimReviewFormat.parse(' '.repeat(MAX_IMPORT_BYTES + 1)))[0]).to.match(/too large/);
      expect(errorsOf(claimReviewFormat.parse('{"@graph": [')).at(0)).to.match(
        /^The ClaimReview file is not valid JSON: /,
      );
      expect(errorsOf(claimReviewFormat.parse('['.repeat(100_000))).at(0)).to.match(/not valid JSON/);
    });

    it('rejects anything but the graph form', () => {
      const cases: [string, RegExp][] = [
        [JSON.stringify([FULL_ITEM]), /not a JSON-LD object/],
        ['"ClaimReview"', /not a JSON-LD object/],
        ['null', /not a JSON-LD object/],
        [JSON.stringify({ '@context': 'https://schema.org', ...FULL_ITEM }), /no "@graph" array/],
        [JSON.stringify({ '@graph': [FULL_ITEM] }), /"@context" must be "https:\/\/schema.org"/],
        [JSON.stringify({ '@context': 'https://evil.example/schema.org', '@graph': [] }), /"@context"/],
        [JSON.stringify({ '@context': 'https://schema.org', '@graph': {} }), /no "@graph" array/],
      ];
      for (const [input, message] of cases) {
        expect(errorsOf(claimReviewFormat.parse(input)), input)
          .to.have.length(1)
          .and.satisfy((errors: string[]) => message.test(errors[0]));
      }
    });

    it('names every malformed item and field', () => {
      const input = graphDocument(
        FULL_ITEM,
        { ...FULL_ITEM, '@type': 'Review' },
        { ...FULL_ITEM, claimReviewed: 42 },
        { ...FULL_ITEM, reviewRating: { '@type': 'Rating', ratingValue: 1 } },
        { ...FULL_ITEM, reviewRating: { alternateName: '  ' } },
        { ...FULL_ITEM, author: 'Harbour City Fact Check', datePublished: 20250306 },
        { ...FULL_ITEM, itemReviewed: { ...FULL_ITEM.itemReviewed, '@type': 'CreativeWork' } },
        {
          ...FULL_ITEM,
          itemReviewed: { ...FULL_ITEM.itemReviewed, appearance: 'https://news.example/a', description: ['x'] },
        },
        'ClaimReview',
      );
      expect(errorsOf(claimReviewFormat.parse(input))).to.deep.equal([
        '@graph[1] must be an object with "@type": "ClaimReview".',
        '@graph[2].claimReviewed (the quoted claim) must be a string.',
        '@graph[3].reviewRating.alternateName (the verdict) must be a non-empty string.',
        '@graph[4].reviewRating.alternateName (the verdict) must be a non-empty string.',
        '@graph[5].datePublished must be a string.',
        '@graph[5].author must be an object with a string "name".',
        '@graph[6].itemReviewed must be an object with "@type": "Claim".',
        '@graph[7].itemReviewed.appearance must be an object.',
        '@graph[7].itemReviewed.description must be a string.',
        '@graph[8] must be an object with "@type": "ClaimReview".',
      ]);
    });

    it('lists at most 20 item errors and says how many more there were', () => {
      const errors = errorsOf(claimReviewFormat.parse(graphDocument(...Array.from({ length: 25 }, () => ({})))));
      expect(errors).to.have.length(21);
      expect(errors[20]).to.equal('…and 5 more errors.');
    });

    it('never throws, whatever the input (property)', () => {
      const json = fc.jsonValue().map((value) => JSON.stringify(value));
      const nearlyReview = fc.record({
        '@type': fc.constant('ClaimReview'),
        claimReviewed: fc.jsonValue(),
        reviewRating: fc.jsonValue(),
        itemReviewed: fc.jsonValue(),
        author: fc.jsonValue(),
      });
      const graph = fc.array(fc.oneof(fc.jsonValue(), nearlyReview)).map((items) => graphDocument(...items));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), json, graph), (input) => {
          const result = claimReviewFormat.parse(input);
          if (!result.ok) expect(result.errors).not.to.be.empty;
        }),
        { numRuns: 1000 },
      );
    });
  });
});
