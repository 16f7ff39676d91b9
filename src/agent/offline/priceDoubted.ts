import { mentionsItem } from './category.js';
import { isVague, itemPhrase } from './itemText.js';
import { parseAmount, statedPriceSpans } from './price.js';

/**
 * "selling my ps5 for 400 - too high?", "am I asking too much at 250 for my sofa?", "I want 300 for my
 * road bike, is that reasonable?": the seller's own asking price, questioned. Comparables answer it;
 * nothing is drafted, since the seller asked whether the price is right, not to list the item.
 */

export interface PriceDoubt {
  /** The amount the seller asks about. */
  amount: number;
  /** The item's words, when the message names one ("ps5", "road bike"). */
  item?: string;
}

/** Words judging an amount: "too high", "is that fair", "reasonable?", "am I asking too much". */
const JUDGED = new RegExp(
  String.raw`\b(?:too\s+(?:much|high|low|expensive|cheap|steep|little)|(?:a\s+bit|bit|little)\s+(?:much|high|steep|low)|` +
    String.raw`over-?priced|under-?priced|over\s+the\s+top|(?:is|would|will)\s+(?:that|it|this)\s+(?:be\s+)?` +
    String.raw`(?:ok(?:ay)?|fair|reasonable|right|realistic|enough|good|alright|crazy)|(?:fair|reasonable|realistic|` +
    String.raw`ok(?:ay)?|right|good\s+price|fair\s+price|alright)\s*\?|asking\s+too\s+(?:much|little)|` +
    String.raw`(?:aiming|asking|going)\s+too\s+(?:high|low)|` +
    // "would 60 be fair", "is 1200 a fair price", "is €75 ok": the amount, then the judgement.
    String.raw`\d+(?:[.,]\d+)?\s*(?:€|eur(?:os?)?)?\s+(?:(?:is|would\s+be|be|seems?)\s+)?(?:a\s+)?` +
    String.raw`(?:fair|reasonable|ok(?:ay)?|right|realistic|good|decent)\b(?!\s+(?:condition|shape|state|nick)\b))`,
  'i',
);

/** An amount the question is about: "is 400 too much", "asking too much at 250", "would 60 be fair". */
const BARE_AMOUNT =
  /\b(?:at|for|asking|is|be|would|will)\s+(?:€\s?)?(\d{1,6}(?:[.,]\d{1,2})?)(?![\w.,]*\d|\s*(?:%|years?|months?|km|gb|cm|inch))/i;

/** A question: a question mark, or a question's first words. */
const ASKS = /\?|^(?:am|is|would|will|should|do|does|could|can)\b/i;

/** The item: what follows "my", "this", "the", "a" up to the amount, a comma or the question. */
const ITEM = new RegExp(
  String.raw`\b(?:my|our|this|these|the|a|an)\s+((?:[\p{L}\p{N}'&+-]+\s+){0,5}?[\p{L}\p{N}'&+-]+)` +
    String.raw`(?=\s+(?:for|at|is|are|was|on|up|listed|priced|too)\b|\s*[,.;:!?]|\s+[-–—]|\s*$)`,
  'giu',
);

/** Words that start a judgement or a price, not an item: "a fair price", "a bit much", "the price". */
const NOT_AN_ITEM =
  /^(?:fair|good|reasonable|realistic|decent|right|bit|little|lot|price|prices|asking|amount|market|going|deal|offer)\b/i;

/** The seller's own price, questioned, if the message is such a question. */
export function priceDoubt(text: string): PriceDoubt | undefined {
  if (!JUDGED.test(text) || !ASKS.test(text.trim())) return undefined;
  const spans = statedPriceSpans(text);
  const bare = spans.length ? undefined : BARE_AMOUNT.exec(text);
  // "bike 300 ok?": the amount judged is the one right before the judgement.
  const judged = /^(\d+(?:[.,]\d+)?)/.exec(JUDGED.exec(text)?.[0] ?? '');
  const amount = spans[0]?.amount ?? ((bare ?? judged) ? parseAmount((bare ?? judged)![1]) : undefined);
  if (amount === undefined || spans.length > 1) return undefined;
  for (const m of text.matchAll(ITEM)) {
    // "my bike 300 ok?": the amount and what follows it are not the item.
    const words = m[1].replace(/(?<=\S)\s+\d[\d.,]*(?:\s.*)?$/, '').trim();
    if (NOT_AN_ITEM.test(words) || /^\d[\d.,]*$/.test(words)) continue;
    const item = itemPhrase(words);
    if (!isVague(item)) return { amount, item };
  }
  // "bike 300 good?": an item word before the amount, with no "my" or "the".
  const lead = itemPhrase(text.split(/\s+(?:€\s?)?\d/)[0] ?? '');
  return mentionsItem(lead) && !isVague(lead) ? { amount, item: lead } : { amount };
}
