/** What one tab tells the others after a durable write. */
export interface SyncMessage {
  sender: string;
  documentId: string;
  annotationIds: string[];
  removedIds: string[];
  /** Set when the document's content was written, at this revision. */
  revision?: number;
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
    this.channel.onmessage = (event: MessageEvent<SyncMessage>) => {
      if (event.data?.sender !== this.tabId && event.data?.documentId === documentId) onMessage(event.data);
    };
  }

  post(message: Omit<SyncMessage, 'sender'>) {
    this.channel?.postMessage({ ...message, sender: this.tabId });
  }

  close() {
    this.channel?.close();
  }
}
