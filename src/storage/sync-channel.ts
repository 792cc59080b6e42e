/** What one tab tells the others after a durable write. */
export interface SyncMessage {
  sender: string;
  documentId: string;
  annotationIds: string[];
  removedIds: string[];
  /** Set when the document's content was written, at this revision. */
  revision?: number;
  /** The document was deleted on purpose. */
  deleted?: boolean;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Another tab's message, checked before anything is read because of it. */
function isSyncMessage(value: unknown): value is SyncMessage {
  const message = value as Partial<SyncMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof message.sender === 'string' &&
    typeof message.documentId === 'string' &&
    isStringList(message.annotationIds) &&
    isStringList(message.removedIds) &&
    (message.revision === undefined || Number.isSafeInteger(message.revision)) &&
    (message.deleted === undefined || typeof message.deleted === 'boolean')
  );
}

/**
 * Tells other tabs of the same origin which records of a document changed,
 * so they read them back from IndexedDB. Messages from this tab are ignored.
 */
export class SyncChannel {
  readonly tabId = crypto.randomUUID();
  private readonly channel?: BroadcastChannel;

  constructor(dbName: string, documentId: string, onMessage: (message: SyncMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`claim-provenance:${dbName}:${documentId}`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (isSyncMessage(message) && message.sender !== this.tabId && message.documentId === documentId)
        onMessage(message);
    };
  }

  post(message: Omit<SyncMessage, 'sender'>) {
    this.channel?.postMessage({ ...message, sender: this.tabId });
  }

  close() {
    this.channel?.close();
  }
}
