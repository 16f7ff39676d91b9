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
import type { RunRecord, Store } from '../store/index.js';
import { maskText, maskValue } from '../shared/masking.js';
import { processLogger } from '../logging/logger.js';
import { APP_VERSION } from '../config.js';
import type { TraceSink } from './traceRouter.js';
import { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';
import { LangfuseExportQueue } from './langfuseExportQueue.js';
import { buildTraceTree, readRunRecords, TRACE_NAME, type TreeObservation } from './langfuseTraceTree.js';
import { FeedbackScores } from './feedbackScores.js';

export { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';

export const SERVICE_NAME = 'listing-assistant';
/** Runs exported between two flushes of the span processor: what its buffer holds at most (a dozen spans each). */
const RUNS_PER_FLUSH = 20;
/** Traces whose sent observations are remembered, so a resumed run sends only its new segment. */
const REMEMBERED_TRACES = 1000;

/** Langfuse observation ids are OTel span ids: derived from our ids, so sending one again upserts. */
const spanIdFor = (traceHex: string, key: string) =>
  createHash('sha256').update(`${traceHex}:${key}`).digest('hex').slice(0, 16);

interface Waiting {
  store: Store;
  run?: RunRecord;
  settle: () => void;
}

export interface ExportStats {
  /** Runs waiting for export now. */
  queued: number;
  /** Runs dropped (oldest first) because the queue was full since start. */
  dropped: number;
  /** Runs whose observations were handed to the span processor since start. */
  exported: number;
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
 * export timeout), so its own buffer never overflows; what was sent is
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
  private exportedRuns = 0;
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

  /** Queues the run; settles (never rejects) once it is handed to the span processor, or dropped. */
  onSegmentSettled(runId: string): Promise<void> {
    if (!this.store) return Promise.resolve();
    return this.enqueue(runId, this.store);
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
      rememberedTraces: this.sent.size,
    };
  }

  private enqueue(runId: string, store: Store, run?: RunRecord): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(runId, { store, run, settle: resolve })?.settle();
      this.draining ??= this.drain().finally(() => (this.draining = undefined));
    });
  }

  private async drain(): Promise<void> {
    let sinceFlush = 0;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const [runId, waiting] = next;
      try {
        const run = waiting.run ?? (await waiting.store.runs.get(runId));
        if (run) await this.exportNow(run, waiting.store);
      } catch (error) {
        this.log('langfuse export failed', { runId, error: error instanceof Error ? error.message : String(error) });
      } finally {
        waiting.settle();
      }
      if (++sinceFlush >= RUNS_PER_FLUSH || this.queue.size === 0) {
        sinceFlush = 0;
        await this.flushProcessor();
      }
    }
  }

  private async exportNow(run: RunRecord, store: Store): Promise<void> {
    const records = await readRunRecords(store, run);
    const corrections = await store.corrections.forRun(run.id);
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
    this.emit(tree, ROOT_CONTEXT, { traceHex, run, sent, everySpan, rootOnly });
    for (const c of corrections) this.scores.correction(c);
    this.exportedRuns++;
  }

  /** Starts the observation, then its children (each under it while it is open), then ends it. */
  private emit(
    node: TreeObservation,
    parent: Context,
    ctx: { traceHex: string; run: RunRecord; sent: Set<string>; everySpan: Attributes; rootOnly: Attributes },
  ): void {
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
    for (const child of children) if (!isRoot || !allSent(child, ctx.sent)) this.emit(child, within, ctx);
    span.end(new Date(endAt));
    ctx.sent.add(node.key);
  }

  private take(kind: 'trace' | 'span'): string | undefined {
    const id = kind === 'trace' ? this.nextTraceId : this.nextSpanId;
    if (kind === 'trace') this.nextTraceId = undefined;
    else this.nextSpanId = undefined;
    return id;
  }

  private async flushProcessor(): Promise<void> {
    try {
      await this.provider.forceFlush();
    } catch {
      // Langfuse slow or down: this batch is lost, the store keeps every trace.
    }
  }

  async forceFlush(): Promise<void> {
    await this.draining;
    await this.flushProcessor();
    await this.scores.flush();
  }

  /** Exports what is queued and flushes it (bounded by the export timeout), then stops. */
  async shutdown(): Promise<void> {
    await this.draining;
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
