import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.js';
import { numberNewSearchCategories } from './searchCategories.js';
import { walCheckpointer } from './walCheckpointer.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  /** Checkpoints on a thread of its own (walCheckpointer.ts) instead of inside commits; on by default for files. */
  backgroundCheckpoints?: boolean;
  /** Called once with the connection, for measurement only (the overhead bench counts its statements). */
  instrument?: (connection: Db) => void;
}

/**
 * Opens (creating if needed) a SQLite file in WAL mode with a busy timeout, so
 * concurrent readers never block the writer and a briefly locked database is
 * waited on instead of failing a write. Migrations run before anything else,
 * then categories added in code since get their search numbers. A file's log is
 * checkpointed by a thread of its own, outside the request path.
 */
export function openDatabase(
  path: string,
  { busyTimeoutMs = 5000, backgroundCheckpoints = true, instrument }: OpenOptions = {},
): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  numberNewSearchCategories(db);
  cachePreparedStatements(db);
  if (backgroundCheckpoints && path !== ':memory:' && path !== '') walCheckpointer().attach(db);
  instrument?.(db);
  return db;
}

/**
 * Repositories prepare their SQL where they use it; compiling a statement
 * costs more than running a small one, so each SQL text is compiled once per
 * connection and reused (better-sqlite3 statements are reusable).
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}
