// `npm run sync-server -- --port 1234 --data ./sync-data --redis redis://localhost:6379 --secret …`
// Each flag also reads from the environment: SYNC_PORT, SYNC_DATA, SYNC_REDIS_URL, SYNC_SECRET.
import { parseArgs } from 'node:util';
import { startSyncServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    redis: { type: 'string' },
    secret: { type: 'string' },
    'max-message-bytes': { type: 'string' },
  },
});
const secret = values.secret ?? process.env.SYNC_SECRET;
if (!secret) {
  console.error('sync-server: no secret. Pass --secret or set SYNC_SECRET (the key CMS tokens are signed with).');
  process.exit(1);
}
const maxMessageBytes = values['max-message-bytes'] ?? process.env.SYNC_MAX_MESSAGE_BYTES;
const server = await startSyncServer({
  port: Number(values.port ?? process.env.SYNC_PORT ?? 1234),
  dataDirectory: values.data ?? process.env.SYNC_DATA ?? 'sync-data',
  redisUrl: values.redis ?? process.env.SYNC_REDIS_URL,
  secret,
  maxMessageBytes: maxMessageBytes ? Number(maxMessageBytes) : undefined,
});
console.log(`sync-server: listening on ws://localhost:${server.port}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
