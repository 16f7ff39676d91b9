import type { Condition } from '../../domain/listing.js';
import { conditionFrom } from './condition.js';
import { priceTerms, priceTermSpans, priceTermsSentence } from './priceTerms.js';

/**
 * "add that it has new tyres", "mention it was serviced", "say it's barely used", "tell buyers the
 * chain is new", "Add: comes with two cages": words the seller wants in the draft's description.
 * Such a message asks for an edit; it never describes a new item (the item would be called "Add").
 */

/** Polite or linking words before the verb: "oh and", "can you", "pls also". */
const LEAD_IN = String.raw`(?:(?:oh|and|also|btw|ps|pls|plz|please|ok|okay|so|then|could|can|would|will)\s*[,:]?\s+|(?:you|u)\s+)*`;

const WHO = String.raw`(?:buyers?|people|them|everyone|readers|the buyer)`;

/** The verbs of such an edit, opening the message; group 1 is the verb. */
const ADD_VERB = new RegExp(
  String.raw`^\s*${LEAD_IN}(add|mention|say|include|(?:note|write)(?=\s+that\b|\s*:)|tell\s+${WHO}|let\s+${WHO}\s+know)\b` +
    String.raw`(?:\s+(?:in|to)\s+(?:the\s+)?(?:description|ad|listing|text)(?=\s*(?:that\b|:)))?` +
    String.raw`(?:\s+that\b)?\s*:?\s*`,
  'i',
);

/** "add that", "mention that", "also say that" anywhere in a longer change ("…, and add that it has a bag"). */
const ADD_THAT = /\b(?:add (?:that|to the description(?: that)?:?)|mention (?:that )?|also say (?:that )?)\s*/i;

/** What the words may not be: a price ("say 60", "say it's 250"), a title or price change, or nothing. */
const NOT_WORDS =
  /^(?:(?:it'?s|it\s+is|like|about|around|maybe)\s+)?(?:€\s?)?\d[\d.,]*\s*(?:€|euros?|eur|k)?$|^(?:it\s+(?:to|at|for)\b.*|(?:it|this|that)|(?:to|in|on)\s+(?:the\s+)?title\b.*)$/i;

/** Things that are not part of the item: "add a photo" or "add 20 to the price" is no sentence to add. */
const NOT_A_THING = /\b(?:photos?|pictures?|pics?|images?|title|price|category|condition|listing|ad)\b/i;

/** Words that make a clause ("it has…", "the frame is…"), as opposed to a thing ("the pump"). */
const CLAUSE =
  /\b(?:is|are|was|were|has|have|had|comes?|came|includes?|works?|runs?|fits?|been|needs?|got|can|will|won'?t|doesn'?t|isn'?t|never|i|we|it's|its|there's)\b|^(?:it|there)\b/i;

/** The item itself, said to be in a state: "it's barely used" says what condition the item is in. */
const ITEM_IS = /^(?:it's|its|it is|it was|it's been|it has been|this is|this one is)\b/i;

/** The item itself as the subject of a flaw: "it has a few scratches" (not "it has new tyres": new parts). */
const ABOUT_THE_ITEM = /^(?:it|this|this one)\b/i;

function conditionSaid(words: string): Condition | undefined {
  const condition = conditionFrom(words);
  if (ITEM_IS.test(words)) return condition;
  return ABOUT_THE_ITEM.test(words) && (condition === 'fair' || condition === 'for parts') ? condition : undefined;
}

export interface DescriptionAddition {
  /** The sentence to add, as the seller said it ("It has new tyres.", "Includes the pump."). */
  words: string;
  /** The item's condition, when the words say it of the item itself ("say it's barely used"). */
  condition?: Condition;
  /** Where the edit sits in the text, so the rest can be read for other changes. */
  start: number;
  end: number;
}

/** The end of the words: a sentence end, or "and" before another change ("… and make it 280"). */
const WORDS_END = new RegExp(
  String.raw`(?:[.;!?](?:\s|$)|,?\s+and\s+(?=(?:make|set|change|price|lower|raise|reduce|drop|put|call|rename|the price)\b))`,
  'i',
);

function wordsAfter(text: string, at: number): { words: string; end: number } | undefined {
  const after = text.slice(at);
  const quoted = /^["“'‘]([^"”'’]{2,})["”'’]/.exec(after);
  if (quoted) return { words: quoted[1].trim(), end: at + quoted[0].length };
  const stop = WORDS_END.exec(after);
  const words = (stop ? after.slice(0, stop.index) : after).trim().replace(/[,\s]+$/, '');
  return { words, end: at + (stop ? stop.index : after.length) };
}

/** Words to add to the description, if the text asks for that. */
export function descriptionAddition(text: string): DescriptionAddition | undefined {
  const lead = ADD_VERB.exec(text);
  const m = lead ?? ADD_THAT.exec(text);
  if (!m) return undefined;
  const taken = wordsAfter(text, m.index + m[0].length);
  if (!taken) return undefined;
  const words = taken.words.replace(/\s+(?:in|to|into|on)\s+(?:the|its|my)\s+(?:description|ad|listing|text)$/i, '');
  if (words.replace(/[^\p{L}\p{N}]/gu, '').length < 2 || NOT_WORDS.test(words)) return undefined;
  const verb = (lead?.[1] ?? '').toLowerCase();
  // "add obo", "mention it's negotiable": the terms on the price, in the description's own words for them.
  const terms = priceTerms(words);
  if (terms && !priceTermSpans(words).some((t) => t.start > 0 || t.end < words.length - 1) && !CLAUSE.test(words))
    return { words: priceTermsSentence(terms).replace(/\.$/, ''), start: m.index, end: taken.end };
  // "say hi" is no sentence about the item: what is said must be one ("say it's barely used").
  if (verb === 'say' && !CLAUSE.test(words)) return undefined;
  // "add the pump", "include the original box": a thing that comes with the item.
  const thing = /^(?:add|include)$/.test(verb) && !CLAUSE.test(words);
  if (thing && NOT_A_THING.test(words)) return undefined;
  const condition = conditionSaid(words);
  return { words: thing ? `includes ${words}` : words, condition, start: m.index, end: taken.end };
}

/** Whether the message opens with such an edit ("add that…", "mention…", "tell buyers…"). */
export function opensWithAddition(text: string): boolean {
  return ADD_VERB.test(text) && descriptionAddition(text) !== undefined;
}
