import type { Span, SpanData } from '@openai/agents';
import type { Store } from '../store/index.js';
import type { TraceSpanRecord } from '../store/traceRepository.js';
import type { TraceSink } from './traceRouter.js';
import { TRACED_MODEL_MARKER } from './tracedModel.js';

/**
 * Records a run's spans into the store, the source of truth for support and
 * replay. Keeps the spans that tell the story: agent segments, our own model
 * call spans (one per model call, whatever the provider) and tool calls.
 */
export class StoreRecorder implements TraceSink {
  private pending: TraceSpanRecord[] = [];
  private scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown, traceIds: string[]) => void = () => {},
  ) {}

  /**
   * Spans are buffered and written in one transaction: when the segment
   * settles (before the other sinks read the store), or on the next turn of
   * the event loop, whichever is first. One commit per batch instead of one
   * per span; a crash can lose at most the spans of the moment, never a
   * decision, approval or write (those are written where they happen).
   */
  onSpanEnd(span: Span<SpanData>): void {
    const data = span.spanData as Record<string, unknown> & { type: string };
    if (!isRecorded(data)) return;
    this.pending.push({
      spanId: span.spanId,
      traceId: span.traceId,
      parentId: span.parentId,
      kind: data.type,
      name: typeof data.name === 'string' ? data.name : typeof data.model === 'string' ? data.model : null,
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      data: { ...data },
      error: span.error,
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  onSegmentSettled(): void {
    this.flush();
  }

  onTraceEnd(): void {
    this.flush();
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.store.traces.upsertSpans(batch);
    } catch (error) {
      // Recording never breaks a run: the failure is reported, the run goes on.
      this.onError(error, [...new Set(batch.map((span) => span.traceId))]);
    }
  }
}

function isRecorded(data: Record<string, unknown> & { type: string }): boolean {
  switch (data.type) {
    case 'agent':
    case 'function':
    case 'custom':
      return true;
    case 'generation':
      return (data.model_config as Record<string, unknown> | undefined)?.[TRACED_MODEL_MARKER] === true;
    default:
      return false;
  }
}
