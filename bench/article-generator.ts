/** A deterministic pseudo-random sequence, so every bench run measures the same article. */
function sequence(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const OUTLETS = ['the state news agency', 'state television', 'the official gazette', 'the party newspaper'];
const EXPERTS = [
  'an analyst at a Geneva think tank',
  'a professor of economics',
  'a former diplomat',
  'a regional security expert',
];
const SUBJECTS = [
  'The ministry',
  'The central bank',
  'Port authorities',
  'The defence council',
  'Provincial officials',
];
const VERBS = ['announced', 'denied', 'confirmed', 'reported', 'played down'];
const OBJECTS = [
  'a 3.5 percent rise in grain exports',
  'new drills near the border',
  'a $1.2 billion loan',
  'the closure of two mines',
  'talks with U.S. envoys',
];

/** One sentence of wire copy; `kind` picks who it is attributed to. */
function sentence(next: (n: number) => number, kind: number): string {
  const subject = SUBJECTS[next(SUBJECTS.length)];
  const verb = VERBS[next(VERBS.length)];
  const object = OBJECTS[next(OBJECTS.length)];
  if (kind === 0) return `${subject} ${verb} ${object} on Jan. ${1 + next(28)}, ${OUTLETS[next(OUTLETS.length)]} said.`;
  if (kind === 1) return `“This is mostly for show,” said Dr. Lee, ${EXPERTS[next(EXPERTS.length)]}.`;
  return `${subject} ${verb} ${object} last week.`;
}

export interface GeneratedArticle {
  html: string;
  paragraphs: number;
  sentences: number;
}

/** A news-like article of `paragraphs` paragraphs of about five sentences each. */
export function generateArticle(paragraphs: number, seed = 42): GeneratedArticle {
  const next = sequence(seed);
  const blocks: string[] = [];
  let sentences = 0;
  for (let p = 0; p < paragraphs; p++) {
    const count = 4 + next(3);
    const parts: string[] = [];
    for (let s = 0; s < count; s++) parts.push(sentence(next, next(3)));
    sentences += count;
    blocks.push(`<p>${p === 0 ? 'CAPITAL CITY, March 3 — ' : ''}${parts.join(' ')}</p>`);
  }
  return { html: blocks.join('\n'), paragraphs, sentences };
}
