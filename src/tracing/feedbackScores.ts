import { LangfuseClient } from '@langfuse/client';
import { langfuseTraceId, type LangfuseConfig } from './langfuseExporter.js';
import { maskText } from '../shared/masking.js';
import { processLogger } from '../logging/logger.js';

/**
 * Sends a seller's thumbs up/down to Langfuse as a score on the run's trace.
 * The client batches scores and sends them in the background; a failure is
 * logged, never raised into the request.
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

  record(traceId: string, value: 1 | -1, comment: string | null): void {
    try {
      this.client.score.create({
        traceId: langfuseTraceId(traceId),
        name: 'seller-feedback',
        value,
        ...(comment ? { comment: maskText(comment) } : {}),
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
