// `claim-provenance-editor/server`: the team sync server and its tokens, for Node (a CMS back end).
export { startSyncServer, DEFAULT_MAX_MESSAGE_BYTES } from './server.js';
export type { SyncServer, SyncServerOptions } from './server.js';
export { createSyncToken, verifySyncToken } from './token.js';
export type { CreateSyncTokenOptions, SyncTokenPayload } from './token.js';
