import type { Store } from '../store/index.js';
import type { TraceSink } from '../tracing/traceRouter.js';
import { reconcileCorrections } from './corrections.js';
import { isSampled } from './reviewSampling.js';

export interface FeedbackLoopOptions {
  /** Share of completed runs queued for review (`REVIEW_SAMPLE_RATE`). */
  sampleRate: number;
}

/**
 * Turns what happened in a run into feedback signals once its outcome is
 * stored: corrections (with before/after) and review items (sampled or
 * corrected runs). It observes settled run segments like the trace sinks
 * do, so the assistant's run lifecycle needs no feedback code, and a
 * failure here is logged by the assistant, never felt by the seller.
 * Thumbs-down feedback is queued where it arrives (the feedback route).
 */
export class FeedbackLoop implements TraceSink {
  constructor(
    private readonly store: Store,
    private readonly options: FeedbackLoopOptions,
  ) {}

  onSpanEnd(): void {
    // Spans are the recorder's business; the loop only needs settled outcomes.
  }

  onSegmentSettled(runId: string): void {
    for (const correction of reconcileCorrections(this.store, runId)) {
      this.store.reviews.enqueue({ runId: correction.runId, traceId: correction.traceId, reason: 'correction' });
    }
    const run = this.store.runs.get(runId);
    if (run?.status === 'completed' && isSampled(run.id, this.options.sampleRate)) {
      this.store.reviews.enqueue({ runId: run.id, traceId: run.traceId, reason: 'sampled' });
    }
  }
}
