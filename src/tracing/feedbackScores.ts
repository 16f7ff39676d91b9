import { createHash } from 'node:crypto';
import { LangfuseClient } from '@langfuse/client';
import type { CorrectionRecord } from '../store/index.js';
import { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';
import { maskText, maskValue } from '../shared/masking.js';
import { processLogger } from '../logging/logger.js';

/** Score names, one per signal, stable so dashboards can chart them over time. */
export const SCORE_NAMES = {
  /** The seller's thumbs: 1 or -1 (numeric). */
  sellerFeedback: 'seller_feedback',
  /** Support's label on a reviewed run: `good` or `bad` (categorical), the note as comment. */
  supportLabel: 'support_label',
  /** An action the seller turned down: `rejected`, or `edited` once they approved a changed one (categorical). */
  sellerCorrection: 'seller_correction',
  /** An eval trial's outcome on each of its runs: 1 passed, 0 failed (boolean). */
  evalPassed: 'eval_passed',
} as const;

/**
 * Sends feedback signals to Langfuse as scores on the run's trace. Each score
 * id derives from what it scores, so a relabel or a correction revised later
 * replaces the earlier score instead of adding one. The client batches scores
 * and sends them in the background (its queue is bounded); a failure is
 * logged, never raised into the request. Comments are masked.
 */
export class FeedbackScores {
  private readonly client: LangfuseClient;

  constructor(private readonly config: LangfuseConfig) {
    this.client = new LangfuseClient({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
    });
  }

  sellerFeedback(traceId: string, value: 1 | -1, comment: string | null): void {
    // One per run and seller would be ideal, but a seller may change their mind: each thumb is its own score.
    this.send(traceId, SCORE_NAMES.sellerFeedback, value, 'NUMERIC', comment);
  }

  supportLabel(traceId: string, reviewItemId: string, label: 'good' | 'bad', note: string | null): void {
    this.send(traceId, SCORE_NAMES.supportLabel, label, 'CATEGORICAL', note, `label:${reviewItemId}`);
  }

  correction(c: CorrectionRecord): void {
    const fields = c.changedFields.length ? `changed: ${c.changedFields.join(', ')}` : null;
    const comment = [c.message, fields].filter(Boolean).join(' | ') || null;
    this.send(c.traceId, SCORE_NAMES.sellerCorrection, c.kind, 'CATEGORICAL', comment, `correction:${c.id}`, {
      tool: c.tool,
      via: c.via,
      approvalId: c.approvalId,
    });
  }

  evalOutcome(traceId: string, scenarioId: string, trial: number, passed: boolean, comment?: string): void {
    this.send(traceId, SCORE_NAMES.evalPassed, passed ? 1 : 0, 'BOOLEAN', comment ?? null, `eval:${traceId}`, {
      scenario: scenarioId,
      trial,
    });
  }

  private send(
    traceId: string,
    name: string,
    value: number | string,
    dataType: 'NUMERIC' | 'CATEGORICAL' | 'BOOLEAN',
    comment: string | null,
    key?: string,
    metadata?: Record<string, unknown>,
  ): void {
    try {
      const trace = langfuseTraceId(traceId);
      this.client.score.create({
        ...(key ? { id: scoreId(trace, key) } : {}),
        traceId: trace,
        name,
        value,
        dataType,
        ...(this.config.environment ? { environment: this.config.environment } : {}),
        ...(comment ? { comment: maskText(comment) } : {}),
        ...(metadata ? { metadata: maskValue(metadata) } : {}),
      });
    } catch (error) {
      const fields = { traceId, error: error instanceof Error ? error.message : String(error) };
      if (this.config.log) this.config.log('langfuse score failed', fields);
      else processLogger().error(fields, 'langfuse score failed');
    }
  }

  async flush(): Promise<void> {
    try {
      await this.client.score.flush();
    } catch {
      // Export gives up quietly: feedback is stored locally either way.
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.client.shutdown();
    } catch {
      // as above
    }
  }
}

/** A score's id from what it scores: sending it again upserts. */
function scoreId(traceId: string, key: string): string {
  return createHash('sha256').update(`${traceId}:${key}`).digest('hex').slice(0, 32);
}
