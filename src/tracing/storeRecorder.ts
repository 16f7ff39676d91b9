import type { Span, SpanData } from '@openai/agents';
import type { Store } from '../store/index.js';
import type { TraceSpanRecord } from '../store/traceRepository.js';
import type { TraceSink } from './traceRouter.js';
import { TRACED_MODEL_MARKER } from './tracedModel.js';
import { SerialQueue } from './serialQueue.js';
import { describeError, processLogger } from '../logging/logger.js';

/**
 * Records a run's spans into the store, the source of truth for support and
 * replay. Keeps the spans that tell the story: agent segments, our own model
 * call spans (one per model call, whatever the provider) and tool calls.
 */
export class StoreRecorder implements TraceSink {
  private pending: TraceSpanRecord[] = [];
  private scheduled = false;
  /** Traces whose spans wait for their segment's last transaction (writeHeld) instead of a batch of their own. */
  private readonly held = new Map<string, TraceSpanRecord[]>();
  /** Batch writes, one after another in span order; flushes wait on it. */
  private readonly writes = new SerialQueue();

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown, traceIds: string[]) => void | Promise<void> = () => {},
  ) {}

  /**
   * Spans are buffered and written in one transaction. A run's segment holds
   * its trace (hold): its spans then ride in the segment's last transaction
   * (the pause or the run's end, writeHeld), with no commit of their own.
   * Other spans, and those ending after that transaction, are written when
   * the segment settles (before the other sinks read the store) or on the
   * next turn of the event loop, whichever is first. A crash can lose at most
   * the spans of the moment, never an approval or a write.
   * The SDK hook is synchronous: batches queue in order, and a settled
   * segment or ended trace waits until they are stored.
   */
  onSpanEnd(span: Span<SpanData>): void {
    const data = span.spanData as Record<string, unknown> & { type: string };
    if (!isRecorded(data)) return;
    const record: TraceSpanRecord = {
      spanId: span.spanId,
      traceId: span.traceId,
      parentId: span.parentId,
      kind: data.type,
      name: typeof data.name === 'string' ? data.name : typeof data.model === 'string' ? data.model : null,
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      data: { ...data },
      error: span.error,
    };
    const held = this.held.get(span.traceId);
    if (held) {
      held.push(record);
      return;
    }
    this.pending.push(record);
    if (!this.scheduled) {
      this.scheduled = true;
      // flush() never rejects: a failed write is reported through onError.
      setImmediate(() => void this.flush());
    }
  }

  /** Holds the trace's spans until writeHeld or release: its segment's transaction will carry them. */
  hold(traceId: string): void {
    if (!this.held.has(traceId)) this.held.set(traceId, []);
  }

  /**
   * Writes the trace's held spans inside `tx`, the segment's last transaction. A failure is
   * reported and rolls back the spans only (a savepoint), never the transaction they ride in.
   */
  async writeHeld(tx: Store, traceId: string): Promise<void> {
    const spans = this.held.get(traceId);
    if (!spans?.length) return;
    await this.write(spans.splice(0), tx);
  }

  /** Stops holding the trace; spans still held are queued like any others (the next flush writes them). */
  release(traceId: string): void {
    const spans = this.held.get(traceId);
    this.held.delete(traceId);
    if (spans?.length) this.pending.push(...spans);
  }

  onSegmentSettled(): Promise<void> {
    return this.flush();
  }

  onTraceEnd(): Promise<void> {
    return this.flush();
  }

  /** Queues the buffered spans; settles (never rejects) once every span recorded so far is stored. */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      void this.writes.push(() => this.write(batch));
    }
    return this.writes.idle();
  }

  private async write(batch: TraceSpanRecord[], on: Store = this.store): Promise<void> {
    try {
      await on.traces.upsertSpans(batch);
    } catch (error) {
      // Recording never breaks a run: the failure is reported, the run goes on.
      const traceIds = [...new Set(batch.map((span) => span.traceId))];
      try {
        await this.onError(error, traceIds);
      } catch {
        // The reporter failed too (it reads the store): the process log still hears of it.
        processLogger().error({ traceIds, error: describeError(error) }, 'trace recording failed');
      }
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
