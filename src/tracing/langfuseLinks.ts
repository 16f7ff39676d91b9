import { LangfuseClient } from '@langfuse/client';
import { langfuseTraceId, type LangfuseConfig } from './langfuseConfig.js';

/**
 * Links from a run to its trace in Langfuse, for the support page. The URL
 * needs the project id, which the client looks up once through the public
 * API; while Langfuse is unreachable there is no link, and the page works
 * without it.
 */
export class LangfuseLinks {
  private readonly client: LangfuseClient;
  private retryAfter = 0;

  constructor(
    config: LangfuseConfig,
    private readonly timeoutMs = 2000,
  ) {
    this.client = new LangfuseClient({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
    });
  }

  async traceUrl(traceId: string): Promise<string | undefined> {
    if (Date.now() < this.retryAfter) return undefined;
    let timer: NodeJS.Timeout | number | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)));
    try {
      const url = await Promise.race([this.client.getTraceUrl(langfuseTraceId(traceId)), timeout]);
      if (!url) this.retryAfter = Date.now() + 60_000;
      return url;
    } catch {
      this.retryAfter = Date.now() + 60_000;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
