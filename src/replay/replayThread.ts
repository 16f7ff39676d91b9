import type { Worker } from 'node:worker_threads';
import { workerThread } from '../shared/workerThread.js';
import { RateLimitedError, ServiceUnavailableError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { ReplayReport } from './replay.js';
import { catalogueOf, type RecordedTrace } from './traceExport.js';
import type { ReplayAnswer, ReplayRequest, ReplayWorkerData } from './replayWorker.js';

/**
 * A replay that could not run for a reason support or the operator can act on (the database, its
 * rights, the thread gone): a JSON 503 `replay_failed` saying why. Any other failure is the server's
 * own (a 500, logged with its details).
 */
export class ReplayFailedError extends ServiceUnavailableError {
  override readonly name = 'ReplayFailedError';
  constructor(why: string) {
    super(`The replay could not be run: ${why}`, 'replay_failed');
  }
}

/**
 * Catalogues up to this size are prepared ahead (1-2 s of seeding per 5,000 listings on the replay
 * thread, and a template file of about 1.1 MB per 1,000); a larger one, such as a million-listing PostgreSQL
 * catalogue, is left to the first replay that needs it rather than spent on every start.
 */
export const PREPARE_AT_MOST = 20_000;

/** A failure the thread explained is support's to read (503); any other is the server's own (500, logged). */
const failure = (answer: { error: string; explained: boolean }): Error =>
  answer.explained ? new ReplayFailedError(answer.error) : new Error(answer.error);

/**
 * Replays off the request thread: one worker thread, started at the first replay (or by `prepare`) and
 * kept (its seeded catalogue templates with it), running at most `concurrency` replays at once. Past that
 * a replay is refused at once with 429 rather than queued: support retries, the service stays light.
 */
export class ReplayThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, { resolve: (r: ReplayReport) => void; reject: (e: Error) => void }>();
  /** Close requests waiting for the thread's answer. */
  private readonly closing = new Map<number, () => void>();
  private readonly preparing = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 0;

  /** `databaseUrl`: the service's PostgreSQL server, where its runs are replayed (none: SQLite files). */
  constructor(
    private readonly concurrency: number,
    private readonly databaseUrl?: string,
  ) {}

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

  /**
   * Starts the thread and seeds the template of the catalogue `store` holds (every run recorded there
   * saw it), so that the first replay finds both ready: without it that replay paid about 3 s for them.
   * Resolves with what was prepared, or `undefined` for a catalogue above PREPARE_AT_MOST. Once only: a
   * second call finds the template built (or building) and costs a message.
   */
  async prepare(store: Store): Promise<{ listings: number } | undefined> {
    const catalogue = await catalogueOf(store);
    if (catalogue.count > PREPARE_AT_MOST) return undefined;
    const id = this.nextId++;
    await new Promise<void>((resolve, reject) => {
      this.preparing.set(id, { resolve, reject });
      this.thread().postMessage({ id, prepare: catalogue } satisfies ReplayRequest);
    });
    return { listings: catalogue.count };
  }

  /** Lets the thread drop its scratch databases (at most `graceMs`), then stops it. */
  async close(graceMs = 5_000): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        this.closing.set(id, resolve);
        worker.postMessage({ id, close: true } satisfies ReplayRequest);
      }),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = workerThread(new URL('./replayWorker.ts', import.meta.url), {
      workerData: { databaseUrl: this.databaseUrl } satisfies ReplayWorkerData,
    });
    // Idle, it keeps no process alive; a replay in progress holds a promise, not the thread.
    worker.unref();
    worker.on('message', (answer: ReplayAnswer) => this.answer(answer));
    const failAll = (why: string) => {
      this.worker = undefined;
      for (const { reject } of [...this.waiting.values(), ...this.preparing.values()])
        reject(new ReplayFailedError(why));
      this.waiting.clear();
      this.preparing.clear();
    };
    worker.on('error', (error) => failAll(`the replay thread failed: ${error.message}`));
    worker.on('exit', () => failAll('the replay thread stopped'));
    this.worker = worker;
    return worker;
  }

  private answer(answer: ReplayAnswer): void {
    const preparation = this.preparing.get(answer.id);
    if (preparation) {
      this.preparing.delete(answer.id);
      if ('error' in answer) preparation.reject(failure(answer));
      else preparation.resolve();
      return;
    }
    if ('closed' in answer) {
      this.closing.get(answer.id)?.();
      this.closing.delete(answer.id);
      return;
    }
    const waiter = this.waiting.get(answer.id);
    this.waiting.delete(answer.id);
    if ('report' in answer) waiter?.resolve(answer.report);
    else if ('error' in answer) waiter?.reject(failure(answer));
  }
}
