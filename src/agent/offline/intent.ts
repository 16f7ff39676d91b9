import { categoryOf, mentionsItem } from './category.js';
import { currentDraft, draftFromOffer, draftQuery, type Draft } from './draft.js';
import { readDraftChange, soundsLikeAChange, type DraftChange } from './draftChange.js';
import { sellerMessageAt, type Item, type SellerMessage } from './history.js';
import { isVague, itemPhrase, readSellOffer, searchQueryFrom, type SellOffer } from './itemText.js';
import { listingReference, titleMatches } from './ownListing.js';
import { followUp } from './followUp.js';
import type { Intent } from './intentKind.js';
import { mixedRequests, withoutSellClauses } from './mixedRequests.js';
import { pricedItems } from './pricedItems.js';
import { pricedPerPiece } from './quantity.js';
import { severalItems } from './severalItems.js';
import { severalReprices } from './severalReprices.js';
import { currentStep } from './stepProgress.js';
import { isVagueVehicle } from './vehicle.js';
import { isJustAPrice, parseAmount, requestedPrice } from './price.js';
import { relativePriceChange } from './priceChange.js';
import { unsupportedAction } from './unsupportedAction.js';
import { notAnItem } from './notAnItem.js';
import { sizeOrPrice } from './bareAmount.js';
import { byOrTo } from './byOrTo.js';
import { opensWithAddition } from './descriptionAddition.js';
import { ownPriceQuestion } from './ownPriceQuestion.js';
import { priceDoubt } from './priceDoubted.js';
import { bareOffer, maySell } from './needsDetail.js';
import { secondAction } from './secondAction.js';
import { correctionAt } from './selfCorrection.js';

export type { Intent } from './intentKind.js';

const LISTING_ID = /(?<![\w])lst_[A-Za-z0-9]{4,32}(?![\w])/i;

const REPRICE_VERB =
  /\b(?:change|set|update|reduce|lower|drop|raise|increase|bump|cut|adjust|re-?price|mark(?:\s+it)?\s+(?:down|up)|discount|cheaper|(?:should|needs?\s+to|has\s+to)\s+(?:be|cost)|mark\b(?:\s+[\p{L}'-]+){0,3}?\s+(?:down|up)|take\b[^.?!]*\boff|put\b[^.?!]*\bup\s+to)\b/iu;

/** A price change with no amount and no listing id ("make it cheaper"): the model has to ask. */
const VAGUE_PRICE_CHANGE =
  /\b(?:cheaper|less expensive|more expensive|too (?:high|expensive|much|steep|cheap|low)(?![^?]*\?)|(?:lower|reduce|drop|cut|raise|increase|bump)\s+(?:it|that|(?:the|its|my)\s+price)|(?:change|adjust|update)\s+(?:the|its|my)\s+price|(?:mark|bring|put)\s+it\s+(?:down|up)|(?:lower|higher)\s+price)\b/i;

const CONFIRM =
  /^(?:(?:yes|yeah|yep|yup|ya|sure|ok|okay|alright|all right|correct|confirm(?:ed)?|perfect|great|good|fine|lgtm|cool|nice|awesome|please)\b[\s,!.]*)*(?:(?:please\s+)?(?:do it|go ahead|go for it|post it|publish(?: it)?|list it|sell it|put it (?:up|online)|create it|looks (?:good|great|fine|perfect|right|ok|okay)(?: to me)?|sounds (?:good|great|fine|perfect)(?: to me)?|that'?s (?:fine|good|great|perfect|right)|all good|ship it)(?:\s+(?:please|now))*(?:[\s,!.]*(?:thanks|thank you))?[\s,!.]*)*$/i;

const DECLINE = new RegExp(
  String.raw`^(?:(?:actually|wait|hmm+|oh|sorry|ok(?:ay)?|no)[\s,.!]+)*` +
    String.raw`(?:no|nope|nah|cancel|stop|never ?mind|forget (?:it|about it|that|the \S+)|don'?t(?! forget)|do not(?! forget)|not (?:now|yet)|` +
    String.raw`leave it|scrap (?:it|that)|hold off|(?:i(?:'ve)? )?changed my mind|keep it|i'?ll keep it)\b`,
  'i',
);

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening)|hallo)(?:\s+there)?[\s!.,]*$/i;

const THANKS = /^(?:(?:great|perfect|awesome|ok(?:ay)?|cool|nice)[\s,!.]*)?(?:thanks|thank you|thx|ty|cheers)\b/i;

const HELP = new RegExp(
  String.raw`\b(?:help|what can you do|what do you do|how does (?:this|it) work|how do i (?:use|start)|who are you|` +
    String.raw`what are you|what is this|commands|options|menu|` +
    // "are you a bot?": the answer says plainly what the assistant is.
    String.raw`(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|ai|human|real|real person|person|chat ?gpt|machine))\b`,
  'i',
);

/** Question shapes that ask what an item is worth; group 1 is the item. */
const PRICE_QUESTIONS: RegExp[] = [
  /\b(?:is|would|will)\s+(?:€\s?)?\d[\d.,]*\s*(?:€|euros?)?\s+(?:be\s+)?(?:a\s+)?(?:good|fair|reasonable|ok|okay|too much|too high|too low|too cheap|enough|right)(?:\s+price)?\s+(?:for|on)\s+(.*)$/i,
  /\bhow much (?:to|would you|do you think i should|should i) (?:ask|charge|sell|list|price|get|want)(?: (?:it|them))?(?: (?:for|on|at))?\s*(.*)$/i,
  /\b(?:should|could|can|would)\s+(?:i|we)\s+(?:ask|charge|get|want|expect)(?:\s+for)?\s+(.*)$/i,
  /\b(?:what|how much)\b.*?\b(?:i|we)\s+(?:should|could|can|would)\s+(?:ask|charge|get|want|expect)(?:\s+for)?\s+(.*)$/i,
  /\bwhat(?:'s|\s+are|\s+is) (.*?) (?:going|selling) for\b/i,
  // "how much are people asking for used AirPods": the item follows what other sellers do.
  /\b(?:how much|what) (?:are|r|do|is|does) (?:people|others|sellers|folks|they|most people|someone)\s+(?:usually\s+|normally\s+)?(?:ask(?:ing)?|charg(?:e|ing)|sell(?:ing)?|get(?:ting)?|pay(?:ing)?|want(?:ing)?|list(?:ing)?)\s+(?:for\s+)?(.*)$/i,
  /\bhow much (?:should|can|could|would|do|might|shall|must) (?:i|we) (?:ask|charge|get|list|sell|price|want|put|expect)(?: (?:it|them))?(?: (?:for|on|at))?\s*(.*)$/i,
  /\bhow much (?:is|are|was|were|does|do|would|could|will|might) (.*?)(?:\s+(?:be\s+)?(?:worth|go for|sell for|sell|fetch|cost|get|go))?\s*[?.!]*$/i,
  /\bwhat(?:'s| is| are| would be| should be| could be)? (?:the |a |an |my )?(?:fair|good|reasonable|right|decent|realistic|typical|market|going|usual|average|best|suggested|recommended)?\s*(?:price|value|asking price)(?: (?:for|of|on))?\s*(.*)$/i,
  /\bwhat(?:'s| is| are| would)? (.*?) (?:be )?worth\b/i,
  /\bwhat (?:do|does|would|will|can|could|should) (.*?) (?:sell|go|list|fetch)(?: for)?\b/i,
  /\bwhat (?:should|can|could|would) (?:i|we) (?:ask|charge|get|want)(?: for)?\s*(.*)$/i,
  /\b(?:fair|good|reasonable|right|decent|realistic|typical|market|going|suggested|recommended) price (?:for|of|on)\s*(.*)$/i,
  /\bprice (?:check|range|estimate|suggestion|advice|idea)(?:\s+(?:for|on|of))?\s*:?\s*(.*)$/i,
  // "price for a macbook pro 2019?": the bare question, the item after "for".
  /^(?:a\s+|the\s+)?(?:price|value)\s+(?:for|of|on)\s+(?!(?:it|this|that|my|our|the\s+draft)\b)(.+?)\s*\?+\s*$/i,
  /\b(?:estimate|value|valuation|worth)\s+(?:of|for)\s+(.*)$/i,
  /\b(?:suggest|recommend) (?:a )?price(?: (?:for|of))?\s*(.*)$/i,
  /\bis (.*?) worth\b/i,
  // "how much for a used Vespa": the item right after "for".
  /\bhow much (?:could i get |would i get |can i get )?for\s+(.*)$/i,
  /^how much\b\s*(.*)$/i,
  // "can you price my iPhone 11 for me", "value this lamp": price as a verb, the item its object.
  new RegExp(
    String.raw`\b(?:price|value|valuate|appraise)\s+((?:my|this|these|the|a|an|our)\s+.*?)` +
      String.raw`(?:\s+(?:for\s+me|please|pls|plz))*\s*[?.!]*$`,
    'i',
  ),
];

/**
 * "I listed my bike at 300, is that too much?", "selling my ps5 for 400 - too high?": the seller's
 * own price, questioned; group 1 is the item, and comparables answer it.
 */
const OWN_PRICE_DOUBTED = new RegExp(
  String.raw`\b(?:listed|priced|put(?:\s+up)?|selling|asking|want(?:ing)?)\s+(?:my|the|a|an|our)\s+(.+?)\s+` +
    String.raw`(?:up\s+)?(?:at|for)\s+(?:€\s?)?\d[\d.,]*k?\s*(?:€|eur(?:os?)?)?\s*[,.;:-]*\s*` +
    String.raw`(?:is\s+(?:that|it|this)\s+|(?:too|a\s+bit)\s+|am\s+i\s+|would\s+that\s+be\s+)` +
    String.raw`(?:too\s+)?(?:much|high|low|expensive|cheap|steep|ok(?:ay)?|fair|reasonable|right|asking\s+too)` +
    String.raw`\b[^?]*\?`,
  'i',
);

/** "iphone 11 price?", "Dyson V11 value?": an item, then the word for what it is worth. */
const ITEM_THEN_PRICE = /^(?!.*\b(?:lst_|listings?|ads?)\b)(.+?)\s+(?:price|value|worth)\s*\?+\s*$/i;

/** The item of "iphone 11 price?", when the words before "price" name one (not "lower the price?"). */
function itemThenPrice(text: string): string | undefined {
  const words = ITEM_THEN_PRICE.exec(text)?.[1];
  if (!words || VAGUE_PRICE_CHANGE.test(text) || NOT_AN_ITEM_START.test(words)) return undefined;
  return mentionsItem(words) || /\p{L}\d|\d\p{L}|\s\d+$/u.test(words) ? words : undefined;
}

/** Words that start something other than an item: "the price?", "good price?", "your price?". */
const NOT_AN_ITEM_START =
  /^(?:the|a|an|good|fair|best|final|new|old|what|is|your|my|its|it|this|that|lower|higher|raise|change|set|ok|okay)$/i;

const QUESTION_TAIL = new RegExp(
  String.raw`\s+(?:usually|normally|typically|generally|roughly|realistically|going|selling|go|sell|worth|fetch|` +
    String.raw`cost|these days|nowadays|right now|currently|on here|here)\b.*$`,
  'i',
);

function priceQuestion(text: string, draft: Draft | undefined): Intent | undefined {
  const named = itemThenPrice(text);
  for (const shape of [OWN_PRICE_DOUBTED, ...PRICE_QUESTIONS, ...(named ? [ITEM_THEN_PRICE] : [])]) {
    const m = shape.exec(text);
    if (!m) continue;
    const phrase = itemPhrase((m[1] ?? '').replace(QUESTION_TAIL, ''));
    if (!isVague(phrase)) {
      return { kind: 'price_question', query: searchQueryFrom(phrase), category: categoryOf(phrase), itemName: phrase };
    }
    if (draft)
      return {
        kind: 'price_question',
        query: draftQuery(draft),
        category: categoryOf(draft.title),
        itemName: draft.title,
      };
    return { kind: 'price_question_unclear' };
  }
  return undefined;
}

/** Words asking for a change next to a judged price: "too high? make it 250" is a change, not a question. */
const ASKS_A_CHANGE =
  /\b(?:make|set|change|lower|reduce|drop|raise|cut|put|go with|how about|what about|try|instead)\b/i;

function doubtedPrice(text: string, draft: Draft | undefined): Intent | undefined {
  const doubt = ASKS_A_CHANGE.test(text) || REPRICE_VERB.test(text) ? undefined : priceDoubt(text);
  if (!doubt) return undefined;
  // The item named in a shape the price questions know ("is 1200 a fair price for a 2015 macbook pro?").
  const asked = doubt.item ? undefined : priceQuestion(text, draft);
  if (asked?.kind === 'price_question') return { ...asked, asked: doubt.amount };
  const name = doubt.item ?? draft?.title;
  if (!name) return { kind: 'price_question_unclear' };
  const query = doubt.item ? searchQueryFrom(doubt.item) : draftQuery(draft!);
  return { kind: 'price_question', query, category: categoryOf(name), itemName: name, asked: doubt.amount };
}

/** "I want lst_… at 85": the listing's id, then "at" and an amount ending the message. */
const AT_PRICE_END =
  /^\s*(?:at|@)\s*(?:€\s?)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?)?\s*(?:please|pls|now)?[.!]*\s*$/i;

function priceAtEnd(afterId: string): number | undefined {
  const m = AT_PRICE_END.exec(afterId);
  return m ? parseAmount(m[1]) : undefined;
}

function listingRequest(message: string): Intent | undefined {
  if (!LISTING_ID.test(message)) return undefined;
  const text = withoutSellClauses(message);
  const id = LISTING_ID.exec(text)?.[0];
  if (!id) return undefined;
  const several = severalReprices(text);
  if (several) return { kind: 'several', steps: several };
  const listingId = `lst_${id.slice(4)}`;
  const rest = text.replace(LISTING_ID, ' ');
  // Before absolute prices: "raise it by 20 euros" names 20 euros but does not mean a price of 20.
  const relative = relativePriceChange(rest);
  if (relative) return { kind: 'reprice', listingId, relative };
  // The amount after the id is its new price: in "sell my bike for 200 and lower lst_… to 150", 150.
  const after = text.slice((LISTING_ID.exec(text)?.index ?? 0) + id.length);
  const price =
    requestedPrice(after) ??
    requestedPrice(rest) ??
    (/^(?:is|was|are|were|what|why|how|does|did)\b/i.test(text) ? undefined : priceAtEnd(after));
  // "lower lst_… 20": to 20 or by 20 is not known before the listing's price is; the new one is asked.
  if (price !== undefined && byOrTo(rest)?.amount === price) return { kind: 'reprice', listingId };
  if (price !== undefined) return { kind: 'reprice', listingId, price };
  if (REPRICE_VERB.test(text)) return { kind: 'reprice', listingId };
  return { kind: 'lookup', listingId };
}

/** An offer to sell, or the one question that has to come first: which item, or which vehicle exactly. */
function sellIntent(offer: SellOffer): Intent {
  // "sell my sofa for 100 and relist it for 80" is two requests; "… and sell my helmet for 30" two items.
  const second = correctionAt(offer.itemText) ? undefined : secondAction(offer.itemText);
  const another = second && !isVague(itemPhrase(readSellOffer(second.second)?.itemText ?? ''));
  if (second && !second.repeats && !another)
    return { kind: 'two_requests', first: second.first, second: second.second };
  // "sell my lamp for 20 and post it" drafts the lamp.
  if (second?.repeats) return sellIntent({ ...offer, itemText: second.first });
  const priced = pricedItems(offer.itemText);
  if (priced) return { kind: 'several', steps: priced.map((item) => ({ kind: 'sell', item })) };
  const parts = severalItems(offer.itemText);
  if (parts && parts.length >= 2) return { kind: 'several_items', parts };
  const item = draftFromOffer(offer);
  if (item.vague) return { kind: 'sell_unclear' };
  const perPiece = pricedPerPiece(offer.itemText);
  if (perPiece) return { kind: 'quantity_unclear', item, itemText: offer.itemText, ...perPiece };
  const size = item.draft.price === undefined ? sizeOrPrice(offer.itemText) : undefined;
  if (size !== undefined) return { kind: 'size_or_price_unclear', item, itemText: offer.itemText, amount: size };
  if (item.draft.category === 'Vehicles' && isVagueVehicle(itemPhrase(offer.itemText), offer.itemText))
    return { kind: 'vehicle_unclear' };
  return { kind: 'sell', item };
}

/** "lower my oak table to 350", "change the price of my last listing to 160": a listing named by description. */
function describedReprice(text: string, draft: Draft | undefined): Intent | undefined {
  if (!REPRICE_VERB.test(text) || readSellOffer(text)?.explicit) return undefined;
  const ref = listingReference(text);
  // With a draft under discussion, "lower the sofa to 150" is about the draft unless a posted listing is
  // meant: the newest one, or one the draft's title does not fit ("my oak table" while drafting a bike).
  const another =
    ref && !ref.latest && mentionsItem(ref.description) && !titleMatches(draft?.title ?? '', ref.description);
  if (!ref || (draft && !ref.latest && !another)) return undefined;
  const relative = relativePriceChange(text);
  const price = relative ? undefined : requestedPrice(text);
  // "drop my bike's price 30": to 30 or by 30 is not known before the listing's price is; it is asked.
  const unclear = relative ? undefined : byOrTo(text);
  if (unclear && (price === undefined || unclear.amount === price)) return { kind: 'reprice_described', ref };
  if (!relative && price === undefined) return undefined;
  return { kind: 'reprice_described', ref, price, relative };
}

/** What is left of "put it up", "list this one now": the item is the one already discussed. */
const REFERS_BACK_ANYWHERE =
  /^(?:(?:it|this|that|this one|that one|the draft|the listing|the ad)\b[\s,.!]*(?:now|then|please|today)?[\s,.!]*)$/i;

/** "It's a Herman Miller chair, 450 euros": more about something already discussed, not a new item. */
const REFERS_BACK = /^(?:it|it's|its|it is|this|that|that's|the same)\b/i;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A change that only says what the item is like (its condition or category), nothing to set. */
const describesOnly = (change: DraftChange): boolean =>
  Object.keys(change).every((key) => key === 'condition' || key === 'category');

/** Classifies one seller message, given the draft under discussion (if any). */
export function classify(message: Pick<SellerMessage, 'text' | 'images'>, draft?: Draft): Intent {
  const intent = classifyText(message.text.trim(), draft);
  // With a photo but no usable words, say honestly that photos cannot be seen offline.
  const needsWords = [
    'sell_unclear',
    'item_needs_detail',
    'price_question_unclear',
    'unknown',
    'greeting',
    'help',
    'thanks',
  ];
  if (message.images > 0 && needsWords.includes(intent.kind)) return { kind: 'image_only' };
  return intent;
}

/** `wholeMessage` is false for one clause of a message, which is not split again. */
function classifyText(text: string, draft: Draft | undefined, wholeMessage = true): Intent {
  if (!text) return { kind: 'unknown' };

  // First: "mark lst_… as sold for 150" must neither look up nor re-price anything.
  const action = unsupportedAction(text);
  if (action) return { kind: 'unsupported', action };

  // "my apartment for rent 900 a month", "dog walking, 15 an hour": no item to draft.
  const other = LISTING_ID.test(text) ? undefined : notAnItem(text);
  if (other) return { kind: 'not_an_item', what: other };

  const mixed = wholeMessage ? mixedRequests(text, (clause) => classifyText(clause, undefined, false)) : undefined;
  if (mixed) return { kind: 'several', steps: mixed };

  const listing = listingRequest(text);
  if (listing) return listing;

  if (CONFIRM.test(text) && words(text) <= 10) return { kind: 'confirm', draft };

  const described = describedReprice(text, draft);
  if (described) return described;

  // "selling my ps5 for 400 - too high?": a question about the seller's price, not an offer to draft.
  const doubted = doubtedPrice(text, draft);
  if (doubted) return doubted;

  // "priced my kayak at 400, am I asking too much?" questions the price; it does not ask for it.
  const own = REPRICE_VERB.test(text) || OWN_PRICE_DOUBTED.test(text) ? undefined : ownPriceQuestion(text);
  if (own) return { kind: 'own_price_question', ref: own };

  // "can I sell my bike here?", "selling a bike?": a kind of item and no more, so nothing to draft yet.
  const may = maySell(text);
  const offer = may && 'itemText' in may ? readSellOffer(`sell ${may.itemText}`) : readSellOffer(text);
  const bare = may && 'bare' in may ? may.bare : offer?.explicit ? bareOffer(text, offer.itemText) : undefined;
  if (bare && !draft) return { kind: 'item_needs_detail', item: bare };
  if (offer?.explicit) {
    // "yes, put it up for sale" with a draft on the table: that draft, not a new item.
    if (draft && REFERS_BACK_ANYWHERE.test(offer.itemText)) return { kind: 'confirm', draft };
    return sellIntent(offer);
  }

  const change = readDraftChange(text);
  // "What's a fair price for a Dyson in good condition?": the condition describes the item asked about.
  const asked = text.includes('?') && change && describesOnly(change) ? priceQuestion(text, draft) : undefined;
  if (asked) return asked;
  // "add that it has new tyres" asks for words in a description; it names no item called "Add".
  const adds = opensWithAddition(text);
  // "knock €15 off" or "10% off" is a change even without one of the usual change verbs.
  const changeWords = soundsLikeAChange(text) || isJustAPrice(text) || change?.relativePrice !== undefined || adds;
  if (change && (changeWords || (!offer && !text.includes('?')))) {
    if (draft) return { kind: 'change_draft', change, draft };
    // "Harry Potter books, complete set, 45 euros" describes an item; "set" there is not a change.
    if (changeWords && (!offer || adds || REFERS_BACK.test(text))) return { kind: 'change_without_draft', change };
  }

  const question = priceQuestion(text, draft);
  if (question) return question;

  if (VAGUE_PRICE_CHANGE.test(text)) return { kind: 'price_change_unclear', draft };

  if (DECLINE.test(text) && words(text) <= 8) return { kind: 'decline' };

  if (offer) {
    const intent = sellIntent(offer);
    if (intent.kind !== 'sell_unclear') return intent;
  }

  // "two things: a Dyson Airwrap and a Philips Hue kit": items without an offer's usual words.
  const priced = draft ? undefined : pricedItems(text);
  if (priced) return { kind: 'several', steps: priced.map((item) => ({ kind: 'sell', item })) };
  const parts = draft ? undefined : severalItems(text);
  if (parts && parts.length >= 2) return { kind: 'several_items', parts };

  if (GREETING.test(text)) return { kind: 'greeting' };
  if (THANKS.test(text) && words(text) <= 6) return { kind: 'thanks' };
  if (HELP.test(text)) return { kind: 'help' };
  return { kind: 'unknown' };
}

/** The message at `index` read on its own, against the draft that existed before it. */
function ownIntentAt(items: Item[], index: number): Intent | undefined {
  const message = sellerMessageAt(items, index);
  return message ? classify(message, currentDraft(items, index)) : undefined;
}

/** What the seller message at `index` asks for, also as an answer to what the seller asked before it. */
export function requestAt(items: Item[], index: number): Intent | undefined {
  const message = sellerMessageAt(items, index);
  if (!message) return undefined;
  return followUp(items, message, classify(message, currentDraft(items, index)), (i) => ownIntentAt(items, i));
}

/** The intent of the seller message at `index` now: for a message with several steps, the step under way. */
export function intentAt(items: Item[], index: number): Intent | undefined {
  const intent = requestAt(items, index);
  if (!intent) return undefined;
  // Several writes in one message: the one under way is what the message asks for now.
  return intent.kind === 'several' ? intent.steps[currentStep(items, index, intent.steps)] : intent;
}
