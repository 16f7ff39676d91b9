import type { TestProject } from 'vitest/node';
import { startCluster } from './postgresCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL server: see test/support/postgres.ts. */
    postgresUrl: string;
  }
}

/** Starts one PostgreSQL cluster for the whole run (every test file gets its own database on it). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  if (process.env.PG_TEST_TIMING) console.log(`PostgreSQL test cluster ready in ${Date.now() - started} ms`);
  return cluster.stop;
}
