import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AgentInputItem } from '@openai/agents';
import type { Store } from '../store/index.js';
import type { CatalogueFacts } from '../store/seed/seedDatabase.js';
import { NotFoundError } from '../errors.js';
import { photoIdOf } from '../agent/photos.js';
import { listingsAsOf, searchedListings } from './startingListings.js';

/**
 * A recorded run, self-contained: what the seller said and decided, what the
 * model answered call by call, the data the run started from, and what the
 * run did. Replay re-runs the first three against today's code and compares
 * with the last.
 */
export const RecordedTraceSchema = z.object({
  kind: z.literal('listing-assistant-trace'),
  version: z.literal(1),
  traceId: z.string(),
  runId: z.string(),
  sellerId: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  /** The engine the run was recorded on (absent in older files: SQLite); a replay runs on the same one. */
  engine: z.enum(['sqlite', 'postgres']).optional(),
  catalogue: z.object({ seed: z.number().int(), count: z.number().int().nonnegative() }),
  /** Listings the run looked up or searched, as they were before it, where they differ from the generated catalogue. */
  listings: z.array(z.record(z.string(), z.unknown())),
  history: z.array(z.record(z.string(), z.unknown())),
  input: z.object({
    text: z.string(),
    images: z.array(z.string()).optional(),
    /** Photos the seller sent with the message, by id (their bytes are in `photos`). */
    photoIds: z.array(z.string()).optional(),
  }),
  /** The stored photos the run referred to (sent now or earlier, or on a draft), so a replay can post them. */
  photos: z
    .array(z.object({ id: z.string(), mime: z.string(), width: z.number(), height: z.number(), data: z.string() }))
    .optional(),
  decisions: z.array(
    z.object({ tool: z.string(), decision: z.enum(['approve', 'reject']), message: z.string().nullable() }),
  ),
  modelOutputs: z.array(z.array(z.record(z.string(), z.unknown()))),
  expected: z.object({
    toolCalls: z.array(z.object({ tool: z.string(), arguments: z.unknown(), result: z.unknown() })),
    policyDecisions: z.array(z.object({ tool: z.string(), phase: z.string(), decision: z.string(), rule: z.string() })),
    approvals: z.array(z.object({ tool: z.string(), arguments: z.unknown() })),
    status: z.string(),
    stopReason: z.string().nullable(),
    reply: z.string().nullable(),
  }),
});

export type RecordedTrace = z.infer<typeof RecordedTraceSchema>;

const parseJson = (text: unknown): unknown => {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** What the run itself did, read back from the store: the part replay compares. */
export async function observedBehaviour(store: Store, runId: string): Promise<RecordedTrace['expected']> {
  const run = await store.runs.get(runId);
  if (!run) throw new NotFoundError('Run');
  const spans = await store.traces.spans(run.traceId);
  // What the model asked for (its function calls, in order) and what each call answered.
  const results = new Map<string, unknown>();
  for (const item of (await store.conversations.items(run.conversationId)) as Array<{
    type?: string;
    callId?: string;
    output?: unknown;
  }>) {
    if (item.type === 'function_call_result' && item.callId) {
      const output = item.output as { text?: string } | string | undefined;
      results.set(item.callId, parseJson(typeof output === 'string' ? output : output?.text));
    }
  }
  const calls = spans
    .filter((s) => s.kind === 'generation')
    .flatMap((s) =>
      ((s.data.output ?? []) as Array<{ type?: string; name?: string; arguments?: string; callId?: string }>).filter(
        (o) => o.type === 'function_call',
      ),
    );
  const policyDecisions = await store.decisions.forRun(runId);
  const approvals = await store.approvals.forRun(runId);
  return {
    toolCalls: calls.map((c) => ({
      tool: String(c.name),
      arguments: parseJson(c.arguments),
      result: results.get(String(c.callId)) ?? null,
    })),
    policyDecisions: policyDecisions.map((d) => ({ tool: d.tool, phase: d.phase, decision: d.decision, rule: d.rule })),
    approvals: approvals.map((a) => ({ tool: a.tool, arguments: a.arguments })),
    status: run.status,
    stopReason: run.stopReason,
    reply: run.reply,
  };
}

/** Reads in one transaction: the listings' prices and the run's own price changes are undone from one snapshot. */
export async function exportTrace(store: Store, traceId: string): Promise<RecordedTrace> {
  return store.read((tx) => exportSnapshot(tx, traceId));
}

async function exportSnapshot(store: Store, traceId: string): Promise<RecordedTrace> {
  const run = await store.runs.byTraceId(traceId);
  if (!run) throw new NotFoundError('Trace');
  const spans = await store.traces.spans(traceId);
  const approvals = await store.approvals.forRun(run.id);
  const items = (await store.conversations.items(run.conversationId)) as AgentInputItem[];
  const input = run.input as { text: string };
  // The history before this run: everything up to the run's own seller message.
  const ownMessage = findLastIndex(
    items,
    (i) => i.type === 'message' && i.role === 'user' && messageText(i) === input.text,
  );
  const history = ownMessage >= 0 ? items.slice(0, ownMessage) : [];
  const catalogue = await catalogueOf(store);
  const behaviour = await observedBehaviour(store, run.id);

  // The listings the run looked up by id, and those its searches saw or weighed, as they were when it began.
  const touched = await searchedListings(store, behaviour.toolCalls, run.sellerId, run.createdAt);
  for (const call of behaviour.toolCalls) {
    const id = (call.arguments as { listingId?: unknown })?.listingId;
    if (typeof id === 'string' && !touched.has(id)) touched.set(id, {});
  }
  const listings = await listingsAsOf(store, touched, run.createdAt, catalogue);

  // Every stored photo the conversation so far or the run's calls refer to, by its id.
  const referenced = new Set<string>();
  const ownItems = ownMessage >= 0 ? items.slice(0, ownMessage + 1) : [];
  const scan = JSON.stringify([ownItems, behaviour.toolCalls.map((c) => c.arguments)]);
  for (const match of scan.matchAll(/\/api\/images\/img_[0-9a-f]+|img_[0-9a-f]{32}/g)) {
    const id = photoIdOf(match[0]) ?? photoIdOf(`/api/images/${match[0]}`);
    if (id) referenced.add(id);
  }
  const photos: NonNullable<RecordedTrace['photos']> = [];
  for (const id of referenced) {
    const stored = await store.images.data(id);
    if (stored && stored.image.sellerId === run.sellerId)
      photos.push({
        id,
        mime: stored.image.mime,
        width: stored.image.width,
        height: stored.image.height,
        data: stored.data.toString('base64'),
      });
  }
  const own = ownMessage >= 0 ? JSON.stringify(items[ownMessage]) : '';
  const photoIds = photos.map((p) => p.id).filter((id) => own.includes(id));

  return {
    kind: 'listing-assistant-trace',
    version: 1,
    traceId,
    runId: run.id,
    sellerId: run.sellerId,
    model: run.model,
    promptVersion: run.promptVersion,
    engine: store.engine,
    catalogue,
    listings: listings as unknown as Record<string, unknown>[],
    history: history,
    input: { text: input.text, ...(photoIds.length ? { photoIds } : {}) },
    ...(photos.length ? { photos } : {}),
    decisions: approvals
      .filter((a) => a.status === 'approved' || a.status === 'rejected')
      .map((a) => ({
        tool: a.tool,
        decision: a.status === 'approved' ? ('approve' as const) : ('reject' as const),
        message: a.message,
      })),
    modelOutputs: spans
      .filter((s) => s.kind === 'generation')
      .map((s) => (s.data.output ?? []) as Record<string, unknown>[]),
    expected: behaviour,
  };
}

/** The generated catalogue this database holds: every run recorded on it saw this one. */
export async function catalogueOf(store: Store): Promise<CatalogueFacts> {
  return (await store.meta.get<CatalogueFacts>('catalogue')) ?? (await inferCatalogue(store));
}

/** Databases seeded before the catalogue was recorded: the generator's ids are lst_ + 7 digits, seed 42. */
export async function inferCatalogue(store: Store): Promise<CatalogueFacts> {
  return { seed: 42, count: await store.listings.countGenerated() };
}

export function readTraceFile(path: string): RecordedTrace {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path} is not a readable JSON trace file: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const parsed = RecordedTraceSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not a listing-assistant trace: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function messageText(item: AgentInputItem): string {
  if (item.type !== 'message') return '';
  const content = (item as { content: unknown }).content;
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((c: { text?: string }) => c.text ?? '').join('') : '';
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}
