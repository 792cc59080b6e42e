import { openDB } from 'idb';
import { DOMParser as PMDOMParser, DOMSerializer, Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DEFAULT_TAXONOMY } from '../src/model/taxonomy.js';
import { articleSchema } from '../src/editor/schema.js';
import type { ClaimEditor } from '../src/components/claim-editor/claim-editor.component.js';
import type { BenchFixture } from './bench-fixture.js';

/**
 * The two things every measurement runs on: the product (`<claim-editor>`
 * with its annotations) and the baseline (a plain ProseMirror `EditorView`
 * over the same schema and document, with no annotations, plugins or Lit).
 */
export type Side = 'product' | 'baseline';

const BENCH_TAG = { id: 'checked', label: 'Checked', key: '4' } as const;

/** How long a scroll of a list from top to bottom took, frame by frame. */
export interface ScrollTiming {
  /** Frames the scroll took, one per step. */
  frames: number;
  /** The slowest frame, in ms. */
  slowestFrame: number;
  /** Long tasks (over 50 ms) the browser reported during the scroll. */
  longTasks: number;
  longestTask: number;
}

/** Lets queued work run: microtasks (ProseMirror's DOM observer, Lit's update) and then one task. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function flushLayout(element: Element): void {
  element.getBoundingClientRect();
  void document.body.offsetHeight;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Times `action` up to the layout it causes; marked as a `performance` measure, for a profile or trace to find it by.
 */
async function timed(action: () => Promise<void> | void, element: () => Element): Promise<number> {
  const start = performance.now();
  await action();
  flushLayout(element());
  const end = performance.now();
  performance.measure('bench', { start, end });
  return end - start;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench: ${message}`);
}

/** A text position in `block`, `fraction` of the way through its text nodes, for the caret. */
function caretIn(block: HTMLElement, fraction = 0.5): { node: Text; offset: number } {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const node = texts[Math.floor(texts.length * fraction)] ?? texts[0];
  return { node, offset: Math.floor(node.length / 2) };
}

/** Puts the caret in a paragraph brought into view, as a user would before typing there; returns the paragraph. */
async function placeCaret(root: ParentNode, paragraph: number, fraction = 0.5): Promise<HTMLElement> {
  const paragraphs = root.querySelectorAll<HTMLElement>('.ProseMirror > p');
  const block = paragraphs[Math.min(paragraph, paragraphs.length - 1)];
  block.scrollIntoView({ block: 'center' });
  // The article may draw the part scrolled to at the next frame, replacing the paragraph's text nodes.
  await nextFrame();
  await nextFrame();
  (root.querySelector('.ProseMirror') as HTMLElement).focus({ preventScroll: true });
  const { node, offset } = caretIn(block, fraction);
  document.getSelection()!.collapse(node, offset);
  // ProseMirror reads the DOM selection on `selectionchange`.
  await settle();
  await settle();
  return block;
}

/** Frames a scroll from top to bottom takes, whatever the list's length: a fast fling through it. */
const SCROLL_FRAMES = 150;

/** Scrolls `scroller` end to end in {@link SCROLL_FRAMES} even steps, one per frame, watching for long tasks. */
async function scrollThrough(scroller: HTMLElement): Promise<ScrollTiming> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
  observer.observe({ type: 'longtask' });
  scroller.scrollTop = 0;
  await nextFrame();
  let frames = 0;
  let slowestFrame = 0;
  let last = await nextFrame();
  const step = Math.max(scroller.clientHeight, (scroller.scrollHeight - scroller.clientHeight) / SCROLL_FRAMES);
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
    scroller.scrollTop += step;
    const now = await nextFrame();
    slowestFrame = Math.max(slowestFrame, now - last);
    last = now;
    frames += 1;
  }
  await settle();
  observer.takeRecords().forEach((entry) => tasks.push(entry.duration));
  observer.disconnect();
  return { frames, slowestFrame, longTasks: tasks.length, longestTask: Math.max(0, ...tasks) };
}

/** Resolves once the editor and its sidebar have drawn. */
async function drawn(editor: ClaimEditor): Promise<void> {
  await editor.updateComplete;
  await editor.shadowRoot!.querySelector('claim-sidebar')!.updateComplete;
}

/** Connects `editor` to open the document saved under `dbName`; resolves once it is drawn. */
async function openSavedEditor(area: HTMLElement, editor: ClaimEditor, dbName: string): Promise<void> {
  editor.dbName = dbName;
  editor.documentId = 'bench';
  const loaded = new Promise<void>((resolve) =>
    editor.addEventListener('claim-change', (event) => event.detail.reason === 'load' && resolve()),
  );
  area.append(editor);
  await loaded;
  await drawn(editor);
}

/** A plain ProseMirror view of the document saved under `dbName`. */
async function openSavedView(host: HTMLElement, dbName: string): Promise<EditorView> {
  const db = await openDB(dbName, 1);
  const saved = (await db.get('documents', 'bench')) as { content: unknown };
  db.close();
  return new EditorView(host, { state: EditorState.create({ doc: PMNode.fromJSON(articleSchema, saved.content) }) });
}

/**
 * Opens a saved document in a page that holds nothing else, for the heap
 * measurement: the page's JS heap is then the editor's (or the plain view's)
 * plus the same bench code on both sides. Returns how many annotations (or
 * blocks) it shows.
 */
export async function openSaved(side: Side, area: HTMLElement, dbName: string): Promise<number> {
  if (side === 'baseline') {
    const host = document.createElement('div');
    area.append(host);
    return (await openSavedView(host, dbName)).state.doc.childCount;
  }
  const editor = document.createElement('claim-editor') as ClaimEditor;
  await openSavedEditor(area, editor, dbName);
  // Read from the sidebar: `editor.annotations` would build (and cache) every annotation object, which the page does
  // not need.
  const all = editor
    .shadowRoot!.querySelector('claim-sidebar')!
    .shadowRoot!.querySelector('[data-filter="all"]')!.textContent!;
  return Number(/\((\d+)\)/.exec(all)?.[1]);
}

/** The plain ProseMirror editor the product is compared with. */
class Baseline {
  readonly host = document.createElement('div');
  view?: EditorView;

  constructor(
    private readonly area: HTMLElement,
    private readonly fixture: BenchFixture,
  ) {
    this.host.className = 'baseline';
    area.append(this.host);
  }

  async load(): Promise<number> {
    this.paragraph = Math.floor(this.fixture.paragraphs / 2);
    const source = document.createElement('div');
    source.innerHTML = this.fixture.html;
    return timed(
      () => {
        const doc = PMDOMParser.fromSchema(articleSchema).parse(source);
        this.view = new EditorView(this.host, { state: EditorState.create({ doc }) });
      },
      () => this.view!.dom,
    );
  }

  async loadFromStorage(dbName: string): Promise<number> {
    return timed(
      async () => {
        this.view = await openSavedView(this.host, dbName);
      },
      () => this.view!.dom,
    );
  }

  /** A character typed in the middle of the article through the browser's editing path. */
  async keystroke(): Promise<number> {
    const view = this.view!;
    const size = view.state.doc.content.size;
    const time = await timed(
      async () => {
        document.execCommand('insertText', false, 'x');
        await settle();
      },
      () => view.dom,
    );
    check(view.state.doc.content.size === size + 1, 'the baseline keystroke did not reach the document');
    return time;
  }

  /** ProseMirror's own way to mark a sentence: a mark added to the selection. */
  async tag(): Promise<number> {
    const view = this.view!;
    const { from } = view.state.selection;
    const $from = view.state.doc.resolve(from);
    const end = Math.min($from.end(), from + 80);
    return timed(
      () => {
        view.dispatch(view.state.tr.addMark(from, end, articleSchema.marks.strong.create()));
      },
      () => view.dom,
    );
  }

  async placeCaret(paragraph: number, fraction?: number): Promise<void> {
    await placeCaret(this.host, paragraph, fraction);
  }

  /** Moves the caret on by a paragraph: a plain editor has no sentence keys. */
  async nextSentence(): Promise<void> {
    this.paragraph += 1;
    await this.placeCaret(this.paragraph, 0.3);
  }

  private paragraph = 0;

  /** A plain list of every annotation's quote: the list the sidebar is compared with. */
  async scrollList(): Promise<ScrollTiming> {
    const list = document.createElement('ol');
    list.style.cssText = 'height: 600px; overflow: auto; width: 20rem';
    for (const annotation of this.fixture.annotations) {
      const item = document.createElement('li');
      item.textContent = annotation.quote;
      list.append(item);
    }
    this.area.append(list);
    flushLayout(list);
    try {
      return await scrollThrough(list);
    } finally {
      list.remove();
    }
  }

  /** What plain ProseMirror writes of a document: its HTML and its JSON. */
  exportAs(format: 'html' | 'w3c'): string {
    const doc = this.view!.state.doc;
    if (format === 'w3c') return JSON.stringify(doc.toJSON());
    const container = document.createElement('div');
    container.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(doc.content));
    return container.innerHTML;
  }

  importJson(json: string): void {
    PMNode.fromJSON(articleSchema, (JSON.parse(json) as { document: { content: unknown } }).document.content);
  }

  dispose(): void {
    this.view?.destroy();
    this.host.remove();
  }
}

/** The product: a `<claim-editor>` holding the fixture's annotations. */
class Product {
  readonly editor = document.createElement('claim-editor') as ClaimEditor;

  constructor(
    private readonly area: HTMLElement,
    private readonly fixture: BenchFixture,
  ) {}

  private get root(): ShadowRoot {
    return this.editor.shadowRoot!;
  }

  private get view(): HTMLElement {
    return this.root.querySelector('.ProseMirror') as HTMLElement;
  }

  private sidebarRoot(): ShadowRoot {
    return this.root.querySelector('claim-sidebar')!.shadowRoot!;
  }

  /** Connected with the article as light DOM (as a CMS renders it), then given its annotations. */
  async load(): Promise<number> {
    this.editor.innerHTML = this.fixture.html;
    const time = await timed(
      async () => {
        this.area.append(this.editor);
        await this.editor.importAnnotations(this.fixture.json);
        await this.drawn();
      },
      () => this.view,
    );
    this.checkLoaded();
    return time;
  }

  async loadFromStorage(dbName: string): Promise<number> {
    const time = await timed(
      () => openSavedEditor(this.area, this.editor, dbName),
      () => this.view,
    );
    this.checkLoaded();
    return time;
  }

  /** Saves the fixture under `dbName`, as a fact-checker's earlier session would have. */
  async save(dbName: string): Promise<void> {
    this.editor.dbName = dbName;
    this.editor.documentId = 'bench';
    this.area.append(this.editor);
    await this.editor.updateComplete;
    await this.editor.importAnnotations(this.fixture.json);
    await this.editor.flush();
  }

  private drawn(): Promise<void> {
    return drawn(this.editor);
  }

  /** Every annotation is loaded; those on screen are drawn and listed. */
  private checkLoaded(): void {
    const first = this.fixture.annotations[0];
    check(this.editor.annotations.length === this.fixture.annotations.length, 'not every annotation was loaded');
    check(!!this.root.querySelector(`mark[data-annotation-id="${first.id}"]`), 'the first annotation is not drawn');
    check(
      !!this.sidebarRoot().querySelector(`[data-annotation-id="${first.id}"]`),
      'the first annotation is not listed',
    );
  }

  async setMode(mode: 'edit' | 'annotate'): Promise<void> {
    this.editor.mode = mode;
    await this.editor.updateComplete;
  }

  async placeCaret(paragraph: number, fraction?: number): Promise<void> {
    this.typedIn = await placeCaret(this.root, paragraph, fraction);
  }

  /** Selects the next sentence with the keyboard (J), as a fact-checker moves through an article. */
  async nextSentence(): Promise<void> {
    this.view.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
    // Moving may scroll, and the article then draws the part scrolled to at the next frame: let that
    // finish, so the tag measured next does not carry it.
    await settle();
    await nextFrame();
    await nextFrame();
  }

  /** The paragraph the caret was last put in. */
  private typedIn?: HTMLElement;

  async keystroke(): Promise<number> {
    // Checked on the paragraph typed in: reading the editor's whole text after each keystroke would leave
    // the next one a megabyte of garbage to collect.
    const paragraph = this.typedIn!;
    const length = paragraph.textContent!.length;
    const time = await timed(
      async () => {
        document.execCommand('insertText', false, 'x');
        await settle();
      },
      () => this.view,
    );
    check(
      paragraph.isConnected && paragraph.textContent!.length === length + 1,
      'the keystroke did not reach the document',
    );
    return time;
  }

  /**
   * A tag key pressed with the caret in a sentence: the sentence is tagged,
   * drawn, selected and listed. The tag is one no sentence has yet, so every
   * press adds an annotation.
   */
  async tag(): Promise<number> {
    if (!this.editor.taxonomy.some((tag) => tag.id === BENCH_TAG.id)) {
      this.editor.taxonomy = [...DEFAULT_TAXONOMY, BENCH_TAG];
      await this.editor.updateComplete;
    }
    const key = BENCH_TAG.key;
    const time = await timed(
      async () => {
        this.view.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        await settle();
      },
      () => this.view,
    );
    // A tag selects what it adds: the selected mark is the new annotation. (Reading `editor.annotations`
    // here would build every annotation and leave the next measurement that much garbage to collect.)
    const addedId = this.root.querySelector<HTMLElement>('mark.claim-selected')?.dataset.annotationId;
    check(
      !!addedId && !addedId.startsWith('bench-') && !this.tagged.has(addedId),
      'the tag key did not add an annotation',
    );
    this.tagged.add(addedId!);
    check(
      !!this.root.querySelector(`mark[data-annotation-id="${addedId}"][data-tag="${BENCH_TAG.id}"]`),
      'the new annotation is not drawn with its tag',
    );
    check(!!this.sidebarRoot().querySelector(`[data-annotation-id="${addedId}"]`), 'the new annotation is not listed');
    return time;
  }

  private readonly tagged = new Set<string>();

  async scrollList(): Promise<ScrollTiming> {
    const sidebar = this.sidebarRoot();
    const scroller = sidebar.querySelector('.list') as HTMLElement | null;
    check(!!scroller, 'the sidebar has no scrolling list');
    return scrollThrough(scroller!);
  }

  exportAs(format: 'html' | 'w3c'): string {
    return this.editor.exportAs(format);
  }

  /** Native JSON into an editor showing the same article. */
  async importJson(json: string): Promise<void> {
    const target = document.createElement('claim-editor') as ClaimEditor;
    target.innerHTML = this.fixture.html;
    this.area.append(target);
    try {
      const report = await target.importAnnotations(json);
      check(report.added === this.fixture.annotations.length, `import added ${report.added} annotations`);
    } finally {
      target.remove();
    }
  }

  dispose(): void {
    this.editor.remove();
  }
}

export type Subject = Product | Baseline;

export function createSubject(side: Side, area: HTMLElement, fixture: BenchFixture): Subject {
  return side === 'product' ? new Product(area, fixture) : new Baseline(area, fixture);
}

/** Saves the fixture for both sides' "load from IndexedDB", each in its own database. */
export async function saveFixture(
  area: HTMLElement,
  fixture: BenchFixture,
  dbNames: Record<Side, string>,
): Promise<void> {
  const product = new Product(area, fixture);
  await product.save(dbNames.product);
  product.dispose();
  const db = await openDB(dbNames.baseline, 1, {
    upgrade: (database) => database.createObjectStore('documents'),
  });
  await db.put('documents', { content: fixture.doc.toJSON() }, 'bench');
  db.close();
}

/** How long `action` takes, in ms. */
export async function timeCall(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}
