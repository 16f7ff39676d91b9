import {
  createListingArguments,
  draftFromArguments,
  draftVehicleCondition,
  isPriced,
  reviseDraft,
  type Draft,
} from './draft.js';
import type { ListingSummary } from '../../tools/index.js';
import { readDraftChange } from './draftChange.js';
import {
  callFor,
  lastSellerMessage,
  parseJsonObject,
  sellerMessageAt,
  toolResultAt,
  type Item,
  type ToolCall,
  type ToolResultItem,
} from './history.js';
import { classify, intentAt } from './intent.js';
import { readSellOffer } from './itemText.js';
import { keywordHits } from './category.js';
import { afterOwnSearch } from './describedReprice.js';
import { settleByOrTo } from './settleByOrTo.js';
import { ownPriceFound } from './ownPriceQuestion.js';
import { applyRelativePrice } from './priceChange.js';
import { repairArguments } from './argumentRepair.js';
import * as replies from './replies.js';
import { readToolOutcome, type ToolOutcome } from './toolOutcome.js';
import { callTool, isToolName, say, type Turn } from './turn.js';

type Outcome<K extends ToolOutcome['kind']> = Extract<ToolOutcome, { kind: K }>;

/** The next step after a tool answered (or the seller/policy refused the call). */
export function afterToolResult(items: Item[], result: ToolResultItem): Turn {
  const call = callFor(items, result.callId);
  const tool = call?.name ?? result.name;
  const outcome = readToolOutcome(result.text);
  switch (outcome.kind) {
    case 'search':
      return afterSearch(items, outcome, call);
    case 'listing':
      return afterLookup(items, outcome);
    case 'created':
      return say(replies.live(outcome.listing));
    case 'updated':
      return say(replies.priceUpdated(outcome.listing, outcome.previousPrice));
    case 'rejected':
      return afterRejection(call, outcome);
    case 'policy_denied':
      // The policy decides; the seller hears why, and the model does not try to work around it.
      return say(replies.denied(tool, outcome.message, refusedWrite(items, call)));
    case 'invalid_arguments':
      return afterInvalidArguments(items, call, tool, outcome);
    case 'not_found':
      return say(replies.notFound(outcome.message));
    case 'not_confirmed':
      return say(replies.notConfirmed());
    case 'failed':
      return say(replies.failed(outcome.message));
    case 'outcome_unknown':
      // No retry and no "nothing changed": the write may still commit.
      return say(replies.outcomeUnknown(tool));
    case 'not_run':
      return say(replies.notRun());
    case 'unreadable':
      return say(replies.unreadableResult());
  }
}

/** Comparables arrived: propose the draft for a seller who is selling, or just answer a price question. */
function afterSearch(items: Item[], search: Outcome<'search'>, call: ToolCall | undefined): Turn {
  const seller = lastSellerMessage(items);
  const intent = seller ? intentAt(items, seller.index) : undefined;
  if (intent?.kind === 'reprice_described') return afterOwnSearch(search.matches, intent);
  if (intent?.kind === 'own_price_question') return ownPriceFound(search.matches, intent);
  if (intent?.kind === 'sell') {
    const draft = settleCategory(intent.item.draft, search.matches);
    const broad = queryOf(call) !== intent.item.query;
    if (!search.stats && !broad) {
      // Nothing like "iPad Air 4th gen": the item type alone still tells what such items sell for.
      const head = itemHead(intent.item.query);
      if (head && head !== intent.item.query.toLowerCase())
        return callTool('searchSimilar', { query: head, category: searchCategory(draft.category), limit: 5 });
    }
    // Prices of the item type in general back a warning, not a price the seller did not give.
    const median =
      search.stats && !broad && !tooWide(search.stats) ? Math.max(1, Math.round(search.stats.median)) : undefined;
    const price = draft.price ?? median;
    if (price === undefined)
      return say(
        search.stats && !broad
          ? replies.askPriceComparablesVary(draft, search.stats)
          : replies.noComparablesAskPrice(draft),
      );
    const priced = { ...draft, price };
    const text = replies.draftProposal(priced, search, {
      sellerPrice: draft.price !== undefined,
      photos: (seller?.images ?? 0) > 0,
    });
    return callTool('createListing', createListingArguments(priced), text);
  }
  const itemName = intent?.kind === 'price_question' ? intent.itemName : queryOf(call);
  const asked = intent?.kind === 'price_question' ? intent.asked : undefined;
  return say(replies.priceAdvice(itemName, search.stats, asked));
}

/** The refused write's item or listing (with its title and current price if it was looked up), for the refusal. */
function refusedWrite(items: Item[], call: ToolCall | undefined): replies.RefusedWrite | undefined {
  const args = call ? parseJsonObject(call.arguments) : undefined;
  if (!call || !args) return undefined;
  const price = typeof args.price === 'number' ? args.price : undefined;
  if (call.name === 'createListing' && typeof args.title === 'string')
    return { tool: 'createListing', title: args.title, price };
  if (call.name !== 'updatePrice' || typeof args.listingId !== 'string') return undefined;
  const listingId = args.listingId;
  let listing: { title: string; price: number } | undefined;
  for (let i = items.length - 1; i >= 0 && !listing; i--) {
    const result = toolResultAt(items, i);
    const outcome = result ? readToolOutcome(result.text) : undefined;
    if (outcome?.kind === 'listing' && outcome.listing.id === listingId) listing = outcome.listing;
  }
  return { tool: 'updatePrice', listingId, price, listing };
}

/**
 * Comparables from €165 to €3,690 ("my bike") say what bikes cost, not what this one is
 * worth: their median would be a made-up price, so the seller is asked instead.
 */
function tooWide(stats: NonNullable<Outcome<'search'>['stats']>): boolean {
  return stats.p25 > 0 && stats.p75 / stats.p25 > 3;
}

/** The item word a broader search falls back to ("ipad" for "iPad Air 4th gen"). */
function itemHead(query: string): string | undefined {
  return keywordHits(query).at(-1)?.keyword;
}

const searchCategory = (category: string): string | null => (category === 'Other' ? null : category);

/**
 * When the seller's words named no category ("VW Golf": a car, or golf?), the
 * comparables decide: most of the closest matches agreeing on one category.
 */
function settleCategory(draft: Draft, matches: ListingSummary[]): Draft {
  if (draft.category !== 'Other' || matches.length < 2) return draft;
  const counts = new Map<string, number>();
  for (const m of matches.slice(0, 5)) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
  const [category, votes] = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (votes * 2 <= Math.min(matches.length, 5) || category === 'Other') return draft;
  if (category !== 'Vehicles') return { ...draft, category };
  const condition = draftVehicleCondition(draft);
  const description = draft.description.replace(/Condition: [a-z ]+\.$/, `Condition: ${condition}.`);
  return { ...draft, category, condition, description };
}

function queryOf(call: ToolCall | undefined): string {
  const query = call ? parseJsonObject(call.arguments)?.query : undefined;
  return typeof query === 'string' ? query : 'this item';
}

/** A listing was looked up: re-price it if that is what the seller asked, otherwise describe it. */
function afterLookup(items: Item[], { listing }: Outcome<'listing'>): Turn {
  const seller = lastSellerMessage(items);
  const intent = seller ? intentAt(items, seller.index) : undefined;
  if (intent?.kind === 'reprice') {
    if (intent.relative) {
      // The current price is only known now: "raise it by €20" and "10% off" are worked out from it.
      const price = applyRelativePrice(listing.price, intent.relative);
      if (price === undefined) return say(replies.relativeLeavesNoPrice(listing, intent.relative));
      return callTool(
        'updatePrice',
        { listingId: listing.id, price },
        replies.relativeRepriceProposal(listing, intent.relative, price),
      );
    }
    if (intent.price === undefined) return say(replies.askNewPrice(listing));
    // Even for another seller's or a sold listing: refusing is the policy gate's job, not the model's.
    return callTool(
      'updatePrice',
      { listingId: listing.id, price: intent.price },
      replies.repriceProposal(listing, intent.price),
    );
  }
  return say(replies.describeListing(listing));
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];

/** A "no" before the words: "no, sell my chair instead" still offers the chair. */
const REFUSAL_LEAD = /^(?:(?:no|nope|nah|actually|wait|hmm+|sorry)\b[\s,.!-]*)+/i;

/**
 * The title of another item the words offer for sale: its head noun, the query's last word, is not in
 * the draft's title ("desk chair" is not the "Brass desk lamp", "brass lamp" is).
 */
function anotherItem(text: string, draft: Draft): string | undefined {
  const words = text.replace(REFUSAL_LEAD, '');
  // "list it as a brass desk light": the same item under new words.
  if (/^(?:it|this|that)\b/i.test(readSellOffer(words)?.itemText ?? '')) return undefined;
  const intent = classify({ text: words, images: 0 }, draft);
  if (intent.kind !== 'sell') return undefined;
  const head = wordsOf(intent.item.query).at(-1);
  return !head || wordsOf(draft.title).includes(head) ? undefined : intent.item.draft.title;
}

/** The seller said no: follow a concrete change in their words, otherwise ask what to change. */
function afterRejection(call: ToolCall | undefined, rejection: Outcome<'rejected'>): Turn {
  if (rejection.expired) return say(replies.expired());
  const change = rejection.sellerMessage ? readDraftChange(rejection.sellerMessage) : undefined;
  if (call && change) {
    if (call.name === 'createListing') {
      const draft = draftFromArguments(call.arguments);
      // "no, can you also list my desk chair for 25": the 25 is the chair's price, not the draft's.
      const other = draft && rejection.sellerMessage ? anotherItem(rejection.sellerMessage, draft) : undefined;
      if (draft && other) return say(replies.rejectedForAnotherItem(draft.title, other));
      if (draft) {
        const settled = settleByOrTo(draft, change);
        if (settled === 'ask') return say(replies.askByOrTo(draft, change.byOrTo!));
        const { draft: revised, changes } = reviseDraft(draft, settled);
        if (isPriced(revised) && changes.length) {
          return callTool('createListing', createListingArguments(revised), replies.revisedDraft(changes));
        }
      }
    }
    if (call.name === 'updatePrice' && change.price !== undefined) {
      const args = parseJsonObject(call.arguments);
      if (typeof args?.listingId === 'string') {
        const proposed = typeof args.price === 'number' ? args.price : undefined;
        return callTool(
          'updatePrice',
          { listingId: args.listingId, price: change.price },
          replies.repriceRevised(args.listingId, change.price, proposed),
        );
      }
    }
  }
  // "no thanks", "forget it": nothing to change, the seller does not want it at all.
  const message = rejection.sellerMessage;
  if (message && classify({ text: message, images: 0 }).kind === 'decline') return say(replies.declined());
  return say(replies.rejectedWithoutReason());
}

/** Retry once with mechanically fixed arguments; a second failure, or nothing to fix, is explained. */
function afterInvalidArguments(
  items: Item[],
  call: ToolCall | undefined,
  tool: string,
  invalid: Outcome<'invalid_arguments'>,
): Turn {
  if (call && isToolName(call.name) && !isRetry(items, call)) {
    const fixed = repairArguments(call.name, call.arguments);
    if (fixed) return callTool(call.name, fixed, replies.retriedWithFix(call.name));
  }
  return say(replies.invalidArguments(tool, invalid.issues, invalid.message));
}

/** Whether this call already followed an invalid_arguments result for the same tool in this turn. */
function isRetry(items: Item[], call: ToolCall): boolean {
  for (let i = call.index - 1; i >= 0 && !sellerMessageAt(items, i); i--) {
    const earlier = toolResultAt(items, i);
    if (earlier && earlier.name === call.name && readToolOutcome(earlier.text).kind === 'invalid_arguments')
      return true;
  }
  return false;
}
