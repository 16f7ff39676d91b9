import type { Span } from '@openai/agents';
import type { Store } from '../store/index.js';
import type { TraceSink } from './traceRouter.js';
import { TRACED_MODEL_MARKER } from './tracedModel.js';

/**
 * Records a run's spans into the store, the source of truth for support and
 * replay. Keeps the spans that tell the story: agent segments, our own model
 * call spans (one per model call, whatever the provider) and tool calls.
 */
export class StoreRecorder implements TraceSink {
  constructor(private readonly store: Store) {}

  onSpanEnd(span: Span<any>): void {
    const data = span.spanData as Record<string, unknown> & { type: string };
    if (!isRecorded(data)) return;
    this.store.traces.upsertSpan({
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
