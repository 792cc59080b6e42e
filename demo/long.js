// Builds a long wire story (sample text written for this demo) with every sentence tagged by who it comes
// from, to try the editor at the sizes `npm run bench` measures. It is opened as one native file (article and
// annotations), which is a load: nothing to undo.
import '../dist/claim-editor.js';

const SUBJECTS = ['The harbour board', 'The energy ministry', 'Rail unions', 'The provincial court', 'Grain traders'];
const VERBS = ['announced', 'disputed', 'confirmed', 'questioned', 'welcomed'];
const OBJECTS = [
  'a 4.2 percent rise in freight',
  'new tariffs on fertiliser',
  'a $600 million credit line',
  'the delay of two ferries',
  'an audit by U.N. inspectors',
];
const SOURCES = ['the state radio said', 'the official daily reported', 'a spokesman told state television'];

/** Each kind of sentence and the tag that fits it: state media's claims, an economist's view, what was reported. */
const KINDS = [
  {
    tag: 'state-media-claim',
    write: (pick) => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} on Monday, ${pick(SOURCES)}.`,
  },
  {
    tag: 'analyst-opinion',
    write: () => '“That figure is wishful thinking,” said Dr. Noor Haddad, a transport economist.',
  },
  { tag: 'reported-fact', write: (pick) => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} last month.` },
];

/** The same article every time (a small deterministic sequence picks the words), as a native file with one annotation per sentence. */
function article(paragraphs, title) {
  let seed = 7;
  const pick = (list) => list[(seed = (seed * 48271) % 2147483647) % list.length];
  const now = new Date().toISOString();
  const blocks = [];
  const annotations = [];
  let offset = 0;
  for (let p = 0; p < paragraphs; p++) {
    let text = p === 0 ? 'PORT SALVEN, June 2 — ' : '';
    for (let s = 0; s < 5; s++) {
      const kind = KINDS[(p + s) % 3];
      const sentence = kind.write(pick);
      if (s > 0) text += ' ';
      const start = offset + (s === 0 ? 0 : text.length);
      text += sentence;
      const end = offset + text.length;
      annotations.push({
        id: `long-${annotations.length}`,
        tag: kind.tag,
        start,
        end,
        created: now,
        modified: now,
        status: 'anchored',
      });
    }
    blocks.push(text);
    offset += text.length + 1;
  }
  const text = blocks.join('\n');
  for (const annotation of annotations) annotation.quote = text.slice(annotation.start, annotation.end);
  const content = {
    type: 'doc',
    content: blocks.map((block) => ({ type: 'paragraph', content: [{ type: 'text', text: block }] })),
  };
  return { format: 'claim-provenance', version: 1, exported: now, document: { title, text, content }, annotations };
}

const paragraphs = Math.min(5000, Math.max(10, Number(new URLSearchParams(location.search).get('paragraphs')) || 1000));
const editor = document.getElementById('editor');
const started = performance.now();
const file = article(paragraphs, `Long wire story (${paragraphs} paragraphs)`);
await editor.importAnnotations(file);
await editor.updateComplete;
document.getElementById('paragraphs').value = paragraphs.toLocaleString('en');
document.getElementById('annotations').value = file.annotations.length.toLocaleString('en');
document.getElementById('load-time').value = `${Math.round(performance.now() - started)} ms`;
