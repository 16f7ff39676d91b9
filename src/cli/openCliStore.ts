import { openStore, StoreUnavailableError, type Store } from '../store/index.js';

/**
 * The store a command works on: PostgreSQL when `url` (--url, or DATABASE_URL) is given, else the
 * SQLite file at `db`. A database that cannot be reached ends the command with its message, exit 1.
 */
export async function openCliStore(options: { db: string; url?: string }): Promise<Store> {
  try {
    return await openStore({ DATABASE_URL: options.url || undefined, DATABASE_PATH: options.db });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** What the output calls the database: never the URL, which may carry a password. */
export const databaseName = (options: { db: string; url?: string }): string =>
  options.url ? 'PostgreSQL (DATABASE_URL)' : options.db;
