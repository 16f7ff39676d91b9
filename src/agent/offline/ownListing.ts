import type { ListingSummary } from '../../tools/index.js';
import { toolResultAt, type Item } from './history.js';
import { isVague } from './itemText.js';
import { readToolOutcome } from './toolOutcome.js';

/**
 * "my oak table", "my last listing", "the listing I just posted": a listing
 * of the seller's named by description instead of by id. It is looked for in
 * this conversation first (what was posted, looked up or re-priced here),
 * then among the seller's own listings by title.
 */

export interface ListingReference {
  /** The words describing the listing ("oak table"); empty for "my last listing". */
  description: string;
  /** "last listing", "the one I just posted": the newest listing. */
  latest: boolean;
}

export const LATEST =
  /\b(?:last|latest|previous|recent|newest|most recent)\s+(?:listing|ad|advert|item|post|one)\b|\b(?:listing|ad|advert|item|one)\s+(?:that\s+)?(?:i|we)\s+(?:just\s+)?(?:posted|listed|created|made|put up|added)\b|\bjust (?:posted|listed)\b/i;

const DESCRIBED =
  /\b(?:my|our|the)\s+((?:[\p{L}\p{N}'-]+\s+){0,4}?[\p{L}\p{N}'-]+?)(?=\s+(?:to|at|down|up|by|from|listing|ad|price|asking\s+price|is|isn'?t|has|hasn'?t|was|won'?t|doesn'?t|didn'?t|still|should|needs?|has)\b|\s+(?:€\s?)?\d[\d.,]*\s*(?:%|percent|euros?|€)|\s+(?:€\s?)?\d[\d.,]*\s*[.!]*\s*$|\s*[,.!?]|\s*$)/iu;

export const NOT_A_LISTING =
  /^(?:price|prices|listing|listings|ad|ads|advert|adverts|advertisement|post|posts|one|item|draft|it|amount|cost|set|lot|pair|bundle|both|rest|same|asking|sale|selling|listed|condition|title|description|category|photos?|pictures?)$/i;

/** The listing a re-price request describes, if it describes one. */
export function listingReference(text: string): ListingReference | undefined {
  if (LATEST.test(text)) return { description: '', latest: true };
  const rest = text.replace(/\b(?:the\s+)?price\s+(?:of|for|on)\s+/i, '');
  const m = DESCRIBED.exec(rest);
  // "drop the bike's price 30": the listing is the bike; "the price 30" names none.
  const description = (m?.[1] ?? '')
    .replace(/(?:^|(?:'s|’s)?\s+)(?:asking\s+)?price\b.*$/i, '')
    .replace(/(?:'s|’s)$/i, '')
    .trim();
  if (!description || NOT_A_LISTING.test(description) || isVague(description)) return undefined;
  return { description, latest: false };
}

/** Listings this conversation posted, looked up or re-priced, oldest first (the latest state of each). */
export function conversationListings(items: Item[]): Array<ListingSummary & { posted: boolean }> {
  const byId = new Map<string, ListingSummary & { posted: boolean }>();
  for (let i = 0; i < items.length; i++) {
    const result = toolResultAt(items, i);
    if (!result) continue;
    const outcome = readToolOutcome(result.text);
    if (outcome.kind !== 'created' && outcome.kind !== 'listing' && outcome.kind !== 'updated') continue;
    const posted = outcome.kind === 'created' || (byId.get(outcome.listing.id)?.posted ?? false);
    byId.delete(outcome.listing.id);
    byId.set(outcome.listing.id, { ...outcome.listing, posted });
  }
  return [...byId.values()];
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/(?<=\w{3})(?:es|s)$/, ''));

/** Whether every word of the description is in the title (plurals aside). */
export function titleMatches(title: string, description: string): boolean {
  const inTitle = new Set(words(title));
  return words(description).every((w) => inTitle.has(w));
}

/** The conversation's listing the reference points to, if exactly one fits. */
export function resolveInConversation(items: Item[], ref: ListingReference): ListingSummary | undefined {
  const listings = conversationListings(items);
  if (ref.latest) return listings.filter((l) => l.posted).at(-1) ?? listings.at(-1);
  const fitting = listings.filter((l) => titleMatches(l.title, ref.description));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Words of an answer that do not tell listings apart. */
const NOT_DISTINCTIVE = new Set(
  ['the', 'one', 'my', 'our', 'please', 'it', 'that', 'this', 'mean', 'meant', 'listing', 'ad', 'advert', 'post']
    .concat(['yes', 'no', 'ok', 'okay', 'oh', 'sorry', 'with', 'and', 'of', 'for', 'thank', 'thanks', 'sure'])
    .concat(['ye', 'yeah', 'yep', 'i', 'a', 'an', 'is', 'am', 'which', 'was', 'talking', 'about', 'other']),
);

const ORDINALS: Record<string, (n: number) => number> = {
  first: () => 0,
  second: () => 1,
  third: () => 2,
  last: (n) => n - 1,
};

/**
 * The listing an answer to "which one?" points to among the candidates shown: "the Giant road bike",
 * "the kids one", "the second one". A word found in exactly one candidate's title picks it; a word
 * shared by all, or words naming two of them, pick nothing.
 */
export function pickByWords<T extends { title: string }>(candidates: T[], answer: string): T | undefined {
  const said = words(answer).filter((w) => !NOT_DISTINCTIVE.has(w));
  const ordinal = said.find((w) => w in ORDINALS);
  const naming = said.filter((w) => !/^\d/.test(w));
  if (ordinal && naming.length === 1) return candidates[ORDINALS[ordinal](candidates.length)];
  const named = candidates.filter((c) => {
    const inTitle = new Set(words(c.title));
    return said.some((w) => inTitle.has(w) && candidates.filter((o) => words(o.title).includes(w)).length === 1);
  });
  return named.length === 1 ? named[0] : undefined;
}

/** The words of an answer that may describe a listing, for a search of the seller's own listings. */
export const describingWords = (answer: string): string =>
  answer
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 1 && !NOT_DISTINCTIVE.has(w.toLowerCase()))
    .join(' ');
