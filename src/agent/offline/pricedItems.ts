import { draftFromOffer, type ItemDraft } from './draft.js';
import { readSellOffer } from './itemText.js';
import { statedPriceSpans } from './price.js';

/**
 * Several items in one message, each with its own price: "my oak desk for
 * 60 and a desk chair for 45", "kettle 15€, toaster 20€", one per line. Each
 * becomes its own draft; an item without a price of its own, or an amount
 * that is an alternative ("300, or 250 without the lights"), means the
 * message is not such a list.
 */

/** Where one item ends and the next begins, between two prices. */
const SEPARATOR = /\s*(?:[,;\n]\s*(?:(?:and|plus|also|&|\+)\s+)?|\s(?:and|plus|also|&|\+)\s+)/gi;

/** Words that start something other than a new item after a price. */
const NOT_AN_ITEM = new RegExp(
  String.raw`^(?:or|obo|ono|was|were|paid|bought|retail|rrp|originally|new\s+(?:it\s+)?(?:was|is|costs?)|instead|` +
    String.raw`but|each|per|if|negotiable|firm|cash|thanks|thank|please|with|without|incl|including)\b`,
  'i',
);

/** "two things: …", "a few items -": the count is not an item. */
const COUNTED_LEAD = /^\s*(?:\w+\s+){0,3}?(?:things|items|bits|pieces)\s*[:-]\s*/i;

/** Words after the last price that describe all the items at once; group 1 is what is said of each. */
const SHARED =
  /[,;.]\s*(?:both|all(?: of them)?|they(?:'re| are)(?: all| both)?|each)\s+((?:are\s+|is\s+)?[^,;.]+?)[\s.!]*$/i;

/** The items and their own prices, when the text lists at least two; undefined otherwise. */
export function pricedItems(text: string): ItemDraft[] | undefined {
  const itemText = text.replace(COUNTED_LEAD, '');
  const spans = statedPriceSpans(itemText);
  if (spans.length < 2) return undefined;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < spans.length; i++) {
    const between = itemText.slice(spans[i].end, spans[i + 1].start);
    const cuts = [...between.matchAll(SEPARATOR)];
    // No separator between two prices ("for 300 or 250"): one item with two amounts.
    if (cuts.length === 0) return undefined;
    // A joining word or a new line marks the next item ("helmet, 30 euros plus shoes, 45 euros");
    // with commas only, the last one does ("desk for 60, barely used, chair for 45").
    const joins = cuts.filter((c) => /[;\n]|\p{L}|[&+]/u.test(c[0]));
    const cut = (joins.length ? joins : cuts)[(joins.length || cuts.length) - 1];
    parts.push(itemText.slice(start, spans[i].end + cut.index));
    start = spans[i].end + cut.index + cut[0].length;
  }
  // "…, both like new", "…, all in good condition": said once after the list, true of every item.
  const last = itemText.slice(start);
  const shared = SHARED.exec(last);
  parts.push(shared ? last.slice(0, shared.index) : last);
  if (shared) for (let i = 0; i < parts.length; i++) parts[i] = `${parts[i].replace(/[\s,;]+$/, '')}, ${shared[1]}`;
  const items: ItemDraft[] = [];
  for (const part of parts) {
    const text = part.replace(/^[\s,;:+&-]+|[\s,;:+&.-]+$/g, '');
    if (!text || NOT_AN_ITEM.test(text)) return undefined;
    // "…and post it for 1 euro": the item is the one already named, so this is no list of items.
    const offer = readSellOffer(text);
    const item = draftFromOffer(offer?.explicit ? offer : { itemText: text, explicit: true });
    if (item.vague || item.draft.price === undefined || statedPriceSpans(text).length !== 1) return undefined;
    items.push(item);
  }
  const titles = new Set(items.map((item) => item.draft.title.toLowerCase()));
  return titles.size === items.length ? items : undefined;
}
