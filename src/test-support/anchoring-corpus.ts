import { Anchorer, type AnchorResult, type AnchorTarget } from '../model/anchoring.js';
import { CONTEXT_LENGTH } from '../model/annotation.js';

/**
 * The re-anchoring evaluation of issue 18: an invented wire story (nothing
 * here is real reporting), every sentence annotated, then each kind of
 * change a newsroom makes to published copy applied on its own. Old and new
 * texts are built from sentence lists with ids, so where each annotation
 * belongs in the new text is known without asking the anchorer.
 */

/** One sentence: an id that follows it through edits, and its text. */
export interface Sentence {
  id: string;
  text: string;
}

type Paragraphs = readonly (readonly Sentence[])[];

const s = (id: string, text: string): Sentence => ({ id, text });

/** The story as first published; paragraphs in order, sentences in order. */
export const ARTICLE: Paragraphs = [
  [
    s(
      'a1',
      'HARBOURTON, March 3 (Wire) - The regional transport authority said on Tuesday it would raise bus fares by 12 percent from April, the first increase in six years.',
    ),
    s('a2', 'The authority said the rise was needed to cover a fuel bill that grew to 48 million crowns last year.'),
    s('a3', 'Officials declined to comment.'),
  ],
  [
    s(
      'b1',
      "Some commuter groups think the increase will push riders back into their cars, because the cheapest monthly pass will cost more than a tank of petrol for many families living outside the city, the group's chairwoman said in a statement.",
    ),
    s(
      'b2',
      '"We were not consulted, and we will not accept a decision taken behind closed doors," said Marta Lind, who leads the Harbourton Riders\' Association.',
    ),
    s('b3', "The association plans a protest outside the authority's offices on Saturday."),
    s('b4', 'Officials declined to comment.'),
  ],
  [
    s(
      'c1',
      "Fares on the northern lines have already risen twice since 2019, according to figures published by the city's audit office.",
    ),
    s(
      'c2',
      'The audit office found that 31 percent of buses ran late in the second half of the year, up from 22 percent a year earlier.',
    ),
    s('c3', "Drivers' unions blame staff shortages, saying about 140 posts remain unfilled."),
    s('c4', "The authority's director, Paul Okafor, told reporters that recruitment had improved since January."),
  ],
  [
    s(
      'd1',
      'Analysts at the Nordic Mobility Institute estimate that every 10 percent rise in fares cuts ridership by about 3 percent within a year.',
    ),
    s(
      'd2',
      '"It\'s a blunt tool, and it hits the people who can least afford it," said Ida Berg, a transport economist at the institute.',
    ),
    s(
      'd3',
      'She added that the authority could instead raise parking charges in the city centre, which have not changed since 2015.',
    ),
  ],
  [
    s('e1', 'The city council must approve the new fares at its meeting on March 20.'),
    s(
      'e2',
      'Council member Jonas Holm said he would vote against the plan unless discounts for students and pensioners were kept.',
    ),
    s('e3', 'Officials declined to comment.'),
  ],
  [
    s('f1', 'The authority carried 61 million passengers last year, down from 74 million before the pandemic.'),
    s('f2', 'It expects ridership to recover fully by 2028.'),
  ],
];

/** A kind of change: the text before and after it, and the sentences either outcome is acceptable for. */
export interface Change {
  kind: string;
  before: Paragraphs;
  after: Paragraphs;
  /** Sentences rewritten so heavily that orphaning them is as right as finding them. */
  either?: readonly string[];
}

/** The article with `edit` applied to the text of sentence `id`. */
function edit(paragraphs: Paragraphs, edits: Readonly<Record<string, (text: string) => string>>): Paragraphs {
  const unused = new Set(Object.keys(edits));
  const result = paragraphs.map((p) =>
    p.map((sentence) => {
      const change = edits[sentence.id];
      if (!change) return sentence;
      unused.delete(sentence.id);
      const text = change(sentence.text);
      if (text === sentence.text) throw new Error(`corpus: the edit of ${sentence.id} changed nothing.`);
      return { id: sentence.id, text };
    }),
  );
  if (unused.size) throw new Error(`corpus: no sentence ${[...unused].join(', ')}.`);
  return result;
}

/** `text` with `from` replaced by `to`; `from` must occur. */
const swap = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`corpus: ${JSON.stringify(from)} is not in ${JSON.stringify(text)}.`);
  return text.replace(from, to);
};

/** The article without the sentences `ids` (and without paragraphs left empty). */
function without(paragraphs: Paragraphs, ...ids: string[]): Paragraphs {
  return paragraphs.map((p) => p.filter((sentence) => !ids.includes(sentence.id))).filter((p) => p.length > 0);
}

/** Straight quotation marks and apostrophes made typographic, as a CMS's "smart quotes" do. */
function curl(text: string): string {
  return text
    .replace(/"(?=\S)/gu, '\u201c')
    .replace(/"/gu, '\u201d')
    .replace(/'/gu, '\u2019');
}

const [P1, P2, P3, P4, P5, P6] = ARTICLE;

/** Every kind of change of issue 18, each applied on its own. */
export const CHANGES: readonly Change[] = [
  {
    kind: 'opening words reworded',
    before: ARTICLE,
    after: edit(ARTICLE, {
      b1: swap('Some commuter groups think', 'Several commuter groups believe'),
      c3: swap("Drivers' unions blame", 'Unions representing drivers blame'),
      d1: swap('Analysts at the', 'Economists at the'),
      e2: swap('Council member Jonas Holm said', 'Jonas Holm, a council member, said'),
    }),
  },
  {
    kind: 'closing words reworded',
    before: ARTICLE,
    after: edit(ARTICLE, {
      a2: swap('48 million crowns last year.', '48 million crowns in 2025.'),
      b1: swap("the group's chairwoman said in a statement.", "the group's chairwoman wrote in a statement."),
      c4: swap('had improved since January.', 'had picked up since the start of the year.'),
      e2: swap('pensioners were kept.', 'pensioners stayed in place.'),
    }),
  },
  {
    kind: 'clause inserted',
    before: ARTICLE,
    after: edit(ARTICLE, {
      c2: swap('the year, up from', 'the year, according to a report released on Monday, up from'),
      e1: swap('The city council must', 'The city council, which has 45 members, must'),
      d3: swap('She added that the', 'She added, in a later interview, that the'),
    }),
  },
  {
    kind: 'clause removed',
    before: ARTICLE,
    after: edit(ARTICLE, {
      b1: swap(' for many families living outside the city', ''),
      b2: swap(' taken behind closed doors', ''),
      d3: swap(', which have not changed since 2015', ''),
    }),
  },
  {
    kind: 'typos fixed',
    before: edit(ARTICLE, {
      a1: swap('transport authority', 'transport autority'),
      c4: swap('recruitment', 'recruitement'),
      d1: swap('by about 3', 'by abuot 3'),
      e2: swap('pensioners', 'pensionres'),
    }),
    after: ARTICLE,
  },
  {
    kind: 'straight quotes made curly',
    before: ARTICLE,
    after: ARTICLE.map((p) => p.map((sentence) => ({ id: sentence.id, text: curl(sentence.text) }))),
  },
  {
    kind: 'no-break spaces',
    before: ARTICLE,
    after: edit(ARTICLE, {
      a1: (text) => text.replace('March 3', 'March\u00a03').replace('12 percent', '12\u00a0percent'),
      a2: swap('48 million', '48\u00a0million'),
      c4: swap('Paul Okafor', 'Paul\u00a0Okafor'),
      f1: (text) => text.replace('61 million', '61\u00a0million').replace('74 million', '74\u202fmillion'),
    }),
  },
  { kind: 'sentences deleted', before: ARTICLE, after: without(ARTICLE, 'a2', 'c3', 'd3', 'f2') },
  { kind: 'paragraph moved', before: ARTICLE, after: [P1, P4, P2, P3, P5, P6] },
  { kind: 'paragraph split', before: ARTICLE, after: [P1, P2, P3.slice(0, 2), P3.slice(2), P4, P5, P6] },
  { kind: 'paragraphs merged', before: ARTICLE, after: [P1, P2, P3, P4, [...P5, ...P6]] },
  {
    kind: 'sentence quoted again elsewhere',
    before: ARTICLE,
    after: [
      [s('x-pull', P2[1].text)],
      P1,
      P2,
      P3,
      P4,
      P5,
      P6,
      [s('x-recap', 'As Berg put it:'), s('x-repeat', P4[1].text)],
    ],
  },
  { kind: 'boilerplate twin deleted', before: ARTICLE, after: without(ARTICLE, 'b4') },
  { kind: 'paragraph ending in a twin deleted', before: ARTICLE, after: [P1, P3, P4, P5, P6] },
  {
    kind: 'figures corrected',
    before: ARTICLE,
    after: edit(ARTICLE, {
      a1: swap('12 percent', '15 percent'),
      a2: swap('48 million', '52 million'),
      c2: swap('31 percent', '13 percent'),
      f1: swap('61 million', '63 million'),
    }),
  },
  {
    kind: 'heavy rewrite',
    before: ARTICLE,
    after: edit(ARTICLE, {
      c1: () => "The audit office's figures show two earlier fare rises on the northern routes since 2019.",
      f2: () => 'A full recovery in passenger numbers is not expected before 2028, the authority said.',
    }),
    either: ['c1', 'f2'],
  },
  {
    kind: 'update line on top',
    before: ARTICLE,
    after: [[s('x-update', 'Updated at 14:20 GMT with comments from a council member.')], ...ARTICLE],
  },
];

/** A text built from paragraphs (joined by "\n", as the editor's text is), with each sentence's range. */
export function build(paragraphs: Paragraphs): { text: string; ranges: Map<string, { start: number; end: number }> } {
  const ranges = new Map<string, { start: number; end: number }>();
  let text = '';
  paragraphs.forEach((p, i) => {
    if (i > 0) text += '\n';
    p.forEach((sentence, j) => {
      if (j > 0) text += ' ';
      ranges.set(sentence.id, { start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    });
  });
  return { text, ranges };
}

export type Verdict = 'right' | 'wrong' | 'missed';

/**
 * How one annotation fared: right when it is at its sentence's whole new
 * range, or orphaned when its sentence is gone (or, for a heavy rewrite,
 * either); missed when orphaned though its sentence survives; wrong otherwise.
 */
export function judge(
  result: AnchorResult,
  expected: { start: number; end: number } | undefined,
  either: boolean,
): Verdict {
  if (result.status === 'orphaned') return expected && !either ? 'missed' : 'right';
  return expected && result.start === expected.start && result.end === expected.end ? 'right' : 'wrong';
}

export interface KindScore {
  kind: string;
  right: number;
  wrong: number;
  missed: number;
  /** What went wrong or was missed: sentence id, verdict and where it landed. */
  failures: string[];
}

/** Annotates every sentence of `change.before`, re-anchors them all in `change.after`, and judges each. */
export function evaluate(change: Change): KindScore {
  const old = build(change.before);
  const next = build(change.after);
  const ids = [...old.ranges.keys()];
  const targets: AnchorTarget[] = ids.map((id) => {
    const { start, end } = old.ranges.get(id)!;
    return {
      start,
      end,
      quote: old.text.slice(start, end),
      prefix: old.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: old.text.slice(end, end + CONTEXT_LENGTH),
    };
  });
  const results = new Anchorer(next.text).anchorAll(targets);
  const score: KindScore = { kind: change.kind, right: 0, wrong: 0, missed: 0, failures: [] };
  results.forEach((result, i) => {
    const verdict = judge(result, next.ranges.get(ids[i]), change.either?.includes(ids[i]) ?? false);
    score[verdict] += 1;
    if (verdict !== 'right') {
      const landed =
        result.status === 'orphaned' ? 'orphaned' : JSON.stringify(next.text.slice(result.start, result.end));
      score.failures.push(`${ids[i]} ${verdict}: ${landed}`);
    }
  });
  return score;
}

/** The whole evaluation: one score per kind of change, and their total. */
export function evaluateCorpus(): { kinds: KindScore[]; total: Omit<KindScore, 'kind' | 'failures'> } {
  const kinds = CHANGES.map(evaluate);
  const total = { right: 0, wrong: 0, missed: 0 };
  for (const k of kinds) {
    total.right += k.right;
    total.wrong += k.wrong;
    total.missed += k.missed;
  }
  return { kinds, total };
}
