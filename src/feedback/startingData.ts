import type { Store } from '../store/index.js';
import type { Listing } from '../domain/listing.js';
import { inferCatalogue } from '../replay/traceExport.js';
import { listingsAsOf } from '../replay/startingListings.js';
import type { CatalogueFacts } from '../store/seed/seedDatabase.js';
import type { ConversationRecord } from './conversationRecord.js';
import { WRITE_TOOL_NAMES } from '../tools/index.js';

const HOUR_MS = 60 * 60_000;

/** The `data` of a promoted scenario (the eval format's StartingData, before defaults). */
export interface PromotedStartingData {
  seed: number;
  count: number;
  listings?: Array<
    Pick<Listing, 'id' | 'sellerId' | 'title' | 'description' | 'category' | 'price' | 'condition' | 'status'>
  >;
  priorWrites?: { count: number; minutesAgo: number };
}

/**
 * The data the conversation started from: the same generated catalogue as
 * the database (so comparables and prices match), plus every listing the
 * model asked about or acted on as it was when the conversation began, where
 * that differs from the generated one (created since, re-priced since) —
 * and the seller's writes in the hour before, which the rate limit counted.
 */
export async function startingData(store: Store, record: ConversationRecord): Promise<PromotedStartingData> {
  const catalogue = (await store.meta.get<CatalogueFacts>('catalogue')) ?? (await inferCatalogue(store));
  const began = record.runs[0].createdAt;
  const ids = new Map(touchedListingIds(record).map((id) => [id, {}]));
  const listings = (await listingsAsOf(store, ids, began, catalogue)).map((l) => ({
    id: l.id,
    sellerId: l.sellerId,
    title: l.title,
    description: l.description,
    category: l.category,
    price: l.price,
    condition: l.condition,
    status: l.status,
  }));
  const prior = await store.executions.writesBetween(
    record.reviewed.sellerId,
    WRITE_TOOL_NAMES,
    new Date(Date.parse(began) - HOUR_MS),
    new Date(began),
  );
  const newest = prior.at(-1);
  return {
    seed: catalogue.seed,
    count: Math.max(3, catalogue.count),
    ...(listings.length ? { listings } : {}),
    // All of them as recent as the newest: still inside the hour for as long as a trial runs.
    ...(newest
      ? {
          priorWrites: {
            count: prior.length,
            minutesAgo: Math.floor((Date.parse(began) - Date.parse(newest.executedAt)) / 60_000),
          },
        }
      : {}),
  };
}

/** Listing ids in the model's tool calls, the approvals and the writes, except those created in the conversation. */
function touchedListingIds(record: ConversationRecord): string[] {
  const ids = new Set<string>();
  const add = (args: Record<string, unknown> | null | undefined) => {
    const id = args?.listingId;
    if (typeof id === 'string' && /^lst_[A-Za-z0-9]{4,32}$/.test(id) && !record.createdIds.has(id)) ids.add(id);
  };
  for (const call of record.requestedCalls) add(call.args);
  for (const approval of record.approvals) add(approval.arguments);
  for (const write of record.writes) add(write.arguments as Record<string, unknown>);
  return [...ids];
}
