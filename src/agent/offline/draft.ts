import { formatEur, type Condition } from '../../domain/listing.js';
import { MAX_LISTING_PHOTOS, type CreateListingArgs } from '../../tools/index.js';
import { withBareAmountMarked } from './bareAmount.js';
import { categoryOf } from './category.js';
import { canonicalCondition, conditionFrom, DEFAULT_CONDITION } from './condition.js';
import type { DraftChange } from './draftChange.js';
import { parseJsonObject, resultFor, sellerMessageAt, toolCallAt, type Item } from './history.js';
import {
  describeItem,
  isVague,
  itemPhrase,
  readSellOffer,
  searchQueryFrom,
  titleFrom,
  type SellOffer,
} from './itemText.js';
import { parseAmount, statedPrice } from './price.js';
import { applyRelativePrice } from './priceChange.js';
import { termsOf, withTerms } from './priceTermsChange.js';
import { correctionAt } from './selfCorrection.js';
import { notedPhotoIds } from '../photoInput.js';
import type { Turn } from './turn.js';
import { severalItems } from './severalItems.js';
import { vehicleCondition } from './vehicle.js';

/** A listing as proposed but not yet posted. The price is missing until the seller or the comparables give one. */
export interface Draft {
  title: string;
  description: string;
  category: string;
  condition: Condition;
  price?: number;
}

export type PricedDraft = Draft & { price: number };

export interface ItemDraft {
  draft: Draft;
  /** Brand/model/type words for searchSimilar. */
  query: string;
  /** "I want to sell something": no item named, so nothing to draft yet. */
  vague: boolean;
}

/** Drafts a listing from the seller's description of an item. */
export function draftFromOffer({ itemText: words }: SellOffer): ItemDraft {
  // "…100 no wait make it 90": the corrected amount is the price, the correction no item words.
  const correction = correctionAt(words);
  const first = correction && statedPrice(withBareAmountMarked(correction.before));
  const corrected = first === undefined ? undefined : correction;
  const offer = { itemText: withBareAmountMarked(corrected?.before ?? words) };
  const phrase = itemPhrase(offer.itemText);
  const category = categoryOf(phrase, offer.itemText);
  const condition =
    category === 'Vehicles' ? vehicleCondition(offer.itemText) : (conditionFrom(offer.itemText) ?? DEFAULT_CONDITION);
  return {
    vague: isVague(phrase),
    query: searchQueryFrom(phrase),
    draft: {
      title: titleFrom(offer.itemText),
      description: describeItem(offer.itemText, condition),
      category,
      condition,
      price: (corrected && parseAmount(corrected.raw, corrected.thousands)) ?? statedPrice(offer.itemText),
    },
  };
}

/** A vehicle's condition from the words of its draft (mileage and state are kept in the description). */
export function draftVehicleCondition(draft: Draft): Condition {
  return vehicleCondition(`${draft.title}. ${draft.description.replace(/Condition: [a-z ]+\.$/, '')}`);
}

/** A draft read back from createListing arguments (ours or any model's); lenient, since they may have been invalid. */
export function draftFromArguments(json: string): Draft | undefined {
  const args = parseJsonObject(json);
  if (!args || typeof args.title !== 'string') return undefined;
  const condition = typeof args.condition === 'string' ? canonicalCondition(args.condition) : undefined;
  return {
    title: args.title,
    description: typeof args.description === 'string' ? args.description : '',
    category: typeof args.category === 'string' ? args.category : categoryOf(args.title),
    condition: condition ?? DEFAULT_CONDITION,
    price: typeof args.price === 'number' && Number.isFinite(args.price) ? args.price : undefined,
  };
}

export function createListingArguments(draft: PricedDraft): CreateListingArgs {
  return {
    title: draft.title,
    description: draft.description,
    category: draft.category,
    price: draft.price,
    condition: draft.condition,
  };
}

export function isPriced(draft: Draft): draft is PricedDraft {
  return draft.price !== undefined;
}

/**
 * The draft under discussion before position `before`: the latest createListing
 * proposal, or, if none came after it, the latest item the seller described
 * (when no comparables gave a price yet). A listing that went live closes it.
 */
export function currentDraft(items: Item[], before = items.length): Draft | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const call = toolCallAt(items, i);
    if (call?.name === 'createListing') {
      const result = resultFor(items, call.callId);
      const parsed = result ? parseJsonObject(result.text) : undefined;
      if (parsed?.ok === true && 'created' in parsed) return undefined;
      const draft = draftFromArguments(call.arguments);
      if (draft) return draft;
    }
    const message = sellerMessageAt(items, i);
    if (message) {
      const offer = readSellOffer(message.text);
      // "a sofa and a coffee table" was asked about, not drafted: one listing is one item.
      if (offer && !severalItems(offer.itemText)) {
        const item = draftFromOffer(offer);
        if (!item.vague) return item.draft;
      }
    }
  }
  return undefined;
}

export interface Revision {
  draft: Draft;
  /** What changed, in words: "the price to €80 (was €100)". */
  changes: string[];
}

const CONDITION_SENTENCE = /Condition: [a-z ]+\.$/;

/** Applies a change request to a draft. */
export function reviseDraft(draft: Draft, change: DraftChange): Revision {
  const next: Draft = { ...draft };
  const changes: string[] = [];
  if (change.title && change.title !== draft.title) {
    next.title = change.title.slice(0, 120).trim();
    changes.push(`the title to “${next.title}”`);
  } else if (change.titleAddition && !titleHas(draft.title, change.titleAddition)) {
    next.title = `${draft.title} ${change.titleAddition}`.slice(0, 120).trim();
    changes.push(`the title to “${next.title}”`);
  }
  // A relative change needs a price to start from; an unpriced draft keeps asking for one.
  const price =
    change.relativePrice && draft.price !== undefined
      ? applyRelativePrice(draft.price, change.relativePrice)
      : change.price;
  if (price !== undefined && price !== draft.price) {
    next.price = price;
    changes.push(
      draft.price !== undefined
        ? `the price to ${formatEur(price)} (was ${formatEur(draft.price)})`
        : `the price to ${formatEur(price)}`,
    );
  }
  if (change.condition && change.condition !== draft.condition) {
    next.condition = change.condition;
    next.description = CONDITION_SENTENCE.test(next.description)
      ? next.description.replace(CONDITION_SENTENCE, `Condition: ${change.condition}.`)
      : next.description;
    changes.push(`the condition to ${change.condition}`);
  }
  if (change.category && change.category !== draft.category) {
    next.category = change.category;
    changes.push(`the category to ${change.category}`);
  }
  if (change.description) {
    const text = sentence(change.description);
    next.description = text.length >= 10 ? text : `${text} Condition: ${next.condition}.`;
    changes.push('the description');
  } else if (change.descriptionAddition) {
    next.description = `${next.description} ${sentence(change.descriptionAddition)}`.trim();
    changes.push('the description');
  }
  if (change.priceTerms && termsOf(next.description) !== change.priceTerms) {
    next.description = withTerms(next.description, change.priceTerms);
    changes.push(`the price terms to “${change.priceTerms}”`);
  }
  return { draft: next, changes };
}

const titleHas = (title: string, words: string): boolean => title.toLowerCase().includes(words.toLowerCase());

function sentence(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The search words for an existing draft (used when the seller asks what "it" is worth). */
export function draftQuery(draft: Draft): string {
  return searchQueryFrom(itemPhrase(draft.title));
}

/** A draft shows the photos the seller sent in the conversation (as far as the input shows them). */
export function withDraftPhotos(turn: Turn, items: Item[]): Turn {
  if (!turn.calls.some((c) => c.name === 'createListing' && !c.arguments.photoIds)) return turn;
  const photoIds = notedPhotoIds(items).slice(-MAX_LISTING_PHOTOS);
  if (photoIds.length === 0) return turn;
  return {
    ...turn,
    calls: turn.calls.map((c) =>
      c.name === 'createListing' && !c.arguments.photoIds ? { ...c, arguments: { ...c.arguments, photoIds } } : c,
    ),
  };
}
