import { draftFromOffer } from './draft.js';
import { sellerMessageAt, toolCallAt, toolResultAt, type Item, type SellerMessage } from './history.js';
import type { EarlierIntent, Intent } from './intentKind.js';
import { mayChooseItem, NEXT_ITEM, partChosen, remainingPart } from './itemChosen.js';
import { listingDescribed, mayNameListing, withPendingPrice } from './listingNamed.js';
import { moreDetailedItem } from './moreDetails.js';
import { requestedPrice } from './price.js';
import { MAX_SEPARATE_LISTINGS, SEPARATELY, TOGETHER, withoutCount } from './quantity.js';
import { readToolOutcome } from './toolOutcome.js';
import { sizeOrPriceAnswered } from './sizeAnswer.js';

/**
 * A message that completes the seller's previous request instead of making a
 * new one: the listing id asked for ("lst_…", "the blue one, lst_…") keeps the
 * price the seller already gave, and "list it at that price" after a price
 * question lists the item asked about. Only the seller's previous message is
 * looked at, and only when nothing was proposed since: an older request is
 * not revived. Each kind of answer has its own file: an item chosen from a
 * list (itemChosen), a listing named (listingNamed), more details of the
 * drafted item (moreDetails).
 */

/** "it", "that", "this one": words that point back at what was just discussed. */
const POINTS_BACK = /\b(?:it|that|this|them|one|same)\b/i;

/** A request to list, sell or post something. */
const LIST_VERB = /\b(?:list|sell|post|publish|advertise|put\s+(?:it\s+)?(?:up|online)|draft|go\s+ahead)\b/i;

export function followUp(items: Item[], message: SellerMessage, intent: Intent, earlier: EarlierIntent): Intent {
  const detailed = moreDetailedItem(items, message, intent);
  if (detailed) return detailed;
  const justPosted = repriceJustPosted(items, message, intent);
  if (justPosted) return justPosted;
  const sized = sizeOrPriceAnswer(items, message, earlier);
  if (sized) return sized;
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

/** The answer to "is 40 the size or the price?", asked right before. */
function sizeOrPriceAnswer(items: Item[], message: SellerMessage, earlier: EarlierIntent): Intent | undefined {
  const previous = previousRequest(items, message.index);
  const before = previous ? earlier(previous.index) : undefined;
  return before?.kind === 'size_or_price_unclear' ? sizeOrPriceAnswered(message.text, before) : undefined;
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
