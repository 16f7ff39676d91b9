import { priceTermsSentence, type PriceTerms } from './priceTerms.js';

/**
 * "make it firm", "add ono", "say the price is negotiable", "open to offers now": new terms for the open
 * draft's price. The draft's description says its terms once, so new terms replace the old sentence.
 */

/** Terms words that need no amount beside them when they are all a message says. */
const FIRM_ALONE =
  /\b(?:firm|fixed|final|non[-\s]?negotiable|not\s+negotiable|no\s+(?:offers|haggling|negotiations?))\b/gi;
const NEGOTIABLE_ALONE =
  /\b(?:negotiable|neg|ono|obo|ovno|vb|(?:or\s+)?(?:best|nearest|near|any)\s+offers?|or\s+offers?|offers\s+welcome|(?:open\s+to|accepting|taking)\s+offers)\b/gi;

/** The words around terms in such an edit: verbs, "it", "the price", polite words. */
const EDIT_WORDS = new RegExp(
  String.raw`\b(?:make|set|mark|put|change|list|add|mention|say|include|note|write|tell|buyers?|people|let|know|` +
    String.raw`that|it|it's|its|the|price|asking|is|as|to|now|instead|please|pls|can|could|you|also|and|oh|ok|okay|` +
    String.raw`actually|should|be|in|description|ad|listing|rather|then|just|i'm|im|i\s+am|we're|make\s+it)\b`,
  'gi',
);

/** The terms a message sets, when setting them is all it does ("make it firm", "ono please"). */
export function termsEdit(text: string): PriceTerms | undefined {
  const firm = FIRM_ALONE.test(text);
  FIRM_ALONE.lastIndex = 0;
  const terms: PriceTerms | undefined = firm ? 'firm' : NEGOTIABLE_ALONE.test(text) ? 'negotiable' : undefined;
  NEGOTIABLE_ALONE.lastIndex = 0;
  if (!terms) return undefined;
  const rest = text.replace(FIRM_ALONE, ' ').replace(NEGOTIABLE_ALONE, ' ').replace(EDIT_WORDS, ' ');
  return /[\p{L}\p{N}]/u.test(rest) ? undefined : terms;
}

const TERMS_SENTENCE = /\s*(?:Price is firm|Price negotiable)\.(?=\s|$)/g;

/** The description with its terms sentence replaced, placed before the closing "Condition: …." sentence. */
export function withTerms(description: string, terms: PriceTerms): string {
  const without = description.replace(TERMS_SENTENCE, '').trim();
  const sentence = priceTermsSentence(terms);
  const condition = /\s*Condition: [a-z ]+\.$/.exec(without);
  if (!condition) return `${without} ${sentence}`.trim();
  return `${without.slice(0, condition.index)} ${sentence}${condition[0]}`.trim().replace(/\s+/g, ' ');
}

/** The terms a description already states, so an edit saying the same changes nothing. */
export function termsOf(description: string): PriceTerms | undefined {
  if (/\bPrice is firm\./.test(description)) return 'firm';
  return /\bPrice negotiable\./.test(description) ? 'negotiable' : undefined;
}
