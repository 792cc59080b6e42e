import '../src/define.js';
import type { ClaimEditor } from '../src/components/claim-editor/claim-editor.component.js';
import type { ClaimSyncDetail } from '../src/sync/sync-state.js';
import { benchFixture } from './bench-fixture.js';

/** Where the page connects and as whom; `seed` first stores the fixture's annotations locally (they go up on sync). */
interface OpenOptions {
  url: string;
  token: string;
  user: string;
  documentId: string;
  paragraphs: number;
  seed: boolean;
}

const area = document.getElementById('bench-area')!;
let editor: ClaimEditor | undefined;
/** Times comparable across pages of one machine (each page's clock starts at its own origin). */
const now = () => performance.timeOrigin + performance.now();
/** Notes awaited from the other browser, by `id\nnote`, with the resolver called on arrival. */
const awaited = new Map<string, (arrivedAt: number) => void>();

function current(): ClaimEditor {
  if (!editor) throw new Error('sync bench: no editor open');
  return editor;
}

function connected(element: ClaimEditor): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('claim-sync', function listen(event: CustomEvent<ClaimSyncDetail>) {
      if (event.detail.state === 'connected') resolve();
      else if (event.detail.state === 'unauthorized') reject(new Error('sync bench: token refused'));
      else return;
      element.removeEventListener('claim-sync', listen);
    });
  });
}

/** Resolves once the editor holds `count` annotations, drawn (the next frame after the update). */
function holding(element: ClaimEditor, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = async () => {
      if (element.annotations.length < count) return;
      element.removeEventListener('claim-change', check);
      await element.updateComplete;
      requestAnimationFrame(() => resolve());
    };
    element.addEventListener('claim-change', check);
    void check();
  });
}

/** Notes each remote note change that a test in the other browser waits for. */
function listenForNotes(element: ClaimEditor) {
  element.addEventListener('claim-change', (event) => {
    if (event.detail.reason !== 'remote' || awaited.size === 0) return;
    const arrivedAt = now();
    for (const annotation of event.detail.annotations) {
      const key = `${annotation.id}\n${annotation.note ?? ''}`;
      const resolve = awaited.get(key);
      if (resolve) {
        awaited.delete(key);
        resolve(arrivedAt);
      }
    }
  });
}

const syncBench = {
  /**
   * Opens the generated article of `paragraphs` paragraphs on the sync
   * server, in an empty database. Resolves with the milliseconds from the
   * element's creation until it holds (and has drawn) every annotation of
   * the fixture, whether seeded here or received from the server, and the
   * milliseconds until the connection was established.
   */
  async open(options: OpenOptions): Promise<{ ms: number; connectedMs: number; annotations: number }> {
    const fixture = benchFixture(options.paragraphs);
    const started = now();
    let connectedAt = started;
    const element = document.createElement('claim-editor');
    element.documentId = options.documentId;
    element.dbName = `sync-bench-${crypto.randomUUID()}`;
    element.annotator = options.user;
    element.innerHTML = fixture.html;
    const expected = fixture.annotations.length;
    if (options.seed) {
      area.append(element);
      await element.flush();
      const report = await element.importAnnotations(fixture.json);
      if (report.added !== expected) throw new Error(`sync bench: import added ${report.added}: ${report.errors[0]}`);
      await element.flush();
    }
    const ready = connected(element).then(() => (connectedAt = now()));
    element.syncToken = options.token;
    element.syncUrl = options.url;
    if (!options.seed) area.append(element);
    await Promise.all([ready, holding(element, expected)]);
    editor = element;
    listenForNotes(element);
    return { ms: now() - started, connectedMs: connectedAt - started, annotations: element.annotations.length };
  },

  /** Changes the note of the `index`-th annotation; resolves with the time it was changed. */
  change(index: number, note: string): { id: string; at: number } {
    const list = current().annotations;
    const { id } = list[index % list.length];
    const at = now();
    current().updateAnnotation(id, { note });
    return { id, at };
  },

  /** Resolves with the time the note `note` of annotation `id` arrived from the other browser. */
  arrival(id: string, note: string): Promise<number> {
    return new Promise((resolve) => awaited.set(`${id}\n${note}`, resolve));
  },

  close() {
    editor?.remove();
    editor = undefined;
  },
};

declare global {
  interface Window {
    syncBench: typeof syncBench;
  }
}
window.syncBench = syncBench;
