import type { ListingSummary } from '../../tools/index.js';
import type { Item } from './history.js';
import type { Intent } from './intentKind.js';
import { isVague } from './itemText.js';
import { LATEST, NOT_A_LISTING, resolveInConversation, type ListingReference } from './ownListing.js';
import { statedPriceSpans } from './price.js';
import * as replies from './replies.js';
import { callTool, say, type Turn } from './turn.js';

/**
 * "what's my oak table listed at?", "how much did I put my bike up for": the seller asks the price of
 * a listing of their own, named by its words. It is looked up (this conversation first, then the
 * seller's own listings) and its price answered: not priced anew, not drafted, not re-priced.
 */

type OwnPriceQuestion = Extract<Intent, { kind: 'own_price_question' }>;

/** Words that ask what a listing already costs, not what it should. */
const ASKS_LISTED_PRICE = new RegExp(
  [
    String.raw`\b(?:listed|advertised|posted|priced|up)\s+(?:it\s+|them\s+)?(?:at|for)\b`,
    String.raw`\b(?:did|have)\s+(?:i|we)\s+(?:list|price|put|post|advertise|set)\b`,
    String.raw`\b(?:am|are)\s+(?:i|we)\s+(?:currently\s+)?(?:asking|charging|listing)\b`,
    String.raw`\bcurrent(?:ly)?\s+(?:price|asking|listed|listing)\b`,
    // "what price is my sofa at", "how much did my drill sell for".
    String.raw`\bwhat\s+price\s+(?:is|are|did|have)\s+(?:my|our|i|we)\b`,
    String.raw`\b(?:is|are)\s+(?:my|our)\s+(?:\S+\s+){1,5}?(?:at|listed|priced|advertised)\b`,
    String.raw`\b(?:did|has|have)\s+(?:my|our)\s+(?:\S+\s+){1,5}?(?:sell|sold|go|gone)\s+for\b`,
    String.raw`\bprice\s+(?:of|on|for)\s+(?:my|our)\s+(?:\S+\s+){0,4}?(?:listing|ad|advert|post)\b`,
  ].join('|'),
  'i',
);

const QUESTION = /\?|^(?:what|whats|what's|how|which|is|did|do|can|could)\b/i;

/** Words that end the description of a listing in such a question. */
const DESCRIPTION = new RegExp(
  String.raw`\b(?:my|our|the)\s+((?:[\p{L}\p{N}'-]+\s+){0,4}?[\p{L}\p{N}'-]+?)` +
    String.raw`(?=\s+(?:listed|listing|ad|advert|post|at|for|up|on|is|going|selling|sell|sold|go|gone|` +
    String.raw`priced|advertised|currently|still|now|again|please|pls)\b|\s*[,.!?]|\s*$)`,
  'giu',
);

/** The listing a question about its current price names, if the message is such a question. */
export function ownPriceQuestion(text: string): ListingReference | undefined {
  if (!ASKS_LISTED_PRICE.test(text) || !QUESTION.test(text.trim())) return undefined;
  // "I listed it at 300, is that too much?": an amount given is the seller's, asked about, not looked up.
  if (statedPriceSpans(text).length > 0) return undefined;
  if (LATEST.test(text)) return { description: '', latest: true };
  // "the current price of my kayak": the listing is what follows the price words.
  const named = text.replace(/\b(?:the\s+)?(?:current\s+)?(?:asking\s+)?price\s+(?:of|on|for)\s+/i, '');
  for (const m of named.matchAll(DESCRIPTION)) {
    const description = m[1].trim();
    if (!NOT_A_LISTING.test(description) && !/^(?:price|asking price)\b/i.test(description) && !isVague(description))
      return { description, latest: false };
  }
  return undefined;
}

/** The answer: from this conversation's listings if one fits, else a search of the seller's own. */
export function answerOwnPrice(items: Item[], intent: OwnPriceQuestion): Turn {
  const found = resolveInConversation(items, intent.ref);
  if (found) return say(replies.listedAt(found));
  if (intent.ref.latest) return say(replies.askWhichListingToShow());
  return callTool('searchSimilar', { query: intent.ref.description, category: null, limit: 5, mine: true });
}

/** The seller's own listings matching the words came back: one answers, several are shown with their prices. */
export function ownPriceFound(matches: ListingSummary[], intent: OwnPriceQuestion): Turn {
  if (matches.length === 1) return say(replies.listedAt(matches[0]));
  if (matches.length === 0) return say(replies.noOwnListingMatches(intent.ref.description));
  return say(replies.listingsToChoose(intent.ref.description, matches));
}
