import { Counter, Gauge, type Registry } from 'prom-client';
import type { ExportStats } from './langfuseExporter.js';

/**
 * The export's health on the service's Prometheus registry, read from the
 * exporter at scrape time: runs dropped because its queue was full (Langfuse
 * slow or down), failed sends (retried) and runs waiting now. A rising drop
 * count is worth an alert.
 */
export function registerLangfuseExportMetrics(
  registry: Registry,
  stats: () => Promise<ExportStats> | ExportStats,
): void {
  let reported = 0;
  new Counter({
    name: 'listing_assistant_langfuse_export_dropped_runs_total',
    help: 'Settled runs not exported to Langfuse because the export queue was full (oldest dropped first).',
    registers: [registry],
    async collect() {
      const { dropped } = await stats();
      if (dropped > reported) this.inc(dropped - reported);
      reported = Math.max(reported, dropped);
    },
  });
  let failed = 0;
  new Counter({
    name: 'listing_assistant_langfuse_export_failed_sends_total',
    help: 'Batches Langfuse did not accept (down, too slow, refusing); their runs are queued again and retried.',
    registers: [registry],
    async collect() {
      const { failedSends } = await stats();
      if (failedSends > failed) this.inc(failedSends - failed);
      failed = Math.max(failed, failedSends);
    },
  });
  new Gauge({
    name: 'listing_assistant_langfuse_export_queued_runs',
    help: 'Settled runs waiting for Langfuse export.',
    registers: [registry],
    async collect() {
      this.set((await stats()).queued);
    },
  });
}
