import { draftFromOffer } from './draft.js';
import type { Intent } from './intentKind.js';
import { readSellOffer } from './itemText.js';
import { requestedPrice } from './price.js';

/**
 * The answer to "is 40 the size of the winter jacket or its price?": "size" (perhaps with the price,
 * "size 40, 60 euros"), "the price" or "40 euros". The number goes where the seller says; an answer
 * that says neither leaves the question standing.
 */

type SizeOrPrice = Extract<Intent, { kind: 'size_or_price_unclear' }>;

const SIZE_WORDS =
  /\b(?:size[sd]?|sz|eu|uk|us|inch(?:es)?|in\.|cm|wheels?|waist|length|fits?|screen|diagonal)\b|\d\s*(?:"|'')/i;

const PRICE_WORDS = /\b(?:price|priced|euros?|eur|cost|asking|ask|want|sell(?:ing)? (?:it )?for)\b|€/i;

export function sizeOrPriceAnswered(text: string, asked: SizeOrPrice): Intent | undefined {
  if (readSellOffer(text)?.explicit) return undefined;
  const price = requestedPrice(text);
  const another = price !== undefined && price !== asked.amount ? price : undefined;
  // "size", "it's the size, 60": the number stays with the item; any other amount is its price.
  if (SIZE_WORDS.test(text) || another !== undefined) {
    return { kind: 'sell', item: { ...asked.item, draft: { ...asked.item.draft, price: another } } };
  }
  if (!PRICE_WORDS.test(text) && price === undefined) return undefined;
  // "the price", "40 euros": the number is the price, and no part of the title.
  const at = asked.itemText.lastIndexOf(String(asked.amount));
  const itemText = `${asked.itemText.slice(0, at)}€${asked.itemText.slice(at)}`;
  const item = draftFromOffer({ itemText, explicit: true });
  return { kind: 'sell', item: { ...item, draft: { ...item.draft, price: item.draft.price ?? asked.amount } } };
}
