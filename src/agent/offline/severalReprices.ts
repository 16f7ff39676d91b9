import type { RepriceIntent } from './intentKind.js';
import { parseAmount, requestedPrice } from './price.js';
import { relativePriceChange } from './priceChange.js';

/**
 * Several listings re-priced in one message, each with its own new price:
 * "lower lst_a to 100 and lst_b to 180", "lst_a: 50, lst_b: 70", "drop
 * lst_a by 10 and lst_b by 5%". "Set lst_a and lst_b to 80" gives both the
 * one price. A listing left without a price means the message is not such a
 * list: the model then asks rather than guesses.
 */

const LISTING_IDS = /(?<![\w])lst_[A-Za-z0-9]{4,32}(?![\w])/gi;

/** A segment that holds only an amount: "lst_a: 50, …", "lst_a → 50 and …". */
const ONLY_AMOUNT = new RegExp(
  String.raw`^\s*(?:[:=→>-]+|\b(?:to|at|for)\b)?\s*(?:€\s?)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?\b)?` +
    String.raw`\s*(?:[,;.]|\band\b|&|\+)?\s*$`,
  'i',
);

/** "to the same", "the same price", "too": this listing gets the change asked for the one before. */
const SAME = /\b(?:the same|same (?:price|amount)|too|as well|likewise)\b/i;

/** Only joining words: this listing shares the price named after the next one. */
const ONLY_JOINER = /^\s*(?:,|&|\+|\band\b|\bplus\b|\bas well as\b)?\s*$/i;

export function severalReprices(text: string): RepriceIntent[] | undefined {
  const found = [...text.matchAll(LISTING_IDS)];
  const ids = new Set(found.map((m) => m[0].toLowerCase()));
  if (found.length < 2 || ids.size !== found.length) return undefined;
  const lead = text.slice(0, found[0].index);
  const segments = found.map((m, i) => text.slice(m.index + m[0].length, found[i + 1]?.index ?? text.length));
  const steps = found.map((m, i): RepriceIntent & { joiner: boolean } => {
    const segment = segments[i];
    const listingId = `lst_${m[0].slice(4)}`;
    // The verb before the first id says which way "by 10" goes for every listing.
    const relative = relativePriceChange(`${lead} ${segment}`);
    if (relative) return { kind: 'reprice', listingId, relative, joiner: false };
    const only = ONLY_AMOUNT.exec(segment);
    const price = requestedPrice(segment) ?? (only ? parseAmount(only[1]) : undefined);
    return { kind: 'reprice', listingId, price, joiner: ONLY_JOINER.test(segment) };
  });
  // "…and lst_b to the same": the change asked for the listing before.
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i];
    if (step.price === undefined && !step.relative && SAME.test(segments[i]) && !segments[i].includes('?')) {
      step.price = steps[i - 1].price;
      step.relative = steps[i - 1].relative;
    }
  }
  for (let i = steps.length - 2; i >= 0; i--) {
    const [step, next] = [steps[i], steps[i + 1]];
    if (step.joiner && step.price === undefined && !step.relative) {
      step.price = next.price;
      step.relative = next.relative;
    }
  }
  if (steps.some((s) => s.price === undefined && !s.relative)) return undefined;
  return steps.map(({ kind, listingId, price, relative }) => ({ kind, listingId, price, relative }));
}
