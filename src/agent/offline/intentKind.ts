import type { Category } from '../../domain/listing.js';
import type { Draft, ItemDraft } from './draft.js';
import type { DraftChange } from './draftChange.js';
import type { NotAnItem } from './notAnItem.js';
import type { ListingReference } from './ownListing.js';
import type { RelativePrice } from './priceChange.js';

export interface SellIntent {
  kind: 'sell';
  item: ItemDraft;
}

export interface RepriceIntent {
  kind: 'reprice';
  listingId: string;
  price?: number;
  relative?: RelativePrice;
}

/** One write among several asked for in one message, each proposed and confirmed in turn. */
export type Step = SellIntent | RepriceIntent;

/** What the seller's latest message asks for. Rules and keywords, English only. */
export type Intent =
  | SellIntent
  | { kind: 'several'; steps: Step[] }
  | { kind: 'sell_unclear' }
  /** "selling a bike?": a kind of item and nothing more; what a listing needs is asked. */
  | { kind: 'item_needs_detail'; item: string }
  | { kind: 'quantity_unclear'; item: ItemDraft; itemText: string; quantity: number; each: number; tooMany?: boolean }
  | { kind: 'several_items'; parts: string[] }
  /** "list my bike for 200 and list it again for 150": two requests, asked about one at a time. */
  | { kind: 'two_requests'; first: string; second: string }
  /** "winter jacket 40": 40 may be its size or its price; `item` keeps it in the title until told. */
  | { kind: 'size_or_price_unclear'; item: ItemDraft; itemText: string; amount: number }
  | { kind: 'vehicle_unclear' }
  | { kind: 'reprice_described'; ref: ListingReference; price?: number; relative?: RelativePrice }
  /** `asked`: the seller's own amount, questioned ("is 400 too much for my bike?"). */
  | { kind: 'price_question'; query: string; category: Category; itemName: string; asked?: number }
  | { kind: 'price_question_unclear' }
  /** "what's my oak table listed at?": the price of a listing of the seller's, looked up. */
  | { kind: 'own_price_question'; ref: ListingReference }
  | { kind: 'change_draft'; change: DraftChange; draft: Draft }
  | { kind: 'change_without_draft'; change: DraftChange }
  | { kind: 'confirm'; draft?: Draft }
  | { kind: 'decline' }
  | { kind: 'lookup'; listingId: string }
  | RepriceIntent
  | { kind: 'price_change_unclear'; draft?: Draft }
  | { kind: 'unsupported'; action: string }
  | { kind: 'not_an_item'; what: NotAnItem }
  | { kind: 'image_only' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  | { kind: 'unknown' };

/** The intent of an earlier seller message, read on its own. */
export type EarlierIntent = (index: number) => Intent | undefined;
