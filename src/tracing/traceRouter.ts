import { setTraceProcessors, setTracingDisabled, type Span, type Trace, type TracingProcessor } from '@openai/agents';

/** Receives the spans of the traces it registered for. */
export interface TraceSink {
  onSpanEnd(span: Span<any>): void;
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
  private readonly sinks = new Map<string, TraceSink[]>();

  register(traceId: string, sink: TraceSink): () => void {
    const list = this.sinks.get(traceId) ?? [];
    list.push(sink);
    this.sinks.set(traceId, list);
    return () => {
      const remaining = (this.sinks.get(traceId) ?? []).filter((s) => s !== sink);
      if (remaining.length) this.sinks.set(traceId, remaining);
      else this.sinks.delete(traceId);
    };
  }

  async onTraceStart(): Promise<void> {}

  async onTraceEnd(trace: Trace): Promise<void> {
    for (const sink of this.sinks.get(trace.traceId) ?? []) safely(() => sink.onTraceEnd?.(trace));
  }

  async onSpanStart(): Promise<void> {}

  async onSpanEnd(span: Span<any>): Promise<void> {
    for (const sink of this.sinks.get(span.traceId) ?? []) safely(() => sink.onSpanEnd(span));
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}

/** Recording must never break a run: a failing sink is reported, not raised. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', msg: 'trace recording failed', error: error instanceof Error ? error.message : String(error) }));
  }
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
