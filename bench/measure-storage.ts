import { segmentSentences } from '../src/text/sentences.js';
import type { ClaimEditor } from '../src/components/claim-editor/claim-editor.component.js';
import { generateArticle } from './article-generator.js';

export interface StorageWriteMeasurement {
  measure: 'storage-writes-per-change';
  paragraphs: number;
  annotations: number;
  /** IndexedDB records put or deleted for one annotation change (a tag, then a source edit). */
  records: number;
  /** Bytes of those records, as JSON. */
  bytes: number;
}

/** Counts what goes to IndexedDB while `action` runs (every put and delete, in any store). */
async function countWrites(action: () => Promise<void>): Promise<{ records: number; bytes: number }> {
  const put = IDBObjectStore.prototype.put;
  const remove = IDBObjectStore.prototype.delete;
  let records = 0;
  let bytes = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    records += 1;
    bytes += JSON.stringify(value).length;
    return put.call(this, value, key);
  };
  IDBObjectStore.prototype.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    records += 1;
    return remove.call(this, query);
  };
  try {
    await action();
  } finally {
    IDBObjectStore.prototype.put = put;
    IDBObjectStore.prototype.delete = remove;
  }
  return { records, bytes };
}

/**
 * Loads a generated article with one annotation per sentence into a saved
 * editor, then counts the records and bytes written for one more tag and one
 * source edit: they must not grow with the article.
 */
export async function measureStorageWrites(
  paragraphs: number,
  container: HTMLElement,
): Promise<StorageWriteMeasurement> {
  const article = generateArticle(paragraphs);
  const dbName = `bench-${crypto.randomUUID()}`;
  const editor = document.createElement('claim-editor') as ClaimEditor;
  editor.dbName = dbName;
  editor.documentId = 'bench';
  container.append(editor);
  try {
    await editor.updateComplete;
    await editor.loadArticle({ html: article.html, title: `Bench ${paragraphs}` });
    const text = editor.text;
    const sentences = segmentSentences(text);
    const tags = ['state-media-claim', 'analyst-opinion', 'reported-fact'];
    sentences.slice(1).forEach(({ start, end }, i) => editor.addAnnotation({ tag: tags[i % 3], start, end }));
    await editor.flush();
    const first = sentences[0];
    const { records, bytes } = await countWrites(async () => {
      const added = editor.addAnnotation({ tag: 'reported-fact', start: first.start, end: first.end });
      await editor.flush();
      editor.updateAnnotation(added.id, { source: 'a regional security expert' });
      await editor.flush();
    });
    return { measure: 'storage-writes-per-change', paragraphs, annotations: editor.annotations.length, records, bytes };
  } finally {
    editor.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    indexedDB.deleteDatabase(dbName);
  }
}
