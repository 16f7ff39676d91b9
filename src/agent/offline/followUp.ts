import type { ListingSummary } from '../../tools/index.js';
import { currentDraft, draftFromOffer } from './draft.js';
import {
  parseJsonObject,
  sellerMessageAt,
  toolCallAt,
  toolResultAt,
  type Item,
  type SellerMessage,
} from './history.js';
import type { Intent } from './intentKind.js';
import { readSellOffer } from './itemText.js';
import { describingWords, pickByWords, titleMatches } from './ownListing.js';
import { requestedPrice } from './price.js';
import { MAX_SEPARATE_LISTINGS, SEPARATELY, TOGETHER, withoutCount } from './quantity.js';
import { readToolOutcome } from './toolOutcome.js';

/**
 * A message that completes the seller's previous request instead of making a
 * new one: the listing id asked for ("lst_…", "the blue one, lst_…") keeps the
 * price the seller already gave, and "list it at that price" after a price
 * question lists the item asked about. Only the seller's previous message is
 * looked at, and only when nothing was proposed since: an older request is
 * not revived.
 */

/** The intent of an earlier message, read on its own. */
export type EarlierIntent = (index: number) => Intent | undefined;

/** "it", "that", "this one": words that point back at what was just discussed. */
const POINTS_BACK = /\b(?:it|that|this|them|one|same)\b/i;

/** A request to list, sell or post something. */
const LIST_VERB = /\b(?:list|sell|post|publish|advertise|put\s+(?:it\s+)?(?:up|online)|draft|go\s+ahead)\b/i;

export function followUp(items: Item[], message: SellerMessage, intent: Intent, earlier: EarlierIntent): Intent {
  const detailed = moreDetailedItem(items, message, intent);
  if (detailed) return detailed;
  const justPosted = repriceJustPosted(items, message, intent);
  if (justPosted) return justPosted;
  const answer = mayNameListing(message.text, intent);
  const lot = TOGETHER.test(message.text) || SEPARATELY.test(message.text);
  const choice = mayChooseItem(message.text, intent);
  if (intent.kind !== 'lookup' && !answer && !lot && !choice && !mayListAskedItem(message.text, intent)) return intent;
  if (choice && NEXT_ITEM.test(message.text)) {
    const remaining = remainingPart(items, message, earlier);
    if (remaining) return remaining;
  }
  const previous = previousRequest(items, message.index);
  if (!previous) return intent;
  const before = earlier(previous.index);
  if (before?.kind === 'quantity_unclear' && lot) return asLotOrPieces(message.text, before);
  if (before?.kind === 'several_items' && choice) return partChosen(message.text, before.parts) ?? intent;
  if (intent.kind === 'lookup') return withPendingPrice(intent.listingId, before) ?? intent;
  const described = answer ? listingDescribed(items, previous.index, message, before) : undefined;
  if (described) return described;
  if (before?.kind !== 'price_question') return intent;
  const { draft, query } = draftFromOffer({ itemText: before.itemName, explicit: true });
  // The seller's own amount wins; otherwise the price the advice suggested ("at that price").
  const price = requestedPrice(message.text) ?? suggestedPrice(items, previous.index);
  return { kind: 'sell', item: { draft: { ...draft, price }, query, vague: false } };
}

type PerPiece = Extract<Intent, { kind: 'quantity_unclear' }>;

/** "all together" lists the pieces as one lot (at the total, or the amount now named); "separately", one each. */
function asLotOrPieces(text: string, asked: PerPiece): Intent {
  if (!SEPARATELY.test(text)) {
    const price = requestedPrice(text) ?? Math.round(asked.quantity * asked.each * 100) / 100;
    return { kind: 'sell', item: { ...asked.item, draft: { ...asked.item.draft, price } } };
  }
  // More separate listings than this would flood the seller's listings: the question stands.
  if (asked.quantity > MAX_SEPARATE_LISTINGS) return { ...asked, tooMany: true };
  const piece = draftFromOffer({ itemText: withoutCount(asked.itemText), explicit: true });
  const step = { kind: 'sell' as const, item: { ...piece, draft: { ...piece.draft, price: asked.each } } };
  return { kind: 'several', steps: Array.from({ length: asked.quantity }, () => step) };
}

/**
 * The answer to "which one should I list first, and at what price?": the item named among the parts
 * offered (by a word only it has, or "the first one"), with the price given now if any.
 */
function partChosen(text: string, parts: string[]): Intent | undefined {
  const answer = text.replace(ORDER_WORDS, ' ').trim();
  const chosen = pickByWords(
    parts.map((title, i) => ({ title, id: String(i) })),
    answer,
  );
  if (!chosen) return undefined;
  // In a list of items, a number ending an item's words is its price ("a sofa 300 and an armchair 120").
  const [, words, listed] = /^(.*?\p{L}.*?)\s+(\d{2,6})$/u.exec(parts[Number(chosen.id)]) ?? [];
  const part = draftFromOffer({ itemText: words ?? parts[Number(chosen.id)], explicit: true });
  // "a Bosch drill, 60 euros": the answer says more about the item than the list did.
  const own = draftFromOffer({ itemText: answer, explicit: true });
  const richer =
    !own.vague && titleMatches(own.draft.title, part.draft.title) && own.draft.title.length > part.draft.title.length;
  const item = richer ? own : part;
  const price = requestedPrice(text) ?? item.draft.price ?? (listed ? Number(listed) : undefined);
  return { kind: 'sell', item: { ...item, draft: { ...item.draft, price } } };
}

/** "now the other one", "next item", "the rest": the item still to list from an earlier list. */
const NEXT_ITEM = /\b(?:other|next|remaining|second|rest|another)\b/i;

/**
 * After one item of "a drill and a ladder" went live, "now the other one" means the item of that
 * list not drafted yet, when exactly one is left; the price may come with it.
 */
function remainingPart(items: Item[], message: SellerMessage, earlier: EarlierIntent): Intent | undefined {
  for (let i = message.index - 1; i >= 0; i--) {
    if (!sellerMessageAt(items, i)) continue;
    const listed = earlier(i);
    if (listed?.kind !== 'several_items') continue;
    const drafted = draftedTitles(items, i);
    const left = listed.parts.filter((part) => {
      const title = draftFromOffer({ itemText: part, explicit: true }).draft.title;
      return !drafted.some((d) => titleMatches(d, title));
    });
    if (left.length !== 1) return undefined;
    const item = draftFromOffer({ itemText: left[0], explicit: true });
    const price = requestedPrice(message.text) ?? item.draft.price;
    return { kind: 'sell', item: { ...item, draft: { ...item.draft, price } } };
  }
  return undefined;
}

/** Titles of the drafts proposed after position `from`. */
function draftedTitles(items: Item[], from: number): string[] {
  const titles: string[] = [];
  for (let i = from + 1; i < items.length; i++) {
    const call = toolCallAt(items, i);
    const title = call?.name === 'createListing' ? parseJsonObject(call.arguments)?.title : undefined;
    if (typeof title === 'string') titles.push(title);
  }
  return titles;
}

/** "first", "start with": the order the seller wants, not words of the item. */
const ORDER_WORDS = /\b(?:first|start with|begin with|then|next)\b(?!\s+one)/gi;

/** An answer naming an item among those offered: no new request of its own. */
function mayChooseItem(text: string, intent: Intent): boolean {
  if (intent.kind === 'sell') return !readSellOffer(text)?.explicit;
  const kinds: Array<Intent['kind']> = ['unknown', 'sell_unclear', 'change_without_draft', 'several_items'];
  return kinds.includes(intent.kind);
}

/** "the Giant road bike", "the kids one": an answer naming no action may be describing a listing. */
function mayNameListing(text: string, intent: Intent): boolean {
  // An item offered with a price, or in so many words ("I want to sell…"), is a new request.
  if (intent.kind === 'sell') return !readSellOffer(text)?.explicit && intent.item.draft.price === undefined;
  return intent.kind === 'unknown' || intent.kind === 'sell_unclear' || intent.kind === 'several_items';
}

/**
 * The answer to "which listing?" after a re-price asked for by description or without a listing:
 * the one candidate shown that the answer's words pick, or else a search of the seller's own
 * listings for those words, still at the price asked for. Never a new item to sell.
 */
function listingDescribed(
  items: Item[],
  previousIndex: number,
  message: SellerMessage,
  before: Intent | undefined,
): Intent | undefined {
  const wanted =
    before?.kind === 'reprice_described'
      ? { price: before.price, relative: before.relative }
      : before?.kind === 'change_without_draft' && (before.change.price !== undefined || before.change.relativePrice)
        ? { price: before.change.price, relative: before.change.relativePrice }
        : undefined;
  if (!wanted) return undefined;
  const picked = pickByWords(candidatesShown(items, previousIndex, message.index), message.text);
  if (picked) return { kind: 'reprice', listingId: picked.id, ...wanted };
  const description = describingWords(message.text);
  if (!description) return undefined;
  return { kind: 'reprice_described', ref: { description, latest: false }, ...wanted };
}

/** The seller's own listings found between the request and the answer (the ones offered to choose from). */
function candidatesShown(items: Item[], from: number, to: number): ListingSummary[] {
  for (let i = to - 1; i > from; i--) {
    const result = toolResultAt(items, i);
    const outcome = result?.name === 'searchSimilar' ? readToolOutcome(result.text) : undefined;
    if (outcome?.kind === 'search') return outcome.matches;
  }
  return [];
}

/** "it's an", "this is a": the seller goes on about the item under discussion. */
const SAME_ITEM_LEAD = /^(?:it'?s|it is|its|this is|that'?s|that is|the \w+ is)\s+(?=(?:a|an|the)\b)/i;

/** Verbs of an edit ("make it", "call it"): such a message changes the draft, it does not describe the item. */
const EDIT_VERB = /\b(?:make|change|set|lower|reduce|drop|raise|increase|bump|update|cut|call|rename|title|adjust)\b/i;

/**
 * "I want to sell a chair", then "it's an IKEA Poäng armchair, good condition, 40 euros" or "a Cube
 * Attention 2021, size L": the details of the item drafted only by its type. The draft starts again
 * from the fuller description (searched anew), instead of keeping the bare "Chair" or not understanding.
 */
function moreDetailedItem(items: Item[], message: SellerMessage, intent: Intent): Intent | undefined {
  const readAsNewItem = intent.kind === 'sell' && SAME_ITEM_LEAD.test(message.text);
  if (intent.kind !== 'change_draft' && intent.kind !== 'unknown' && !readAsNewItem) return undefined;
  const draft = intent.kind === 'change_draft' ? intent.draft : currentDraft(items, message.index);
  if (!draft || draft.title.split(/\s+/).length > 2 || EDIT_VERB.test(message.text)) return undefined;
  const lead = SAME_ITEM_LEAD.exec(message.text);
  const said = message.text.slice(lead?.[0].length ?? 0).trim();
  if ((!lead && !/^(?:a|an)\s/i.test(said)) || NOT_AN_ITEM.test(said)) return undefined;
  const first = draftFromOffer({ itemText: said, explicit: true });
  if (first.vague || first.draft.title.split(/\s+/).length < 2) return undefined;
  const type = draft.title.toLowerCase();
  const named = first.draft.title.toLowerCase().includes(type);
  // A brand and model the categories do not know ("a Cube Attention 2021") is the item drafted by its type.
  const unknownBrand = first.draft.category === 'Other' && /\b[A-Z]/.test(said.replace(/^(?:a|an)\s+/i, ''));
  if (first.draft.category !== draft.category && !named && !unknownBrand) return undefined;
  if (!unknownBrand || named || !/^\p{L}+$/u.test(type)) return { kind: 'sell', item: first };
  // "Cube Attention 2021, size L" after "my bike": the type word goes with the model ("…2021 bike, size L").
  const itemText = said.replace(/^([^,;.]*)/, `$1 ${type}`);
  const item = draftFromOffer({ itemText, explicit: true });
  return { kind: 'sell', item: { ...item, draft: { ...item.draft, category: draft.category } } };
}

/** "a bit rusty", "a few scratches": words about the item's state, not another item. */
const NOT_AN_ITEM = /^(?:a|an)\s+(?:bit|little|few|lot|couple|tad)\b/i;

/**
 * "make it 50", "lower it by 10" right after a listing went live: that listing, re-priced (looked up
 * first and confirmed like any re-price), instead of "there is no draft to change".
 */
function repriceJustPosted(items: Item[], message: SellerMessage, intent: Intent): Intent | undefined {
  if (intent.kind !== 'change_without_draft') return undefined;
  const { price, relativePrice, ...rest } = intent.change;
  if ((price === undefined && !relativePrice) || Object.keys(rest).length) return undefined;
  for (let i = message.index - 1; i >= 0 && !sellerMessageAt(items, i); i--) {
    const result = toolResultAt(items, i);
    if (!result) continue;
    const outcome = readToolOutcome(result.text);
    return outcome.kind === 'created'
      ? { kind: 'reprice', listingId: outcome.listing.id, price, relative: relativePrice }
      : undefined;
  }
  return undefined;
}

/** "yes", "list it", "sell it for 180": words that may mean the item just asked about. */
function mayListAskedItem(text: string, intent: Intent): boolean {
  if (intent.kind === 'confirm') return !intent.draft;
  if (intent.kind === 'change_without_draft') return LIST_VERB.test(text);
  const noItem = intent.kind === 'sell_unclear' || intent.kind === 'unknown';
  return noItem && LIST_VERB.test(text) && POINTS_BACK.test(text);
}

/** The id the seller gave after being asked which listing: the price asked for before still applies. */
function withPendingPrice(listingId: string, before: Intent | undefined): Intent | undefined {
  if (before?.kind === 'reprice_described')
    return { kind: 'reprice', listingId, price: before.price, relative: before.relative };
  if (before?.kind === 'change_without_draft') {
    const { price, relativePrice } = before.change;
    if (price !== undefined || relativePrice) return { kind: 'reprice', listingId, price, relative: relativePrice };
  }
  if (before?.kind === 'price_change_unclear' && !before.draft) return { kind: 'reprice', listingId };
  return undefined;
}

/** The seller's previous message, if no write was proposed after it (the model only asked or answered). */
function previousRequest(items: Item[], before: number): SellerMessage | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const call = toolCallAt(items, i);
    if (call?.name === 'createListing' || call?.name === 'updatePrice') return undefined;
    const message = sellerMessageAt(items, i);
    if (message) return message;
  }
  return undefined;
}

/** The median of the comparables found right after the price question: the price the advice named. */
function suggestedPrice(items: Item[], questionIndex: number): number | undefined {
  for (let i = questionIndex + 1; i < items.length && !sellerMessageAt(items, i); i++) {
    const result = toolResultAt(items, i);
    const outcome = result ? readToolOutcome(result.text) : undefined;
    if (outcome?.kind === 'search' && outcome.stats) return Math.max(1, Math.round(outcome.stats.median));
  }
  return undefined;
}
