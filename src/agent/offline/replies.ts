import { formatEur } from '../../domain/listing.js';
import type { ListingSummary, PriceStats } from '../../tools/index.js';
import type { Draft, PricedDraft } from './draft.js';
import { describeRelativePrice, type RelativePrice } from './priceChange.js';
import type { NotAnItem } from './notAnItem.js';
import { MAX_SEPARATE_LISTINGS } from './quantity.js';
import { withoutQualifiers } from './searchQualifiers.js';

/**
 * Everything the offline model says. Honest about being rule-based, never
 * claims a write happened before a tool said so, and never invents ids or
 * prices: every number comes from the seller or a tool result.
 */

const CAPABILITIES = [
  '- draft a listing: "I want to sell my Trek Marlin 7 bike, barely used, for 400"',
  '- suggest a price: "How much should I ask for an iPhone 12?"',
  '- change a draft: "make it 80" or "change the title to …"',
  '- look up a listing: "show me lst_0000001"',
  '- re-price a listing: "change the price of lst_0000001 to 350"',
].join('\n');

const OFFLINE = "I'm the offline listing assistant: a simple rule-based helper, not an AI model.";

export const help = (): string => `${OFFLINE} I can:\n${CAPABILITIES}`;

export const greeting = (): string => `Hi! ${help()}`;

export const thanks = (): string => "You're welcome! Tell me if there's another item to sell or a listing to re-price.";

export const notUnderstood = (): string =>
  `Sorry, I didn't understand that. I'm the offline assistant (rule-based, not an AI model), so I only understand a few kinds of requests. I can:\n${CAPABILITIES}`;

export const imageOnly = (): string =>
  'I can\'t see photos: I\'m the offline assistant (rule-based, not an AI model). What is the item in the photo? Tell me the brand, model and type, its condition, and your price if you have one, e.g. "Trek Marlin 7 mountain bike, barely used, 400 euros".';

export const askWhichItemFirst = (parts: string[]): string =>
  `That sounds like ${parts.length === 2 ? 'two items' : 'several items'} (${parts
    .map((p) => `“${plain(p, 60)}”`)
    .join(', ')}). One listing is one item: which one should I list first, and at what price?`;

/** The first request's words are the item's, with the price shown as the seller wrote it ("€200" → "200"). */
export const askWhichRequestFirst = (first: string, second: string): string =>
  `That sounds like two requests: “${plain(first.replace(/€(?=\d)/g, ''), 60)}” and “${plain(second, 60)}”. I do one at a time and nothing was drafted yet: which one should I do first? If both are about the same item, tell me the one price you want for it.`;

export function askSizeOrPrice(title: string, amount: number): string {
  const item = title.replace(new RegExp(String.raw`\s*\b${String(amount).replace('.', String.raw`\.`)}\b`), '');
  return (
    `Is ${amount} the size of the **${plain(item || title, 60)}** or its price? ` +
    `Reply "size ${amount}" (with your price, if you have one) or "${amount} euros".`
  );
}

/** "selling a bike?": yes, and what a listing needs, so the next message can be drafted. */
export const askItemDetails = (item: string): string =>
  `Yes, I can help you sell your ${plain(item, 40)}. What is it exactly? Tell me the brand and model, its condition and your price (e.g. "Trek Marlin 7, good condition, 300 euros"), and I'll draft the listing.`;

export const askVehicleDetails = (): string =>
  'Which vehicle is it? Tell me the make, model, year and mileage (and your price if you have one), e.g. "VW Golf 1.6 TDI, 2014, 120,000 km, 6,500 euros".';

/** Said plainly when the seller's price is far from the reference (the comparables' median, or the current price). */
export function farPriceNote(price: number, reference: number, what: string): string {
  if (reference <= 0) return '';
  if (price > reference * 5)
    return `Note: ${formatEur(price)} is far above ${what} (${formatEur(reference)}), more than five times as much. Is that the price you mean?`;
  if (price < reference / 5)
    return `Note: ${formatEur(price)} is far below ${what} (${formatEur(reference)}), less than a fifth of it. Is that the price you mean?`;
  return '';
}

export function listingsToChoose(description: string, matches: ListingSummary[]): string {
  const shown = matches
    .slice(0, 5)
    .map((m) => `**${plain(m.title, 60)}** (${m.id}, ${formatEur(m.price)})`)
    .join(', ');
  return `Several of your listings match “${plain(description, 60)}”: ${shown}. Which listing do you mean?`;
}

/** The price a listing of the seller's is at now, from a tool result; changing it is only offered. */
export const listedAt = (listing: ListingSummary): string =>
  `Your listing **${plain(listing.title, 60)}** (${listing.id}) is listed at ${formatEur(listing.price)}` +
  `${listing.status && listing.status !== 'active' ? ` (status: ${plain(listing.status, 20)})` : ''}. ` +
  'Tell me if you want to change its price.';

export const noOwnListingMatches = (description: string): string =>
  `I couldn't find a listing of yours matching “${plain(description, 60)}”. Which listing is it? Give me its id (lst_…) or words from its title.`;

export const askForItem = (): string =>
  'What would you like to sell? Tell me the brand, model and type, its condition, and a price if you have one in mind.';

export const askOneListingOrEach = (title: string, quantity: number, each: number, tooMany = false): string =>
  (tooMany ? `I can prepare at most ${MAX_SEPARATE_LISTINGS} separate listings from one message. ` : '') +
  `A listing has one price. Should I list all ${quantity} (**${plain(title, 60)}**) together for ` +
  `${formatEur(quantity * each)}${tooMany ? '' : `, or one listing per piece at ${formatEur(each)} each`}?`;

export const askWhichItemToPrice = (): string =>
  'Which item should I price? Tell me the brand, model and type, e.g. "How much should I ask for an iPhone 12?"';

/** Titles in tool results are other sellers' words: shown as plain, short data. */
const plain = (text: string, max = 50): string => {
  const flat = text
    .replace(/[\r\n*`[\]<>#|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

const sentenceEnd = (text: string): string => (/[.!?"”]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function range(stats: PriceStats): string {
  return stats.min === stats.max ? formatEur(stats.min) : `${formatEur(stats.min)}–${formatEur(stats.max)}`;
}

function comparables(stats: PriceStats): string {
  const listings = stats.count === 1 ? 'similar active listing sells' : 'similar active listings sell';
  return `${stats.count} ${listings} for ${range(stats)} (median ${formatEur(stats.median)})`;
}

/**
 * The reply beside a draft: the seller sees the draft itself as a card with the exact action
 * (title, category, condition, price, description), so the reply says only what the card does
 * not: where the price comes from, a warning, what the offline model could not use, the question.
 */
export function draftProposal(
  draft: PricedDraft,
  search: { stats: PriceStats | null; matches: ListingSummary[] },
  notes: { sellerPrice: boolean; photos: boolean },
): string {
  const item = plain(draft.title, 80);
  const price = formatEur(draft.price);
  const lines = [
    !search.stats
      ? `I found no comparable active listings for ${item}, so I kept your price, ${price}.`
      : notes.sellerPrice
        ? `You asked ${price} for ${item}; ${comparables(search.stats)}.`
        : `I suggest ${price} for ${item}: ${comparables(search.stats)}.`,
  ];
  const far =
    notes.sellerPrice && search.stats
      ? farPriceNote(draft.price, search.stats.median, 'the median of similar listings')
      : '';
  if (far) lines.push(far);
  if (notes.photos) lines.push("(I can't see photos offline, so the draft is based on your words only.)");
  lines.push(CHECK_DRAFT);
  return lines.join('\n');
}

const CHECK_DRAFT = 'Check the draft below, then confirm, edit or cancel it.';

export const askPriceComparablesVary = (draft: Draft, stats: PriceStats): string =>
  `I drafted **${draft.title}** (${draft.category}, ${draft.condition}). ${comparables(stats)}, too wide a range to pick a fair price from your words alone. What price would you like to ask? (Brand, model and age would also help me compare.)`;

export const noComparablesAskPrice = (draft: Draft): string =>
  `I drafted **${draft.title}** (${draft.category}, ${draft.condition}), but I found no comparable active listings, so I can't suggest a price. What price would you like to ask?`;

export function priceAdvice(itemName: string, stats: PriceStats | null, asked?: number): string {
  const item = plain(itemName, 80);
  if (!stats) {
    const yours = asked === undefined ? '' : `, so I can't say whether ${formatEur(asked)} is right`;
    return `I found no comparable active listings for "${item}"${yours || ", so I can't suggest a price from the market"}. Try a broader description (brand and type), or tell me your price and I'll draft a listing.`;
  }
  const typical =
    stats.count >= 4 && stats.p25 !== stats.p75
      ? ` Most are between ${formatEur(stats.p25)} and ${formatEur(stats.p75)}.`
      : '';
  const verdict = asked === undefined ? '' : ` ${askedAgainst(asked, stats)}`;
  const qualifier = withoutQualifiers(item).qualifier;
  const anyAge = qualifier ? ` These are listings of any age, not only "${qualifier}": weigh that in.` : '';
  return `For "${item}": ${comparables(stats)}.${typical}${anyAge}${verdict} Around ${formatEur(Math.round(stats.median))} would be a fair asking price. Tell me if you'd like me to draft a listing.`;
}

/** Where the seller's own amount sits among the comparables, in plain words. */
function askedAgainst(asked: number, stats: PriceStats): string {
  const amount = formatEur(asked);
  if (asked > stats.max) return `Your ${amount} is above every one of them.`;
  if (asked > stats.p75) return `Your ${amount} is above most of them.`;
  if (asked < stats.min) return `Your ${amount} is below every one of them.`;
  if (asked < stats.p25) return `Your ${amount} is below most of them.`;
  return `Your ${amount} is within the usual range.`;
}

export const live = (listing: ListingSummary): string =>
  `Your listing is live: ${listing.title} at ${formatEur(listing.price)} (id ${listing.id}).`;

export const priceUpdated = (listing: ListingSummary, previousPrice: number): string =>
  `Done: ${listing.title} now costs ${formatEur(listing.price)} (was ${formatEur(previousPrice)}).`;

export const revisedDraft = (changes: string[]): string =>
  `${changes.length ? `I changed ${joinWords(changes)}.` : 'Here is the draft again.'} ${CHECK_DRAFT}`;

export const draftAgain = (draft: PricedDraft): string =>
  `Here is the draft of ${plain(draft.title, 80)} again. ${CHECK_DRAFT}`;

export const draftNeedsPrice = (draft: Draft): string =>
  `What price would you like to ask for **${draft.title}**? Tell me an amount in euros, e.g. "make it 120".`;

export const noDraft = (): string =>
  "There's no draft waiting to be posted. Tell me about an item you'd like to sell, or ask me to look up or re-price a listing.";

export const changeWithoutDraft = (): string =>
  'There\'s no draft to change yet. To re-price a posted listing, include its id (e.g. "change the price of lst_0000001 to 350"); to start a new listing, describe the item.';

export const declined = (): string => 'OK, nothing was posted or changed. Tell me whenever you want to continue.';

export const rejectedWithoutReason = (): string => "OK, I won't do that. Tell me what to change.";

/** A rejection whose words offer another item: that item is not a change to the draft that was rejected. */
export const rejectedForAnotherItem = (rejected: string, other: string): string =>
  `OK, I didn't post **${rejected}**. To list **${other}**, send it to me as its own message, ` +
  `with its price if you know it.`;

export const expired = (): string =>
  'The confirmation expired, so nothing was posted or changed. Tell me if you want me to propose it again.';

export function describeListing(listing: ListingSummary & { description: string; yours: boolean }): string {
  const owner = listing.yours ? 'It is your listing.' : 'It belongs to another seller.';
  const description = listing.description ? `\nDescription: ${plain(listing.description, 160)}` : '';
  return `${listing.id}: **${plain(listing.title, 80)}** at ${formatEur(listing.price)} (${listing.category}, ${listing.condition}), status ${listing.status}. ${owner}${description}`;
}

export const askNewPrice = (listing: ListingSummary & { description: string; yours: boolean }): string =>
  `${describeListing(listing)}\nWhat should the new price be?`;

/** The card shows the exact change (listing, from, to): the reply names it and adds only a warning. */
export const repriceProposal = (listing: ListingSummary, price: number): string =>
  [
    `Ready to change the price of ${plain(listing.title, 80)} to ${formatEur(price)}: ${CHECK_CHANGE}`,
    farPriceNote(price, listing.price, 'its current price'),
  ]
    .filter(Boolean)
    .join(' ');

export const relativeRepriceProposal = (listing: ListingSummary, change: RelativePrice, price: number): string =>
  `${plain(listing.title, 80)} is listed at ${formatEur(listing.price)}; ${describeRelativePrice(change)} makes ${formatEur(price)}: ${CHECK_CHANGE}`;

const CHECK_CHANGE = 'check the change below and confirm it.';

export const relativeLeavesNoPrice = (
  listing: ListingSummary & { description: string; yours: boolean },
  change: RelativePrice,
): string =>
  `${describeListing(listing)}\n${describeRelativePrice(change).replace(/^./, (c) => c.toUpperCase())} would leave no price. What should the new price be?`;

/** A price change with nothing to say which listing: ask for the id rather than guess. */
export const askWhichListing = (): string =>
  'Which listing should I re-price? Tell me its id (it looks like lst_…) and the new price, e.g. "lower lst_0000001 to 350" or "lower lst_0000001 by 10%".';

/** "drop 20" on a draft at €300: €280 or €20? Both figures come from the seller and the draft. */
export function askByOrTo(draft: Draft, change: { direction: 1 | -1; amount: number }): string {
  const current = draft.price ?? 0;
  const verb = change.direction < 0 ? 'Lower' : 'Raise';
  const by = formatEur(Math.round((current + change.direction * change.amount) * 100) / 100);
  return (
    `${verb} the price by ${formatEur(change.amount)} (from ${formatEur(current)} to ${by}), ` +
    `or set it to ${formatEur(change.amount)}? Say "by ${change.amount}" or "to ${change.amount}".`
  );
}

export const askWhichListingToShow = (): string =>
  'Which listing do you mean? Tell me its id (it looks like lst_…) or words from its title, ' +
  'e.g. "show me lst_0000001".';

export const askWhichListingAt = (price: number): string =>
  `Which listing should I re-price to ${formatEur(price)}? Tell me its id (it looks like lst_…) or words from its title.`;

export const askNewPriceOf = (listingId: string): string =>
  `What should the new price of ${listingId} be? Tell me an amount in euros, e.g. "make it 120".`;

/** Honest about the limits of the four tools, and changes nothing. */
export const cannotDo = (action: string, listingIds: string[] = []): string =>
  `I can't ${action} here${listingIds.length ? `, so ${joinWords(listingIds)} ${listingIds.length > 1 ? 'stay as they are' : 'stays as it is'}` : ''}; I can draft new listings, suggest prices and change the price of your listings. Nothing was changed.`;

const NOT_ITEMS: Record<NotAnItem, string> = {
  rentals: 'rentals (a flat, a room or anything for rent)',
  jobs: 'jobs',
  services: 'services (lessons, repairs, sitting and the like)',
  rates: 'anything priced by the hour, day or month, like rentals or services',
  wanted: 'wanted ads, nor find items for you to buy',
};

/** Rentals, jobs and services are no items: said plainly, with what can be done instead. */
export const notAnItem = (what: NotAnItem): string =>
  `This marketplace lists items for sale, each at one price, so I can't draft ${NOT_ITEMS[what]}. ` +
  'Nothing was drafted. I can draft a listing for an item you want to sell, suggest its price, ' +
  'or change the price of your listings.';

export const repriceRevised = (listingId: string, price: number, proposed: number | undefined): string =>
  `OK, ${formatEur(price)}${proposed !== undefined ? ` instead of ${formatEur(proposed)}` : ''} for ${listingId}: ${CHECK_CHANGE}`;

const ACTIONS: Record<string, { doing: string; nothing: string }> = {
  createListing: { doing: 'post this listing', nothing: 'Nothing was posted.' },
  updatePrice: { doing: 'change that price', nothing: 'Nothing was changed.' },
  getListing: { doing: 'look up that listing', nothing: '' },
  searchSimilar: { doing: 'search for similar listings', nothing: '' },
};

const action = (tool: string) => ACTIONS[tool] ?? { doing: 'do that', nothing: 'Nothing was changed.' };

/** What a refused write was about, so the seller hears which item or listing the refusal concerns. */
export type RefusedWrite =
  | { tool: 'createListing'; title: string; price?: number }
  | { tool: 'updatePrice'; listingId: string; price?: number; listing?: Pick<ListingSummary, 'title' | 'price'> };

function refusedAction(write: RefusedWrite): string {
  const to =
    write.price !== undefined ? ` ${write.tool === 'createListing' ? 'at' : 'to'} ${formatEur(write.price)}` : '';
  if (write.tool === 'createListing') return `post "${plain(write.title, 80)}"${to}`;
  const listing = write.listing
    ? `**${plain(write.listing.title)}** (${write.listingId}, now ${formatEur(write.listing.price)})`
    : write.listingId;
  return `change the price of ${listing}${to}`;
}

export const denied = (tool: string, message: string, write?: RefusedWrite): string =>
  `I can't ${write ? refusedAction(write) : action(tool).doing}: "${plain(message, 300)}" ${action(tool).nothing}`.trim();

export const invalidArguments = (tool: string, issues: string[], message: string): string =>
  `Sorry, I couldn't ${action(tool).doing} because some details were not valid: ${plain(issues.length ? issues.join('; ') : message, 400)}. ${action(tool).nothing} Could you give me the corrected details?`.replace(
    /\s+/g,
    ' ',
  );

export const retriedWithFix = (tool: string): string =>
  tool === 'createListing' || tool === 'updatePrice'
    ? 'I fixed the details that were not valid. Please check them and confirm.'
    : '';

export const notFound = (message: string): string =>
  `I couldn't find that: ${sentenceEnd(plain(message, 200))} Please check the id (it looks like lst_…).`;

export const notConfirmed = (): string => "Nothing was changed, because that exact action wasn't confirmed.";

export const failed = (message: string): string =>
  `Something went wrong: ${sentenceEnd(plain(message, 200))} Nothing was posted or changed; please try again.`;

/**
 * A write that answered too late may still go through: the seller checks before anything is tried
 * again, since a second attempt is a new action and could post or re-price twice.
 */
export const outcomeUnknown = (tool: string): string =>
  "The marketplace took too long to answer, so I can't tell yet whether it worked: your request to " +
  `${action(tool).doing} may or may not have gone through. Please check your listings before asking me again.`;

export const notRun = (): string => "That action didn't run, so nothing was changed. What would you like to do next?";

export const unreadableResult = (): string =>
  "I got an answer from the marketplace that I couldn't read, so I stopped here. I didn't post or change anything; please try again.";

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
