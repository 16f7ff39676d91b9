import {
  PREVIEW_CHARS,
  runSearchWords,
  type TraceFilter,
  type TraceRepository,
  type TraceSpanRecord,
  type TraceSummary,
} from '../traceRepository.js';
import type { FeedbackRecord, FeedbackRepository } from '../feedbackRepository.js';
import type { MetaRepository } from '../metaRepository.js';
import type { RunFigures, RunFiguresRepository } from '../runFiguresRepository.js';
import type { Clock } from '../store.js';
import { json, type PgDatabase, type Row } from './database.js';

const toSpan = (r: Row): TraceSpanRecord => ({
  spanId: r.span_id as string,
  traceId: r.trace_id as string,
  parentId: r.parent_id as string | null,
  kind: r.kind as string,
  name: r.name as string | null,
  startedAt: r.started_at as string | null,
  endedAt: r.ended_at as string | null,
  data: r.data as TraceSpanRecord['data'],
  error: (r.error ?? null) as TraceSpanRecord['error'],
});

const UPSERT_SPAN = `INSERT INTO trace_spans (span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (span_id) DO UPDATE SET ended_at = excluded.ended_at, data = excluded.data, error = excluded.error`;

/** Several spans, in the order given (their `seq`), from one array per column. */
const UPSERT_SPANS = `INSERT INTO trace_spans
    (span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error)
  SELECT span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[],
    $8::json[], $9::json[])
    WITH ORDINALITY AS t (span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error, n)
  ORDER BY n
  ON CONFLICT (span_id) DO UPDATE SET ended_at = excluded.ended_at, data = excluded.data, error = excluded.error`;

/** Spans of recorded runs. Upserts by span id: a span re-sent after a resume replaces itself. */
export class PgTraceRepository implements TraceRepository {
  constructor(private readonly db: PgDatabase) {}

  async upsertSpan(s: TraceSpanRecord): Promise<void> {
    await this.db.write(UPSERT_SPAN, [
      s.spanId,
      s.traceId,
      s.parentId,
      s.kind,
      s.name,
      s.startedAt,
      s.endedAt,
      json(s.data),
      s.error ? json(s.error) : null,
    ]);
  }

  /**
   * A batch in one statement (one round trip, atomic by itself). A span sent twice in the batch
   * ends as the loop of upserts would leave it: inserted where it first appears, then its end,
   * data and error from its last appearance.
   */
  async upsertSpans(spans: TraceSpanRecord[]): Promise<void> {
    const merged = new Map<string, TraceSpanRecord>();
    for (const s of spans) {
      const first = merged.get(s.spanId);
      merged.set(s.spanId, first ? { ...first, endedAt: s.endedAt, data: s.data, error: s.error } : s);
    }
    const rows = [...merged.values()];
    if (rows.length === 0) return;
    if (rows.length === 1) return this.upsertSpan(rows[0]);
    await this.db.write(UPSERT_SPANS, [
      rows.map((s) => s.spanId),
      rows.map((s) => s.traceId),
      rows.map((s) => s.parentId),
      rows.map((s) => s.kind),
      rows.map((s) => s.name),
      rows.map((s) => s.startedAt),
      rows.map((s) => s.endedAt),
      rows.map((s) => json(s.data)),
      rows.map((s) => (s.error ? json(s.error) : null)),
    ]);
  }

  /** Support's search over recorded runs, newest first; every filter is a bound parameter. */
  async search(f: TraceFilter): Promise<{ traces: TraceSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      if (value === undefined || value === '') return;
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (f.text !== undefined && f.text.trim() !== '') {
      // Each word a prefix (`oak:*`), all required; the words are letters and digits only.
      const words = runSearchWords(f.text);
      if (words.length) add((p) => `r.search @@ to_tsquery('simple', ${p})`, words.map((w) => `${w}:*`).join(' & '));
      else where.push('false');
    }
    add((p) => `r.conversation_id = ${p}`, f.conversationId);
    add((p) => `r.seller_id = ${p}`, f.sellerId);
    add((p) => `r.status = ${p}`, f.status);
    add((p) => `r.stop_reason = ${p}`, f.stopReason);
    add((p) => `r.created_at >= ${p}`, f.from);
    add((p) => `r.created_at <= ${p}`, f.to);
    add((p) => `r.tags ? ${p}`, f.tag);
    add((p) => `EXISTS (SELECT 1 FROM policy_decisions d WHERE d.run_id = r.id AND d.tool = ${p})`, f.tool);
    if (f.denied || f.deniedRule) {
      let rule = '';
      if (f.deniedRule) {
        params.push(f.deniedRule);
        rule = ` AND d.rule = $${params.length}`;
      }
      where.push(`EXISTS (SELECT 1 FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny'${rule})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM runs r ${clause}`, params, {
      prepared: false,
    }))!.n;
    const rows = await this.db.query(
      `SELECT r.id, r.trace_id, r.conversation_id, r.seller_id, r.status, r.stop_reason, r.model, r.prompt_version,
         r.steps, r.tags, r.created_at, r.updated_at,
         left(coalesce(r.input->>'text', ''), ${PREVIEW_CHARS}) AS message, left(r.reply, ${PREVIEW_CHARS}) AS reply,
         (SELECT coalesce(sum((s.data->'usage'->>'input_tokens')::numeric), 0) FROM trace_spans s
           WHERE s.trace_id = r.trace_id AND s.kind = 'generation') AS input_tokens,
         (SELECT coalesce(sum((s.data->'usage'->>'output_tokens')::numeric), 0) FROM trace_spans s
           WHERE s.trace_id = r.trace_id AND s.kind = 'generation') AS output_tokens,
         ARRAY(SELECT d.tool FROM policy_decisions d WHERE d.run_id = r.id GROUP BY d.tool ORDER BY min(d.seq)) AS tools,
         (SELECT count(*) FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny') AS denials
       FROM runs r ${clause} ORDER BY r.created_at DESC, r.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
      { prepared: false },
    );
    return {
      total,
      traces: rows.map((r) => ({
        traceId: r.trace_id as string,
        runId: r.id as string,
        conversationId: r.conversation_id as string,
        sellerId: r.seller_id as string,
        status: r.status as string,
        stopReason: (r.stop_reason ?? null) as string | null,
        model: r.model as string,
        promptVersion: r.prompt_version as string,
        steps: r.steps as number,
        tools: r.tools as string[],
        denials: r.denials as number,
        tags: r.tags as string[],
        message: r.message as string,
        reply: (r.reply ?? null) as string | null,
        inputTokens: r.input_tokens as number,
        outputTokens: r.output_tokens as number,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
      })),
    };
  }

  async spans(traceId: string): Promise<TraceSpanRecord[]> {
    return (
      await this.db.query('SELECT * FROM trace_spans WHERE trace_id = $1 ORDER BY started_at NULLS FIRST, seq', [
        traceId,
      ])
    ).map(toSpan);
  }
}

export class PgFeedbackRepository implements FeedbackRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async add(f: Omit<FeedbackRecord, 'createdAt'>): Promise<FeedbackRecord> {
    const createdAt = this.now().toISOString();
    await this.db.run(
      'INSERT INTO feedback (run_id, seller_id, value, comment, created_at) VALUES ($1, $2, $3, $4, $5)',
      [f.runId, f.sellerId, f.value, f.comment, createdAt],
    );
    return { ...f, createdAt };
  }

  async forRun(runId: string): Promise<FeedbackRecord[]> {
    return (await this.db.query('SELECT * FROM feedback WHERE run_id = $1 ORDER BY seq', [runId])).map((r) => ({
      runId: r.run_id as string,
      sellerId: r.seller_id as string,
      value: r.value as 1 | -1,
      comment: r.comment as string | null,
      createdAt: r.created_at as string,
    }));
  }
}

/** Small key/value facts about the database (JSON values). */
export class PgMetaRepository implements MetaRepository {
  constructor(private readonly db: PgDatabase) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db.one('SELECT value FROM meta WHERE key = $1', [key]);
    return row ? (row.value as T) : undefined;
  }

  /** Inserts only when absent; a concurrent insert of the same key waits for the first to commit. */
  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    return (
      (await this.db.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        json(value),
      ])) === 1
    );
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.run(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, json(value)],
    );
  }
}

/** One row per run in the window with everything the dashboard counts (see the SQLite twin). */
const RUNS_SQL = `
  SELECT r.id, r.status, r.stop_reason, r.reply, r.prompt_version, r.model, r.created_at,
    COALESCE(g.input_tokens, 0) AS input_tokens, COALESCE(g.output_tokens, 0) AS output_tokens,
    COALESCE(g.errors, 0) AS model_errors, a.active_ms,
    COALESCE(ap.requested, 0) AS requested, COALESCE(ap.approved, 0) AS approved,
    COALESCE(ap.rejected, 0) AS rejected, COALESCE(ap.expired, 0) AS expired,
    (SELECT count(*) FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny') AS denials,
    (SELECT count(*) FROM feedback f WHERE f.run_id = r.id AND f.value = 1) AS up,
    (SELECT count(*) FROM feedback f WHERE f.run_id = r.id AND f.value = -1) AS down
  FROM runs r
  LEFT JOIN (
    SELECT trace_id,
      SUM(COALESCE((data->'usage'->>'input_tokens')::numeric, 0)) AS input_tokens,
      SUM(COALESCE((data->'usage'->>'output_tokens')::numeric, 0)) AS output_tokens,
      count(*) FILTER (WHERE error IS NOT NULL) AS errors
    FROM trace_spans WHERE kind = 'generation' GROUP BY trace_id
  ) g ON g.trace_id = r.trace_id
  LEFT JOIN (
    SELECT trace_id, SUM(extract(epoch FROM ended_at - started_at) * 1000) AS active_ms
    FROM trace_spans WHERE kind = 'agent' AND ended_at IS NOT NULL GROUP BY trace_id
  ) a ON a.trace_id = r.trace_id
  LEFT JOIN (
    SELECT run_id,
      count(*) AS requested,
      count(*) FILTER (WHERE status = 'approved') AS approved,
      count(*) FILTER (WHERE status = 'rejected') AS rejected,
      count(*) FILTER (WHERE status = 'expired') AS expired
    FROM approvals GROUP BY run_id
  ) ap ON ap.run_id = r.id
  WHERE r.created_at >= $1 AND r.created_at < $2
  ORDER BY r.created_at, r.seq`;

export class PgRunFiguresRepository implements RunFiguresRepository {
  constructor(private readonly db: PgDatabase) {}

  async between(from: string, to: string): Promise<RunFigures[]> {
    return (await this.db.query(RUNS_SQL, [from, to], { prepared: false })).map((r) => ({
      runId: r.id as string,
      status: r.status as RunFigures['status'],
      stopReason: r.stop_reason as RunFigures['stopReason'],
      reply: r.reply as string | null,
      promptVersion: r.prompt_version as string,
      model: r.model as string,
      createdAt: r.created_at as string,
      inputTokens: r.input_tokens as number,
      outputTokens: r.output_tokens as number,
      modelErrors: r.model_errors as number,
      activeMs: r.active_ms as number | null,
      approvals: {
        requested: r.requested as number,
        approved: r.approved as number,
        rejected: r.rejected as number,
        expired: r.expired as number,
      },
      policyDenials: r.denials as number,
      feedback: { up: r.up as number, down: r.down as number },
    }));
  }
}
