import type { ApprovalRecord, CorrectionRecord, RunRecord, Store } from '../store/index.js';
import type { ToolExecution } from '../store/toolExecutionRepository.js';

/**
 * What a reviewed run's conversation recorded, as far as an eval scenario
 * needs it: the runs from the conversation's start up to the reviewed run
 * (or further, to the run where the seller's correction of it was resolved,
 * since that is where the seller said what they wanted), the approvals the
 * seller was shown, the writes that ran, the corrections and the tool calls
 * the model asked for.
 */
export interface ConversationRecord {
  reviewed: RunRecord;
  runs: RunRecord[];
  /** Approvals the seller saw, in the order shown. */
  approvals: ApprovalRecord[];
  /** Executed writes of these runs, in order. */
  writes: ToolExecution[];
  corrections: CorrectionRecord[];
  /** Every tool call the model asked for, parsed where the arguments were JSON. */
  requestedCalls: Array<{ tool: string; args: Record<string, unknown> | null }>;
  /** Listings created within these runs: not part of the starting data. */
  createdIds: Set<string>;
}

export async function readConversationRecord(store: Store, runId: string): Promise<ConversationRecord> {
  const reviewed = await store.runs.get(runId);
  if (!reviewed) throw new Error(`run ${runId} does not exist`);
  const all = await store.runs.forConversation(reviewed.conversationId);
  const conversationCorrections = await store.corrections.forConversation(reviewed.conversationId);
  const position = (id: string | null) => all.findIndex((r) => r.id === id);
  let last = position(reviewed.id);
  for (const c of conversationCorrections) {
    if (c.runId !== reviewed.id) continue;
    // A revision in a later run, or a correction typed as the next message: that run carries the seller's words.
    if (c.revisedInRunId) last = Math.max(last, position(c.revisedInRunId));
    if (c.via === 'new_message') last = Math.max(last, Math.min(position(c.runId) + 1, all.length - 1));
  }
  const runs = all.slice(0, last + 1);
  const ids = new Set(runs.map((r) => r.id));

  const approvals: ApprovalRecord[] = [];
  const writes: ToolExecution[] = [];
  const calls: ConversationRecord['requestedCalls'] = [];
  for (const r of runs) approvals.push(...(await store.approvals.forRun(r.id)));
  approvals.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const r of runs) writes.push(...(await store.executions.forRun(r.id)));
  for (const r of runs) calls.push(...(await requestedCalls(store, r.traceId)));
  const createdIds = new Set(
    writes
      .map((w) => (w.result as { created?: { id?: unknown } } | null)?.created?.id)
      .filter((id): id is string => typeof id === 'string'),
  );
  return {
    reviewed,
    runs,
    approvals,
    writes,
    corrections: conversationCorrections.filter((c) => ids.has(c.runId)),
    requestedCalls: calls,
    createdIds,
  };
}

/** The function calls in the recorded model outputs of a run's trace. */
async function requestedCalls(store: Store, traceId: string): Promise<ConversationRecord['requestedCalls']> {
  return (await store.traces.spans(traceId))
    .filter((s) => s.kind === 'generation')
    .flatMap((s) =>
      Array.isArray(s.data.output)
        ? (s.data.output as Array<{ type?: string; name?: string; arguments?: string }>)
        : [],
    )
    .filter((o) => o.type === 'function_call' && typeof o.name === 'string')
    .map((o) => ({ tool: o.name!, args: parseObject(o.arguments) }));
}

function parseObject(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function sellerText(run: RunRecord): string {
  const text = (run.input as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}
