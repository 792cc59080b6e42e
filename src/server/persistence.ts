import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database as HocuspocusDatabase } from '@hocuspocus/extension-database';
import BetterSqlite3 from 'better-sqlite3';

/** The SQLite file inside a data directory. */
export const databaseFile = (dataDirectory: string): string => join(dataDirectory, 'sync.sqlite3');

/**
 * Hocuspocus persistence in SQLite (better-sqlite3, WAL): one row per document holding its whole Yjs state.
 * Several server processes may open the same file: WAL lets them read while one writes, and the busy
 * timeout makes a writer wait for another instead of failing.
 */
export function createPersistence(dataDirectory: string): { extension: HocuspocusDatabase; close(): void } {
  mkdirSync(dataDirectory, { recursive: true });
  const db = new BetterSqlite3(databaseFile(dataDirectory));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL)',
  );
  const select = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const upsert = db.prepare<[string, Buffer, number]>(
    `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const extension = new HocuspocusDatabase({
    fetch: async ({ documentName }) => {
      const row = select.get(documentName);
      return row ? new Uint8Array(row.state) : null;
    },
    store: async ({ documentName, state }) => {
      upsert.run(documentName, state, Date.now());
    },
  });
  return { extension, close: () => db.close() };
}
