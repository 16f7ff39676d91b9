import { createHash, randomBytes } from 'node:crypto';
import { context, trace, TraceFlags, type Attributes, type SpanContext } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanProcessor } from '@langfuse/otel';
import { createObservationAttributes, getLangfuseTracer, setLangfuseTracerProvider } from '@langfuse/tracing';
import type { RunRecord, Store } from '../store/index.js';
import { buildTraceView, type TimelineEvent } from './timeline.js';
import { maskText, maskValue } from '../shared/masking.js';
import { processLogger } from '../logging/logger.js';
import type { TraceSink } from './traceRouter.js';
import { SerialQueue } from './serialQueue.js';

export interface LangfuseConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  /** How long one export request may take before the exporter gives up on it. */
  exportTimeoutSeconds?: number;
  log?: (msg: string, fields: Record<string, unknown>) => void;
}

/** Langfuse observation ids are OTel span ids: derive them from our ids, so a re-export upserts. */
const spanIdFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);
export const langfuseTraceId = (traceId: string) => traceId.replace(/^trace_/, '');

/**
 * Exports each run to Langfuse as one trace (sessionId = conversation,
 * userId = seller), segment by segment as runs pause and resume: an `agent`
 * observation per segment holding `generation`, `tool`, `guardrail` (policy
 * decisions) and `event` (approvals) observations with their real times.
 * Observations are built from the store when a segment ends and handed to
 * the Langfuse span processor, which batches and sends them off the request
 * path; a slow or absent Langfuse never touches a run. Exports run one at a
 * time (they share the id generator and what was exported), and a flush or
 * shutdown first waits for the exports asked for before it.
 */
export class LangfuseExporter implements TraceSink {
  private readonly processor: LangfuseSpanProcessor;
  private readonly provider: BasicTracerProvider;
  /** The span id the next observation gets (see the id generator below). */
  private nextSpanId: string | undefined;
  private readonly exported = new Map<string, Set<string>>();
  private readonly exports = new SerialQueue();

  /** `store` is where `onSegmentSettled` reads runs; `exportRun` can also be given another store (eval trials). */
  constructor(
    private readonly store: Store | undefined,
    private readonly config: LangfuseConfig,
  ) {
    this.processor = new LangfuseSpanProcessor({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
      exportMode: 'batched',
      timeout: config.exportTimeoutSeconds ?? 5,
      mask: ({ data }: { data: unknown }) => maskValue(data),
    });
    this.provider = new BasicTracerProvider({
      spanProcessors: [this.processor],
      idGenerator: {
        generateTraceId: () => randomBytes(16).toString('hex'),
        generateSpanId: () => {
          const id = this.nextSpanId ?? randomBytes(8).toString('hex');
          this.nextSpanId = undefined;
          return id;
        },
      },
    });
    // A dedicated provider: only these observations go to Langfuse, nothing else in the process.
    setLangfuseTracerProvider(this.provider);
  }

  onSpanEnd(): void {}

  /** Settles (never rejects) once the run is handed to the span processor; a failure is logged. */
  onSegmentSettled(runId: string): Promise<void> {
    return this.exports.push(async () => {
      try {
        const run = await this.store?.runs.get(runId);
        if (run && this.store) await this.exportNow(run, this.store);
      } catch (error) {
        (this.config.log ?? defaultLog)('langfuse export failed', {
          runId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  }

  /** Adds what is new in a run since the last export (one segment, usually). */
  exportRun(run: RunRecord, store: Store): Promise<void> {
    return this.exports.push(() => this.exportNow(run, store));
  }

  private async exportNow(run: RunRecord, store: Store): Promise<void> {
    const view = await buildTraceView(store, run);
    const done = this.exported.get(run.traceId) ?? new Set<string>();
    this.exported.set(run.traceId, done);
    const traceAttributes = {
      'langfuse.trace.name': 'listing-assistant',
      'session.id': run.conversationId,
      'user.id': run.sellerId,
      'langfuse.trace.tags': [`prompt:${run.promptVersion}`, `model:${run.model}`, ...run.tags],
      'langfuse.trace.metadata.runId': run.id,
      'langfuse.trace.metadata.status': run.status,
    };
    const root: SpanContext = {
      traceId: langfuseTraceId(run.traceId),
      spanId: spanIdFor(`${run.traceId}:root`),
      traceFlags: TraceFlags.SAMPLED,
    };

    const agents = view.timeline.filter((e): e is Extract<TimelineEvent, { type: 'agent' }> => e.type === 'agent');
    const agentFor = (at: string) => {
      const t = Date.parse(at);
      return [...agents].reverse().find((a) => Date.parse(a.at) <= t) ?? agents[0];
    };
    const agentContexts = new Map<number, SpanContext>();
    for (const agent of agents) {
      const key = `agent:${agent.segment}`;
      const spanId = spanIdFor(`${run.traceId}:${key}`);
      agentContexts.set(agent.segment, { traceId: root.traceId, spanId, traceFlags: TraceFlags.SAMPLED });
      if (done.has(key) || !agent.endedAt) continue;
      this.observe(
        spanId,
        `listing-assistant (segment ${agent.segment})`,
        'agent',
        agent.at,
        agent.endedAt,
        root,
        traceAttributes,
        {
          input: agent.segment === 1 ? run.input : undefined,
          output: run.reply ?? undefined,
          metadata: {
            runId: run.id,
            status: run.status,
            stopReason: run.stopReason ?? undefined,
            segment: agent.segment,
          },
        },
      );
      done.add(key);
    }

    view.timeline.forEach((event, index) => {
      if (event.type === 'agent' || event.type === 'feedback') return;
      const key = `${event.type}:${index}:${event.at}`;
      if (done.has(key)) return;
      const parent = agentContexts.get(agentFor(event.at)?.segment ?? 1) ?? root;
      const spanId = spanIdFor(`${run.traceId}:${key}`);
      switch (event.type) {
        case 'model_call':
          this.observe(
            spanId,
            event.model,
            'generation',
            event.at,
            event.endedAt ?? event.at,
            parent,
            traceAttributes,
            {
              model: event.model,
              input: event.input,
              output: event.output,
              usageDetails: {
                input: event.usage.inputTokens,
                output: event.usage.outputTokens,
                total: event.usage.totalTokens,
              },
              ...(event.error ? { level: 'ERROR', statusMessage: event.error } : {}),
            },
          );
          break;
        case 'tool_call':
          this.observe(spanId, event.tool, 'tool', event.at, event.endedAt ?? event.at, parent, traceAttributes, {
            input: event.arguments,
            output: event.result,
            ...(event.error ? { level: 'ERROR', statusMessage: event.error } : {}),
          });
          break;
        case 'policy_decision':
          this.observe(spanId, `policy:${event.rule}`, 'guardrail', event.at, event.at, parent, traceAttributes, {
            input: { tool: event.tool, arguments: event.arguments, phase: event.phase },
            output: { decision: event.decision, reason: event.reason },
            level: event.decision === 'deny' ? 'WARNING' : 'DEFAULT',
          });
          break;
        case 'approval':
          this.observe(spanId, `approval ${event.event}`, 'event', event.at, event.at, parent, traceAttributes, {
            input: { tool: event.tool, arguments: event.arguments, summary: event.summary },
            output: { event: event.event, by: event.by ?? undefined, message: event.message ?? undefined },
          });
          break;
        default:
          break;
      }
      done.add(key);
    });
  }

  /**
   * One observation with its real start and end. Started through Langfuse's
   * tracer (so the exporter recognises it) with every attribute set at start:
   * an event ends the moment it begins.
   */
  private observe(
    spanId: string,
    name: string,
    asType: 'agent' | 'generation' | 'tool' | 'guardrail' | 'event',
    start: string,
    end: string,
    parent: SpanContext,
    traceAttributes: Attributes,
    attributes: Record<string, unknown>,
  ): void {
    this.nextSpanId = spanId;
    // Every attribute is masked here, status messages and names included, not only what the
    // SDK's mask sees (input, output, metadata).
    const span = getLangfuseTracer().startSpan(
      maskText(name),
      {
        startTime: new Date(start),
        attributes: { ...createObservationAttributes(asType, maskValue(attributes)), ...traceAttributes },
      },
      trace.setSpanContext(context.active(), parent),
    );
    span.end(new Date(end));
  }

  async forceFlush(): Promise<void> {
    await this.exports.idle();
    await this.provider.forceFlush();
  }

  /** Flushes what is queued (bounded by the export timeout), then stops. */
  async shutdown(): Promise<void> {
    await this.exports.idle();
    await this.provider.shutdown();
  }
}

function defaultLog(msg: string, fields: Record<string, unknown>): void {
  processLogger().error(fields, msg);
}
