import type { Store } from '../store/index.js';
import type { SettledRun, TraceSink } from '../tracing/traceRouter.js';
import { mayReconcile, reconcileCorrections } from './corrections.js';
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

  /**
   * One transaction, so a correction is never recorded without its review item (recording is once only).
   * With the settled outcome at hand, a segment with nothing to record (most of them) costs no
   * transaction and at most one read.
   */
  async onSegmentSettled(runId: string, settled?: SettledRun): Promise<void> {
    if (settled) {
      const { run, approvals } = settled;
      const sampled = run.status === 'completed' && isSampled(run.id, this.options.sampleRate);
      if (!sampled && !(await mayReconcile(this.store, run.id, approvals))) return;
    }
    await this.store.transaction(async (tx) => {
      for (const correction of await reconcileCorrections(tx, runId)) {
        await tx.reviews.enqueue({ runId: correction.runId, traceId: correction.traceId, reason: 'correction' });
      }
      const run = settled?.run ?? (await tx.runs.get(runId));
      if (run?.status === 'completed' && isSampled(run.id, this.options.sampleRate)) {
        await tx.reviews.enqueue({ runId: run.id, traceId: run.traceId, reason: 'sampled' });
      }
    });
  }
}
