import type { Listing } from '../domain/listing.js';

/**
 * The facts a created listing states that the seller never gave: numbers in its title or description that
 * appear nowhere in what the seller said (a mangled "1.4 TSI,000 km", a made-up year), and a condition of
 * "new" the seller never claimed. A listing is a public promise to buyers; an invented fact is a wrong
 * listing even when every field the scenario names is right.
 */
export function inventedFacts(listing: Listing, sellerMessages: string[]): string[] {
  const said = sellerMessages.join('\n');
  const known = new Set([...numbersIn(said), normalise(String(listing.price))]);
  const out: string[] = [];
  for (const [field, text] of [
    ['title', listing.title],
    ['description', listing.description],
  ] as const) {
    const invented = numbersIn(text).filter((n) => !known.has(n));
    if (invented.length) out.push(`its ${field} states ${invented.join(', ')}, which the seller never said`);
  }
  if (listing.condition === 'new' && !claimsNew(said)) out.push('its condition is "new", which the seller never said');
  return out;
}

/** "Brand new", "unused", "sealed" ... but not "like new" or "as good as new". */
function claimsNew(text: string): boolean {
  const withoutLikeNew = text.replace(/\b(?:like|as good as|almost|nearly|near|as)[\s-]+new\b/gi, ' ');
  return /\b(?:new|unused|unopened|sealed|never (?:been )?used|bnib|nib|neu|neuf|nuevo|nuovo|nieuw)\b/i.test(
    withoutLikeNew,
  );
}

/**
 * Numbers as a reader takes them: thousands separators dropped ("142,000", "142.000" and "142 000" are one
 * number), a decimal part kept ("1.4"), leading zeros ignored.
 */
function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g)) out.push(normalise(match[0]));
  // "142k" is 142000 as well as 142: the seller said both.
  for (const match of text.matchAll(/(\d+(?:[.,]\d+)?)\s*k\b/gi))
    out.push(normalise(String(Math.round(Number(match[1].replace(',', '.')) * 1000))));
  return out;
}

function normalise(raw: string): string {
  const grouped = /^\d{1,3}(?:[ ,.]\d{3})+$/.test(raw);
  const plain = grouped ? raw.replace(/[ ,.]/g, '') : raw.replace(',', '.');
  const n = Number(plain);
  return Number.isFinite(n) ? String(n) : plain;
}
