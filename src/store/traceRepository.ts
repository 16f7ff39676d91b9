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
/** Spans of recorded runs. Upserts by trace and span id: a span re-sent after a resume replaces itself. */
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
  /** Words of the seller's message or the reply: every word must occur, as a word or a word's start. */
  text?: string;
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
  /** The start of the seller's message and of the reply (at most PREVIEW_CHARS each). */
  message: string;
  reply: string | null;
  /** Token counts of the run's recorded model calls. */
  inputTokens: number;
  outputTokens: number;
  createdAt: string;
  updatedAt: string;
}

/** How much of a message or reply a run summary carries: a preview, not the text. */
export const PREVIEW_CHARS = 240;

const MAX_SEARCH_WORDS = 8;

/**
 * The words of a support search, engine-neutral: letters and digits, lower-cased, diacritics removed.
 * Each engine matches them as word prefixes, all required; nothing of the typed text reaches an
 * engine as query syntax. No stopword list: support may look for any word the seller used.
 */
export function runSearchWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}
