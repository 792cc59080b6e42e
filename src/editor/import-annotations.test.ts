import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import type { ImportedAnnotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import {
  annotationAt,
  annotationOf,
  planOn,
  wordArb,
  type PlannedAnnotation,
} from '../test-support/formats-helpers.js';
import { withCurrentText } from './annotation-record.js';
import { articleFromText, parseArticleHTML } from './article.js';
import { createArticleState } from './create-state.js';
import { planImport, resolveTag } from './import-annotations.js';
import { TextIndex } from './text-index.js';

/** Invented wire copy; nothing here is real reporting. */
const S_A = 'The interior ministry said the new dam at Keldra would supply forty thousand homes by winter.';
const S_B = 'Local officials gave no figures.';
const S_C = 'A hydrologist at the Northern Water Council said the reservoir would take three years to fill.';
const S_D = 'She called the winter target unrealistic.';
const S_E = 'Construction crews were seen leaving the site on Monday.';
const S_F = 'The ministry did not respond to questions.';

function html(...paragraphs: string[][]): string {
  return paragraphs.map((sentences) => `<p>${sentences.join(' ')}</p>`).join('');
}

const ORIGINAL = parseArticleHTML(html([S_A, S_B], [S_C, S_D], [S_E, S_F]));
const ORIGINAL_TEXT = TextIndex.of(ORIGINAL).text;

/** What a native file made from the original article says about `quote`. */
function fromOriginal(quote: string, fields: Partial<ImportedAnnotation> = {}, occurrence = 0): ImportedAnnotation {
  const { status: _status, ...annotation } = annotationOf(
    ORIGINAL_TEXT,
    quote,
    { id: `id-${quote.slice(0, 12)}`, tag: 'reported-fact' },
    occurrence,
  );
  return { ...annotation, ...fields };
}

function spanOf(doc: PMNode, sentence: string, occurrence = 0): { start: number; end: number } {
  const text = TextIndex.of(doc).text;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(sentence, start + 1);
    if (start < 0) throw new Error(`${JSON.stringify(sentence)} is not in the article.`);
  }
  return { start, end: start + sentence.length };
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function only(planned: PlannedAnnotation[]): PlannedAnnotation {
  expect(planned).to.have.length(1);
  return planned[0];
}

describe('planImport on an edited article', () => {
  it('anchors annotations whose text has not moved, and reports them as added', () => {
    const { plan, planned } = planOn(ORIGINAL, [fromOriginal(S_B), fromOriginal(S_D, { tag: 'analyst-opinion' })]);
    expect(plan.report).to.deep.equal({ added: 2, updated: 0, reanchored: 0, orphaned: 0, errors: [] });
    expect(planned.map((p) => [p.status, p.text, p.tag])).to.deep.equal([
      ['anchored', S_B, 'reported-fact'],
      ['anchored', S_D, 'analyst-opinion'],
    ]);
  });

  it('re-anchors a slightly reworded sentence to the reworded sentence, for review', () => {
    const reworded = S_A.replace('homes', 'households');
    const rewordedC = S_C.replace('three years', 'four years');
    const edited = parseArticleHTML(html([reworded, S_B], [rewordedC, S_D], [S_E, S_F]));
    const { plan, planned } = planOn(edited, [fromOriginal(S_A), fromOriginal(S_C)]);
    expect(plan.report.reanchored).to.equal(2);
    expect(plan.report.orphaned).to.equal(0);
    for (const [p, sentence] of [
      [planned[0], reworded],
      [planned[1], rewordedC],
    ] as const) {
      expect(p.status).to.equal('reanchored');
      const target = spanOf(edited, sentence);
      const covered = overlap(p, target);
      expect(covered, `${JSON.stringify(p.text)} covers most of the reworded sentence`).to.be.at.least(
        0.9 * sentence.length,
      );
      expect(p.text.trim().length, `${JSON.stringify(p.text)} reaches outside the sentence`).to.be.at.most(covered);
      // The record's text is read from the document it now covers, not a stale copy of the old one.
      expect(withCurrentText(edited, p.record).quote).to.equal(p.text);
    }
  });

  it('re-anchors a sentence whose last word got shorter without taking in the start of the next sentence', () => {
    const before = 'Barge traffic was light on Sunday.';
    const claim = 'The ministry said the harbour would open in autumn.';
    const reworded = 'The ministry said the harbour would open in May.';
    const after = '4.5% of cargo fell.';
    const originalText = `${before} ${claim} ${after}`;
    const edited = articleFromText(`${before} ${reworded} ${after}`);
    const { status: _status, ...imported } = annotationOf(originalText, claim, {
      id: 'shorter',
      tag: 'state-media-claim',
    });
    const p = only(planOn(edited, [imported]).planned);
    expect(p.status).to.equal('reanchored');
    // Two alignments are equally close to the old quote: "…in May." and "…in May. 4."; only the first keeps the old
    // suffix.
    expect(p.text.trimEnd(), 'the reworded sentence, and nothing of the next one').to.equal(reworded);
  });

  it('re-anchors a long sentence moved to another paragraph to its new place', () => {
    const edited = parseArticleHTML(html([S_B], [S_C, S_D], [S_E, S_A, S_F]));
    const p = only(planOn(edited, [fromOriginal(S_A)]).planned);
    expect(p.status).to.equal('reanchored');
    expect({ start: p.start, end: p.end }).to.deep.equal(spanOf(edited, S_A));
    expect(p.text).to.equal(S_A);
  });

  it("orphans a short sentence found only in new context on both sides: it cannot be told from a deleted one's twin", () => {
    const edited = parseArticleHTML(html([S_A], [S_C, S_D], [S_E, S_B, S_F]));
    const p = only(planOn(edited, [fromOriginal(S_B)]).planned);
    expect(p.status).to.equal('orphaned');
  });

  it('orphans an annotation whose sentence was deleted, and keeps it', () => {
    const edited = parseArticleHTML(html([S_A, S_B], [S_C, S_D], [S_F]));
    const { plan, planned } = planOn(edited, [fromOriginal(S_E, { note: 'Seen by our reporter.' })]);
    expect(plan.report).to.include({ added: 1, orphaned: 1, reanchored: 0 });
    const p = only(planned);
    expect(p.status).to.equal('orphaned');
    expect(p.start).to.equal(p.end);
    expect(p.record.quote, 'the orphan keeps its last known text').to.equal(S_E);
    expect(p.record.note).to.equal('Seen by our reporter.');
  });

  it('orphans a short quote whose only occurrence was reworded, rather than guess', () => {
    const edited = parseArticleHTML(html([S_A, S_B], [S_C, S_D.replace('winter target', 'spring goal')], [S_E, S_F]));
    const p = only(planOn(edited, [fromOriginal('winter target')]).planned);
    expect(p.status).to.equal('orphaned');
  });

  it('with a duplicated sentence, picks the copy in the original context or orphans it — never the other copy', () => {
    // The statement is quoted again as a pull-quote at the top, in new context.
    const edited = parseArticleHTML(html([S_F], [S_A, S_B], [S_C, S_D], [S_E, S_F]));
    const p = only(planOn(edited, [fromOriginal(S_F)]).planned);
    if (p.status !== 'orphaned') expect({ start: p.start, end: p.end }).to.deep.equal(spanOf(edited, S_F, 1));
  });

  it('orphans a quote-only annotation when two identical copies in identical context are left', () => {
    const edited = parseArticleHTML(html([S_A, S_B], [S_E, S_F], [S_E, S_F]));
    const { quote } = fromOriginal(S_F);
    const p = only(planOn(edited, [{ id: 'other-tool-1', tag: 'reported-fact', quote }]).planned);
    expect(p.status).to.equal('orphaned');
  });

  it('puts an annotation whose sentence now occurs twice, out of its old context, on one of the copies or orphans it', () => {
    const edited = parseArticleHTML(html([S_C, S_B], [S_C, S_B]));
    const p = only(planOn(edited, [fromOriginal(S_B)]).planned);
    // S_B stood between S_A and S_C; both copies have lost S_A before them and only one can be "nearest".
    if (p.status !== 'orphaned') {
      const copies = [spanOf(edited, S_B, 0), spanOf(edited, S_B, 1)];
      expect(
        copies.some((copy) => copy.start === p.start && copy.end === p.end),
        'on one of the copies, never elsewhere',
      ).to.equal(true);
    }
  });

  it('anchors a quote-only annotation that occurs once, and a position-only one at its offsets', () => {
    const { planned } = planOn(ORIGINAL, [
      { id: 'q', tag: 'reported-fact', quote: S_E },
      { id: 'p', tag: 'analyst-opinion', ...spanOf(ORIGINAL, S_D) },
    ]);
    expect(planned.map((p) => [p.id, p.status, p.text])).to.deep.equal([
      ['q', 'anchored', S_E],
      ['p', 'anchored', S_D],
    ]);
  });

  it('keeps a "needs review" status from the file for an annotation that still fits', () => {
    const p = only(planOn(ORIGINAL, [fromOriginal(S_B, { status: 'reanchored' })]).planned);
    expect(p.status).to.equal('reanchored');
  });

  it('gives an annotation without an id a fresh one, and keeps every other field', () => {
    const { id: _id, ...withoutId } = fromOriginal(S_D, {
      source: 'Northern Water Council',
      note: 'Call notes.',
      verdict: 'Plausible',
      creator: 'Desk',
    });
    const p = only(planOn(ORIGINAL, [withoutId]).planned);
    expect(p.id).to.be.a('string').and.not.equal('');
    expect(p.record).to.include({
      source: 'Northern Water Council',
      note: 'Call notes.',
      verdict: 'Plausible',
      creator: 'Desk',
      created: withoutId.created,
      modified: withoutId.modified,
    });
  });
});

describe('planImport tags', () => {
  it('plans nothing for an unknown tag, and lists it in report.unknownTags', () => {
    const { plan } = planOn(ORIGINAL, [
      fromOriginal(S_A, { tag: 'state-media-claim' }),
      fromOriginal(S_B, { tag: 'rumour' }),
      fromOriginal(S_C, { tag: 'Gossip' }),
    ]);
    expect(plan.records).to.deep.equal([]);
    expect(plan.report.unknownTags).to.have.members(['rumour', 'Gossip']);
    expect(plan.report.errors.join(' ')).to.include('rumour');
    expect(plan.report.added).to.equal(0);
  });

  it('maps unknown tags with tagMap', () => {
    const { plan, planned } = planOn(
      ORIGINAL,
      [fromOriginal(S_B, { tag: 'rumour' }), fromOriginal(S_C, { tag: 'Gossip' })],
      {
        tagMap: { rumour: 'state-media-claim', Gossip: 'analyst-opinion' },
      },
    );
    expect(plan.report.unknownTags).to.equal(undefined);
    expect(plan.report.errors).to.deep.equal([]);
    expect(planned.map((p) => p.tag)).to.deep.equal(['state-media-claim', 'analyst-opinion']);
  });

  it('does not accept a tagMap that maps to a tag the taxonomy lacks, or inherited object keys', () => {
    const { plan } = planOn(
      ORIGINAL,
      [
        fromOriginal(S_B, { tag: 'rumour' }),
        fromOriginal(S_C, { tag: 'constructor' }),
        fromOriginal(S_D, { tag: '__proto__' }),
      ],
      {
        tagMap: { rumour: 'no-such-tag' },
      },
    );
    expect(plan.records).to.deep.equal([]);
    expect(plan.report.unknownTags).to.have.members(['rumour', 'constructor', '__proto__']);
  });

  it('resolves tag ids, and labels in any case with surrounding spaces', () => {
    expect(resolveTag('analyst-opinion', DEFAULT_TAXONOMY)).to.equal('analyst-opinion');
    expect(resolveTag('  STATE-MEDIA CLAIM ', DEFAULT_TAXONOMY)).to.equal('state-media-claim');
    expect(resolveTag('reported FACT', DEFAULT_TAXONOMY)).to.equal('reported-fact');
    expect(resolveTag('Reported-fact ', DEFAULT_TAXONOMY)).to.equal(undefined);
  });
});

describe('planImport ids', () => {
  it('counts ids already in the editor as updated, not added', () => {
    const first = planOn(ORIGINAL, [fromOriginal(S_A), fromOriginal(S_B)]);
    const again = planOn(
      ORIGINAL,
      [fromOriginal(S_A, { note: 'Second pass.' }), fromOriginal(S_B), fromOriginal(S_C)],
      {},
      first.plan.records,
    );
    expect(again.plan.report).to.include({ added: 1, updated: 2 });
    expect(again.planned.map((p) => p.id)).to.deep.equal([
      fromOriginal(S_A).id,
      fromOriginal(S_B).id,
      fromOriginal(S_C).id,
    ]);
    expect(again.planned[0].record.note).to.equal('Second pass.');
  });

  it('plans nothing for an id given twice in one file, and says which id and where (one would silently replace the other)', () => {
    const { plan, planned } = planOn(ORIGINAL, [
      fromOriginal(S_A, { id: 'twice' }),
      fromOriginal(S_C),
      fromOriginal(S_B, { id: 'twice' }),
    ]);
    expect(plan.report).to.include({ added: 0, updated: 0 });
    expect(plan.report.errors).to.have.length(1);
    expect(plan.report.errors[0]).to.include('"twice" (annotations 0, 2)');
    expect(planned).to.deep.equal([]);
  });

  it('uses the state only for existing ids: the doc it is given is where it anchors', () => {
    const edited = articleFromText(`${S_F}\n${S_A}`);
    const state = createArticleState({ doc: ORIGINAL, settings: { mode: 'annotate', taxonomy: DEFAULT_TAXONOMY } });
    const plan = planImport(state, edited, DEFAULT_TAXONOMY, [fromOriginal(S_A)]);
    const index = TextIndex.of(edited);
    expect(index.text.slice(index.posToOffset(plan.records[0].from), index.posToOffset(plan.records[0].to))).to.equal(
      S_A,
    );
  });
});

// ---------------------------------------------------------------------------
// Property: after random sentence-level edits, a planned record is orphaned or
// sits in the same sentence — never in a different one.
// ---------------------------------------------------------------------------

interface Sentence {
  /** Identity of the sentence; its marker word is `[S<id>]`. */
  id: number;
  words: string[];
  reworded: boolean;
}

const marker = (id: number) => `[S${id}]`;
const MARKER = /\[S\d+\]/g;

function render(sentence: Sentence): string {
  return `${sentence.words.join(' ')}.`;
}

function layout(paragraphs: Sentence[][]): { text: string; spans: Map<number, { start: number; end: number }> } {
  const spans = new Map<number, { start: number; end: number }>();
  let offset = 0;
  const lines = paragraphs.map((paragraph) => {
    const parts = paragraph.map((sentence) => {
      const text = render(sentence);
      spans.set(sentence.id, { start: offset, end: offset + text.length });
      offset += text.length + 1;
      return text;
    });
    return parts.join(' ');
  });
  return { text: lines.join('\n'), spans };
}

/** Whether sentence `id` has the same sentences (or article edges) on both sides in `edited` as in `original`. */
function sameNeighbours(original: Sentence[][], edited: Sentence[][], id: number): boolean {
  const sides = (paragraphs: Sentence[][]) => {
    const ids = paragraphs.flatMap((paragraph, p) => [
      ...(p > 0 ? ['¶'] : []),
      ...paragraph.map((sentence) => String(sentence.id)),
    ]);
    const at = ids.indexOf(String(id));
    return [
      ids.slice(0, at).join(' ').slice(-6),
      ids
        .slice(at + 1)
        .join(' ')
        .slice(0, 6),
    ];
  };
  const [before, after] = sides(original);
  const [newBefore, newAfter] = sides(edited);
  return before === newBefore && after === newAfter;
}

const plainWord = wordArb.filter((word) => !word.includes('[') && !word.includes(']'));

/** An article of paragraphs of sentences, each sentence carrying its marker word somewhere among its words. */
const markedArticleArb = fc
  .array(
    fc.array(fc.tuple(fc.array(plainWord, { minLength: 1, maxLength: 8 }), fc.nat()), { minLength: 1, maxLength: 4 }),
    { minLength: 1, maxLength: 4 },
  )
  .map((paragraphs) => {
    let next = 0;
    return paragraphs.map((sentences) =>
      sentences.map(([words, at]): Sentence => {
        const id = next++;
        const withMarker = [...words];
        withMarker.splice(at % (words.length + 1), 0, marker(id));
        return { id, words: withMarker, reworded: false };
      }),
    );
  });

type Edit =
  | { kind: 'delete'; pick: number }
  | { kind: 'move'; pick: number; paragraph: number; position: number }
  | { kind: 'reword'; pick: number; word: number; replacement: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), paragraph: fc.nat(), position: fc.nat() }),
  fc.record({ kind: fc.constant('reword' as const), pick: fc.nat(), word: fc.nat(), replacement: plainWord }),
);

function applyEdits(original: Sentence[][], edits: Edit[]): Sentence[][] {
  let paragraphs = original.map((paragraph) =>
    paragraph.map((sentence) => ({ ...sentence, words: [...sentence.words] })),
  );
  for (const edit of edits) {
    const all = paragraphs.flatMap((paragraph, p) => paragraph.map((sentence, s) => ({ p, s, sentence })));
    if (all.length === 0) break;
    const { p, s, sentence } = all[edit.pick % all.length];
    if (edit.kind === 'delete') {
      paragraphs[p].splice(s, 1);
    } else if (edit.kind === 'move') {
      paragraphs[p].splice(s, 1);
      const to = paragraphs[edit.paragraph % paragraphs.length];
      to.splice(edit.position % (to.length + 1), 0, sentence);
    } else {
      const candidates = sentence.words.map((word, i) => (word === marker(sentence.id) ? -1 : i)).filter((i) => i >= 0);
      const index = candidates[edit.word % candidates.length];
      if (sentence.words[index] !== edit.replacement) {
        sentence.words[index] = edit.replacement;
        sentence.reworded = true;
      }
    }
    paragraphs = paragraphs.filter((paragraph) => paragraph.length > 0);
    if (paragraphs.length === 0) paragraphs = [[{ id: -1, words: ['Nothing', 'left'], reworded: false }]];
  }
  return paragraphs;
}

/** Annotations on sentences of the article: each a range inside one sentence that contains its marker. */
function markedAnnotationsArb(paragraphs: Sentence[][]) {
  const { text, spans } = layout(paragraphs);
  const sentences = paragraphs.flat();
  return fc
    .array(
      fc.record({
        pick: fc.nat(),
        before: fc.nat(),
        after: fc.nat(),
        tag: fc.constantFrom(...DEFAULT_TAXONOMY.map((t) => t.id)),
        whole: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((choices) =>
      choices.map((choice, i) => {
        const sentence = sentences[choice.pick % sentences.length];
        const span = spans.get(sentence.id)!;
        const markerStart = text.indexOf(marker(sentence.id), span.start);
        const markerEnd = markerStart + marker(sentence.id).length;
        // Offsets between the sentence start and the marker, and between the marker and the sentence end, at word
        // edges.
        const starts = [
          span.start,
          ...[...text.slice(span.start, markerStart).matchAll(/ /g)].map((m) => span.start + m.index + 1),
        ];
        const ends = [
          markerEnd,
          ...[...text.slice(markerEnd, span.end).matchAll(/ /g)].map((m) => markerEnd + m.index),
          span.end,
        ];
        const start = choice.whole ? span.start : starts[choice.before % starts.length];
        const end = choice.whole ? span.end : ends[choice.after % ends.length];
        const { status: _status, ...annotation } = annotationAt(text, start, end, { id: `a${i}`, tag: choice.tag });
        return { sentence: sentence.id, annotation };
      }),
    );
}

/**
 * Found by a random run: a reworded short quote matched the sentence before it, one character apart, which its own
 * prefix holds.
 */
const WRONG_MATCH_ON_NEIGHBOUR = JSON.parse(
  String.raw`{"paragraphs":[[{"id":0,"words":["U.S.",">","조선중앙통신","[S0]","𘱟𘰸𝙻🈴ᖷꚍ","port","&amp;","rose","ɪ𝚎🗲🉆"],"reworded":false},{"id":1,"words":["⏧⟚𒄄🝐ᶵ㋖","[S1]"],"reworded":false}],[{"id":2,"words":[">","&amp;","denied","said","[S2]"],"reworded":false},{"id":3,"words":["fell","조선중앙통신","ministry","\"quoted\"","👩‍👩‍👧","[S3]"],"reworded":false},{"id":4,"words":["👩‍👩‍👧","[S4]"],"reworded":false}]],"annotations":[{"sentence":4,"annotation":{"id":"a0","tag":"state-media-claim","start":141,"end":154,"quote":"👩‍👩‍👧 [S4]","prefix":"inistry \"quoted\" 👩‍👩‍👧 [S3]. ","suffix":".","created":"2025-06-01T09:15:00.000Z","modified":"2025-06-01T11:40:00.000Z"}},{"sentence":0,"annotation":{"id":"a1","tag":"state-media-claim","start":0,"end":18,"quote":"U.S. > 조선중앙통신 [S0]","prefix":"","suffix":" 𘱟𘰸𝙻🈴ᖷꚍ port &amp; rose ɪ𝚎\ud83d","created":"2025-06-01T09:15:00.000Z","modified":"2025-06-01T11:40:00.000Z"}}],"edits":[{"kind":"reword","pick":839794049,"word":0,"replacement":"the"}]}`,
) as unknown;

describe('planImport property: sentence-level edits', () => {
  it('puts every planned record in its own sentence or orphans it — never in another sentence', () => {
    const scenario = markedArticleArb.chain((paragraphs) =>
      fc.record({
        paragraphs: fc.constant(paragraphs),
        annotations: markedAnnotationsArb(paragraphs),
        edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
      }),
    );
    type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
    fc.assert(
      fc.property(scenario, ({ paragraphs, annotations, edits }) => {
        const edited = applyEdits(paragraphs, edits);
        const { text, spans } = layout(edited);
        const doc = articleFromText(text);
        expect(TextIndex.of(doc).text).to.equal(text);
        const { plan, planned } = planOn(
          doc,
          annotations.map((a) => a.annotation),
        );
        expect(plan.report.errors).to.deep.equal([]);
        expect(planned).to.have.length(annotations.length);
        const surviving = new Map(edited.flat().map((sentence) => [sentence.id, sentence]));
        planned.forEach((p, i) => {
          const { sentence, annotation } = annotations[i];
          const context = `annotation ${JSON.stringify(annotation.quote)} of sentence ${sentence} planned ${p.status} at ${p.start}–${p.end} ${JSON.stringify(p.text)}`;
          if (p.status === 'orphaned') {
            const kept = surviving.get(sentence);
            // A short quote whose sentence lost a neighbour may look like a deleted sentence's twin: orphaning it is
            // allowed.
            const lostContext = annotation.quote.length < 60 && !sameNeighbours(paragraphs, edited, sentence);
            expect(
              kept === undefined || kept.reworded || lostContext,
              `${context}: its sentence is unchanged, so it must be found`,
            ).to.equal(true);
            return;
          }
          expect(
            [...p.text.matchAll(MARKER)].map((m) => m[0]),
            context,
          ).to.deep.equal([marker(sentence)]);
          const span = spans.get(sentence)!;
          const trimmedStart = p.start + (p.text.length - p.text.trimStart().length);
          const trimmedEnd = p.end - (p.text.length - p.text.trimEnd().length);
          expect(
            trimmedStart >= span.start && trimmedEnd <= span.end,
            `${context}: inside its sentence ${span.start}–${span.end}`,
          ).to.equal(true);
          if (!surviving.get(sentence)!.reworded) expect(p.text, context).to.equal(annotation.quote);
        });
      }),
      // A fixed seed keeps CI reproducible. Seed 868375461 (a short quote whose neighbours' touching words were
      // reworded, orphaned) is kept as a case in anchoring.test.ts.
      { numRuns: 400, seed: 20261204, includeErrorInReport: true, examples: [[WRONG_MATCH_ON_NEIGHBOUR as Scenario]] },
    );
  });
});
