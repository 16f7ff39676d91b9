import pg from 'pg';
import { StoreUnavailableError } from '../store.js';

/** PostgreSQL's limit on an identifier (longer names are silently truncated, so two could collide). */
const MAX_NAME_BYTES = 63;

/** A database name out of any words: lower-case letters, digits and `_`, within PostgreSQL's limit. */
export function databaseName(...parts: string[]): string {
  const name = parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) throw new Error('A database name needs at least one letter or digit.');
  return name.slice(0, MAX_NAME_BYTES);
}

/** `url` with its password removed: what a report or a message may show. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

/**
 * Databases on one PostgreSQL server, created and dropped through administrative connections
 * (to the URL's own database, usually `postgres`): evals give every trial its own database, copied
 * from a seeded catalogue with `CREATE DATABASE … TEMPLATE`, a file copy on the server. Copies run
 * side by side on a few connections: one at a time, creating databases was most of a trial's time.
 */
export class DatabaseAdmin {
  private constructor(
    private readonly server: string,
    private readonly pool: pg.Pool,
  ) {}

  /**
   * Connects to `url` with up to `connections` at once; an unreachable server is a StoreUnavailableError
   * whose message has no password.
   */
  static async connect(url: string, connections = 4): Promise<DatabaseAdmin> {
    const pool = new pg.Pool({ connectionString: url, max: connections });
    // A server that goes away later fails the next statement; unheard, the event would end the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Cannot reach PostgreSQL at ${withoutPassword(url)}: ${reason}`, {
        cause: error,
      });
    }
    return new DatabaseAdmin(url, pool);
  }

  /** The URL of database `name` on the same server, with the same credentials. */
  urlOf(name: string): string {
    const url = new URL(this.server);
    url.pathname = `/${encodeURIComponent(name)}`;
    return url.toString();
  }

  /** Creates an empty database, or a copy of `template` (which nobody may be connected to meanwhile). */
  async create(name: string, template?: string): Promise<void> {
    const copy = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
    await this.pool.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${copy}`);
  }

  /** Drops the database if it exists, ending any session still connected to it. */
  async drop(name: string): Promise<void> {
    await this.pool.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  }

  async exists(name: string): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  }

  /** The databases whose names start with `prefix`, sorted. */
  async named(prefix: string): Promise<string[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const result = await this.pool.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname',
      [like],
    );
    return result.rows.map((r) => r.datname);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
