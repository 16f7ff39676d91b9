import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from './engines.js';
import { freshDatabase } from './postgres.js';
import { withRawDb } from './rawDb.js';

/**
 * One new, empty database for several server processes: a SQLite file in a temp dir, or a new
 * database on the run's PostgreSQL server. `env` points a server at it; `scalar` looks at rows
 * directly (what no endpoint shows: how many listings or ledger rows there are).
 */
export interface SharedDatabase {
  engine: Engine;
  env: Record<string, string>;
  /** The first column of the first row; `?` placeholders on both engines. */
  scalar: (sql: string, params?: unknown[]) => Promise<unknown>;
  dispose: () => Promise<void>;
}

export async function sharedDatabase(engine: Engine): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-db-'));
  const path = join(dir, 'db.sqlite');
  if (engine === 'sqlite') {
    return {
      engine,
      env: { DATABASE_PATH: path },
      scalar: (sql, params = []) =>
        Promise.resolve(
          withRawDb(path, (db) =>
            db
              .prepare(sql)
              .pluck()
              .get(...params),
          ),
        ),
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const url = await freshDatabase();
  return {
    engine,
    // DATABASE_URL wins; the path only keeps anything SQLite-minded away from the working directory.
    env: { DATABASE_URL: url, DATABASE_PATH: path },
    scalar: async (sql, params = []) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        let n = 0;
        const { rows } = await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        );
        const first = rows[0] as Record<string, unknown> | undefined;
        return first && Object.values(first)[0];
      } finally {
        await client.end();
      }
    },
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
