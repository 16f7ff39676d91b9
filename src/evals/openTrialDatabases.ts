import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresTrialDatabases } from './postgresTrialDatabases.js';
import { SqliteTrialDatabases, type TrialDatabases } from './trialDatabases.js';
import { EvalRunInterrupted, type StopOptions } from './interruption.js';

/**
 * Where one command's databases are made: on the PostgreSQL server at `databaseUrl` (`--database-url` or
 * `EVAL_DATABASE_URL`), else as SQLite files in a new scratch folder named after `purpose`. Every eval command
 * (scenarios, comparables, images) makes its databases here, so they are made, named and dropped one way.
 */
export async function openTrialDatabases(databaseUrl: string | undefined, purpose: string): Promise<TrialDatabases> {
  if (databaseUrl) return PostgresTrialDatabases.connect(databaseUrl);
  return new SqliteTrialDatabases(mkdtempSync(join(tmpdir(), `listing-${purpose}-`)));
}

/**
 * Runs `work` on a command's databases and closes them after. Stopped by `stop.signal`, `work` ends at its next
 * step (it checks the signal), every database is dropped, and this rejects with EvalRunInterrupted naming them.
 */
export async function withTrialDatabases<T>(
  databaseUrl: string | undefined,
  purpose: string,
  stop: Partial<StopOptions>,
  work: (databases: TrialDatabases) => Promise<T>,
): Promise<T> {
  const databases = await openTrialDatabases(databaseUrl, purpose);
  stop.onDatabases?.(databases);
  let result: T;
  try {
    result = await work(databases);
    if (stop.signal?.aborted) throw new EvalRunInterrupted([]);
  } catch (error) {
    if (stop.signal?.aborted) throw new EvalRunInterrupted(await databases.dropAll());
    await databases.close();
    throw error;
  }
  await databases.close();
  return result;
}
