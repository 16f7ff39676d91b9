import { parentPort, workerData } from 'node:worker_threads';
import { replayTrace, type ReplayReport } from './replay.js';
import { prepareBase } from './baseDatabase.js';
import { PostgresReplayBases, ReplayDatabaseError } from './postgresBaseDatabase.js';
import { storeFailure } from '../store/index.js';
import type { RecordedTrace } from './traceExport.js';
import type { CatalogueFacts } from '../store/seed/seedDatabase.js';

/**
 * The replay thread (see ReplayThread): a replay builds a scratch database, an agent and a whole run,
 * which is CPU the service's event loop must not spend. Replays posted while one runs interleave here.
 * A `prepare` message seeds a catalogue's template ahead of the first replay that needs it; `close`
 * drops what the thread made on the database server, then answers.
 */
export type ReplayRequest =
  { id: number; trace: RecordedTrace } | { id: number; prepare: CatalogueFacts } | { id: number; close: true };
export type ReplayAnswer =
  | { id: number; report: ReplayReport }
  | { id: number; prepared: true }
  | { id: number; error: string; explained: boolean }
  | { id: number; closed: true };
/** The service's PostgreSQL server, when it runs on one: its runs are replayed there. */
export type ReplayWorkerData = { databaseUrl?: string };

/** Errors whose message tells support or the operator what to do; others are the server's own to log. */
const explained = (error: unknown) => error instanceof ReplayDatabaseError || storeFailure(error) !== undefined;

const failed = (id: number, error: unknown): ReplayAnswer => ({
  id,
  error: error instanceof Error ? error.message : String(error),
  explained: explained(error),
});

const { databaseUrl } = (workerData ?? {}) as ReplayWorkerData;
const postgres = databaseUrl ? new PostgresReplayBases(databaseUrl) : undefined;

parentPort!.on('message', (request: ReplayRequest) => {
  const { id } = request;
  if ('close' in request)
    void (postgres?.close() ?? Promise.resolve()).finally(() =>
      parentPort!.postMessage({ id, closed: true } satisfies ReplayAnswer),
    );
  else if ('prepare' in request)
    (postgres ? postgres.prepare(request.prepare) : prepareBase(request.prepare)).then(
      () => parentPort!.postMessage({ id, prepared: true } satisfies ReplayAnswer),
      (error: unknown) => parentPort!.postMessage(failed(id, error)),
    );
  else
    replayTrace(request.trace, { postgres }).then(
      (report) => parentPort!.postMessage({ id, report } satisfies ReplayAnswer),
      (error: unknown) => parentPort!.postMessage(failed(id, error)),
    );
});
