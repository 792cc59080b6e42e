// The team sync server (src/server, built to dist/server): tokens, persistence across a restart, two nodes
// sharing a Redis, refused tokens and oversize messages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildServer } from '../build-server.mjs';
import { hasRedis, startRedis } from '../redis-process.mjs';

await buildServer();
const { createSyncToken, startSyncServer, verifySyncToken } = await import('../../dist/server/index.js');

const secret = 'test-secret';
const token = (documents, expiresInSeconds = 60) =>
  createSyncToken({ secret, user: 'ana', documents, expiresInSeconds });

/** A Node client of the server: resolves once synced, or rejects when authentication fails. */
function connect(port, name, tokenValue) {
  const document = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${port}`,
    name,
    token: tokenValue,
    document,
    WebSocketPolyfill: WebSocket,
  });
  const synced = new Promise((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }) => reject(new Error(`authenticationFailed: ${reason}`)));
  });
  const destroy = () => {
    provider.destroy();
    provider.configuration.websocketProvider.destroy();
  };
  return { document, provider, synced, destroy };
}

/** Resolves once every local change of the provider has been acknowledged by the server. */
const acknowledged = (provider) =>
  new Promise((resolve) => {
    if (!provider.hasUnsyncedChanges) return resolve();
    provider.on('unsyncedChanges', function check() {
      if (!provider.hasUnsyncedChanges) {
        provider.off('unsyncedChanges', check);
        resolve();
      }
    });
  });

/** Resolves once `map.get(key)` equals `value`. */
const valueArrives = (map, key, value) =>
  new Promise((resolve) => {
    if (map.get(key) === value) return resolve();
    map.observe(function check() {
      if (map.get(key) === value) {
        map.unobserve(check);
        resolve();
      }
    });
  });

/** Resolves at the first awareness change after which `holds()` is true. */
const awarenessChange = (awareness, holds) =>
  new Promise((resolve) => {
    if (holds()) return resolve();
    awareness.on('change', function check() {
      if (holds()) {
        awareness.off('change', check);
        resolve();
      }
    });
  });

const dataDirectories = [];
const freshDataDirectory = () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-sync-'));
  dataDirectories.push(dir);
  return dir;
};
after(() => dataDirectories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('sync tokens', () => {
  test('a token verifies with its secret and names its user and documents', () => {
    const payload = verifySyncToken(token(['a', 'b']), secret, 'b');
    assert.equal(payload.user, 'ana');
    assert.deepEqual(payload.documents, ['a', 'b']);
  });
  test('another secret, a changed payload or signature, an expired token, another document: refused', () => {
    const good = token(['a']);
    const [payloadPart, signaturePart] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ user: 'ana', documents: ['a', 'z'], exp: 9e9 })).toString('base64url');
    assert.throws(() => verifySyncToken(good, 'other-secret', 'a'), /signature/);
    assert.throws(() => verifySyncToken(`${forged}.${signaturePart}`, secret, 'z'), /signature/);
    assert.throws(() => verifySyncToken(`${payloadPart}.${signaturePart.slice(0, -2)}AA`, secret, 'a'), /signature/);
    assert.throws(() => verifySyncToken(token(['a'], -1), secret, 'a'), /expired/);
    assert.throws(() => verifySyncToken(good, secret, 'b'), /does not grant/);
    assert.throws(() => verifySyncToken('not-a-token', secret, 'a'), /Malformed/);
  });
});

describe('sync server', () => {
  test('a document survives a restart on the same data directory', async () => {
    const dataDirectory = freshDataDirectory();
    let server = await startSyncServer({ port: 0, dataDirectory, secret });
    const writer = connect(server.port, 'doc-1', token(['doc-1']));
    await writer.synced;
    writer.document.getMap('annotations').set('a1', 'state-media-claim');
    await acknowledged(writer.provider);
    writer.destroy();
    await server.close();

    server = await startSyncServer({ port: 0, dataDirectory, secret });
    const reader = connect(server.port, 'doc-1', token(['doc-1']));
    await reader.synced;
    assert.equal(reader.document.getMap('annotations').get('a1'), 'state-media-claim');
    reader.destroy();
    await server.close();
  });

  test('a wrong, expired or other-document token is refused and gets no document data', async () => {
    const server = await startSyncServer({ port: 0, dataDirectory: freshDataDirectory(), secret });
    const writer = connect(server.port, 'doc-2', token(['doc-2']));
    await writer.synced;
    writer.document.getMap('annotations').set('a1', 'secret-note');
    await acknowledged(writer.provider);
    const refused = [
      createSyncToken({ secret: 'wrong', user: 'eve', documents: ['doc-2'] }),
      token(['doc-2'], -5),
      token(['another-doc']),
    ];
    for (const tokenValue of refused) {
      const intruder = connect(server.port, 'doc-2', tokenValue);
      await assert.rejects(intruder.synced, /authenticationFailed/);
      assert.equal(intruder.document.getMap('annotations').size, 0);
      assert.equal(Y.encodeStateVector(intruder.document).length, 1, 'the refused client holds no update');
      intruder.destroy();
    }
    writer.destroy();
    await server.close();
  });

  test('a message over the size limit closes the connection', async () => {
    const server = await startSyncServer({
      port: 0,
      dataDirectory: freshDataDirectory(),
      secret,
      maxMessageBytes: 64 * 1024,
    });
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(128 * 1024, 1));
    assert.equal(await closed, 1009, 'closed as "message too big"');
    await server.close();
  });
});

describe('two sync nodes sharing a Redis', { skip: !hasRedis() && 'redis-server is not installed' }, () => {
  let redis;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis?.stop());
  /** Two server nodes sharing the Redis and a data directory. */
  const twoNodes = () => {
    const dataDirectory = freshDataDirectory();
    const start = () => startSyncServer({ port: 0, dataDirectory, redisUrl: redis.url, secret });
    return Promise.all([start(), start()]);
  };

  test('an update through node 1 reaches a client of node 2', async () => {
    const [node1, node2] = await twoNodes();
    const one = connect(node1.port, 'doc-3', token(['doc-3']));
    const two = connect(node2.port, 'doc-3', token(['doc-3']));
    await Promise.all([one.synced, two.synced]);
    const arrived = valueArrives(two.document.getMap('annotations'), 'a1', 'analyst-opinion');
    one.document.getMap('annotations').set('a1', 'analyst-opinion');
    await arrived;
    const back = valueArrives(one.document.getMap('annotations'), 'a2', 'reported-fact');
    two.document.getMap('annotations').set('a2', 'reported-fact');
    await back;
    one.destroy();
    two.destroy();
    await Promise.all([node1.close(), node2.close()]);
  });

  test('a peer whose connection drops leaves the other node at once, not when awareness times out', async () => {
    const [node1, node2] = await twoNodes();
    const one = connect(node1.port, 'doc-4', token(['doc-4']));
    const two = connect(node2.port, 'doc-4', token(['doc-4']));
    await Promise.all([one.synced, two.synced]);
    const peerId = one.document.clientID;
    const arrived = awarenessChange(two.provider.awareness, () => two.provider.awareness.getStates().has(peerId));
    one.provider.setAwarenessField('user', { name: 'Ana' });
    await arrived;

    // The socket dies without a goodbye (a closed laptop): node 1 notices, with no connection to the document left.
    const left = awarenessChange(two.provider.awareness, () => !two.provider.awareness.getStates().has(peerId));
    const socketProvider = one.provider.configuration.websocketProvider;
    socketProvider.shouldConnect = false;
    socketProvider.webSocket.terminate();
    // Awareness would time the peer out 15 to 30 s after its last renewal; the departure must come before.
    const timedOut = new Promise((resolve) => setTimeout(() => resolve('timed out'), 12_000).unref());
    const outcome = await Promise.race([left.then(() => 'left'), timedOut]);
    one.destroy();
    two.destroy();
    await Promise.all([node1.close(), node2.close()]);
    assert.equal(outcome, 'left');
  });
});
