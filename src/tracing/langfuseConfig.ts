/** Where and how runs are exported to Langfuse (from `LANGFUSE_*`, see `src/config.ts`). */
export interface LangfuseConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  /** `LANGFUSE_ENVIRONMENT`: the deployment's name on every trace and score. */
  environment?: string;
  /** `LANGFUSE_EXPORT_QUEUE`: settled runs waiting for export; past it the oldest is dropped. */
  maxQueuedRuns?: number;
  /** Traces whose sent observations are remembered (default 1000): a resumed run's older ones are not re-sent. */
  rememberedTraces?: number;
  /** How long one export request may take before the exporter gives up on it. */
  exportTimeoutSeconds?: number;
  log?: (msg: string, fields: Record<string, unknown>) => void;
}

/** A run's trace id as Langfuse (and OpenTelemetry) spell it: 32 hex digits. */
export const langfuseTraceId = (traceId: string) => traceId.replace(/^trace_/, '');
