import { articleFromText, readArticleJSON } from '../../editor/article.js';
import type { LoadedDocument, UnreadableRecord } from '../../storage/claim-store.js';
import type { SavedRecords } from '../../storage/safety-copy.js';

/**
 * Checks a loaded document before the editor uses it: its article against
 * the schema (unreadable formatting: the article comes back from its plain
 * text, `repaired`). Records that cannot be read are passed to `setAside`
 * (kept but never loaded again, and reported); everything else loads.
 */
export async function checkSavedDocument(
  documentId: string,
  loaded: LoadedDocument | undefined,
  setAside: (unreadable: UnreadableRecord[], repaired: boolean) => Promise<void>,
): Promise<{ saved?: SavedRecords; repaired: boolean }> {
  if (!loaded) return { repaired: false };
  const unreadable = [...loaded.unreadable];
  let document = loaded.document;
  let repaired = false;
  if (document) {
    const article = readArticleJSON(document.content, document.text);
    if (!article.ok) {
      unreadable.push({
        store: 'documents',
        key: documentId,
        record: loaded.storedRecord,
        problems: [`document.content: ${article.error}.`],
      });
      document = { ...document, content: articleFromText(document.text).toJSON() };
      repaired = true;
    }
  }
  if (unreadable.length > 0) await setAside(unreadable, repaired);
  return { saved: { ...(document ? { document } : {}), annotations: loaded.annotations }, repaired };
}

/** What the user is told about records set aside: which, why, where they are kept, and that the rest loaded. */
export function setAsideMessage(unreadable: UnreadableRecord[], repaired: boolean, keptAside: boolean): string {
  const kept = keptAside ? 'They are kept aside in this browser’s storage.' : 'They stay where they are.';
  const described = unreadable.slice(0, 3).map(describeUnreadable).join(' ');
  const more = unreadable.length > 3 ? ` (and ${unreadable.length - 3} more)` : '';
  const recovered = repaired ? ' The article was restored from its saved text.' : '';
  const one = unreadable.length === 1;
  return (
    `${unreadable.length} saved record${one ? '' : 's'} of this article could not be read and ` +
    `${one ? 'was' : 'were'} not loaded: ${described}${more} ${kept}${recovered} Everything else was loaded.`
  );
}

function describeUnreadable({ store, key, problems }: UnreadableRecord): string {
  const what =
    store === 'documents'
      ? 'the article'
      : store === 'annotationPacks'
        ? 'the annotation pack'
        : `annotation ${JSON.stringify((key as IDBValidKey[])[1])}`;
  return `${what} (${problems.slice(0, 2).join(' ')})`;
}
