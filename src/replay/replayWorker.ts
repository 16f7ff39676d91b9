import { parentPort } from 'node:worker_threads';
import { replayTrace, type ReplayReport } from './replay.js';
import { prepareBase } from './baseDatabase.js';
import type { RecordedTrace } from './traceExport.js';
import type { CatalogueFacts } from '../store/seed/seedDatabase.js';

/**
 * The replay thread (see ReplayThread): a replay builds a scratch database, an agent and a whole run,
 * which is CPU the service's event loop must not spend. Replays posted while one runs interleave here.
 * A `prepare` message seeds a catalogue's template ahead of the first replay that needs it.
 */
export type ReplayRequest = { id: number; trace: RecordedTrace } | { id: number; prepare: CatalogueFacts };
export type ReplayAnswer =
  { id: number; report: ReplayReport } | { id: number; prepared: true } | { id: number; error: string };

const failed = (id: number, error: unknown): ReplayAnswer => ({
  id,
  error: error instanceof Error ? error.message : String(error),
});

parentPort!.on('message', (request: ReplayRequest) => {
  const { id } = request;
  if ('prepare' in request)
    prepareBase(request.prepare).then(
      () => parentPort!.postMessage({ id, prepared: true } satisfies ReplayAnswer),
      (error: unknown) => parentPort!.postMessage(failed(id, error)),
    );
  else
    replayTrace(request.trace).then(
      (report) => parentPort!.postMessage({ id, report } satisfies ReplayAnswer),
      (error: unknown) => parentPort!.postMessage(failed(id, error)),
    );
});
