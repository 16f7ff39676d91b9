import {
  setTraceProcessors,
  setTracingDisabled,
  type Span,
  type SpanData,
  type Trace,
  type TracingProcessor,
} from '@openai/agents';
import { describeError, processLogger } from '../logging/logger.js';

/** Receives the spans of the traces it registered for. */
export interface TraceSink {
  onSpanEnd(span: Span<SpanData>): void;
  onTraceEnd?(trace: Trace): void;
  /** A run segment has ended and its outcome (status, approvals) is in the store. */
  onSegmentSettled?(runId: string): void;
}

/**
 * The SDK's trace processors are process-global, but several assistants (each
 * with its own store) may share a process, as tests and evals do. The router
 * is the one processor installed; each run registers its trace id with the
 * sink that should record it. Nothing is sent to OpenAI's trace endpoint.
 */
class TraceRouter implements TracingProcessor {
  private readonly sinks = new Map<string, Registration[]>();

  /** `onError` hears about a sink that threw (the registering run knows whom to tell); the run goes on. */
  register(traceId: string, sink: TraceSink, onError: (error: unknown) => void = reportToProcessLog): () => void {
    const entry = { sink, onError };
    const list = this.sinks.get(traceId) ?? [];
    list.push(entry);
    this.sinks.set(traceId, list);
    return () => {
      const remaining = (this.sinks.get(traceId) ?? []).filter((s) => s !== entry);
      if (remaining.length) this.sinks.set(traceId, remaining);
      else this.sinks.delete(traceId);
    };
  }

  async onTraceStart(): Promise<void> {}

  async onTraceEnd(trace: Trace): Promise<void> {
    for (const { sink, onError } of this.sinks.get(trace.traceId) ?? [])
      safely(() => sink.onTraceEnd?.(trace), onError);
  }

  async onSpanStart(): Promise<void> {}

  async onSpanEnd(span: Span<SpanData>): Promise<void> {
    for (const { sink, onError } of this.sinks.get(span.traceId) ?? []) safely(() => sink.onSpanEnd(span), onError);
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}

interface Registration {
  sink: TraceSink;
  onError: (error: unknown) => void;
}

/** Recording must never break a run: a failing sink is reported, not raised. */
function safely(fn: () => void, onError: (error: unknown) => void): void {
  try {
    fn();
  } catch (error) {
    onError(error);
  }
}

function reportToProcessLog(error: unknown): void {
  processLogger().error({ error: describeError(error) }, 'trace recording failed');
}

let router: TraceRouter | undefined;

/** Installs the router as the only trace processor (idempotent) and enables tracing, also under NODE_ENV=test. */
export function traceRouter(): TraceRouter {
  if (!router) {
    router = new TraceRouter();
    setTraceProcessors([router]);
    setTracingDisabled(false);
  }
  return router;
}
