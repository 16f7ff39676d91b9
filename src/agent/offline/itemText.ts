import { keywordHits, mentionsItem, namesAKindOfItem } from './category.js';
import { conditionFrom } from './condition.js';
import { withBareAmountMarked } from './bareAmount.js';
import { isCollection } from './collection.js';
import { laterClauses } from './laterOffer.js';
import { withoutConditionClauses } from './conditionOnce.js';
import { withoutQualifiers } from './searchQualifiers.js';
import { priceTerms, priceTermSpans, priceTermsSentence } from './priceTerms.js';
import { foreignAmounts, priceRanges, statedPrice, statedPriceSpans } from './price.js';

/**
 * Reading an item out of a seller's words: is this an offer to sell, which
 * words name the item (title, search query), and a tidy description. Text
 * only; the draft module turns the parts into a listing draft.
 */

export interface SellOffer {
  /** The seller's words about the item, with the "I want to sell" lead-in removed. */
  itemText: string;
  /** "I want to sell…", "for sale", "list my…": unmistakably an offer, not just an item mentioned. */
  explicit: boolean;
}

const OPENERS =
  /^(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?:\s+there)?[\s,!.]+|(?:ok(?:ay)?|so|well|also|and|now|next|yes|yeah|yep|yup|sure|right)[\s,]+|(?:urgent(?:ly)?|asap|quick sale)[\s,:!.-]+|(?:let'?s\s+)?(?:start|begin|go) with\s+)+/i;

const SELL_LEAD = new RegExp(
  '^(?:' +
    '(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?(?:help me )?|please (?:help me )?|pls |plz |' +
    "i(?:'d| would) (?:like|love) to |i (?:want|wanna|need|plan|intend|hope|wish|would like|'d like)(?: to)? |" +
    "i(?:'m| am) (?:looking|trying|going|planning|hoping|about) to |i(?:'m| am) |(?:looking|trying|planning|want|need) to |" +
    "help me |let'?s |we (?:want|need|would like|'d like|are|'re)(?: to)? |je |ich " +
    ')?' +
    // "can you also list my chair": a word between the request and the verb does not hide the offer.
    '(?:(?:also|just|now|then|quickly|additionally) )?' +
    // The common "I sell" of a few neighbouring languages, so a German or Spanish seller is not met with silence.
    '(?:sell(?:ing)?|list(?:ing)?|post(?:ing)?|advertis(?:e|ing)|get(?:ting)? rid of|put(?:ting)? up|offload(?:ing)?|' +
    'verkaufe|verkaufen|vendo|vends|vendre|verkoop|sprzedam)\\b' +
    '(?:\\s+(?:a|an|the|my|new)\\s+(?:listing|ad|advert|offer)(?:\\s+(?:for|of)|(?=\\s*:)))?' +
    '(?:\\s+(?:for sale|up for sale))?[\\s:,-]*',
  'i',
);

/** "looking for a buyer for my sofa", "need a new home for this cat tree": an offer in other words. */
const BUYER_WANTED =
  /^(?:i(?:'m| am)\s+|we(?:'re| are)\s+)?(?:looking for|need|seeking|searching for)\s+(?:a\s+)?(?:buyer|new (?:home|owner)|someone to (?:buy|take))\s+(?:for\s+)?/i;

/** "put my Billy bookcase up for 30": the item sits between "put" and "up". */
const PUT_UP =
  /^(?:(?:please|pls|plz|can you|could you)\s+)?put\s+((?:my|our|the|this|these|a|an)\s+(?!price\b).+?|it|this|that)\s+up\b(?!\s+to\s+(?:€\s?)?\d)(.*)$/i;

/** "sell my lamp too": another item, and "too" is not part of it. */
const ALSO_END = /\s+(?:too|as well|also|instead)[\s!.]*$/i;

/** "…for 300 pls": a polite word ending the message is not part of the item. */
const POLITE_END = /(?:[\s,]*\b(?:please|pls|plz|thanks|thank you|thx|ty|cheers)\b[\s!.]*)+$/i;

const HAVE_FOR_SALE =
  /^(?:i(?:'ve| have)? got|i have|i own|got|have)\s+(.+?)\s+(?:for sale|to sell|(?:that |which )?i (?:want|would like|'d like|need|wanna) to (?:sell|get rid of))\b(.*)$/i;

const FOR_SALE =
  /\s*\b(?:for sale|up for grabs|zu verkaufen|à vendre|te koop|en venta|se vende)(?!\w)\s*|^(?:fs|wts)\s*:\s*/gi;

const QUESTION_START =
  /^(?:what|how|why|when|where|who|which|is|are|can|could|would|should|do|does|did|will|may|am)\b/i;

/** Messages that start like this talk about something, they do not describe an item to sell. */
const NOT_A_DESCRIPTION =
  /^(?:i|i'm|im|i've|my|we|you|your|it|it's|its|this|that|there|they|he|she|please|thanks|thank|yes|no|ok|okay|show|find|search|look|tell|give|change|make|set(?!\s+of\b)|lower|reduce|raise|update|call|rename|delete|remove|cancel|help|why|the price|mark|discount|drop|cut|bump|knock|take|increase|decrease)\b/i;

/** "my bike …", "I've got a sofa …": the seller's own item, described. */
const OWN_ITEM = /^(?:my|our|i(?:'ve| have)? got|i have|got)\s/i;

/** Recognises an offer to sell and returns the words about the item. */
export function readSellOffer(message: string): SellOffer | undefined {
  const text = message.trim().replace(OPENERS, '').replace(POLITE_END, '').replace(ALSO_END, '');
  const have = HAVE_FOR_SALE.exec(text) ?? PUT_UP.exec(text);
  if (have)
    return { itemText: withBareAmountMarked(`${have[1]}${have[2].replace(FOR_SALE, ' ')}`.trim()), explicit: true };
  const lead = SELL_LEAD.exec(text) ?? BUYER_WANTED.exec(text);
  if (lead) {
    let itemText = text.slice(lead[0].length).replace(FOR_SALE, ' ').trim();
    // "Can you help me sell my S21? It has…": the question mark closes the request, not a question about the item.
    if (/^(?:can|could|would|will) you\b/i.test(text)) itemText = itemText.replace('?', '.');
    return { itemText: withBareAmountMarked(itemText), explicit: true };
  }
  const later = offerInLaterClause(text);
  if (later) return later;
  if (
    /\b(?:for sale|up for grabs|zu verkaufen|à vendre|te koop|en venta|se vende)(?!\w)|^(?:fs|wts)\s*:/i.test(text) &&
    !text.includes('?')
  ) {
    return { itemText: withBareAmountMarked(text.replace(FOR_SALE, ' ').trim()), explicit: true };
  }
  return readDescription(text);
}

/**
 * "includes charger, selling my phone for 100": the offer named in a later clause. The item is what follows
 * the offer's words, the earlier words describe it; an item left vague there ("selling it") is not read.
 */
function offerInLaterClause(text: string): SellOffer | undefined {
  for (const { before, clause } of laterClauses(text)) {
    const lead = SELL_LEAD.exec(clause);
    if (!lead?.[0].trim()) continue;
    const item = clause.slice(lead[0].length).replace(FOR_SALE, ' ').trim();
    if (isVague(itemPhrase(item))) return undefined;
    return { itemText: withBareAmountMarked(`${item}, ${before}`), explicit: true };
  }
  return undefined;
}

/** "IKEA Kallax shelf, white, 40 euros", "my kids bike 40": an item described without the words of an offer. */
function readDescription(message: string): SellOffer | undefined {
  // A bare amount is read as a price only in words that describe an item, not in "lower the table 40".
  const text = !NOT_A_DESCRIPTION.test(message) || OWN_ITEM.test(message) ? withBareAmountMarked(message) : message;
  // A bare description ("IKEA Kallax shelf, white, 40 euros"): names an item, is not a question or a request.
  const words = text.split(/\s+/).length;
  const plainStatement = mentionsItem(text) && !text.includes('?') && !QUESTION_START.test(text) && words <= 30;
  // "I've had this sofa for 3 years, want 200 for it": a price makes a statement about an item an offer.
  if (plainStatement && (!NOT_A_DESCRIPTION.test(text) || statedPrice(text) !== undefined))
    return { itemText: text, explicit: false };
  // "box of old vinyl records, 50", "pram 80 ono": a lot, or an amount with the words of an asking
  // price, offers the thing even when its name is not a known item word.
  const offered = isCollection(text) || DEAL_WORDS.test(text);
  if (offered && statedPrice(text) !== undefined && !text.includes('?') && !CONVERSATIONAL.test(text) && words <= 30)
    return { itemText: text, explicit: false };
  // No known item word, but a product name and an asking price ("Omega Seamaster watch, 1.800 EUR"): an offer.
  if (namesAProduct(text) && statedPrice(text) !== undefined && !text.includes('?') && words <= 30)
    return { itemText: text, explicit: false };
  return undefined;
}

/** Words sellers put after an asking price, never after anything else. */
const DEAL_WORDS = /\d\s*(?:€|eur(?:os?)?)?\s*(?:ono|obo|ovno|o\.n\.o\.?|o\.b\.o\.?|or (?:best|nearest) offers?)\b/i;

/** Replies in a conversation ("then 1 euro", "let's say 60", "looks right, 5900"), not item names. */
const CONVERSATIONAL =
  /^(?:oh|ok|okay|then|let'?s|lets|make|looks|go|actually|instead|yes|yeah|no|sure|fine|maybe|and|but|so|well|hmm|right|alright|perfect|great|good|thanks|please|just|only|how|what|change|set|lower|raise|put|try)\b/i;

/**
 * Words that name a product: a capitalised word after the first ("Omega Seamaster"), or a model code
 * mixing letters and digits ("R6", "CB500F") or a long set number ("75192"). Prices are left out first,
 * so "80 EUR" names nothing.
 */
function namesAProduct(text: string): boolean {
  if (CONVERSATIONAL.test(text) || NOT_A_DESCRIPTION.test(text) || QUESTION_START.test(text)) return false;
  const words = withoutPrices(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !/^(?:eur|euros?)$/i.test(w));
  if (words.length < 2) return false;
  return words.some(
    (w, i) =>
      (i > 0 && /^\p{Lu}/u.test(w)) ||
      (/\p{L}/u.test(w) && /\d/.test(w)) ||
      (/^\d{4,6}$/.test(w) && !/^(?:19|20)\d\d$/.test(w)),
  );
}

/** "my mum's old sewing machine", "grandads drill": whose the item was is no part of its name. */
const WHOSE =
  String.raw`(?:mum|mom|mother|dad|father|grandma|granny|grandmother|grandpa|grandad|granddad|grandfather|nan|nana|` +
  String.raw`wife|husband|son|daughter|sister|brother|partner|girlfriend|boyfriend|friend|uncle|aunt|auntie)` +
  String.raw`(?:'s|’s|s(?!\s+of\b))`;

const LEADING_FILLER = new RegExp(
  String.raw`^(?:${WHOSE}|(?:\d+|a|one|two|three|four|five)[\s-]+(?:years?|yrs?|months?)[\s-]+old|` +
    String.raw`i(?:'ve| have)?(?: had| got)?|i own|i bought|got|have|my|mein|meine|meinen|ma|mon|mes|mi|mis|un|` +
    String.raw`une|a|an|the|our|this|that|these|those|some|his|her|their|old|used|new|brand new|like new|` +
    String.raw`as new|barely used|hardly used|lightly used|rarely used|never used|almost new|nearly new|very|` +
    String.raw`really|nice|beautiful|lovely|great|good|excellent|perfect|gorgeous|awesome|cool|pretty|` +
    String.raw`still)\s+`,
  'i',
);

const CONNECTOR =
  /\s+(?:for|with|in|that|which|who|from|because|since|but|bought|purchased|asking|priced|only|barely|hardly|rarely|lightly|never|still|used|worn|like new|as new|brand new|almost|nearly|excellent|great|good|perfect|mint|is|was|it|it's|its|i|i'm|i've|has|had|works|working|comes|includes|incl|pickup|pick-up|pick up|collection|complete(?!\s+(?:set|kit|collection|series|works|edition|box))|delivery|located|available|condition|obo|ono|ovno|o\.b\.o|or (?:best|nearest|near|any) offers?|or offers?|no (?:offers|lowballers|low ?ballers|time ?wasters|swaps|trades|returns)|negotiable|neg|asap|urgent|urgently|quick sale|firm(?=\s*(?:[,.;!]|$)))\b.*$/i;

const SEGMENT_BREAK = /[,;:!?\n()]|\.(?=\s|$)|\s[-–—]\s/;

const TRAILING_STOP = /\s+(?:for|with|in|at|to|and|or|from|of|on|by)$/i;

/** A short second segment worth keeping in a title: colour, size, capacity, year. */
const TITLE_ATTRIBUTE =
  /^(?:(?:white|black|grey|gray|silver|gold|red|blue|green|yellow|pink|purple|orange|brown|beige|navy|cream|oak|walnut|pine)(?:\s+(?:and|&)\s+\w+)?|size\s+\w{1,4}|\d+\s?(?:gb|tb|inch|inches|"|cm)|(?:19|20)\d\d(?: model)?|(?:xs|xl|xxl)|eu\s?\d{2})$/i;

const VAGUE = new Set([
  '',
  'it',
  'this',
  'that',
  'them',
  'these',
  'those',
  'something',
  'stuff',
  'things',
  'some stuff',
  'some things',
  'item',
  'items',
  'an item',
  'one',
  'mine',
  'everything',
  'anything',
  'this item',
  'my stuff',
  'some',
  'thing',
  'something else',
  'another thing',
  'another item',
  'another one',
  'more stuff',
  'more things',
  'a few things',
  'some more things',
]);

function removeSpans(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + ' ';
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * The text without its prices, nor a price range ("40 to 50 euros") the seller gave instead of one, nor
 * the terms on them ("ono", "firm": the description says those in its own sentence).
 */
function withoutPrices(text: string): string {
  const found = [...statedPriceSpans(text), ...priceRanges(text), ...foreignAmounts(text), ...priceTermSpans(text)];
  const spans = found.sort((a, b) => a.start - b.start);
  return removeSpans(
    text,
    spans.filter((s, i) => i === 0 || s.start >= spans[i - 1].end),
  );
}

function stripLeading(phrase: string): string {
  let out = phrase.trim();
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(LEADING_FILLER, '');
  }
  return out;
}

function tidy(phrase: string): string {
  let out = phrase.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out
      .replace(TRAILING_STOP, '')
      .replace(/[\s,.;:!-]+$/, '')
      .trim();
  }
  return out;
}

/** The words naming the item: the first segment, cut before connectors ("Trek Marlin 7 bike" from "my Trek Marlin 7 bike, barely used"). */
export function itemPhrase(itemText: string): string {
  const segments = withoutPrices(itemText)
    .split(SEGMENT_BREAK)
    .map((s) => s.trim())
    .filter(Boolean);
  const first = stripLeading(segments[0] ?? '');
  return tidy(stripLeading(first.replace(CONNECTOR, '')));
}

/** The item phrase plus one short attribute from the next segment, if there is one ("IKEA Kallax shelf, white"). */
function titlePhrase(itemText: string): string {
  const segments = withoutPrices(itemText)
    .split(SEGMENT_BREAK)
    .map((s) => tidy(s))
    .filter(Boolean);
  const phrase = itemPhrase(itemText);
  const attribute = segments[1];
  if (attribute && TITLE_ATTRIBUTE.test(attribute) && !conditionFrom(attribute)) return `${phrase}, ${attribute}`;
  return phrase;
}

/** "the lot", "all of them", "both", "the whole set": the items already talked about, not an item. */
const THE_LOT = new RegExp(
  String.raw`^(?:(?:the|this|that|these|those)\s+)?(?:whole\s+|entire\s+)?` +
    String.raw`(?:lot|set|bundle|pair|package|collection|bunch|thing|things)(?:\s+together)?$|` +
    String.raw`^(?:all|both|everything)(?:\s+(?:of\s+)?(?:it|them|these|those|together|\d+|two|three|four|five))*$`,
);

export function isVague(phrase: string): boolean {
  const lower = phrase.toLowerCase().trim();
  return (
    VAGUE.has(lower) ||
    // "list it again", "post that one too": the item already named.
    /^(?:it|this|that|them|these|those)(?:\s+(?:one|ones|again|too|also|as well|now|then|instead|back))*$/.test(
      lower,
    ) ||
    THE_LOT.test(lower) ||
    /\blistings?\b|\bads?\b/.test(lower) ||
    // What is left of "sell this for me": no item, only who it is for.
    /^(?:for|to|with|from)\b/.test(lower) ||
    (lower.match(/[a-z]/g)?.length ?? 0) < 2
  );
}

/** Brands and product names with their own spelling. */
const SPELLING: Record<string, string> = {
  ikea: 'IKEA',
  iphone: 'iPhone',
  ipad: 'iPad',
  imac: 'iMac',
  ipod: 'iPod',
  macbook: 'MacBook',
  airpods: 'AirPods',
  playstation: 'PlayStation',
  ps4: 'PS4',
  ps5: 'PS5',
  xbox: 'Xbox',
  gopro: 'GoPro',
  bmw: 'BMW',
  vw: 'VW',
  lg: 'LG',
  hp: 'HP',
  jbl: 'JBL',
  dji: 'DJI',
  tv: 'TV',
  pc: 'PC',
  ebike: 'eBike',
  'e-bike': 'e-bike',
  bbq: 'BBQ',
  mtb: 'MTB',
  bmx: 'BMX',
};

/** Describing words that stay lowercase inside a title ("Trek Marlin 7 mountain bike"). */
const DESCRIPTIVE = new Set(
  (
    'white black grey gray silver gold red blue green yellow pink purple orange brown beige navy cream ' +
    'wooden wood oak pine walnut leather metal glass plastic steel aluminium aluminum carbon cotton wool velvet linen ' +
    'mountain road city electric kids kid children womens mens ladies gaming office dining coffee garden kitchen outdoor indoor ' +
    'folding vintage antique small large big mini portable wireless bluetooth smart digital acoustic double single king queen ' +
    'corner seater door doors burner drawer drawers person man seat seats gas tier berth speed piece and with of for the ' +
    'a in on to size x'
  ).split(' '),
);

const SEARCH_NOISE = new Set(
  'white black grey gray silver gold red blue green yellow pink purple orange brown beige navy cream and with of for the a in on to size'.split(
    ' ',
  ),
);

/** Brand and model words capitalised, describing words as typed, product spellings respected. */
function titleCase(phrase: string): string {
  const words = phrase.split(' ');
  const hits = keywordHits(phrase);
  const headStart = hits.length ? hits[hits.length - 1].start : phrase.length;
  let offset = 0;
  const cased = words.map((word) => {
    const at = offset;
    offset += word.length + 1;
    const key = word.toLowerCase().replace(/[^\w-]/g, '');
    if (SPELLING[key]) return word.replace(new RegExp(key, 'i'), SPELLING[key]);
    if (word !== word.toLowerCase()) return word; // The seller chose a spelling: keep it.
    // A kind of item before the head ("corner sofa 5 seater") is no brand either.
    const kind = hits.some((h) => h.start === at && h.end === at + word.length && namesAKindOfItem(h.keyword));
    if (at < headStart && !DESCRIPTIVE.has(key) && !kind && /^[a-z]/.test(word))
      return word[0].toUpperCase() + word.slice(1);
    return word;
  });
  const title = cased.join(' ');
  return /^[a-z][A-Z]/.test(title) ? title : title.charAt(0).toUpperCase() + title.slice(1);
}

export function clampWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return tidy(space > max / 2 ? cut.slice(0, space) : text.slice(0, max));
}

export const TITLE_MAX = 80;

/** A listing title: brand, model, type and one key attribute, capitalised, at most 80 characters. */
export function titleFrom(itemText: string): string {
  const title = clampWords(titleCase(titlePhrase(itemText)), TITLE_MAX);
  return title.length >= 3 ? title : `${title} for sale`;
}

/** A few brand/model/type words for searchSimilar; colours and filler would only narrow the match. */
export function searchQueryFrom(phrase: string): string {
  const words = withoutQualifiers(phrase)
    .rest.replace(/\bsize\s+\S+/gi, ' ')
    .replace(/[^\p{L}\p{N}\s&'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => (w.length > 1 || /\d/.test(w)) && !SEARCH_NOISE.has(w.toLowerCase()));
  const query = words.slice(0, 6).join(' ');
  return query.length >= 2 ? query : phrase.slice(0, 200);
}

/** A question tacked onto a description ("…, how much should I ask?"): not listing text. */
const ASIDE_QUESTION =
  /[,;]?\s*\b(?:how much|what(?:'s| is| would| should)|can you|could you|would you|should i|do you)\b[^.!?]*\?/gi;

const POLITE_TAIL = /\b(?:please|pls|thanks|thank you|thx|cheers)\b[\s!.]*$/i;

function sentenceCase(sentence: string): string {
  let s = sentence
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/^[\s,;:.-]+|[\s,;:-]+$/g, '')
    .replace(POLITE_TAIL, '')
    .replace(/[\s,;:-]+$/g, '')
    // A sentence ends in one full stop: a question cut out after one ("scratches. what should I ask?") or a
    // trailing ellipsis would otherwise leave "scratches.." in the listing.
    .replace(/\.{2,}$/, '.')
    .trim();
  if (!s) return '';
  s = respell(stripDeterminer(s));
  if (!/^[a-z][A-Z]/.test(s)) s = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!]$/.test(s) ? s : `${s}.`;
}

function stripDeterminer(s: string): string {
  return s.replace(/^(?:my|our|this|these|a|an|the)\s+/i, '');
}

/** Product spellings inside free text ("ikea" → "IKEA"). */
function respell(text: string): string {
  return text.replace(/[\p{L}\p{N}-]+/gu, (word) => {
    const key = word.toLowerCase();
    return SPELLING[key] && word === key ? SPELLING[key] : word;
  });
}

/**
 * The seller's own words, tidied: lead-in, prices and questions removed, at
 * most two sentences, plus the condition. Nothing is added that the seller
 * did not say.
 */
export function describeItem(itemText: string, condition: string): string {
  const terms = priceTerms(itemText);
  const text = withoutConditionClauses(withoutPrices(itemText), condition)
    .replace(FOR_SALE, ' ')
    .replace(ASIDE_QUESTION, '.')
    // What is left of "want 200 for it" once the price is gone.
    .replace(/[,;]?\s*\b(?:want|asking)?\s*for (?:it|them|both|all)\b/gi, ' ');
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => !s.trim().endsWith('?'))
    .map(sentenceCase)
    .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length > 1)
    .slice(0, 2);
  const body = [...sentences, ...(terms ? [priceTermsSentence(terms)] : [])].join(' ');
  return clampWords(`${body ? `${body} ` : ''}Condition: ${condition}.`, 1000);
}
