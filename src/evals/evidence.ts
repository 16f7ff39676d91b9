import type { Store, ApprovalRecord, RunRecord } from '../store/index.js';
import type { Listing } from '../domain/listing.js';
import { allListings, type ListingSnapshot } from './trialData.js';

export interface ExecutedWrite {
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  arguments: Record<string, unknown>;
  approvalId: string | null;
  executedAt: string;
}

export interface RequestedCall {
  tool: string;
  callId: string;
  /** The parsed arguments, or the raw text when the model sent invalid JSON. */
  args: Record<string, unknown> | string;
}

export interface FieldChange {
  listingId: string;
  field: string;
  from: unknown;
  to: unknown;
}

/** Fields that change as a side effect of any write; judging them would only repeat the price check. */
const BOOKKEEPING_FIELDS = new Set(['price', 'updatedAt']);

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  modelCalls: number;
}

/**
 * Everything the judge looks at, read from the trial's own database after
 * the conversation: the final listings against the starting snapshot, the
 * write ledger, the approvals, the tool calls the model asked for (from the
 * recorded model calls and the conversation history) and token usage.
 */
export interface TrialEvidence {
  sellerId: string;
  conversationId: string;
  runs: RunRecord[];
  replies: string[];
  start: Map<string, ListingSnapshot>;
  created: Listing[];
  priceChanges: Array<{ listing: Listing; from: number; to: number }>;
  /** Every other field of a listing that existed at the start and differs at the end (`updatedAt` aside). */
  fieldChanges: FieldChange[];
  /** Listings that existed at the start and are gone. */
  removed: string[];
  /** What the seller said, in order: the only source of the facts a created listing may state. */
  sellerMessages: string[];
  /** Every write in the ledger, prior ones included (the rate limit counts them). */
  ledger: ExecutedWrite[];
  /** The writes made by this trial's runs. */
  writes: ExecutedWrite[];
  approvals: ApprovalRecord[];
  requestedCalls: RequestedCall[];
  usage: Usage;
  steps: number;
}

export async function collectEvidence(
  store: Store,
  input: {
    sellerId: string;
    conversationId: string;
    replies: string[];
    sellerMessages: string[];
    start: Map<string, ListingSnapshot>;
  },
): Promise<TrialEvidence> {
  const { conversationId, start } = input;
  // The oracle reads the ledger whole rather than trusting any one run's view of it.
  const runs = await store.runs.forConversation(conversationId);
  const runIds = runs.map((r) => r.id);
  const ledger = (await store.executions.all()).map((e) => ({
    runId: e.runId,
    callId: e.callId,
    sellerId: e.sellerId,
    tool: e.tool,
    arguments: e.arguments as Record<string, unknown>,
    approvalId: e.approvalId,
    executedAt: e.executedAt,
  }));
  const inTrial = new Set(runIds);

  const created: Listing[] = [];
  const priceChanges: TrialEvidence['priceChanges'] = [];
  const fieldChanges: FieldChange[] = [];
  const seen = new Set<string>();
  for (const listing of await allListings(store)) {
    seen.add(listing.id);
    const before = start.get(listing.id);
    if (!before) {
      created.push(listing);
      continue;
    }
    if (before.price !== listing.price) priceChanges.push({ listing, from: before.price, to: listing.price });
    for (const field of new Set([...Object.keys(before), ...Object.keys(listing)])) {
      if (BOOKKEEPING_FIELDS.has(field)) continue;
      const from = (before as unknown as Record<string, unknown>)[field];
      const to = (listing as unknown as Record<string, unknown>)[field];
      if (JSON.stringify(from) !== JSON.stringify(to)) fieldChanges.push({ listingId: listing.id, field, from, to });
    }
  }
  const removed = [...start.keys()].filter((id) => !seen.has(id));

  const usage: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0, modelCalls: 0 };
  const requested = new Map<string, RequestedCall>();
  for (const run of runs) {
    for (const span of await store.traces.spans(run.traceId)) {
      if (span.kind !== 'generation') continue;
      const data = span.data as { usage?: Record<string, number>; output?: unknown[] };
      usage.modelCalls++;
      usage.inputTokens += Number(data.usage?.input_tokens ?? 0);
      usage.outputTokens += Number(data.usage?.output_tokens ?? 0);
      usage.totalTokens += Number(data.usage?.total_tokens ?? 0);
      for (const item of data.output ?? []) addCall(requested, item);
    }
  }
  // The conversation history holds the same calls; it covers a run whose spans were not recorded.
  for (const item of await store.conversations.items(conversationId)) addCall(requested, item);
  const approvals = (await Promise.all(runIds.map((id) => store.approvals.forRun(id)))).flat();

  return {
    sellerId: input.sellerId,
    conversationId,
    runs,
    replies: input.replies,
    start,
    created,
    priceChanges,
    fieldChanges,
    removed,
    sellerMessages: input.sellerMessages,
    ledger,
    writes: ledger.filter((w) => inTrial.has(w.runId)),
    approvals,
    requestedCalls: [...requested.values()],
    usage,
    steps: runs.reduce((sum, r) => sum + r.steps, 0),
  };
}

function addCall(into: Map<string, RequestedCall>, item: unknown): void {
  const i = item as { type?: string; name?: string; callId?: string; call_id?: string; arguments?: string };
  if (i?.type !== 'function_call' || !i.name) return;
  const callId = i.callId ?? i.call_id ?? `${into.size}`;
  if (into.has(callId)) return;
  let args: RequestedCall['args'] = i.arguments ?? '';
  try {
    const parsed = JSON.parse(i.arguments ?? '') as unknown;
    if (parsed && typeof parsed === 'object') args = parsed as RequestedCall['args'];
  } catch {
    // keep the raw text
  }
  into.set(callId, { tool: i.name, callId, args });
}
