import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * Fresh databases on the run's PostgreSQL server (started by test/support/globalSetup.ts, or
 * TEST_DATABASE_URL): each call creates an empty database and answers its URL, so test files and
 * tests never share state. They are dropped with the cluster at the end of the run.
 */
export async function freshDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  if (!admin) throw new Error('No PostgreSQL server for this run: is test/support/globalSetup.ts in vitest.config.ts?');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
