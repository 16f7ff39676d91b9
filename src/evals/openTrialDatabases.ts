import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresTrialDatabases } from './postgresTrialDatabases.js';
import { SqliteTrialDatabases, type TrialDatabases } from './trialDatabases.js';

/**
 * Where one command's databases are made: on the PostgreSQL server at `databaseUrl` (`--database-url` or
 * `EVAL_DATABASE_URL`), else as SQLite files in a new scratch folder named after `purpose`. Every eval command
 * (scenarios, comparables, images) makes its databases here, so they are made, named and dropped one way.
 */
export async function openTrialDatabases(databaseUrl: string | undefined, purpose: string): Promise<TrialDatabases> {
  if (databaseUrl) return PostgresTrialDatabases.connect(databaseUrl);
  return new SqliteTrialDatabases(mkdtempSync(join(tmpdir(), `listing-${purpose}-`)));
}
