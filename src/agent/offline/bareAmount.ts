import { categoryOf, keywordHits, namesAKindOfItem, type KeywordHit } from './category.js';
import { isCollection } from './collection.js';

/**
 * An amount ending an item's words with no money word: "kids bike 40", "iphone 13 pro 256gb 600",
 * "sofa 1.5k". Read as the price only where a model number or a size is unlikely: after a kind of
 * item ("bike 40", not "iPhone 13" or "Fiat 500"), after the item's model or specs ("ps5 350"), or
 * written in thousands ("2k"). Anything else stays in the item's words, as before.
 */

const AMOUNT = String.raw`(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)(\s?k)?`;

/** Words sellers put after an asking price; they do not make the number a size or a count. */
const DEAL_TAIL =
  String.raw`(?:\s+(?:(?:firm|fixed)(?:\s+price)?|obo|ono|ovno|neg(?:otiable)?|non-?negotiable|not\s+negotiable|` +
  String.raw`cash(?:\s+only)?|only|no\s+(?:offers|haggling)|open\s+to\s+offers|` +
  String.raw`or\s+(?:best|nearest|near)\s+offers?|or\s+offers?|(?:pick[\s-]?up|pickup|collection)(?:\s+only)?))*`;

/**
 * Words saying what state the item is in, or what comes with it: after them the number before is no
 * longer part of a name ("running shoes 44 barely worn", "sofa 200 like new", "tv 55 with remote").
 */
const STATE_TAIL =
  String.raw`\s+(?:barely|hardly|rarely|lightly|never|like\s+new|as\s+new|brand\s+new|almost\s+new|nearly\s+new|` +
  String.raw`used|worn|good|great|excellent|perfect|mint|working|works|fully|in\s+(?:good|great|perfect|excellent|` +
  String.raw`mint|ok|okay|fair|very)|condition|with|incl(?:uding|udes|\.)?|comes|still|no\s+(?:scratches|damage|marks))\b`;

/** A number after a word, ending a part of the text (or followed only by deal words, or by words on its state). */
const AMOUNT_AT_END = new RegExp(
  String.raw`(?<=[\p{L}\p{N}'")]\s+)${AMOUNT}(?![.,]?\d)` +
    String.raw`(?=${DEAL_TAIL}\s*(?:[,;.!]\s|[,;.!]?\s*$|\n)|${DEAL_TAIL}${STATE_TAIL})`,
  'giu',
);

/** Where the part holding the amount starts: after a comma, a line break or a dash. */
const PART_BREAK = /[,;:\n(]|\s[-–]\s/g;

/** Words after which a number is a size, a count or a model, never a price. */
const NOT_A_PRICE_AFTER = new RegExp(
  '^(?:size|sz|no|nr|number|model|gen|generation|series|mk|mark|version|v|type|vol|volume|part|pack|of|x|' +
    'edition|season|level|age|ages|year|years|the|a|than|over|under|up|to|from|about|around|is|are|was|at|for|' +
    'and|or|with|room|rooms|seats?|seater|pieces?|pcs|set)$',
  'i',
);

/** Words a count goes before in an item's specs ("3 seater", "4 seats", "6 pieces"). */
const SPEC_NOUN = /^(?:seater|seats?|pieces?|pcs|rooms?)$/i;

/** Storage sizes written without "gb" ("iphone 12 128"): on electronics, no price. */
const STORAGE = new Set([32, 64, 128, 256, 512, 1024]);

/** Resolution ("tv 4k"), not thousands of euros. */
const SCREEN = /\b(?:tv|televisions?|monitors?|screens?|displays?|projectors?|cameras?|video|gopro|uhd|resolution)\b/i;

/** Sizes a number after these kinds of item often is: wheel inches, screen inches, clothing sizes. */
const SIZE_RANGES: Array<[RegExp, (n: number) => boolean]> = [
  [/^(?:bikes?|bicycles?|mtb|bmx|ebikes?|e-bikes?)$/i, (n) => n <= 29],
  [/^(?:tvs?|televisions?|monitors?|laptops?|tablets?|screens?)$/i, (n) => n <= 100],
];

/** Shoe and clothing sizes ("sneakers 42", "jeans 32"). */
const MAX_CLOTHING_SIZE = 56;

const isYear = (raw: string): boolean => /^(?:19[5-9]\d|20[0-3]\d)$/.test(raw);

function amountOf(raw: string, thousands: string | undefined): number | undefined {
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(raw);
  const value = Number(grouped ? raw.replace(/[.,]/g, '') : raw.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return thousands ? value * 1000 : value;
}

/**
 * What the number ending `before` (the words of its part up to it) is: the item's price, a size that
 * might also be the price ("winter jacket 40", "tv 55", "bike 26"), or part of the item (undefined).
 */
function readAmount(before: string, raw: string, thousands: string | undefined): 'price' | 'size' | undefined {
  const words = before.trim().split(/\s+/).filter(Boolean);
  const previous = (words.at(-1) ?? '').replace(/[^\p{L}\p{N}'-]/gu, '');
  // "3 seater 250", "6 pieces 40": the count already came before its word, so what follows is no count.
  const counted = SPEC_NOUN.test(previous) && /^\d{1,2}$/.test(words.at(-2) ?? '');
  if (!previous || (NOT_A_PRICE_AFTER.test(previous) && !counted) || /^[$£€]/.test(words.at(-1) ?? ''))
    return undefined;
  const amount = amountOf(raw, thousands);
  if (amount === undefined) return undefined;
  if (thousands) return SCREEN.test(before) ? undefined : 'price';
  if (isYear(raw)) return undefined;
  // "box of old vinyl records 50", "bundle of kids clothes 25": a lot has one price and no single size.
  if (isCollection(before)) return amount >= 5 ? 'price' : undefined;
  if (STORAGE.has(amount) && categoryOf(before) === 'Electronics') return undefined;
  // "ps5 350", "iphone 13 pro 256gb 600": the item already has its model or specs, so this is the price.
  if (words.some((w) => /\d/.test(w))) return amount >= 5 ? 'price' : undefined;
  // The item word ending the words ("tv stand", not "tv"), or the last one before a few words
  // describing it ("bookcase white", "jacket size M"): after those the number is no model either.
  // A clothing brand counts too: "nike air max 43" is a shoe size as likely as a price.
  const head = keywordHits(before)
    .filter((hit) => namesAKindOfItem(hit.keyword) || hit.category === 'Clothing')
    .reduce<KeywordHit | undefined>((last, hit) => (!last || hit.end > last.end ? hit : last), undefined);
  const described = head ? before.slice(head.end).trim() : '';
  if (!head || amount < 10 || !DESCRIBING.test(described)) return undefined;
  // "car fiat 500": a brand or model after the item word makes the number its model.
  if (keywordHits(described).some((hit) => !namesAKindOfItem(hit.keyword))) return undefined;
  // "jacket size M 45", "tv 55 inch": the size is already said, so this number is the price.
  if (SIZE_SAID.test(described)) return 'price';
  if (head.category === 'Clothing' && amount <= MAX_CLOTHING_SIZE) return 'size';
  // Wheel and screen inches follow the item word itself, or its colour ("tv black 55"); "bike lock 15" is
  // a lock's price.
  if (described && !ONLY_COLOURS.test(described)) return 'price';
  return SIZE_RANGES.some(([kind, isSize]) => kind.test(head.keyword.split(' ').at(-1) ?? '') && isSize(amount))
    ? 'size'
    : 'price';
}

/** At most a few words, no numbers, between the item word and the amount: colours, state, a letter size. */
const DESCRIBING = /^(?:[\p{L}'-]+(?:\s+|$)){0,3}$/u;

/** Colours and finishes between an item word and its size: "samsung tv black 55", "bike matte grey 26". */
const ONLY_COLOURS = new RegExp(
  String.raw`^(?:(?:white|black|grey|gray|silver|gold|red|blue|green|yellow|pink|purple|orange|brown|beige|navy|` +
    String.raw`cream|matte?|glossy|dark|light|space)\s*)+$`,
  'i',
);

/** A size given in words before the amount. */
const SIZE_SAID = /\b(?:size|sz)\s+\p{L}{1,3}\b|\b(?:xx?s|s|m|l|xx?l)\b/iu;

/** Each bare amount ending a part of the text, with how it reads. */
function bareAmounts(text: string): Array<{ whole: string; at: number; reading: 'price' | 'size' | undefined }> {
  return [...text.matchAll(AMOUNT_AT_END)].map((m) => {
    const at = m.index;
    const partStart = Math.max(0, ...[...text.slice(0, at).matchAll(PART_BREAK)].map((p) => p.index + p[0].length));
    return { whole: m[0], at, reading: readAmount(text.slice(partStart, at), m[1], m[2]) };
  });
}

/**
 * A bare amount after an item that comes in sizes, where a size is as likely as a price: "winter
 * jacket 40" (EU 40 or €40?), "tv 55", "bike 26". Which it is gets asked, never guessed.
 */
export function sizeOrPrice(text: string): number | undefined {
  const sizes = bareAmounts(text).filter((a) => a.reading === 'size');
  return sizes.length === 1 ? amountOf(sizes[0].whole, undefined) : undefined;
}

/**
 * The text with such an amount marked as euros ("kids bike €40"), so it is read as the price and
 * kept out of the title and description like any stated price. Other text is returned unchanged.
 */
export function withBareAmountMarked(text: string): string {
  let marked = text;
  for (const amount of bareAmounts(text).reverse())
    if (amount.reading === 'price')
      marked = `${marked.slice(0, amount.at)}€${amount.whole.trim()}${marked.slice(amount.at + amount.whole.length)}`;
  return marked;
}
