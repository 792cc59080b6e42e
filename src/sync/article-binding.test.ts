import { expect } from '@open-wc/testing';
import type { Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import { articleFromText } from '../editor/article.js';
import { recordsFromAnnotations } from '../editor/annotation-offsets.js';
import { TextIndex } from '../editor/text-index.js';
import { CONTEXT_LENGTH, type Annotation } from '../model/annotation.js';
import { AnnotationBinding } from './annotation-binding.js';
import { ANNOTATIONS_PER_MESSAGE } from './annotation-binding.js';
import { ArticleBinding } from './article-binding.js';
import { articleMap, MAX_ARTICLE_BYTES, readSharedArticle } from './article-layout.js';
import { readSharedAnnotations } from './doc-layout.js';

const FIRST = 'The council approved the bridge on Monday. Work starts in spring. The cost is twelve million.';

/** An annotation on `quote` in `text`, with its context, as an editor would hold it. */
function annotationOn(text: string, quote: string, id: string, tag = 'reported-fact'): Annotation {
  const start = text.indexOf(quote);
  const end = start + quote.length;
  return {
    id,
    tag,
    start,
    end,
    quote,
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    status: 'anchored',
  };
}

/**
 * A stand-in for the editor: an article and its annotations, re-anchored on a
 * new version as the editor does on load; both bindings on one Y.Doc.
 */
class FakeEditor {
  readonly doc = new Y.Doc();
  article: PMNode;
  time: number;
  annotations: Annotation[] = [];
  replacedCount = 0;
  applyCount = 0;
  reports: string[][] = [];
  notices: string[] = [];
  readonly annotationBinding: AnnotationBinding;
  readonly binding: ArticleBinding;

  constructor(text: string, time: number) {
    this.article = articleFromText(text);
    this.time = time;
    const host = {
      apply: (annotations: Annotation[], removed: string[]) => {
        this.applyCount += 1;
        this.setAnnotations(this.article, [
          ...this.annotations.filter((a) => !removed.includes(a.id) && !annotations.some((b) => b.id === a.id)),
          ...annotations,
        ]);
      },
      report: (errors: string[]) => this.reports.push(errors),
    };
    this.annotationBinding = new AnnotationBinding(this.doc, host);
    this.binding = new ArticleBinding(
      this.doc,
      {
        ...host,
        article: () => ({ title: 'Bridge', content: this.article.toJSON(), text: this.text, time: this.time }),
        annotations: () => this.annotations.map((a) => ({ ...a })),
        author: () => 'ana',
        replace: (shared, annotations) => {
          this.replacedCount += 1;
          this.time = shared.version.time;
          this.setAnnotations(shared.doc, annotations);
        },
        pullAnnotations: () => this.annotationBinding.pullAll(),
        notice: (message: string) => this.notices.push(message),
      },
      0,
    );
  }

  get text() {
    return TextIndex.of(this.article).text;
  }

  /** Annotations as the editor would hold them on `doc`: anchored as on load. */
  setAnnotations(doc: PMNode, annotations: Annotation[]) {
    this.article = doc;
    const index = TextIndex.of(doc);
    this.annotations = recordsFromAnnotations(doc, annotations).map(({ from, to, ...rest }) => {
      const start = index.posToOffset(from);
      const end = index.posToOffset(to);
      return rest.status === 'orphaned'
        ? { ...rest, start, end }
        : { ...rest, start, end, quote: index.slice(start, end) };
    });
  }

  /** A text edit here (as edit mode maps the annotations through it), at `time`. */
  edit(text: string, time: number, moved: Annotation[]) {
    this.article = articleFromText(text);
    this.time = time;
    this.annotations = moved;
    this.binding.edited();
  }

  /** The first sync: local annotations seed the shared state, then the article is reconciled. */
  firstSync() {
    this.annotationBinding.seed(this.annotations);
    if (!this.binding.reconcile()) this.annotationBinding.pullAll();
  }

  status(id: string) {
    return this.annotations.find((a) => a.id === id)?.status;
  }
}

/** Sends every update of each editor's doc to the other's; while `offline`, nothing, until `reconnect()`. */
function wire(a: Y.Doc, b: Y.Doc) {
  const line = {
    offline: false,
    reconnect() {
      line.offline = false;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'wire');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'wire');
    },
  };
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin !== 'wire' && !line.offline) Y.applyUpdate(to, update, 'wire');
  };
  line.reconnect();
  a.on('update', relay(b));
  b.on('update', relay(a));
  return line;
}

/** The sync server's default message limit (`DEFAULT_MAX_MESSAGE_BYTES`; server code is not loaded in browsers). */
const SERVER_MESSAGE_LIMIT = 2 * 1024 * 1024;

/** `count` paragraphs of invented text, about 100 characters each. */
function longText(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `Ferry line ${i} carried ${i * 7} passengers in March. The operator counted them twice at pier ${i}.`,
  ).join('\n');
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('sync: the shared article, as versions', () => {
  it('the first sync: an article where the server has none seeds it; a fresh editor takes it', () => {
    const a = new FakeEditor(FIRST, 1000);
    a.annotations = [annotationOn(FIRST, 'Work starts in spring.', 'n1')];
    const server = new Y.Doc();
    wire(a.doc, server);
    a.firstSync();
    expect(readSharedArticle(server, [])?.version.author).to.equal('ana');
    const b = new FakeEditor('', 0);
    wire(b.doc, server);
    b.firstSync();
    expect(b.text).to.equal(FIRST);
    expect(b.replacedCount).to.equal(1);
    expect(b.status('n1')).to.equal('anchored');
    expect(b.applyCount).to.equal(0);
  });

  it('the first sync: of two different articles the later one wins, either way round', () => {
    for (const [serverTime, localTime, winner] of [
      [2000, 1000, 'server'],
      [1000, 2000, 'local'],
    ] as const) {
      // A stands for the server (an editor already synced); B connects with an article of its own.
      const a = new FakeEditor(FIRST, serverTime);
      a.firstSync();
      const other = 'A different story about the harbour.';
      const b = new FakeEditor(other, localTime);
      wire(a.doc, b.doc);
      b.firstSync();
      const expected = winner === 'server' ? FIRST : other;
      expect(b.text, winner).to.equal(expected);
      expect(a.text, winner).to.equal(expected);
    }
  });

  it("the page's own article (time 0) gives way to any shared version, even one written long ago", () => {
    const a = new FakeEditor(FIRST, 1);
    a.annotations = [annotationOn(FIRST, 'Work starts in spring.', 'n1')];
    a.firstSync();
    const page = 'The council approved the bridge on Monday. The cost is twelve million.';
    const b = new FakeEditor(page, 0);
    wire(a.doc, b.doc);
    b.firstSync();
    expect(b.text).to.equal(FIRST);
    expect(a.text).to.equal(FIRST);
    expect(b.status('n1')).to.equal('anchored');
  });

  it('the same article on both sides changes nothing', () => {
    const a = new FakeEditor(FIRST, 1000);
    const b = new FakeEditor(FIRST, 5000);
    wire(a.doc, b.doc);
    a.firstSync();
    const version = readSharedArticle(b.doc, [])?.version;
    b.firstSync();
    expect(readSharedArticle(b.doc, [])?.version).to.deep.equal(version);
    expect(b.replacedCount).to.equal(0);
  });

  it('an edited article reaches the other editor after a pause; its annotations re-anchor once, without flip-flop', async () => {
    const a = new FakeEditor(FIRST, 1000);
    const b = new FakeEditor(FIRST, 1000);
    wire(a.doc, b.doc);
    a.firstSync();
    b.firstSync();
    b.annotations = [
      annotationOn(FIRST, 'The council approved the bridge on Monday.', 'approved'),
      annotationOn(FIRST, 'Work starts in spring.', 'spring'),
      annotationOn(FIRST, 'The cost is twelve million.', 'cost'),
    ];
    b.annotationBinding.local(b.annotations, []);
    expect(a.annotations.map((x) => x.id)).to.have.members(['approved', 'spring', 'cost']);
    // A rewords the first sentence and deletes the second; edit mode moved A's annotations with the text.
    const second = 'The council approved the new bridge on Monday. The cost is twelve million.';
    const moved = [
      annotationOn(second, 'The council approved the new bridge on Monday.', 'approved'),
      { ...annotationOn(FIRST, 'Work starts in spring.', 'spring'), status: 'orphaned' as const, start: 47, end: 47 },
      annotationOn(second, 'The cost is twelve million.', 'cost'),
    ];
    a.edit(second, 2000, moved);
    expect(b.text).to.equal(FIRST);
    await pause();
    expect(b.text).to.equal(second);
    expect(b.replacedCount).to.equal(1);
    expect(b.status('approved')).to.equal('reanchored');
    expect(b.status('spring')).to.equal('orphaned');
    expect(b.status('cost')).to.equal('anchored');
    // The author shows the same: the reworded one needs review there too, and the shared state agrees.
    expect(a.status('approved')).to.equal('reanchored');
    const shared = new Map(readSharedAnnotations(b.doc, []).map((x) => [x.id, x]));
    for (const annotation of b.annotations) {
      expect(shared.get(annotation.id)?.status, annotation.id).to.equal(annotation.status);
      if (annotation.status !== 'orphaned') expect(shared.get(annotation.id)?.start).to.equal(annotation.start);
    }
    // The annotations of that version arrived with it: not applied a second time on the old text.
    expect(b.applyCount).to.equal(0);
    expect(b.annotations.length).to.equal(3);
  });

  it('concurrent versions: the later one wins in both editors, the other is replaced whole', () => {
    for (const laterIs of ['a', 'b']) {
      const a = new FakeEditor(FIRST, 1000);
      const b = new FakeEditor(FIRST, 1000);
      const line = wire(a.doc, b.doc);
      a.firstSync();
      b.firstSync();
      line.offline = true;
      a.article = articleFromText('Edited by A while offline.');
      a.time = laterIs === 'a' ? 4000 : 3000;
      b.article = articleFromText('Edited by B while offline.');
      b.time = laterIs === 'b' ? 4000 : 3000;
      a.binding.publish();
      b.binding.publish();
      line.reconnect();
      const expected = laterIs === 'a' ? 'Edited by A while offline.' : 'Edited by B while offline.';
      expect(a.text, laterIs).to.equal(expected);
      expect(b.text, laterIs).to.equal(expected);
      expect(TextIndex.of(readSharedArticle(a.doc, [])!.doc).text, laterIs).to.equal(expected);
      expect(readSharedArticle(b.doc, [])?.version).to.deep.equal(readSharedArticle(a.doc, [])?.version);
    }
  });

  it('a remote version that is malformed is reported and never shown', () => {
    const a = new FakeEditor(FIRST, 1000);
    const b = new FakeEditor(FIRST, 1000);
    wire(a.doc, b.doc);
    a.firstSync();
    b.firstSync();
    a.doc.transact(() => {
      articleMap(a.doc).set('content', { type: 'doc', content: [{ type: 'no-such-node' }] });
      articleMap(a.doc).set('version', { id: 'forged', hash: 'x', author: 'mallory', time: 9000 });
    });
    expect(b.text).to.equal(FIRST);
    expect(b.replacedCount).to.equal(0);
    expect(b.reports.flat().join(' ')).to.contain('forged');
  });

  it('a long article is one message under the server limit; its many annotations follow in batches', () => {
    const text = longText(6000);
    const a = new FakeEditor(FIRST, 1000);
    const b = new FakeEditor(FIRST, 1000);
    wire(a.doc, b.doc);
    a.firstSync();
    b.firstSync();
    const sizes: number[] = [];
    a.doc.on('update', (update: Uint8Array) => sizes.push(update.length));
    const annotations = Array.from({ length: 1000 }, (_, i) =>
      annotationOn(text, `The operator counted them twice at pier ${i}.`, `pier-${i}`),
    );
    a.edit(text, 2000, annotations);
    a.binding.publish();
    expect(text.length).to.be.above(550_000);
    expect(sizes.length).to.equal(1000 / ANNOTATIONS_PER_MESSAGE);
    for (const size of sizes) expect(size).to.be.below(SERVER_MESSAGE_LIMIT);
    const shown = b.text;
    expect(shown === a.text, 'the same text').to.equal(true);
    expect(b.annotations).to.have.length(1000);
    expect(b.annotations.every((x) => x.status === 'anchored' && shown.slice(x.start, x.end) === x.quote)).to.equal(
      true,
    );
  });

  it('an article too large for one message is not shared: the user is told, the others keep theirs', () => {
    const a = new FakeEditor(FIRST, 1000);
    const b = new FakeEditor(FIRST, 1000);
    wire(a.doc, b.doc);
    a.firstSync();
    b.firstSync();
    const text = longText(Math.ceil(MAX_ARTICLE_BYTES / 100));
    a.edit(text, 2000, []);
    a.binding.publish();
    expect(a.notices.join(' ')).to.contain('too large to share');
    expect(b.text === FIRST, 'B keeps its text').to.equal(true);
    expect(TextIndex.of(readSharedArticle(a.doc, [])!.doc).text === FIRST, 'the shared text').to.equal(true);
  });
});
