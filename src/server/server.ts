import { Server, type Extension } from '@hocuspocus/server';
import { createPersistence } from './persistence.js';
import { RedisWithDepartures } from './redis-with-departures.js';
import { verifySyncToken } from './token.js';

export interface SyncServerOptions {
  /** 0 picks a free port; the returned `port` says which. */
  port: number;
  /** Where the SQLite file lives; nodes sharing a Redis should share it too (see README). */
  dataDirectory: string;
  /** `redis://[:password@]host:port[/db]`: several nodes then serve the same documents. */
  redisUrl?: string;
  /** The HMAC secret tokens are signed with (createSyncToken). */
  secret: string;
  /** Larger WebSocket messages close the connection; 2 MB when left out. */
  maxMessageBytes?: number;
}

export interface SyncServer {
  port: number;
  close(): Promise<void>;
}

/** 2 MB: an article of several hundred thousand characters with thousands of annotations fits. */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * Starts a Hocuspocus server: documents named by `document-id`, opened only with a valid token naming them
 * (checked in onAuthenticate, before Hocuspocus sends any document data), stored in SQLite, shared through
 * Redis when `redisUrl` is given. Messages over `maxMessageBytes` are refused by the WebSocket layer.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  if (!options.secret) throw new Error('startSyncServer: a secret is required.');
  const persistence = createPersistence(options.dataDirectory);
  const extensions: Extension[] = [persistence.extension];
  if (options.redisUrl) extensions.push(new RedisWithDepartures(redisConfiguration(options.redisUrl)));
  const server = new Server(
    {
      port: options.port,
      quiet: true,
      stopOnSignals: false,
      extensions,
      async onAuthenticate({ token, documentName }) {
        const payload = verifySyncToken(token, options.secret, documentName);
        return { user: payload.user };
      },
    },
    { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  );
  await server.listen();
  return {
    port: server.address.port,
    async close() {
      await server.destroy();
      // destroy() only sends each document a close message: the sockets stay open to a stopped server (the
      // clients would not reconnect to a restarted one until their idle timeout), so end them here.
      for (const client of server.webSocketServer.clients) client.terminate();
      persistence.close();
    },
  };
}

function redisConfiguration(redisUrl: string): { host: string; port: number; options: Record<string, unknown> } {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    // The subscriber connection may subscribe before the ready check runs, which then fails in subscriber mode.
    options: {
      enableReadyCheck: false,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db !== undefined ? { db } : {}),
    },
  };
}
