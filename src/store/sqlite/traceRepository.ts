import {
  PREVIEW_CHARS,
  runSearchWords,
  type TraceSpanRecord,
  type TraceFilter,
  type TraceSummary,
} from '../traceRepository.js';
import type { Db } from './database.js';

/** Spans of recorded runs. Upserts by trace and span id: a span re-sent after a resume replaces itself. */
export class SqliteTraceRepository {
  private readonly upsertStmt;

  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO trace_spans (span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error)
       VALUES (@spanId, @traceId, @parentId, @kind, @name, @startedAt, @endedAt, @data, @error)
       ON CONFLICT (trace_id, span_id) DO UPDATE SET ended_at = excluded.ended_at, data = excluded.data, error = excluded.error`,
    );
  }

  upsertSpan(span: TraceSpanRecord): void {
    this.upsertStmt.run({
      ...span,
      data: JSON.stringify(span.data),
      error: span.error ? JSON.stringify(span.error) : null,
    });
  }

  /** Several spans in one transaction (one commit). */
  upsertSpans(spans: TraceSpanRecord[]): void {
    this.db.transaction(() => {
      for (const span of spans) this.upsertSpan(span);
    })();
  }

  /** Support's search over recorded runs, newest first. */
  search(filter: TraceFilter): { traces: TraceSummary[]; total: number } {
    return searchTraces(this.db, filter);
  }

  spans(traceId: string): TraceSpanRecord[] {
    return (
      this.db.prepare('SELECT * FROM trace_spans WHERE trace_id = ? ORDER BY started_at, rowid').all(traceId) as Record<
        string,
        string | null
      >[]
    ).map((r) => ({
      spanId: r.span_id!,
      traceId: r.trace_id!,
      parentId: r.parent_id,
      kind: r.kind!,
      name: r.name,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      data: JSON.parse(r.data!) as TraceSpanRecord['data'],
      error: r.error ? (JSON.parse(r.error) as TraceSpanRecord['error']) : null,
    }));
  }
}

/** Every filter is a bound parameter. */
function searchTraces(db: Db, f: TraceFilter): { traces: TraceSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    params[key] = value;
  };
  if (f.text !== undefined && f.text.trim() !== '') {
    // Quoted words with a prefix star: FTS5 query syntax never comes from the typed text.
    const words = runSearchWords(f.text);
    where.push(words.length ? 'r.rowid IN (SELECT rowid FROM runs_search WHERE runs_search MATCH @text)' : '0');
    if (words.length) params.text = words.map((w) => `"${w}"*`).join(' ');
  }
  add('r.conversation_id = @conversationId', 'conversationId', f.conversationId);
  add('r.seller_id = @sellerId', 'sellerId', f.sellerId);
  add('r.status = @status', 'status', f.status);
  add('r.stop_reason = @stopReason', 'stopReason', f.stopReason);
  add('r.created_at >= @from', 'from', f.from);
  add('r.created_at <= @to', 'to', f.to);
  add('EXISTS (SELECT 1 FROM json_each(r.tags) WHERE value = @tag)', 'tag', f.tag);
  add('EXISTS (SELECT 1 FROM policy_decisions d WHERE d.run_id = r.id AND d.tool = @tool)', 'tool', f.tool);
  if (f.denied || f.deniedRule) {
    where.push(
      `EXISTS (SELECT 1 FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny'${f.deniedRule ? ' AND d.rule = @deniedRule' : ''})`,
    );
    if (f.deniedRule) params.deniedRule = f.deniedRule;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM runs r ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id, r.trace_id, r.conversation_id, r.seller_id, r.status, r.stop_reason, r.model, r.prompt_version,
         r.steps, r.tags, r.created_at, r.updated_at,
         substr(COALESCE(json_extract(r.input, '$.text'), ''), 1, @preview) AS message,
         substr(r.reply, 1, @preview) AS reply,
         (SELECT json_group_array(DISTINCT d.tool) FROM policy_decisions d WHERE d.run_id = r.id) AS tools,
         (SELECT count(*) FROM policy_decisions d WHERE d.run_id = r.id AND d.decision = 'deny') AS denials,
         (SELECT json_object('in', SUM(COALESCE(json_extract(s.data, '$.usage.input_tokens'), 0)),
                             'out', SUM(COALESCE(json_extract(s.data, '$.usage.output_tokens'), 0)))
            FROM trace_spans s WHERE s.trace_id = r.trace_id AND s.kind = 'generation') AS usage
       FROM runs r ${clause} ORDER BY r.created_at DESC, r.rowid DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset, preview: PREVIEW_CHARS }) as Record<string, string & number>[];
  return {
    total,
    traces: rows.map((r) => ({
      traceId: r.trace_id,
      runId: r.id,
      conversationId: r.conversation_id,
      sellerId: r.seller_id,
      status: r.status,
      stopReason: r.stop_reason ?? null,
      model: r.model,
      promptVersion: r.prompt_version,
      steps: r.steps,
      tools: JSON.parse(r.tools ?? '[]') as string[],
      denials: r.denials,
      tags: JSON.parse(r.tags) as string[],
      message: r.message,
      reply: r.reply ?? null,
      ...tokens(r.usage),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  };
}

function tokens(usage: string | null): { inputTokens: number; outputTokens: number } {
  const u = usage ? (JSON.parse(usage) as { in: number | null; out: number | null }) : null;
  return { inputTokens: Number(u?.in ?? 0), outputTokens: Number(u?.out ?? 0) };
}
