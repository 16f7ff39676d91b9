import type { GenerationSpanData } from '@openai/agents';
import type { CorrectionRecord, Store, RunRecord } from '../store/index.js';
import { parseJsonOrText } from '../shared/jsonText.js';

export type TimelineEvent =
  | { type: 'agent'; at: string; endedAt: string | null; durationMs: number | null; name: string; segment: number }
  | {
      type: 'model_call';
      at: string;
      endedAt: string | null;
      durationMs: number | null;
      model: string;
      usage: { inputTokens: number; outputTokens: number; totalTokens: number };
      input: unknown[];
      /** Items of the conversation the call also saw but the span left out (it records new input only). */
      historyItems?: number;
      output: unknown[];
      error?: string;
    }
  | {
      type: 'tool_call';
      at: string;
      endedAt: string | null;
      durationMs: number | null;
      tool: string;
      arguments: unknown;
      result: unknown;
      error?: string;
    }
  | {
      type: 'policy_decision';
      at: string;
      tool: string;
      callId: string;
      phase: string;
      decision: string;
      rule: string;
      reason: string;
      arguments: unknown;
    }
  | {
      type: 'approval';
      at: string;
      event: 'requested' | 'approved' | 'rejected' | 'expired' | 'superseded';
      approvalId: string;
      tool: string;
      callId: string;
      arguments: unknown;
      summary: string;
      by?: string | null;
      message?: string | null;
    }
  | { type: 'feedback'; at: string; value: number; comment: string | null }
  | ({ type: 'correction'; at: string; correctionId: string } & Pick<
      CorrectionRecord,
      | 'kind'
      | 'via'
      | 'tool'
      | 'approvalId'
      | 'before'
      | 'after'
      | 'changedFields'
      | 'message'
      | 'revisedApprovalId'
      | 'revisedInRunId'
    >);

export interface TraceView {
  traceId: string;
  runId: string;
  conversationId: string;
  sellerId: string;
  status: string;
  stopReason: string | null;
  reply: string | null;
  model: string;
  promptVersion: string;
  appVersion: string;
  tags: string[];
  steps: number;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number; modelCalls: number };
  input: unknown;
  timeline: TimelineEvent[];
}

const ms = (a: string | null, b: string | null) => (a && b ? Date.parse(b) - Date.parse(a) : null);

/**
 * The ordered story of one run: model calls, tool calls, policy decisions, approvals, corrections, feedback, with
 * timings and usage.
 */
export async function buildTraceView(store: Store, run: RunRecord): Promise<TraceView> {
  // Asked for together, so the reads go to the store back to back (no write of ours between them).
  const [spans, decisions, approvals, feedback, corrections] = await Promise.all([
    store.traces.spans(run.traceId),
    store.decisions.forRun(run.id),
    store.approvals.forRun(run.id),
    store.feedback.forRun(run.id),
    store.corrections.forRun(run.id),
  ]);
  const events: TimelineEvent[] = [];
  let segment = 0;
  const usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0, modelCalls: 0 };
  for (const span of spans) {
    const at = span.startedAt ?? run.createdAt;
    const base = { at, endedAt: span.endedAt, durationMs: ms(span.startedAt, span.endedAt) };
    const data = span.data;
    if (span.kind === 'agent') events.push({ type: 'agent', ...base, name: String(data.name), segment: ++segment });
    else if (span.kind === 'generation') {
      // A stored copy of the SDK's generation span data.
      const generation = data as Partial<GenerationSpanData>;
      const u = {
        inputTokens: Number(generation.usage?.input_tokens ?? 0),
        outputTokens: Number(generation.usage?.output_tokens ?? 0),
        totalTokens: Number(generation.usage?.total_tokens ?? 0),
      };
      usage.inputTokens += u.inputTokens;
      usage.outputTokens += u.outputTokens;
      usage.totalTokens += u.totalTokens;
      usage.modelCalls++;
      events.push({
        type: 'model_call',
        ...base,
        model: String(generation.model),
        usage: u,
        input: generation.input ?? [],
        ...(typeof generation.model_config?.history_items === 'number'
          ? { historyItems: generation.model_config.history_items }
          : {}),
        output: generation.output ?? [],
        ...(span.error ? { error: span.error.message } : {}),
      });
    } else if (span.kind === 'function') {
      events.push({
        type: 'tool_call',
        ...base,
        tool: String(data.name),
        arguments: parseJsonOrText(data.input),
        result: parseJsonOrText(data.output),
        ...(span.error ? { error: span.error.message } : {}),
      });
    }
  }
  for (const d of decisions) {
    events.push({
      type: 'policy_decision',
      at: d.createdAt,
      tool: d.tool,
      callId: d.callId,
      phase: d.phase,
      decision: d.decision,
      rule: d.rule,
      reason: d.reason,
      arguments: d.arguments,
    });
  }
  for (const a of approvals) {
    const common = { approvalId: a.id, tool: a.tool, callId: a.callId, arguments: a.arguments, summary: a.summary };
    events.push({ type: 'approval', at: a.createdAt, event: 'requested', ...common });
    if (a.status !== 'pending' && a.decidedAt) {
      events.push({
        type: 'approval',
        at: a.decidedAt,
        event: a.status as 'approved',
        ...common,
        by: a.decidedBy,
        message: a.message,
      });
    }
  }
  for (const f of feedback) events.push({ type: 'feedback', at: f.createdAt, value: f.value, comment: f.comment });
  // A correction sits where the seller turned the action down; in the run that revised it, where the revision was
  // approved.
  for (const c of corrections) {
    // The run's, trace's and seller's ids are the timeline's own; the rest of the record is the event.
    const { id, runId, createdAt, revisedAt, traceId: _t, conversationId: _c, sellerId: _s, ...fields } = c;
    const at = runId === run.id ? createdAt : (revisedAt ?? createdAt);
    events.push({ type: 'correction', at, correctionId: id, ...fields });
  }

  // Stable order: by time, and for equal times a segment (agent span) before what happened in it,
  // else in the order they were produced above. Spans are stored as they end, so a model call that
  // started in the same millisecond as its segment is stored first.
  const segmentFirst = (e: TimelineEvent) => (e.type === 'agent' ? 0 : 1);
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((x, y) => Date.parse(x.e.at) - Date.parse(y.e.at) || segmentFirst(x.e) - segmentFirst(y.e) || x.i - y.i)
    .map(({ e }) => e);
  return {
    traceId: run.traceId,
    runId: run.id,
    conversationId: run.conversationId,
    sellerId: run.sellerId,
    status: run.status,
    stopReason: run.stopReason,
    reply: run.reply,
    model: run.model,
    promptVersion: run.promptVersion,
    appVersion: run.appVersion,
    tags: run.tags,
    steps: run.steps,
    startedAt: run.createdAt,
    endedAt: run.updatedAt,
    durationMs: Date.parse(run.updatedAt) - Date.parse(run.createdAt),
    usage,
    input: run.input,
    timeline: ordered,
  };
}
