import { draftFromOffer } from './draft.js';
import { parseJsonObject, sellerMessageAt, toolCallAt, type Item, type SellerMessage } from './history.js';
import type { EarlierIntent, Intent } from './intentKind.js';
import { readSellOffer } from './itemText.js';
import { pickByWords, titleMatches } from './ownListing.js';
import { requestedPrice } from './price.js';

/**
 * The answer to "which one should I list first?" after several items in one message: the item it
 * names, or, once one of them went live, "now the other one".
 */

/**
 * The answer to "which one should I list first, and at what price?": the item named among the parts
 * offered (by a word only it has, or "the first one"), with the price given now if any.
 */
export function partChosen(text: string, parts: string[]): Intent | undefined {
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
export const NEXT_ITEM = /\b(?:other|next|remaining|second|rest|another)\b/i;

/**
 * After one item of "a drill and a ladder" went live, "now the other one" means the item of that
 * list not drafted yet, when exactly one is left; the price may come with it.
 */
export function remainingPart(items: Item[], message: SellerMessage, earlier: EarlierIntent): Intent | undefined {
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
export function mayChooseItem(text: string, intent: Intent): boolean {
  if (intent.kind === 'sell') return !readSellOffer(text)?.explicit;
  const kinds: Array<Intent['kind']> = ['unknown', 'sell_unclear', 'change_without_draft', 'several_items'];
  return kinds.includes(intent.kind);
}
