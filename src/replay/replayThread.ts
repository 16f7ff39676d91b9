import type { Worker } from 'node:worker_threads';
import { workerThread } from '../shared/workerThread.js';
import { RateLimitedError } from '../errors.js';
import type { ReplayReport } from './replay.js';
import type { RecordedTrace } from './traceExport.js';
import type { ReplayAnswer, ReplayRequest } from './replayWorker.js';

/** A replay the thread could not finish (it failed, or the thread died under it). */
export class ReplayFailedError extends Error {
  override readonly name = 'ReplayFailedError';
}

/**
 * Replays off the request thread: one worker thread, started at the first replay and kept (its
 * seeded catalogue templates with it), running at most `concurrency` replays at once. Past that a
 * replay is refused at once with 429 rather than queued: support retries, the service stays light.
 */
export class ReplayThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, { resolve: (r: ReplayReport) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(private readonly concurrency: number) {}

  replay(trace: RecordedTrace): Promise<ReplayReport> {
    if (this.waiting.size >= this.concurrency)
      return Promise.reject(
        new RateLimitedError(`${this.waiting.size} replays are running; try again in a few seconds.`, 5),
      );
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.thread().postMessage({ id, trace } satisfies ReplayRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = workerThread(new URL('./replayWorker.ts', import.meta.url), {});
    // Idle, it keeps no process alive; a replay in progress holds a promise, not the thread.
    worker.unref();
    worker.on('message', (answer: ReplayAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if ('report' in answer) waiter?.resolve(answer.report);
      else waiter?.reject(new ReplayFailedError(answer.error));
    });
    const failAll = (why: string) => {
      this.worker = undefined;
      for (const { reject } of this.waiting.values()) reject(new ReplayFailedError(why));
      this.waiting.clear();
    };
    worker.on('error', (error) => failAll(`the replay thread failed: ${error.message}`));
    worker.on('exit', () => failAll('the replay thread stopped'));
    this.worker = worker;
    return worker;
  }
}
