// Builds a long wire story (sample text written for this demo) and tags every sentence, to try the
// editor at the sizes `npm run bench` measures.
import { segmentSentences } from '../dist/claim-editor.js';

const SUBJECTS = ['The harbour board', 'The energy ministry', 'Rail unions', 'The provincial court', 'Grain traders'];
const VERBS = ['announced', 'disputed', 'confirmed', 'questioned', 'welcomed'];
const OBJECTS = ['a 4.2 percent rise in freight', 'new tariffs on fertiliser', 'a $600 million credit line', 'the delay of two ferries', 'an audit by U.N. inspectors'];
const SOURCES = ['the state radio said', 'the official daily reported', 'a spokesman told state television'];

/** The same article every time: a small deterministic sequence picks the words. */
function article(paragraphs) {
  let seed = 7;
  const pick = (list) => list[(seed = (seed * 48271) % 2147483647) % list.length];
  const blocks = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences = [];
    for (let s = 0; s < 5; s++) {
      const kind = (p + s) % 3;
      if (kind === 0) sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} on Monday, ${pick(SOURCES)}.`);
      else if (kind === 1) sentences.push(`“That figure is wishful thinking,” said Dr. Noor Haddad, a transport economist.`);
      else sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} last month.`);
    }
    const text = sentences.join(' ');
    blocks.push(`<p>${p === 0 ? 'PORT SALVEN, June 2 — ' : ''}${text}</p>`);
  }
  return blocks.join('');
}

const paragraphs = Math.min(5000, Math.max(10, Number(new URLSearchParams(location.search).get('paragraphs')) || 1000));
const editor = document.getElementById('editor');
const started = performance.now();
await editor.loadArticle({ html: article(paragraphs), title: `Long wire story (${paragraphs} paragraphs)` });
const tags = ['state-media-claim', 'analyst-opinion', 'reported-fact'];
const now = new Date().toISOString();
const annotations = segmentSentences(editor.text).map(({ start, end }, i) => ({
  id: `long-${i}`,
  tag: tags[i % 3],
  start,
  end,
  quote: editor.text.slice(start, end),
  created: now,
  modified: now,
  status: 'anchored',
}));
await editor.importAnnotations({ format: 'claim-provenance', version: 1, exported: now, annotations });
await editor.updateComplete;
document.getElementById('paragraphs').value = paragraphs.toLocaleString('en');
document.getElementById('annotations').value = annotations.length.toLocaleString('en');
document.getElementById('load-time').value = `${Math.round(performance.now() - started)} ms`;
