import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Annotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { DEFAULT_VERDICT_SCALE } from '../model/verdict-scale.js';
import { claimantType, claimReviewFormat, claimReviewGaps, type ClaimReview } from './claimreview.js';
import { checkClaimReviewDocument } from './claimreview-schema.js';
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

const META = {
  title: 'Dam opening draws doubts',
  url: 'https://news.example/2025/03/kelvar-dam',
  publisher: 'Harbour Daily',
  author: 'M. Oduya',
  datePublished: '2025-03-04T07:00:00Z',
  language: 'en',
};

/** A source with every piece of data; `fields` replaces parts of it. */
function exportSource(annotations: Annotation[], fields: Partial<ExportSource> = {}): ExportSource {
  return {
    document: { id: 'kelvar-dam', title: META.title, text: TEXT, content: null, meta: META },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
    generated: '2025-03-05T08:00:00.000Z',
    reviewer: { name: 'Harbour City Fact Check', url: 'https://factcheck.example/' },
    reviewUrl: 'https://factcheck.example/reviews/kelvar',
    verdictScale: DEFAULT_VERDICT_SCALE,
    ...fields,
  };
}

/** The `@graph` items of an export, read with plain JSON.parse, after checking the export against the schema. */
function graphOf(source: ExportSource): ClaimReview[] {
  const data: unknown = JSON.parse(claimReviewFormat.serialize(source));
  expect(checkClaimReviewDocument(data)).to.deep.equal([]);
  expect(data).to.have.property('@context', 'https://schema.org');
  return (data as { '@graph': ClaimReview[] })['@graph'];
}

const reviewed = annotation({
  id: 'a1',
  quote: DAM_CLAIM,
  source: ' KCNA ',
  note: 'Capacity figures contradict the ministry’s own filing.',
  verdict: 'Mostly false',
  creator: 'A. Reviewer',
  modified: '2025-03-06T23:40:00.000+09:00',
});

/** The review of `reviewed` with full data: every field the issue maps. */
const FULL_ITEM: ClaimReview = {
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/reviews/kelvar#claim-a1',
  datePublished: '2025-03-06',
  author: { '@type': 'Organization', name: 'Harbour City Fact Check', url: 'https://factcheck.example/' },
  claimReviewed: DAM_CLAIM,
  reviewRating: {
    '@type': 'Rating',
    alternateName: 'Mostly false',
    ratingValue: 2,
    bestRating: 5,
    worstRating: 0,
    ratingExplanation: 'Capacity figures contradict the ministry’s own filing.',
  },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Organization', name: 'KCNA' },
    datePublished: '2025-03-04',
    appearance: {
      '@type': 'NewsArticle',
      url: 'https://news.example/2025/03/kelvar-dam',
      headline: 'Dam opening draws doubts',
      publisher: { '@type': 'Organization', name: 'Harbour Daily' },
      datePublished: '2025-03-04',
    },
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
    it('writes every mapped field for an annotation with full data, and passes the schema', () => {
      const output = claimReviewFormat.serialize(exportSource([reviewed]));
      expect(output).to.contain('\n  "@graph": [\n');
      expect(graphOf(exportSource([reviewed]))).to.deep.equal([FULL_ITEM]);
    });

    it('writes one review per complete annotation with a verdict, in the given order', () => {
      const graph = graphOf(
        exportSource([
          annotation({ id: 'a1', quote: 'An engineer at a Busan consultancy', tag: 'analyst-opinion', source: 'x' }),
          annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'False', source: '通信社' }),
          annotation({ id: 'a3', quote: DAM_CLAIM, verdict: '   ', source: 'KCNA' }),
          annotation({
            id: 'a4',
            quote: 'two of the six turbines were idle',
            verdict: 'Accurate',
            source: 'Officials',
          }),
          annotation({ id: 'a5', quote: 'would supply 40,000 homes', verdict: 'False' }),
        ]),
      );
      expect(graph.map((item) => [item.claimReviewed, item.reviewRating.alternateName])).to.deep.equal([
        [CJK_CLAIM, 'False'],
        ['two of the six turbines were idle', 'Accurate'],
      ]);
    });

    it('gives a numeric rating only to a verdict on the scale (case aside), and no explanation without a note', () => {
      const [onScale, offScale] = graphOf(
        exportSource([
          annotation({ id: 'a1', quote: DAM_CLAIM, verdict: ' mostly TRUE ', source: 'KCNA' }),
          annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'Satire', source: 'KCNA', note: ' ' }),
        ]),
      );
      expect(onScale.reviewRating).to.deep.equal({
        '@type': 'Rating',
        alternateName: 'mostly TRUE',
        ratingValue: 4,
        bestRating: 5,
        worstRating: 0,
      });
      expect(offScale.reviewRating).to.deep.equal({ '@type': 'Rating', alternateName: 'Satire' });
    });

    it('writes no appearance field it does not know, and no claim date without the article’s', () => {
      const [item] = graphOf(
        exportSource([reviewed], {
          document: { title: '', text: TEXT, content: null, meta: { url: 'https://news.example/a' } },
        }),
      );
      expect(item.itemReviewed).to.deep.equal({
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'KCNA' },
        appearance: { '@type': 'NewsArticle', url: 'https://news.example/a' },
      });
    });

    it('replaces a fragment of the review URL and encodes the annotation id', () => {
      const [item] = graphOf(
        exportSource([annotation({ ...reviewed, id: 'a b#c' })], { reviewUrl: 'https://factcheck.example/r#top' }),
      );
      expect(item.url).to.equal('https://factcheck.example/r#claim-a%20b%23c');
    });

    it('types the claim’s author as an Organization or a Person', () => {
      expect(claimantType('a spokesman', 'state-media-claim')).to.equal('Organization');
      expect(claimantType('KCNA', 'reported-fact')).to.equal('Organization');
      expect(claimantType('the Ministry of Energy', 'reported-fact')).to.equal('Organization');
      expect(claimantType('an analyst at the Halden Institute', 'analyst-opinion')).to.equal('Person');
      expect(claimantType('Jane Park', 'analyst-opinion')).to.equal('Person');
    });

    it('escapes <, > and & so the output cannot close a script element', () => {
      const hostile = annotation({
        id: 'a1',
        quote: 'The agency said </script><script>alert(1)</script> & <!-- more',
        source: '=HYPERLINK("http://evil.example") </SCRIPT>',
        verdict: '"; DROP TABLE reviews;-- <b>False</b>',
      });
      const title = '<img src=x onerror=alert(1)>';
      const source = exportSource([hostile], {
        document: { title, text: TEXT, content: null, meta: { ...META, title, publisher: '</script>&' } },
        reviewer: { name: 'Desk & <Co>', url: 'https://factcheck.example/?a=1&b=<2>' },
      });
      const output = claimReviewFormat.serialize(source);
      expect(output.toLowerCase()).not.to.contain('</script');
      expect(output).not.to.match(/[<>&]/);
      expect(output).to.contain('\\u003c/script\\u003e');
      const [item] = graphOf(source);
      expect(item.claimReviewed).to.equal(hostile.quote);
      expect(item.reviewRating.alternateName).to.equal(hostile.verdict);
      expect(item.itemReviewed.author.name).to.equal(hostile.source);
      expect(item.itemReviewed.appearance.headline).to.equal(title);
      expect(item.author.name).to.equal('Desk & <Co>');
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

  describe('missing data', () => {
    const noSource = annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'False', source: ' ' });
    const untouched = annotation({ id: 'a3', quote: 'Officials confirmed' });

    it('reports, per annotation with a verdict, exactly what it lacks', () => {
      const gaps = claimReviewGaps(exportSource([reviewed, noSource, untouched]));
      expect(gaps.map(({ annotationId, missing }) => ({ annotationId, missing }))).to.deep.equal([
        { annotationId: 'a2', missing: ['source'] },
      ]);
      expect(gaps[0].message).to.contain(CJK_CLAIM).and.contain('who made the claim (source)');
      const bare = claimReviewGaps(exportSource([reviewed, noSource], { reviewer: undefined, reviewUrl: undefined }));
      expect(bare.map(({ annotationId, missing }) => ({ annotationId, missing }))).to.deep.equal([
        { annotationId: 'a1', missing: ['review-url', 'reviewer'] },
        { annotationId: 'a2', missing: ['review-url', 'reviewer', 'source'] },
      ]);
      expect(bare[0].message).to.contain('the review URL (review-url)').and.contain('(reviewer)');
    });

    it('reports nothing when every review is complete', () => {
      expect(claimReviewGaps(exportSource([reviewed, untouched]))).to.deep.equal([]);
    });

    it('never writes an incomplete review: what is reported is left out whole', () => {
      expect(graphOf(exportSource([reviewed, noSource])).map((item) => item.url)).to.deep.equal([FULL_ITEM.url]);
      expect(graphOf(exportSource([reviewed], { reviewer: undefined }))).to.deep.equal([]);
      expect(graphOf(exportSource([reviewed], { reviewUrl: undefined }))).to.deep.equal([]);
    });

    it('leaves every export complete, whatever is missing (property)', () => {
      const maybe = <T>(value: T) => fc.option(fc.constant(value), { nil: undefined });
      fc.assert(
        fc.property(
          maybe({ name: 'Desk', url: 'https://desk.example' }),
          maybe('https://desk.example/r'),
          fc.array(fc.record({ source: fc.option(fc.string(), { nil: undefined }), verdict: fc.string() }), {
            maxLength: 5,
          }),
          (reviewer, reviewUrl, fields) => {
            const annotations = fields.map((f, i) => annotation({ id: `a${i}`, quote: DAM_CLAIM, ...f }));
            const source = exportSource(annotations, { reviewer, reviewUrl });
            const written = graphOf(source).length;
            const withVerdict = annotations.filter((a) => a.verdict?.trim()).length;
            expect(written + claimReviewGaps(source).length).to.equal(withVerdict);
          },
        ),
        { numRuns: 50 },
      );
    });
  });

  describe('parse and the schema', () => {
    it('reads back what serialize wrote', () => {
      const source = exportSource([
        reviewed,
        annotation({ id: 'a2', quote: CJK_CLAIM, verdict: 'False', source: '通信社', tag: 'reported-fact' }),
        annotation({ id: 'a3', quote: 'Officials confirmed', verdict: '<Unproven> & "disputed"', source: 'x' }),
      ]);
      const reviews = valueOf(claimReviewFormat.parse(claimReviewFormat.serialize(source)));
      expect(reviews).to.deep.equal(graphOf(source));
    });

    it('round-trips any quote, verdict and names (property)', () => {
      const text = fc.string({ unit: 'binary' });
      const nonBlank = text.filter((value) => value.trim() !== '');
      fc.assert(
        fc.property(
          text.filter((q) => q !== ''),
          nonBlank,
          nonBlank,
          nonBlank,
          (quote, verdict, source, title) => {
            const output = claimReviewFormat.serialize(
              exportSource([annotation({ id: 'a1', quote, verdict, source })], {
                document: { title, text: TEXT, content: null, meta: { ...META, title: title.trim() } },
              }),
            );
            expect(output).not.to.match(/[<>&]/);
            const [review] = valueOf(claimReviewFormat.parse(output));
            expect(review.claimReviewed).to.equal(quote);
            expect(review.reviewRating.alternateName).to.equal(verdict.trim());
          },
        ),
        { numRuns: 50 },
      );
    });

    it('rejects empty and non-JSON input', () => {
      expect(errorsOf(claimReviewFormat.parse(''))[0]).to.match(/empty/);
      expect(errorsOf(claimReviewFormat.parse(' '.repeat(MAX_IMPORT_BYTES + 1)))[0]).to.match(/too large/);
      expect(errorsOf(claimReviewFormat.parse('{"@graph": [')).at(0)).to.match(/not valid JSON/);
    });

    it('names every field that breaks the schema', () => {
      const rating = FULL_ITEM.reviewRating;
      const claim = FULL_ITEM.itemReviewed;
      const input = graphDocument(
        FULL_ITEM,
        { ...FULL_ITEM, '@type': 'Review' },
        { ...FULL_ITEM, url: 'javascript:alert(1)', datePublished: '6 March 2025' },
        { ...FULL_ITEM, author: { '@type': 'Person', name: 'x', url: 'https://x.example' } },
        { ...FULL_ITEM, reviewRating: { ...rating, alternateName: ' ', ratingValue: 9 } },
        { ...FULL_ITEM, reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1 } },
        { ...FULL_ITEM, itemReviewed: { ...claim, author: undefined, extra: 1 } },
        { ...FULL_ITEM, itemReviewed: { ...claim, appearance: { ...claim.appearance, url: 'ftp://x' } } },
      );
      expect(errorsOf(claimReviewFormat.parse(input))).to.deep.equal([
        '@graph[1]["@type"] must be "ClaimReview".',
        '@graph[2].url must be an http(s) URL.',
        '@graph[2].datePublished must be an ISO 8601 date.',
        '@graph[3].author["@type"] must be "Organization".',
        '@graph[4].reviewRating.alternateName must be non-blank text.',
        '@graph[4].reviewRating.ratingValue must lie between worstRating and bestRating.',
        '@graph[5].reviewRating: ratingValue, bestRating and worstRating go together.',
        '@graph[6].itemReviewed.author is missing.',
        '@graph[6].itemReviewed.extra is not a field of this schema.',
        '@graph[7].itemReviewed.appearance.url must be an http(s) URL.',
      ]);
    });

    it('requires the context and the graph', () => {
      expect(checkClaimReviewDocument([])).to.have.length(1);
      expect(checkClaimReviewDocument({ '@graph': [] })).to.deep.equal(['"@context" must be "https://schema.org".']);
      expect(checkClaimReviewDocument({ '@context': 'https://schema.org' })).to.deep.equal([
        '"@graph" must be a list of ClaimReview items.',
      ]);
    });

    it('never throws, whatever the input (property)', () => {
      const json = fc.jsonValue().map((value) => JSON.stringify(value));
      const graph = fc.array(fc.oneof(fc.jsonValue(), fc.constant(FULL_ITEM))).map((items) => graphDocument(...items));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), json, graph), (input) => {
          const result = claimReviewFormat.parse(input);
          if (!result.ok) expect(result.errors).not.to.be.empty;
        }),
        { numRuns: 300 },
      );
    });
  });
});
