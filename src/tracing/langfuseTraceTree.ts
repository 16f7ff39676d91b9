import type { ApprovalRecord, PolicyDecisionRecord, RunRecord, Store } from '../store/index.js';
import type { TraceSpanRecord } from '../store/traceRepository.js';
import { costDetails } from '../shared/modelPricing.js';
import { TRACED_MODEL_MARKER } from './tracedModel.js';
import { promptLink } from './langfusePrompts.js';
import { parseJsonOrText } from '../shared/jsonText.js';

export type ObservationType = 'agent' | 'generation' | 'tool' | 'guardrail' | 'event';

/** One Langfuse observation of a run, with the observations nested under it. */
export interface TreeObservation {
  /** Stable within the trace: the observation id derives from it, so sending it again upserts. */
  key: string;
  type: ObservationType;
  name: string;
  startAt: string;
  endAt: string;
  input?: unknown;
  output?: unknown;
  metadata?: Record<string, unknown>;
  level?: 'DEFAULT' | 'WARNING' | 'ERROR';
  statusMessage?: string;
  model?: string;
  modelParameters?: Record<string, string | number>;
  usageDetails?: Record<string, number>;
  costDetails?: Record<string, number>;
  completionStartTime?: string;
  prompt?: { name: string; version: number; isFallback: false };
  children: TreeObservation[];
}

/** The name local instructions go by in Langfuse prompt management (files `v<N>` are its versions N). */
export const PROMPT_NAME = 'listing-assistant';
export const TRACE_NAME = 'listing-assistant';

/** What a run's trace is built from, as the store holds it. */
export interface RunRecords {
  run: RunRecord;
  spans: TraceSpanRecord[];
  decisions: PolicyDecisionRecord[];
  approvals: ApprovalRecord[];
}

export async function readRunRecords(store: Store, run: RunRecord): Promise<RunRecords> {
  const [spans, decisions, approvals] = await Promise.all([
    store.traces.spans(run.traceId),
    store.decisions.forRun(run.id),
    store.approvals.forRun(run.id),
  ]);
  return { run, spans, decisions, approvals };
}

/** The seller's words of a run (its recorded input is `{text, images}`). */
export function sellerWords(input: unknown): string {
  if (typeof input === 'string') return input;
  const text = (input as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : JSON.stringify(input ?? null);
}

/**
 * A run as one tree: a root `agent` observation (the seller's words in, the
 * reply or the pending approvals out) holding one `agent` observation per
 * settled segment, and, between them, the seller's decisions (`event`). A
 * segment holds its model calls (`generation`), tool calls (`tool`), policy
 * decisions (`guardrail`) and the approvals it asked for (`event`), in the
 * order they happened. A segment's output and status are as of when it ended:
 * one that asked for approvals paused, whatever happened after. A segment
 * still running is left out (the next export brings it).
 */
export function buildTraceTree({ run, spans, decisions, approvals }: RunRecords): TreeObservation {
  const at = (t: string | null) => t ?? run.createdAt;
  const agents = spans
    .filter((s) => s.kind === 'agent')
    .sort((a, b) => Date.parse(at(a.startedAt)) - Date.parse(at(b.startedAt)));
  const starts = agents.map((a) => Date.parse(at(a.startedAt)));
  /** The segment (index) running at `time`: the last one started by then, else the first. */
  const segmentAt = (time: string) => {
    const t = Date.parse(time);
    let index = 0;
    starts.forEach((s, i) => {
      if (s <= t) index = i;
    });
    return index;
  };
  const inSegment: TreeObservation[][] = agents.map(() => []);

  // A proposal is judged as the model proposes it (right after the model call that asked for it), and
  // re-checked right before its tool runs: place decisions there, not when they were written down.
  const generations = spans.filter((s) => s.kind === 'generation' && isModelCall(s));
  const tools = spans.filter((s) => s.kind === 'function');
  const { proposedAt, ranAt } = callTimes(generations, tools, at);
  // Listed in causal order (model call, its policy decisions, the tool call), which equal times keep.
  for (const g of generations) inSegment[segmentAt(at(g.startedAt))]?.push(generation(run, g));
  const proposalAt = new Map<string, string>();
  for (const d of decisions) {
    const time =
      d.phase === 'proposal'
        ? earlier(proposedAt.get(d.callId), d.createdAt)
        : earlier(ranAt.get(d.callId), d.createdAt);
    if (d.phase === 'proposal') proposalAt.set(d.callId, time);
    inSegment[segmentAt(time)]?.push(guardrail(d, time));
  }
  for (const s of tools) inSegment[segmentAt(at(s.startedAt))]?.push(tool(s));
  const requested = agents.map((): ApprovalRecord[] => []);
  const betweenSegments: TreeObservation[] = [];
  for (const a of approvals) {
    // Never before the decision that asked for it.
    const time = later(proposalAt.get(a.callId), a.createdAt);
    const index = segmentAt(time);
    requested[index]?.push(a);
    inSegment[index]?.push(approvalEvent(a, 'requested', time));
    const decided = a.decidedAt ?? (a.status === 'expired' ? a.expiresAt : null);
    if (a.status !== 'pending' && decided) betweenSegments.push(approvalEvent(a, a.status, decided));
  }

  const segments: TreeObservation[] = [];
  agents.forEach((agent, i) => {
    if (!agent.endedAt) return;
    const last = i === agents.length - 1;
    if (last && run.status === 'running') return;
    const children = byTime(inSegment[i]);
    const start = at(agent.startedAt);
    const end = children.reduce((m, c) => later(m, c.endAt), agent.endedAt);
    const previousStart = i > 0 ? starts[i - 1] : -Infinity;
    const resumedBy = approvals.filter((a) => {
      const t = a.decidedAt ? Date.parse(a.decidedAt) : NaN;
      return t >= previousStart && t <= starts[i] && (a.status === 'approved' || a.status === 'rejected');
    });
    const paused = requested[i].length > 0;
    const stopped = last && !paused && run.status === 'stopped';
    segments.push({
      key: `segment:${i + 1}`,
      type: 'agent',
      name: `segment ${i + 1}`,
      startAt: start,
      endAt: end,
      input: i === 0 ? sellerWords(run.input) : { decisions: resumedBy.map(decisionSummary) },
      output: paused
        ? { status: 'awaiting_approval', pendingApprovals: requested[i].map(pendingSummary) }
        : last
          ? runOutcome(run)
          : { status: 'interrupted' },
      metadata: { segment: i + 1, status: paused ? 'awaiting_approval' : last ? run.status : 'interrupted' },
      ...(stopped ? stopLevel(run) : {}),
      children,
    });
  });

  const children = byTime([...segments, ...betweenSegments]);
  return {
    key: 'root',
    type: 'agent',
    name: TRACE_NAME,
    startAt: run.createdAt,
    endAt: children.reduce((m, c) => later(m, c.endAt), run.updatedAt),
    input: sellerWords(run.input),
    output: rootOutput(run, approvals),
    metadata: {
      runId: run.id,
      status: run.status,
      stopReason: run.stopReason ?? undefined,
      steps: run.steps,
      promptVersion: run.promptVersion,
      model: run.model,
      images: (run.input as { images?: unknown } | null)?.images ?? 0,
    },
    ...(run.status === 'stopped' ? stopLevel(run) : {}),
    children,
  };
}

/** The run as the seller sees it now: the reply, or what waits for their decision. */
function rootOutput(run: RunRecord, approvals: ApprovalRecord[]): unknown {
  if (run.status === 'awaiting_approval') {
    return {
      status: run.status,
      ...(run.reply ? { reply: run.reply } : {}),
      pendingApprovals: approvals.filter((a) => a.status === 'pending').map(pendingSummary),
    };
  }
  if (run.status === 'completed' && run.reply !== null) return run.reply;
  return runOutcome(run);
}

function runOutcome(run: RunRecord) {
  return { status: run.status, ...(run.stopReason ? { stopReason: run.stopReason } : {}), reply: run.reply };
}

function stopLevel(run: RunRecord): Pick<TreeObservation, 'level' | 'statusMessage'> {
  const failed = run.stopReason === 'model_error' || String(run.stopReason) === 'storage_error';
  return { level: failed ? 'ERROR' : 'WARNING', statusMessage: `stopped: ${run.stopReason ?? 'unknown'}` };
}

const pendingSummary = (a: ApprovalRecord) => ({ approvalId: a.id, tool: a.tool, summary: a.summary });
const decisionSummary = (a: ApprovalRecord) => ({
  approvalId: a.id,
  tool: a.tool,
  decision: a.status,
  ...(a.message ? { message: a.message } : {}),
});

function generation(run: RunRecord, span: TraceSpanRecord): TreeObservation {
  const data = span.data as {
    model?: unknown;
    model_config?: Record<string, unknown>;
    input?: unknown;
    output?: unknown;
    usage?: Record<string, unknown>;
    completion_start_time?: unknown;
  };
  const model = typeof data.model === 'string' ? data.model : run.model;
  const usage = {
    inputTokens: Number(data.usage?.input_tokens ?? 0),
    outputTokens: Number(data.usage?.output_tokens ?? 0),
  };
  const cost = costDetails(model, usage);
  const parameters = modelParameters(data.model_config);
  const link = promptLink(run.promptVersion, PROMPT_NAME);
  return {
    key: `span:${span.spanId}`,
    type: 'generation',
    name: model,
    startAt: span.startedAt ?? run.createdAt,
    endAt: span.endedAt ?? span.startedAt ?? run.createdAt,
    model,
    input: data.input,
    output: data.output,
    usageDetails: {
      input: usage.inputTokens,
      output: usage.outputTokens,
      total: Number(data.usage?.total_tokens ?? usage.inputTokens + usage.outputTokens),
    },
    ...(cost ? { costDetails: cost } : {}),
    ...(Object.keys(parameters).length ? { modelParameters: parameters } : {}),
    ...(typeof data.completion_start_time === 'string' ? { completionStartTime: data.completion_start_time } : {}),
    ...(link ? { prompt: { ...link, isFallback: false as const } } : {}),
    ...(span.error ? { level: 'ERROR' as const, statusMessage: span.error.message } : {}),
    children: [],
  };
}

/** The settings a call was made with (temperature, max tokens, ...): scalars only, without our marker. */
function modelParameters(config: Record<string, unknown> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (key === TRACED_MODEL_MARKER) continue;
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    else if (typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}

function tool(span: TraceSpanRecord): TreeObservation {
  return {
    key: `span:${span.spanId}`,
    type: 'tool',
    name: typeof span.data.name === 'string' ? span.data.name : (span.name ?? 'tool'),
    startAt: span.startedAt ?? span.endedAt ?? '',
    endAt: span.endedAt ?? span.startedAt ?? '',
    input: parseJsonOrText(span.data.input),
    output: parseJsonOrText(span.data.output),
    ...(span.error ? { level: 'ERROR' as const, statusMessage: span.error.message } : {}),
    children: [],
  };
}

function guardrail(d: PolicyDecisionRecord, time: string): TreeObservation {
  return {
    key: `policy:${d.callId}:${d.phase}`,
    type: 'guardrail',
    name: `policy:${d.rule}`,
    startAt: time,
    endAt: time,
    input: { tool: d.tool, callId: d.callId, phase: d.phase, arguments: d.arguments },
    output: { decision: d.decision, reason: d.reason },
    level: d.decision === 'deny' ? 'WARNING' : 'DEFAULT',
    children: [],
  };
}

function approvalEvent(a: ApprovalRecord, event: string, time: string): TreeObservation {
  return {
    key: `approval:${a.id}:${event === 'requested' ? 'requested' : 'decided'}`,
    type: 'event',
    name: `approval ${event}`,
    startAt: time,
    endAt: time,
    input: { tool: a.tool, arguments: a.arguments, summary: a.summary },
    output:
      event === 'requested'
        ? { event, approvalId: a.id }
        : { event, approvalId: a.id, by: a.decidedBy ?? undefined, message: a.message ?? undefined },
    children: [],
  };
}

/**
 * When each tool call was proposed (the end of the model call whose output holds it) and when it
 * ran (its tool span: the spans after that model call, matched to its calls by name, in order).
 */
function callTimes(
  generations: TraceSpanRecord[],
  tools: TraceSpanRecord[],
  at: (t: string | null) => string,
): { proposedAt: Map<string, string>; ranAt: Map<string, string> } {
  const proposedAt = new Map<string, string>();
  const ranAt = new Map<string, string>();
  const sorted = [...generations].sort((a, b) => Date.parse(at(a.startedAt)) - Date.parse(at(b.startedAt)));
  const unmatched = [...tools].sort((a, b) => Date.parse(at(a.startedAt)) - Date.parse(at(b.startedAt)));
  sorted.forEach((g, i) => {
    const end = at(g.endedAt ?? g.startedAt);
    const nextStart = i + 1 < sorted.length ? Date.parse(at(sorted[i + 1].startedAt)) : Infinity;
    for (const item of asArray(g.data.output)) {
      const { callId, name } = item as { callId?: unknown; name?: unknown };
      if (typeof callId !== 'string') continue;
      proposedAt.set(callId, end);
      const index = unmatched.findIndex((t) => {
        const start = Date.parse(at(t.startedAt));
        return String(t.data.name) === name && start >= Date.parse(end) && start < nextStart;
      });
      // A call that ran only after a pause starts after the next model call too: match it anywhere later.
      const fallback =
        index >= 0
          ? index
          : unmatched.findIndex((t) => String(t.data.name) === name && Date.parse(at(t.startedAt)) >= Date.parse(end));
      if (fallback >= 0) ranAt.set(callId, at(unmatched.splice(fallback, 1)[0].startedAt));
    }
  });
  return { proposedAt, ranAt };
}

function isModelCall(span: TraceSpanRecord): boolean {
  return (span.data.model_config as Record<string, unknown> | undefined)?.[TRACED_MODEL_MARKER] === true;
}

/** By start time; equal times keep the order they were listed in (a stable sort). */
function byTime(list: TreeObservation[]): TreeObservation[] {
  return [...list].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
}

function later(a: string | undefined, b: string): string {
  return a && Date.parse(a) > Date.parse(b) ? a : b;
}

function earlier(a: string | undefined, b: string): string {
  return a && Date.parse(a) < Date.parse(b) ? a : b;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
