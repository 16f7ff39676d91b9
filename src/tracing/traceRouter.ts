import {
  setSensitiveDataLoggingEnabled,
  setTraceProcessors,
  setTracingDisabled,
  type Span,
  type SpanData,
  type Trace,
  type TracingProcessor,
} from '@openai/agents';
import { describeError, processLogger } from '../logging/logger.js';
import type { ApprovalRecord, PolicyDecisionRecord, RunRecord } from '../store/index.js';

/** A settled segment's run, approvals and policy decisions as the lifecycle has just read them (one snapshot). */
export interface SettledRun {
  run: RunRecord;
  approvals: ApprovalRecord[];
  decisions?: PolicyDecisionRecord[];
}

/**
 * Receives the spans of the traces it registered for. The hooks are called synchronously, in span
 * order; a sink that needs the store answers a promise, which the router awaits and reports on.
 */
export interface TraceSink {
  onSpanEnd(span: Span<SpanData>): void | Promise<void>;
  onTraceEnd?(trace: Trace): void | Promise<void>;
  /**
   * A run segment has ended and its outcome (status, approvals) is in the store. Callers await
   * each sink in turn: the store recorder first, so that the others read the segment's spans.
   * `settled`, when given, is the run and its approvals as stored now: no need to read them again.
   */
  onSegmentSettled?(runId: string, settled?: SettledRun): void | Promise<void>;
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

  onTraceStart(): Promise<void> {
    return DONE;
  }

  // Every sink hears of the span before anything is awaited, so sinks see spans in the order they ended.
  onTraceEnd(trace: Trace): Promise<void> {
    return each(this.sinks.get(trace.traceId), (sink) => sink.onTraceEnd?.(trace));
  }

  onSpanStart(): Promise<void> {
    return DONE;
  }

  onSpanEnd(span: Span<SpanData>): Promise<void> {
    return each(this.sinks.get(span.traceId), (sink) => sink.onSpanEnd(span));
  }

  shutdown(): Promise<void> {
    return DONE;
  }

  forceFlush(): Promise<void> {
    return DONE;
  }
}

interface Registration {
  sink: TraceSink;
  onError: (error: unknown) => void;
}

/** What the SDK awaits when no sink has work left: one settled promise, not a new one per span. */
const DONE: Promise<void> = Promise.resolve();

/**
 * Calls `hook` on every sink, synchronously and in order. Recording must never break a run: a sink
 * that throws (or rejects) is reported, not raised. Most hooks finish synchronously (the SDK calls
 * these for every span of every run): only sinks that answered a promise are awaited.
 */
function each(registered: Registration[] | undefined, hook: (sink: TraceSink) => void | Promise<void>): Promise<void> {
  if (!registered) return DONE;
  let pending: Promise<void>[] | undefined;
  for (const { sink, onError } of registered) {
    try {
      const answer = hook(sink);
      if (answer) (pending ??= []).push(answer.catch(onError));
    } catch (error) {
      onError(error);
    }
  }
  return pending ? Promise.all(pending).then(() => undefined) : DONE;
}

function reportToProcessLog(error: unknown): void {
  processLogger().error({ error: describeError(error) }, 'trace recording failed');
}

let router: TraceRouter | undefined;

/**
 * Installs the router as the only trace processor (idempotent) and enables tracing, also under NODE_ENV=test;
 * keeps model and tool data out of the SDK's debug logs.
 */
export function traceRouter(): TraceRouter {
  if (!router) {
    router = new TraceRouter();
    setTraceProcessors([router]);
    setTracingDisabled(false);
    // The SDK's own debug lines never carry model or tool data (its default, now fixed): decided once
    // here, the SDK no longer reads two environment variables for every span it creates.
    setSensitiveDataLoggingEnabled(false);
  }
  return router;
}
