import { keywordHits, namedCategory, namesAKindOfItem } from './category.js';

/**
 * "selling a bike?", "can I sell my sofa here?": a kind of item and nothing else about it, asked as a
 * question. A draft titled "Bike" with no brand, state or price would be
 * a guess at everything; the model asks for what a listing needs instead. "sell my trek marlin 7 for
 * 300" or "sell my bike for 50" says enough and is drafted as before.
 */

/** "can I sell…", "is it ok to list…", "do you allow selling…": whether something may be sold here. */
const MAY_I_SELL = new RegExp(
  String.raw`^(?:(?:hi|hello|hey)[\s,!.]+)?(?:(?:can|could|may)\s+(?:i|we|people)(?:\s+also)?|` +
    String.raw`is\s+it\s+(?:possible|ok(?:ay)?|allowed)\s+to|am\s+i\s+allowed\s+to|` +
    String.raw`do\s+you\s+(?:allow|accept|take)(?:\s+me\s+to)?)\s+` +
    String.raw`(?:sell(?:ing)?|list(?:ing)?|post(?:ing)?|advertis(?:e|ing))\s+(.+?)` +
    String.raw`(?:\s+(?:here|on\s+here|on\s+this\s+(?:site|app|platform|marketplace)|with\s+you|through\s+you))?\s*\?+\s*$`,
  'i',
);

/** Words that say nothing about which item it is. */
const FILLER = new Set(
  (
    'a an my our the this some old used second-hand secondhand new small big large mountain road city kids ' +
    "children's childrens baby electric wooden leather nice good"
  ).split(' '),
);

/** The item, when the words are only a kind of item ("a bike", "my old sofa", "mountain bike"). */
export function bareKindOfItem(words: string): string | undefined {
  const text = words.replace(/[?!.\s]+$/, '').trim();
  if (!text || /\d/.test(text) || text.split(/\s+/).length > 4) return undefined;
  const hits = keywordHits(text).filter((h) => namesAKindOfItem(h.keyword));
  if (hits.length === 0) return undefined;
  // Every word is filler or part of a kind of item: "my trek bike" names a brand and is not bare.
  const rest = hits.reduceRight((t, h) => `${t.slice(0, h.start)} ${t.slice(h.end)}`, text);
  if (!rest.split(/\s+/).every((w) => !w || FILLER.has(w.toLowerCase()))) return undefined;
  return text.replace(/^(?:a|an|my|our|the|this|some)\s+/i, '');
}

/**
 * "can I sell my bike here?": `bare` when it names only a kind of item or a category ("furniture"), else
 * the item's words, an offer like "sell my trek marlin 7".
 */
/** "do you accept bikes?", "do you take furniture here?": the same question without the verb. */
const DO_YOU_TAKE =
  /^(?:(?:hi|hello|hey)[\s,!.]+)?do\s+you\s+(?:accept|allow|take)\s+(?!(?:offers|cash|cards?|paypal|payments?)\b)(.+?)(?:\s+(?:here|on\s+here))?\s*\?+\s*$/i;

export function maySell(text: string): { bare: string } | { itemText: string } | undefined {
  const m = MAY_I_SELL.exec(text.trim());
  if (!m) {
    // Without the verb, only a bare kind of item or category is read: "do you take cards?" is no offer.
    const taken = DO_YOU_TAKE.exec(text.trim())?.[1];
    const bare = taken && (bareKindOfItem(taken) ?? (namedCategory(taken) ? taken : undefined));
    return bare ? { bare } : undefined;
  }
  const bare = bareKindOfItem(m[1]) ?? (namedCategory(m[1].replace(/^(?:my|our|some|any)\s+/i, '')) ? m[1] : undefined);
  return bare ? { bare } : { itemText: m[1] };
}

/**
 * An offer whose item words are only a kind of item, asked as a question ("selling a bike?"):
 * `itemText` is what follows the offer's verb. "sell my bike" still drafts, searches and asks the price.
 */
export function bareOffer(text: string, itemText: string): string | undefined {
  // "can you sell my bike?" asks for the listing like "sell my bike" does.
  const asked = /\?\s*$/.test(text) && !/^(?:can|could|would|will)\s+(?:you|u)\b/i.test(text);
  return asked ? bareKindOfItem(itemText) : undefined;
}
