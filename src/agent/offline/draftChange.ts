import type { Category, Condition } from '../../domain/listing.js';
import { namedCategory } from './category.js';
import { conditionFrom, requestedCondition } from './condition.js';
import { requestedPrice } from './price.js';
import { relativePriceChange, type RelativePrice } from './priceChange.js';
import { byOrTo, type ByOrTo } from './byOrTo.js';
import { descriptionAddition } from './descriptionAddition.js';
import { priceTerms, type PriceTerms } from './priceTerms.js';
import { termsEdit } from './priceTermsChange.js';

/** What the seller asked to change in a draft: in a chat message or in the words of a rejection. */
export interface DraftChange {
  price?: number;
  /** "lower it by 20", "10% off": applied to the current price, never read as a price of 20 or 10. */
  relativePrice?: RelativePrice;
  title?: string;
  /** "put 'with cover' in the title": words added to the current title, which is otherwise kept. */
  titleAddition?: string;
  condition?: Condition;
  category?: Category;
  description?: string;
  descriptionAddition?: string;
  /** "drop 20": to 20 or by 20, settled against the current price (see byOrTo.ts). */
  byOrTo?: ByOrTo;
  /** "make it firm", "add ono": how the seller deals on the price, said once in the description. */
  priceTerms?: PriceTerms;
}

const FOLLOWING_CHANGE = '(?:make|set|change|price|lower|raise|reduce|drop|put|the price|condition|category|and)';

const TITLE =
  /\b(?:call it|name it|title it|rename it(?: to)?|(?:change|set|update|make) (?:the )?title (?:to|as)|make the title|the title should be|title should be|new title(?: is)?|use the title)\s*[:=]?\s*|\btitle\s*[:=]\s*/i;

const DESCRIPTION =
  /\b(?:(?:change|set|update|make) (?:the )?description (?:to|as)|description\s*[:=]|the description should be)\s*/i;

const CATEGORY_CONTEXT =
  /\bcategor(?:y|ies)\b|\bput it (?:in|under)\b|\bmove it to\b|\bshould be (?:in|under)\b|\blist it (?:in|under)\b|\bbelongs (?:in|to|under)\b/i;

/** A phrase the seller wants in the title: quoted, or a few words. */
const TITLE_WORDS = String.raw`(?:["“'‘]([^"”'’]{2,60})["”'’]|((?:[\p{L}\p{N}&+'-]+\s+){0,5}?[\p{L}\p{N}&+'-]+))`;

/** The same, running to the end of the clause. */
const TITLE_TAIL = String.raw`(?:["“'‘]([^"”'’]{2,60})["”'’]|([^.,;:!?\n"“”]{2,60}))`;

/** "put 'with cover' in the title", "add 2021 to the title", "the title should mention the charger". */
const TITLE_ADDITIONS: RegExp[] = [
  new RegExp(
    String.raw`\b(?:put|add|include|mention|have|get|write)\s+${TITLE_WORDS}\s+(?:in|into|to|on)\s+(?:the|its|my|your)\s+(?:title|heading|headline)\b`,
    'iu',
  ),
  new RegExp(
    String.raw`\b(?:title|heading|headline)\s+should\s+(?:also\s+)?(?:say|mention|include|contain|have|show)\s+${TITLE_TAIL}`,
    'iu',
  ),
  new RegExp(String.raw`\badd\s+to\s+(?:the|its)\s+title\s*:?\s*${TITLE_TAIL}`, 'iu'),
];

function takeTitleAddition(text: string): { phrase: string; rest: string } | undefined {
  for (const shape of TITLE_ADDITIONS) {
    const m = shape.exec(text);
    // Quoted words are kept as written; unquoted ones lose a leading article ("the charger" → "charger").
    const phrase = m?.[1]?.trim() ?? m?.[2]?.trim().replace(/^(?:the|a|an)\s+/i, '');
    if (!m || !phrase) continue;
    return { phrase, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
  }
  return undefined;
}

/**
 * "oh and it has a small scratch", "forgot to say it comes with the box": a fact about the item
 * said after the draft, which belongs in its description (and may say what condition it is in).
 */
const ITEM_FACT =
  /^(?:(?:oh|also|btw|ps|and|plus|oh and|(?:i\s+)?forgot to (?:say|mention)(?: that)?)[\s,:]+)*(it (?:has|comes with|includes|needs|still has|also has|works|doesn'?t|does not|won'?t)\b(?!\s+(?:to|be)\b)[^.!?]*|there (?:is|are|'s)\b[^.!?]*)/i;

/** Words that say how a title should change, not what it should be. */
const HOW_NOT_WHAT =
  /^(?:(?:a\s+bit|much|way)\s+)?(?:shorter|longer|better|clearer|simpler|nicer|catchier|snappier|different|more\b.*|less\b.*|something\s+else)$/i;

/** Cuts a quoted or trailing phrase after a trigger; returns the phrase and the text without it. */
function takePhrase(text: string, trigger: RegExp): { phrase: string; rest: string } | undefined {
  const m = trigger.exec(text);
  if (!m) return undefined;
  const after = text.slice(m.index + m[0].length);
  const quoted = /^["“'‘]([^"”'’]{2,})["”'’]/.exec(after);
  let phrase: string;
  let consumed: number;
  if (quoted) {
    phrase = quoted[1];
    consumed = quoted[0].length;
  } else {
    const stop = new RegExp(
      `(?:[.;!?](?:\\s|$)|,?\\s+and\\s+(?=${FOLLOWING_CHANGE})|,\\s*(?=${FOLLOWING_CHANGE}|€|\\d))`,
      'i',
    ).exec(after);
    consumed = stop ? stop.index : after.length;
    phrase = after.slice(0, consumed);
  }
  phrase = phrase
    .trim()
    .replace(/^["“']|["”']$/g, '')
    .trim();
  if (phrase.length < 2) return undefined;
  return { phrase, rest: text.slice(0, m.index) + ' ' + after.slice(consumed) };
}

/** Reads a change request; undefined when the text asks for no change we understand. */
export function readDraftChange(text: string): DraftChange | undefined {
  // "make it firm", "add ono", "say the price is negotiable": only the terms change.
  const terms = termsEdit(text);
  if (terms) return { priceTerms: terms };
  const change: DraftChange = {};
  let rest = text;
  const addition = takeTitleAddition(rest);
  if (addition) {
    change.titleAddition = addition.phrase;
    rest = addition.rest;
  }
  const title = addition ? undefined : takePhrase(rest, TITLE);
  // "make the title shorter" asks for a different title without saying which: not a title of "shorter".
  if (title && HOW_NOT_WHAT.test(title.phrase)) rest = title.rest;
  else if (title) {
    change.title = title.phrase;
    rest = title.rest;
  }
  const description = takePhrase(rest, DESCRIPTION);
  if (description) {
    change.description = description.phrase;
    rest = description.rest;
  } else {
    const addition = descriptionAddition(rest);
    if (addition) {
      change.descriptionAddition = addition.words;
      if (addition.condition) change.condition = addition.condition;
      rest = `${rest.slice(0, addition.start)} ${rest.slice(addition.end)}`;
    }
  }
  const fact = change.description || change.descriptionAddition ? undefined : ITEM_FACT.exec(rest);
  if (fact) {
    change.descriptionAddition = fact[1];
    rest = rest.slice(0, fact.index) + ' ' + rest.slice(fact.index + fact[0].length);
    // Only a flaw changes the condition: "it works perfectly" does not make a like-new item merely good.
    const condition = conditionFrom(fact[1]);
    if (condition === 'fair' || condition === 'for parts') change.condition = condition;
  }
  const relative = relativePriceChange(rest);
  const price = relative ? undefined : requestedPrice(rest);
  if (relative) change.relativePrice = relative;
  const unclear = relative ? undefined : byOrTo(rest);
  // "knock the price down 10" names no price either way: to 10 or by 10 is settled against the draft's.
  if (unclear && (price === undefined || unclear.amount === price)) change.byOrTo = unclear;
  else if (price !== undefined) change.price = price;
  const condition = requestedCondition(rest);
  if (condition) change.condition = condition;
  // "make it 250 firm": terms beside the new amount.
  const named = change.descriptionAddition || change.description ? undefined : priceTerms(rest);
  if (named && Object.keys(change).length) change.priceTerms = named;
  if (CATEGORY_CONTEXT.test(rest)) {
    const category = namedCategory(rest.replace(CATEGORY_CONTEXT, ' '));
    if (category) change.category = category;
  }
  return Object.keys(change).length ? change : undefined;
}

/** Words that mark a message as a change request rather than a new item description. */
export function soundsLikeAChange(text: string): boolean {
  return /\b(?:make|change|set|lower|reduce|drop|raise|increase|bump|update|cut|put|call|rename|name|title|instead|actually|adjust|knock|price (?:it|that|this)|go with|try|how about|what about|cheaper|description|category|condition|too (?:high|low|much|cheap|expensive|steep)|(?:should|needs? to|has to) (?:be|cost))\b/i.test(
    text,
  );
}
