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
 * Databases on one PostgreSQL server, created and dropped through an administrative connection
 * (the URL's own database, usually `postgres`): evals give every trial its own database, copied
 * from a seeded catalogue with `CREATE DATABASE … TEMPLATE`, a file copy on the server.
 */
export class DatabaseAdmin {
  /** The statement under way: one connection runs one at a time (node-postgres no longer queues for us). */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly server: string,
    private readonly client: pg.Client,
  ) {}

  /** Connects to `url`; an unreachable server is a StoreUnavailableError whose message has no password. */
  static async connect(url: string): Promise<DatabaseAdmin> {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Cannot reach PostgreSQL at ${withoutPassword(url)}: ${reason}`, {
        cause: error,
      });
    }
    // A server that goes away later fails the next statement; unheard, the event would end the process.
    client.on('error', () => undefined);
    return new DatabaseAdmin(url, client);
  }

  /** The URL of database `name` on the same server, with the same credentials. */
  urlOf(name: string): string {
    const url = new URL(this.server);
    url.pathname = `/${encodeURIComponent(name)}`;
    return url.toString();
  }

  /** Creates an empty database, or a copy of `template` (which nobody may be connected to meanwhile). */
  create(name: string, template?: string): Promise<void> {
    const copy = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
    return this.run(`CREATE DATABASE ${pg.escapeIdentifier(name)}${copy}`);
  }

  /** Drops the database if it exists, ending any session still connected to it. */
  drop(name: string): Promise<void> {
    return this.run(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  }

  async exists(name: string): Promise<boolean> {
    const result = await this.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  }

  /** The databases whose names start with `prefix`, sorted. */
  async named(prefix: string): Promise<string[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const result = await this.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname',
      [like],
    );
    return result.rows.map((r) => r.datname);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.client.end();
  }

  private async run(sql: string): Promise<void> {
    await this.query(sql);
  }

  private query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const next = this.queue.then(() => this.client.query<R>(sql, values));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
