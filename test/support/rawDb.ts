import Database from 'better-sqlite3';

/**
 * A second connection to a test's database file, for what no repository offers: looking at
 * rows or the search index directly, or tampering with rows to set up a case. The Store keeps
 * its own connection to itself; with WAL both see each other's committed writes. Close it
 * before the file is removed (or use `withRawDb`).
 */
export function rawDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Opens a raw connection to `path`, runs `fn` on it and closes it. */
export function withRawDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = rawDb(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** `withRawDb` for a `fn` that awaits (the store, say): the connection closes once `fn` settles. */
export async function withRawDbAsync<T>(path: string, fn: (db: Database.Database) => Promise<T>): Promise<T> {
  const db = rawDb(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
