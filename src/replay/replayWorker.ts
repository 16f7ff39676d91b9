import { parentPort } from 'node:worker_threads';
import { replayTrace, type ReplayReport } from './replay.js';
import type { RecordedTrace } from './traceExport.js';

/**
 * The replay thread (see ReplayThread): a replay builds a scratch database, an agent and a whole run,
 * which is CPU the service's event loop must not spend. Replays posted while one runs interleave here.
 */
export type ReplayRequest = { id: number; trace: RecordedTrace };
export type ReplayAnswer = { id: number; report: ReplayReport } | { id: number; error: string };

parentPort!.on('message', ({ id, trace }: ReplayRequest) => {
  replayTrace(trace).then(
    (report) => parentPort!.postMessage({ id, report } satisfies ReplayAnswer),
    (error: unknown) =>
      parentPort!.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ReplayAnswer),
  );
});
