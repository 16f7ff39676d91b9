export interface TraceSpanRecord {
  spanId: string;
  traceId: string;
  parentId: string | null;
  kind: string;
  name: string | null;
  startedAt: string | null;
  endedAt: string | null;
  data: Record<string, unknown>;
  error: {
    message: string;
    data?: Record<string, unknown>;
  } | null;
}
/** Spans of recorded runs. Upserts by span id: a span re-sent after a resume replaces itself. */
export interface TraceRepository {
  upsertSpan(span: TraceSpanRecord): Promise<void>;
  /** Several spans in one transaction (one commit). */
  upsertSpans(spans: TraceSpanRecord[]): Promise<void>;
  /** Support's search over recorded runs, newest first. */
  search(filter: TraceFilter): Promise<{
    traces: TraceSummary[];
    total: number;
  }>;
  spans(traceId: string): Promise<TraceSpanRecord[]>;
}
export interface TraceFilter {
  conversationId?: string;
  sellerId?: string;
  status?: string;
  stopReason?: string;
  tool?: string;
  /** Only runs with at least one policy denial (optionally of this rule). */
  denied?: boolean;
  deniedRule?: string;
  tag?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}
export interface TraceSummary {
  traceId: string;
  runId: string;
  conversationId: string;
  sellerId: string;
  status: string;
  stopReason: string | null;
  model: string;
  promptVersion: string;
  steps: number;
  tools: string[];
  denials: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}
