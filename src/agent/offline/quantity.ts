import { TEENS, UNITS } from './numberWords.js';

/**
 * "3 dining chairs, 20 each", "a pair of speakers at 30 apiece": several of
 * one item with a price per piece. A listing has one price, so whether the
 * seller means one listing for all of them or one per piece is asked, not
 * guessed.
 */

export interface PricedPerPiece {
  quantity: number;
  each: number;
}

/** Counts of pieces in words: "three chairs", "a pair of speakers" (one is not several). */
const COUNT_WORDS: Record<string, number> = {
  ...Object.fromEntries(Object.entries({ ...UNITS, ...TEENS }).filter(([, n]) => n >= 2)),
  'a pair of': 2,
  'pair of': 2,
  'a couple of': 2,
};

const COUNT = new RegExp(
  // "2 x dining chairs", "3x stools": the "x" belongs to the count.
  String.raw`^(?:(?:my|our|the|these|those)\s+)?(\d{1,3}|${Object.keys(COUNT_WORDS).join('|')})` +
    String.raw`(?:\s*[x×](?=\s))?\s+(?=\p{L})`,
  'iu',
);

const EACH = new RegExp(
  String.raw`(?:€\s?)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?\b)?\s*` +
    String.raw`(?:each|apiece|a piece|per (?:piece|item|unit|one)|ea\b)`,
  'i',
);

/** The count and the price per piece, when the item text gives both. */
export function pricedPerPiece(itemText: string): PricedPerPiece | undefined {
  const count = COUNT.exec(itemText.trim());
  const each = EACH.exec(itemText);
  if (!count || !each) return undefined;
  const quantity = COUNT_WORDS[count[1].toLowerCase()] ?? Number(count[1]);
  const price = Number(each[1].replace(',', '.'));
  if (!(quantity >= 2) || !(price > 0)) return undefined;
  return { quantity, each: price };
}

/** The item's words without the count: "dining chairs" from "3 dining chairs". */
export const withoutCount = (phrase: string): string => phrase.replace(COUNT, '').trim() || phrase;

/** "all together", "as one listing": the pieces are sold as one lot. */
export const TOGETHER = new RegExp(
  String.raw`\b(?:together|all (?:of them|at once|in one)|as (?:a|one) (?:set|lot|bundle|listing)|` +
    String.raw`one listing(?!\s+(?:each|per|for each))|the (?:set|lot)|in one go|total)\b`,
  'i',
);

/** "separately", "one listing each": one listing per piece. */
export const SEPARATELY =
  /\b(?:separate(?:ly)?|individually|one (?:listing|ad) (?:each|per|for each)|each (?:on its own|separately))\b/i;

/** Separate listings for more pieces than this would flood the seller's listings: one lot is proposed instead. */
export const MAX_SEPARATE_LISTINGS = 5;
