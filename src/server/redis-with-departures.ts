import { Redis } from '@hocuspocus/extension-redis';
import { OutgoingMessage, type onAwarenessUpdatePayload } from '@hocuspocus/server';

/**
 * The Redis extension, but a peer whose connection was the last one to a document on this node still leaves
 * the other nodes at once. The extension publishes no awareness update for a document with no connections
 * (hocuspocus#1027), and the server removes a closed connection before that hook runs, so the departure was
 * never published: the other nodes kept showing the peer until awareness timed out, 15 to 30 s later.
 */
export class RedisWithDepartures extends Redis {
  override async onAwarenessUpdate(payload: onAwarenessUpdatePayload): Promise<number | undefined> {
    const { document, documentName, awareness, removed } = payload;
    if (document.connections.size > 0 || removed.length === 0) return super.onAwarenessUpdate(payload);
    const departure = new OutgoingMessage(documentName).createAwarenessUpdateMessage(awareness, removed);
    // pubKey and encodeMessage are private in the extension's types; they are the extension's own wire format.
    return this.pub.publish(this['pubKey'](documentName), this['encodeMessage'](departure.toUint8Array()));
  }
}
