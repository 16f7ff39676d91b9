/**
 * "120 ono", "obo", "firm", "no offers", "negotiable": how the seller deals on price. Shorthand like
 * "ono" means nothing to many buyers and is no part of the item, so it leaves the title and the
 * item's words; its meaning stays, as one plain sentence in the description (docs/decisions.md).
 */

export type PriceTerms = 'negotiable' | 'firm';

/** After an amount: "120 firm", "€80 fixed", "200 neg". */
const AFTER_AMOUNT = String.raw`(?<=\d\s?(?:€|eur(?:os?)?|e)?\s*)`;

/** Said first, since "non-negotiable" holds "negotiable". */
const FIRM = new RegExp(
  String.raw`\b(?:(?:the\s+)?price\s+(?:is\s+)?(?:firm|fixed|final|non[-\s]?negotiable|not\s+negotiable)|` +
    String.raw`(?:firm|fixed)\s+price|non[-\s]?negotiable|not\s+negotiable|` +
    String.raw`no\s+(?:offers|haggling|negotiations?|lowball(?:er)?s|low\s+ball(?:er)?s|swaps\s+or\s+offers))\b|` +
    String.raw`${AFTER_AMOUNT}\b(?:firm|fixed)\b`,
  'gi',
);

const NEGOTIABLE = new RegExp(
  String.raw`(?:\b(?:the\s+)?price\s+(?:is\s+)?)?` +
    String.raw`(?:\b(?:negotiable|o\.n\.o\.?|o\.b\.o\.?|ono|obo|ovno|or\s+(?:best|nearest|near|any)\s+offers?|` +
    String.raw`or\s+offers?|(?:open\s+to|accepting|taking)\s+(?:reasonable\s+|sensible\s+)?offers)(?!\w)|` +
    String.raw`${AFTER_AMOUNT}\b(?:neg|vb)\b)`,
  'gi',
);

/** What the seller said about dealing on the price, if anything. */
export function priceTerms(text: string): PriceTerms | undefined {
  if (new RegExp(FIRM.source, 'i').test(text)) return 'firm';
  if (new RegExp(NEGOTIABLE.source, 'i').test(text)) return 'negotiable';
  return undefined;
}

/** Where those words sit, so they can be cut out of the item's words with its prices. */
export function priceTermSpans(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(FIRM), ...text.matchAll(NEGOTIABLE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The sentence the description carries for the terms. */
export const priceTermsSentence = (terms: PriceTerms): string =>
  terms === 'firm' ? 'Price is firm.' : 'Price negotiable.';
