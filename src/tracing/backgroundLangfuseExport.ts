import { Worker } from 'node:worker_threads';
import type { ExportStats, LangfuseConfig } from './langfuseExporter.js';
import type { ExportMessage, ExportReply } from './langfuseExportWorker.js';
import type { TraceSink } from './traceRouter.js';
import { workerThread } from '../shared/workerThread.js';

const STARTUP_LIMIT_MS = 60_000;

/**
 * Langfuse export on a worker thread: a settled run costs the service one
 * `postMessage` of its id; reading the run back, masking, building the OTel
 * spans and sending them happen on the worker. Measured under load, doing
 * that work on the request thread cost about 0.45 ms of CPU per run (about
 * 20% of throughput when the CPU is the limit). If the thread fails, export
 * stops and runs go on: the store keeps every trace.
 */
export class BackgroundLangfuseExport implements TraceSink {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (stats?: ExportStats) => void>();
  private nextId = 0;
  private stopped = false;
  /** As the worker last reported them (every flush and stats request). */
  private lastStats: ExportStats = { queued: 0, dropped: 0, exported: 0, failedSends: 0, rememberedTraces: 0 };
  /** Resolves once the thread has loaded its modules (seconds on a busy machine): request timeouts count from then. */
  private readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    dbPath: string,
    private readonly config: LangfuseConfig,
  ) {
    const { log: _log, ...cloneable } = config;
    const entry = new URL('./langfuseExportWorker.ts', import.meta.url);
    this.worker = workerThread(entry, { workerData: { dbPath, config: cloneable } });
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // Export never keeps a process alive; shutdown() flushes what is queued.
    this.worker.unref();
    this.worker.on('message', (reply: ExportReply | 'ready') => {
      if (reply === 'ready') this.markReady();
      else this.settle(reply.id, reply.stats);
    });
    this.worker.on('error', (error) => {
      this.config.log?.('langfuse export thread failed', { error: error.message });
      this.stop();
    });
    this.worker.on('exit', () => this.stop());
  }

  /** False once the thread has failed or exited: export has stopped (readiness reports it). */
  get alive(): boolean {
    return !this.stopped;
  }

  onSpanEnd(): void {}

  onSegmentSettled(runId: string): void {
    if (!this.stopped) this.post({ type: 'run', runId });
  }

  /** Sends what is queued; resolves when the worker has (bounded by the export timeout). */
  async forceFlush(): Promise<void> {
    await this.request('flush');
  }

  /** The worker's queue and counters (the last known ones once it has stopped). */
  async stats(): Promise<ExportStats> {
    return (await this.request('stats')) ?? this.lastStats;
  }

  async shutdown(): Promise<void> {
    await this.request('shutdown');
    await this.worker.terminate();
  }

  private request(type: 'flush' | 'shutdown' | 'stats'): Promise<ExportStats | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    const id = this.nextId++;
    const limitMs = ((this.config.exportTimeoutSeconds ?? 5) + 2) * 1000;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.waiting.set(id, (stats) => {
        clearTimeout(timer);
        resolve(stats);
      });
      this.post({ type, id });
      // A thread that never comes up gives up too, after a generous start-up allowance.
      const startup = setTimeout(() => this.settle(id), STARTUP_LIMIT_MS);
      startup.unref();
      void this.ready.then(() => {
        clearTimeout(startup);
        if (!this.waiting.has(id)) return;
        timer = setTimeout(() => this.settle(id), limitMs);
        timer.unref();
      });
    });
  }

  private post(message: ExportMessage): void {
    this.worker.postMessage(message);
  }

  private settle(id: number, stats?: ExportStats): void {
    if (stats) this.lastStats = stats;
    this.waiting.get(id)?.(stats);
    this.waiting.delete(id);
  }

  private stop(): void {
    this.stopped = true;
    this.markReady();
    for (const id of [...this.waiting.keys()]) this.settle(id);
  }
}
