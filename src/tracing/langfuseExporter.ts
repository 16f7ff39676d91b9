import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, trace, type Attributes, type Context } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LangfuseSpanProcessor } from '@langfuse/otel';
import {
  createObservationAttributes,
  createTraceAttributes,
  getLangfuseTracer,
  setLangfuseTracerProvider,
} from '@langfuse/tracing';
import type { CorrectionRecord, RunRecord, Store } from '../store/index.js';
import { maskText, maskValue } from '../shared/masking.js';
import { processLogger } from '../logging/logger.js';
import { APP_VERSION } from '../config.js';
import type { TraceSink } from './traceRouter.js';
import { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';
import { LangfuseExportQueue } from './langfuseExportQueue.js';
import {
  buildTraceTree,
  readRunRecords,
  TRACE_NAME,
  type RunRecords,
  type TreeObservation,
} from './langfuseTraceTree.js';
import { FeedbackScores } from './feedbackScores.js';

export { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';

export const SERVICE_NAME = 'listing-assistant';
/** Runs exported between two flushes of the span processor. */
const RUNS_PER_FLUSH = 20;
/**
 * Spans handed over between two flushes, at most (a run has a dozen or so): below the processor's
 * batch size (512), so it never sends a batch on its own, whose failure this exporter would not hear of.
 */
const SPANS_PER_FLUSH = 256;
/** After a failed send, the next try waits this long, doubling up to the maximum while Langfuse stays away. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Traces whose sent observations are remembered, so a resumed run sends only its new segment. */
const REMEMBERED_TRACES = 1000;

/** Langfuse observation ids are OTel span ids: derived from our ids, so sending one again upserts. */
const spanIdFor = (traceHex: string, key: string) =>
  createHash('sha256').update(`${traceHex}:${key}`).digest('hex').slice(0, 16);

interface Waiting {
  store: Store;
  run?: RunRecord;
  /** What an earlier try read, when its send failed: sent again as read (an eval trial's store is closed by now). */
  read?: ReadRun;
  settle: () => void;
}

interface ReadRun {
  records: RunRecords;
  corrections: CorrectionRecord[];
}

export interface ExportStats {
  /** Runs waiting for export now. */
  queued: number;
  /** Runs dropped (oldest first) because the queue was full since start. */
  dropped: number;
  /** Runs whose observations Langfuse accepted since start. */
  exported: number;
  /** Sends that failed (Langfuse down, slow past the timeout, or refusing): their runs were queued again. */
  failedSends: number;
  /** Traces whose sent observations are remembered (at most `rememberedTraces`, default 1000). */
  rememberedTraces: number;
}

/**
 * Exports each run to Langfuse as one trace (session = conversation, user =
 * seller), as the tree `buildTraceTree` describes, every time one of its
 * segments settles: the root observation is sent again with the run's state
 * (an upsert), the rest only once. Observations are built from the store and
 * handed to the Langfuse span processor on a dedicated tracer provider, whose
 * resource names the service. Spans are started parent first and ended child
 * first, so the processor sees the live parent and marks only the root as the
 * application root.
 *
 * Bounded: settled runs wait in a queue of `maxQueuedRuns` (drop-oldest,
 * counted); after every few runs the processor is flushed (bounded by the
 * export timeout), so its own buffer never overflows, and a batch Langfuse
 * did not accept is queued again and retried later; what was sent is
 * remembered for the last REMEMBERED_TRACES traces only (forgetting costs a
 * re-send, never a wrong trace). A slow or absent Langfuse never touches a run.
 */
export class LangfuseExporter implements TraceSink {
  private readonly processor: LangfuseSpanProcessor;
  private readonly provider: BasicTracerProvider;
  private readonly scores: FeedbackScores;
  private readonly queue: LangfuseExportQueue<Waiting>;
  /** The ids the next span gets (see the id generator below). */
  private nextSpanId: string | undefined;
  private nextTraceId: string | undefined;
  /** traceId → keys of the observations sent, least recently exported first. */
  private readonly sent = new Map<string, Set<string>>();
  private draining: Promise<void> | undefined;
  /** Set while waiting to try again after a failed send: new runs queue up meanwhile. */
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  private stopped = false;
  private exportedRuns = 0;
  private failedSends = 0;
  private readonly environment: string;

  /** `store` is where `onSegmentSettled` reads runs; `exportRun` can also be given another store (eval trials). */
  constructor(
    private readonly store: Store | undefined,
    private readonly config: LangfuseConfig,
  ) {
    this.environment = config.environment ?? 'development';
    this.processor = new LangfuseSpanProcessor({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
      environment: this.environment,
      exportMode: 'batched',
      timeout: config.exportTimeoutSeconds ?? 5,
      mask: ({ data }: { data: unknown }) => maskValue(data),
    });
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': SERVICE_NAME,
        'service.version': APP_VERSION,
        'deployment.environment.name': this.environment,
      }),
      spanProcessors: [this.processor],
      idGenerator: {
        generateTraceId: () => this.take('trace') ?? randomBytes(16).toString('hex'),
        generateSpanId: () => this.take('span') ?? randomBytes(8).toString('hex'),
      },
    });
    // A dedicated provider: only these observations go to Langfuse, nothing else in the process.
    setLangfuseTracerProvider(this.provider);
    this.scores = new FeedbackScores(config);
    this.queue = new LangfuseExportQueue<Waiting>(config.maxQueuedRuns ?? 1000, (runId, dropped) => {
      dropped.settle();
      // The first drop, then every thousandth: an outage must not flood the log (the metric counts each).
      if (this.queue.dropped % 1000 === 1)
        this.log('langfuse export queue full: oldest runs dropped', { runId, dropped: this.queue.dropped });
    });
  }

  onSpanEnd(): void {}

  /** Queues the run and returns: a run never waits for Langfuse (the run's lifecycle awaits its sinks). */
  onSegmentSettled(runId: string): void {
    if (this.store) void this.enqueue(runId, this.store);
  }

  /** Queues a run of another store (an eval trial's); settles once it was read and handed on, or dropped. */
  exportRun(run: RunRecord, store: Store): Promise<void> {
    return this.enqueue(run.id, store, run);
  }

  stats(): ExportStats {
    return {
      queued: this.queue.size,
      dropped: this.queue.dropped,
      exported: this.exportedRuns,
      failedSends: this.failedSends,
      rememberedTraces: this.sent.size,
    };
  }

  private enqueue(runId: string, store: Store, run?: RunRecord): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(runId, { store, run, settle: resolve })?.settle();
      // While a retry is due, runs only queue up: a Langfuse that is down is not asked again per run.
      if (!this.retryTimer) void this.startDrain();
    });
  }

  private startDrain(): Promise<void> {
    return (this.draining ??= this.drain().finally(() => (this.draining = undefined)));
  }

  /**
   * Sends the queue in batches; a batch Langfuse did not accept goes back to the front of the queue
   * (its traces are forgotten, so they are sent whole: an upsert) and the next try waits, doubling.
   */
  private async drain(): Promise<void> {
    let batch: Array<[string, Waiting]> = [];
    let spans = 0;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const [runId, waiting] = next;
      try {
        const read = waiting.read ?? (await this.read(runId, waiting));
        if (read) {
          spans += this.exportNow(read);
          batch.push([runId, { store: waiting.store, read, settle: () => {} }]);
        }
      } catch (error) {
        this.log('langfuse export failed', { runId, error: error instanceof Error ? error.message : String(error) });
      } finally {
        waiting.settle();
      }
      if (batch.length >= RUNS_PER_FLUSH || spans >= SPANS_PER_FLUSH || this.queue.size === 0) {
        const sent = await this.flushProcessor();
        if (!sent) return this.retryLater(batch);
        this.exportedRuns += batch.length;
        this.retryMs = RETRY_FIRST_MS;
        batch = [];
        spans = 0;
      }
    }
  }

  private retryLater(batch: Array<[string, Waiting]>): void {
    this.failedSends++;
    for (const [, waiting] of batch) this.sent.delete(langfuseTraceId(waiting.read!.records.run.traceId));
    this.queue.requeue(batch);
    if (this.failedSends % 100 === 1)
      this.log('langfuse export failed: runs queued again', { failedSends: this.failedSends, queued: this.queue.size });
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.startDrain();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private async read(runId: string, waiting: Waiting): Promise<ReadRun | undefined> {
    const run = waiting.run ?? (await waiting.store.runs.get(runId));
    if (!run) return undefined;
    const [records, corrections] = await Promise.all([
      readRunRecords(waiting.store, run),
      waiting.store.corrections.forRun(run.id),
    ]);
    return { records, corrections };
  }

  /** Hands the run's observations to the span processor; returns how many. */
  private exportNow({ records, corrections }: ReadRun): number {
    const { run } = records;
    const tree = buildTraceTree(records);
    const traceHex = langfuseTraceId(run.traceId);
    const sent = this.sent.get(traceHex) ?? new Set<string>();
    // Least recently exported first: re-inserting moves the trace to the end.
    this.sent.delete(traceHex);
    this.sent.set(traceHex, sent);
    while (this.sent.size > (this.config.rememberedTraces ?? REMEMBERED_TRACES))
      this.sent.delete(this.sent.keys().next().value!);

    // As the Langfuse SDK propagates them: on every observation, so each can be filtered by them.
    const everySpan: Attributes = {
      'session.id': run.conversationId,
      'user.id': run.sellerId,
      'langfuse.trace.tags': maskValue([`prompt:${run.promptVersion}`, `model:${run.model}`, ...run.tags]),
      'langfuse.release': run.appVersion,
    };
    const rootOnly: Attributes = {
      'langfuse.trace.name': TRACE_NAME,
      ...createTraceAttributes({ input: maskValue(tree.input), output: maskValue(tree.output) }),
      'langfuse.trace.metadata.runId': run.id,
      'langfuse.trace.metadata.status': run.status,
      'langfuse.trace.metadata.promptVersion': run.promptVersion,
    };
    const emitted = this.emit(tree, ROOT_CONTEXT, { traceHex, run, sent, everySpan, rootOnly });
    for (const c of corrections) this.scores.correction(c);
    return emitted;
  }

  /** Starts the observation, then its children (each under it while it is open), then ends it; counts them. */
  private emit(
    node: TreeObservation,
    parent: Context,
    ctx: { traceHex: string; run: RunRecord; sent: Set<string>; everySpan: Attributes; rootOnly: Attributes },
  ): number {
    const isRoot = node.key === 'root';
    const { children, key: _key, startAt, endAt, name, type, completionStartTime, ...fields } = node;
    this.nextSpanId = spanIdFor(ctx.traceHex, node.key);
    if (isRoot) this.nextTraceId = ctx.traceHex;
    // Every attribute is masked here, names and status messages included, not only what the
    // processor's mask sees (input, output, metadata).
    const attributes = {
      ...createObservationAttributes(type, {
        ...maskValue({ ...fields, version: ctx.run.appVersion, environment: this.environment }),
        ...(completionStartTime ? { completionStartTime: new Date(completionStartTime) } : {}),
      }),
      ...ctx.everySpan,
      ...(isRoot ? ctx.rootOnly : {}),
    };
    const span = getLangfuseTracer().startSpan(maskText(name), { startTime: new Date(startAt), attributes }, parent);
    this.nextSpanId = this.nextTraceId = undefined;
    const within = trace.setSpan(parent, span);
    let emitted = 1;
    for (const child of children) if (!isRoot || !allSent(child, ctx.sent)) emitted += this.emit(child, within, ctx);
    span.end(new Date(endAt));
    ctx.sent.add(node.key);
    return emitted;
  }

  private take(kind: 'trace' | 'span'): string | undefined {
    const id = kind === 'trace' ? this.nextTraceId : this.nextSpanId;
    if (kind === 'trace') this.nextTraceId = undefined;
    else this.nextSpanId = undefined;
    return id;
  }

  /** True when Langfuse accepted everything handed over (the processor's flush rejects otherwise). */
  private async flushProcessor(): Promise<boolean> {
    try {
      await this.processor.forceFlush();
      return true;
    } catch {
      return false;
    }
  }

  /** Tries to send what is queued now, a due retry included (bounded by the export timeout per batch). */
  async forceFlush(): Promise<void> {
    await this.draining;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.startDrain();
    await this.scores.flush();
  }

  /** Tries once more to send what is queued (bounded by the export timeout), then stops. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.forceFlush();
    clearTimeout(this.retryTimer);
    await this.provider.shutdown().catch(() => {});
    await this.scores.shutdown();
  }

  private log(msg: string, fields: Record<string, unknown>): void {
    (this.config.log ?? defaultLog)(msg, fields);
  }
}

/** A segment sent before with everything in it needs no second sending; anything new re-sends its parents. */
function allSent(node: TreeObservation, sent: Set<string>): boolean {
  return sent.has(node.key) && node.children.every((c) => allSent(c, sent));
}

function defaultLog(msg: string, fields: Record<string, unknown>): void {
  processLogger().error(fields, msg);
}
