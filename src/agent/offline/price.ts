import { correctionAt } from './selfCorrection.js';

/**
 * Euro amounts as sellers type them. Only numbers marked as money count
 * ("€120", "120 euros", "for 120", "make it 80"), so model numbers in an
 * item's name ("Marlin 7", "iPhone 13") are never read as prices.
 */

/** 1.200 / 1,200.50 (grouped thousands) or 99.50 / 99,50 (decimals), optionally "k". */
const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(\s?k\b)?`;

/** Words that may follow a price without making it something else ("for 2 years" is not a price). */
const AFTER_PRICE_OK = new Set([
  '',
  'eur',
  'euro',
  'euros',
  'or',
  'obo',
  'ono',
  'ovno',
  'vb',
  'negotiable',
  'firm',
  'cash',
  'please',
  'pls',
  'plz',
  'thx',
  'each',
  'and',
  'but',
  'if',
  'only',
  'total',
  'max',
  'min',
  'instead',
  'then',
  'now',
  'for',
  'both',
  'all',
  'per',
  'no',
]);

export interface PriceMention {
  amount: number;
  /** Where the mention (including its trigger words) sits in the text, so it can be cut out of a description. */
  start: number;
  end: number;
}

export function parseAmount(raw: string, thousands = ''): number | undefined {
  const grouped = /^(\d{1,3}(?:[.,]\d{3})+)([.,]\d{1,2})?$/.exec(raw);
  const value = grouped
    ? Number(grouped[1].replace(/[.,]/g, '') + (grouped[2] ? '.' + grouped[2].slice(1) : ''))
    : Number(raw.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const scaled = thousands.trim() ? value * 1000 : value;
  return Math.round(scaled * 100) / 100;
}

function nextWord(text: string, from: number): string {
  return (/^\s*([a-z]+)/i.exec(text.slice(from))?.[1] ?? '').toLowerCase();
}

/** Money-marked patterns; group 1 is the number, group 2 an optional "k". */
const MARKED: RegExp[] = [
  new RegExp(String.raw`(?:€|\beur\b|\beuros?\b)\s?${NUMBER}`, 'gi'),
  // "iPhone 13 €400": a euro sign followed by a number marks that number, not the one before it.
  new RegExp(String.raw`(?<![\w.,])${NUMBER}\s?(?:€(?!\s?\d)|eur(?:os?)?\b)`, 'gi'),
];

/** A number after words that make it a price: "for 120", "asking 120", "price: 120". */
const TRIGGERED = new RegExp(
  String.raw`\b(?:for|asking(?:\s+price)?(?:\s+(?:is|of))?|ask(?:ing)?\s+for|price(?:d)?(?:\s+(?:is|of|at))?\s*:?|selling\s+(?:it\s+)?for|sell\s+(?:it\s+)?for|want(?:ing)?)\s+(?:around\s+|about\s+|approx\.?\s+|~\s?)?${NUMBER}(?![\w.,]*\d)`,
  'gi',
);

/** A comma-separated part that is only a number ("Nintendo Switch, like new, 250"); years are not prices. */
const BARE_SEGMENT = new RegExp(
  String.raw`(?<=^|(?<!\d)[,;]\s?|\d[,;]\s)\s*${NUMBER}(?![.,]\d)\s*(?=[,;]|\.?\s*$)`,
  'gi',
);

/** "45,-" or "45.-": the amount in whole euros, the way Dutch and German sellers write it. */
const DASH_CENTS = new RegExp(String.raw`(?<![\w.,])${NUMBER}[.,]-(?![\w-])`, 'gi');

/**
 * An amount in another currency ("$200", "75 dollars", "50 quid", "300 kr"): listings are priced in
 * euros, so it is no price; it is cut out of the item's words, and the seller is asked for the price.
 */
const FOREIGN = new RegExp(
  String.raw`(?:(?:\$|£|us\$|usd\b|gbp\b)\s?${NUMBER}|(?<![\w.,])${NUMBER}\s?(?:\$|£|dollars?\b|bucks\b|usd\b|quid\b|gbp\b|kr\b|sek\b|nok\b|dkk\b|chf\b|zł|pln\b))`,
  'gi',
);

/** Amounts the seller gave in another currency, with where they sit. */
export function foreignAmounts(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(FOREIGN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * A number in grouped thousands ending the message ("couch 1,200", "Rolex 2.500"): no model name is
 * written that way. Without this, "1,200" would read as the part "200" after a comma.
 */
const GROUPED_AT_END = /(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+)\s*[.!]?\s*$/g;

/**
 * "40 to 50 euros", "€550-600", "asking 40-50": a range, not one price. The seller has to pick one,
 * so none of its amounts is read as the price.
 */
const RANGE = new RegExp(
  String.raw`(?:(?:€|\beur\b|\beuros?\b|\b(?:for|asking|around|about|between|price|ask|to|at))\s*)?(?<![\w.,])${NUMBER}\s*(?:€|eur(?:os?)?\b)?\s*(?:-|–|to|and)\s*(?:€\s?)?${NUMBER}\s*(?:€|eur(?:os?)?\b|e\b)?`,
  'gi',
);

/** A range marked as money: by a currency or price words around it, or as its own comma-separated part. */
function isMoneyRange(text: string, m: RegExpMatchArray): boolean {
  const whole = m[0];
  const start = m.index ?? 0;
  if (/\band\b/i.test(whole) && !/^between\b/i.test(whole)) return false;
  if (!AFTER_PRICE_OK.has(nextWord(text, start + whole.length))) return false;
  if (/^(?:€|eur|for|asking|around|about|between|price|ask|to|at)\b/i.test(whole)) return true;
  if (/(?:€|eur(?:os?)?|\de)$/i.test(whole)) return true;
  const before = text.slice(0, start);
  const after = text.slice(start + whole.length);
  return before.trim() !== '' && /[,;:]\s*$/.test(before) && /^\s*(?:[,;.!]|$)/.test(after);
}

/** The money ranges the seller gave instead of one price, as [low, high] with where they sit. */
export function priceRanges(text: string): Array<{ low: number; high: number; start: number; end: number }> {
  const out: Array<{ low: number; high: number; start: number; end: number }> = [];
  for (const m of text.matchAll(RANGE)) {
    if (!isMoneyRange(text, m)) continue;
    const low = parseAmount(m[1], m[2] ?? '');
    const high = parseAmount(m[3], m[4] ?? '');
    if (low === undefined || high === undefined || !(low < high)) continue;
    out.push({ low, high, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A number followed by the words sellers put after an asking price: "220 obo", "60 for the set". */
const BEFORE_OFFER_WORDS = new RegExp(
  String.raw`(?<![\w.,])${NUMBER}\s*(?:€|eur(?:os?)?\b)?\s*(?=(?:obo|ono|ovno|o\.b\.o\.?|or (?:best|nearest|near) offers?|or offers?|neg(?:otiable)?|firm|vb|each|apiece|per (?:piece|item|unit)|for (?:the (?:set|lot|pair|bundle|two|three)|both|all(?: of (?:them|it))?|everything|them|the lot))(?!\w))`,
  'gi',
);

/** "150e" at the end of a part: euro written as a letter. Small numbers are model names ("iPhone 16e"). */
const E_SUFFIX = new RegExp(
  String.raw`(?<![\w.,])${NUMBER}\s?e(?=\s*(?:[,;.!)]|$|(?:obo|ono|each|negotiable|firm|cash|only|or)\b))`,
  'gi',
);
const MIN_E_SUFFIX_AMOUNT = 20;

/** An amount that opens the message and is for the item: "100 for my road bike". */
const LEADING_FOR = new RegExp(
  String.raw`^\s*(?:€\s?)?${NUMBER}\s*(?:€|eur(?:os?)?\b)?\s+for\s+(?=(?:my|the|this|a|an|our|these|those)\b)`,
  'gi',
);

/** "Nespresso Vertuo - 40" ending a line of a list: an amount set apart from the item by a dash. */
const LINE_END = new RegExp(
  String.raw`(?<=\S)[ \t]+[-–][ \t]*(?:€\s?)?${NUMBER}[ \t]*(?:€|eur(?:os?)?\b)?(?=[ \t]*(?:\n|$|[,;]))`,
  'gim',
);

/** The words around an amount that belong to it: "at 15 euros apiece", "(40€)". */
const BEFORE_AMOUNT = /(?:\bat|@|\()\s*$/i;
const AFTER_AMOUNT = /^\s*(?:each|apiece|a piece|per (?:piece|item|unit)|ea\b\.?|\))/i;

function widen(text: string, span: PriceMention): void {
  const before = BEFORE_AMOUNT.exec(text.slice(Math.max(0, span.start - 6), span.start));
  if (before) span.start -= before[0].length;
  const after = AFTER_AMOUNT.exec(text.slice(span.end));
  if (after) span.end += after[0].length;
}

/** Every price the seller stated, marked as money, in order; overlapping mentions ("for 500€") are merged. */
export function statedPriceSpans(text: string): PriceMention[] {
  const found: PriceMention[] = [];
  for (const re of MARKED) {
    for (const m of text.matchAll(re)) {
      const amount = parseAmount(m[1], m[2] ?? '');
      if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(TRIGGERED)) {
    const end = m.index + m[0].length;
    if (!AFTER_PRICE_OK.has(nextWord(text, end))) continue;
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined) found.push({ amount, start: m.index, end });
  }
  for (const re of [BEFORE_OFFER_WORDS, LEADING_FOR]) {
    for (const m of text.matchAll(re)) {
      const amount = parseAmount(m[1], m[2] ?? '');
      if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(E_SUFFIX)) {
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined && amount >= MIN_E_SUFFIX_AMOUNT)
      found.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(BARE_SEGMENT)) {
    if (m.index === 0 || /^(?:19|20)\d\d$/.test(m[1])) continue;
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DASH_CENTS)) {
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(GROUPED_AT_END)) {
    const amount = parseAmount(m[1]);
    if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(LINE_END)) {
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined) found.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  for (const span of found) widen(text, span);
  // An amount inside a range is no price: the range stands in the text as one mention with no amount.
  const ranges = [...priceRanges(text), ...foreignAmounts(text)];
  const inRange = (s: PriceMention) => ranges.some((r) => s.start < r.end && s.end > r.start);
  found.splice(0, found.length, ...found.filter((s) => !inRange(s)));
  found.sort((a, b) => a.start - b.start);
  const merged: PriceMention[] = [];
  for (const span of found) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function statedPrice(text: string): number | undefined {
  return statedPriceSpans(text)[0]?.amount;
}

/**
 * Words that may follow a new price named with a change verb ("lower it to 350 before posting",
 * "drop it to 90 so it sells"). Units still are not allowed: "set it to 2 years" names no price.
 */
const AFTER_CHANGE_OK = new Set([
  ...AFTER_PRICE_OK,
  'before',
  'after',
  'so',
  'since',
  'because',
  'as',
  'when',
  'once',
  'until',
  'while',
  'though',
  'thanks',
  'thank',
  'sorry',
  'i',
  'we',
  'it',
  'that',
  'is',
  'tops',
  'flat',
  'rather',
  'really',
  'honestly',
  'tbh',
  'in',
]);

/** A bare verb-less "to": "fits 2 to 4 kids" names no price, so only the strict list may follow it. */
const BARE_TO = /^to\s/i;

/** "should be 95", "needs to be 120", "has to go for 80": the price as it ought to be. */
const SHOULD_BE = String.raw`(?:should|needs?\s+to|has\s+to|must|ought\s+to)\s+(?:be|cost|go\s+for|sell\s+for)`;

const OFFERED = new RegExp(
  String.raw`\btoo\s+(?:high|low|much|cheap|expensive|steep)\b[^?]*?[,;:-]\s*(?:maybe\s+|how about\s+)?(?:€\s?)?${NUMBER}\s*(?:€|eur(?:os?)?\b)?\s*\??\s*$`,
  'i',
);

/** "lst_0000001 -> 230", "→ 230": an arrow to the new amount. */
const ARROW = new RegExp(String.raw`(?:->|→|=>)\s*(?:€\s?)?${NUMBER}(?![\w.,]*\d)`, 'i');

/** Verbs that turn "to 80" or "it 80" into a new price. */
const CHANGE_TO = new RegExp(
  String.raw`\b(?:${SHOULD_BE}|(?:can\s+(?:we|you)\s+)?do|(?:rather\s+)?ask(?:ing)?(?:\s+for)?|make\s+(?:it|that|the\s+price)|(?:change|set|update|adjust|put|lower|reduce|drop|raise|increase|bump|cut|mark)(?:\s+(?:it|that|the\s+price|price))?(?:\s+(?:up|down))?(?:\s+(?:to|at|for))?|go\s+(?:with|for)|how\s+about|what\s+about|try|list\s+(?:it\s+)?(?:at|for)|instead|price\s+(?:it\s+)?(?:at|to)|price\s+(?:it|that|this(?:\s+one)?)|to)\s*(?:(?:like|about|around|maybe|roughly)\s+)?(?:€\s?)?${NUMBER}(?![\w.,]*\d|\s+(?:€\s?)?\d)`,
  'gi',
);

const JUST_A_PRICE = new RegExp(
  String.raw`^\s*(?:€\s?)?${NUMBER}\s*(?:€|eur(?:os?)?)?\s*(?:please|pls|plz|instead|then|thanks|thx)?\s*[.!]?\s*$`,
  'i',
);

/** A new price in a change request: "make it 80", "lower it to 80", "80 euros", "€80", "price 80", or just "80". */
export function requestedPrice(text: string): number | undefined {
  // "make it 90, no wait 85": the amount the seller settled on.
  const correction = correctionAt(text);
  if (correction && requestedPrice(correction.before) !== undefined)
    return parseAmount(correction.raw, correction.thousands);
  // "lower it to 40-50": two amounts, and the seller has not said which one.
  if (priceRanges(text).length) return undefined;
  const stated = statedPrice(text);
  if (stated !== undefined) return stated;
  const only = JUST_A_PRICE.exec(text);
  if (only) return parseAmount(only[1], only[2] ?? '');
  for (const m of text.matchAll(CHANGE_TO)) {
    const follows = BARE_TO.test(m[0]) ? AFTER_PRICE_OK : AFTER_CHANGE_OK;
    if (!follows.has(nextWord(text, m.index + m[0].length))) continue;
    const amount = parseAmount(m[1], m[2] ?? '');
    if (amount !== undefined) return amount;
  }
  // "too high, 50?": an amount offered as the last words, after a judgement of the price.
  const offered = OFFERED.exec(text);
  if (offered) return parseAmount(offered[1], offered[2] ?? '');
  const arrow = ARROW.exec(text);
  if (arrow) return parseAmount(arrow[1], arrow[2] ?? '');
  return preferredPrice(text);
}

/** How sellers judge an amount they now prefer: "50 is fairer", "60 would be more realistic". */
const JUDGED = String.raw`(?:is|would\s+be|'d\s+be|seems|sounds|feels)\s+(?:a\s+)?(?:(?:more|much|a\s+bit|a\s+lot|far)\s+)?(?:fairer|fair|better|right|about\s+right|more\s+like\s+it|realistic|reasonable|fine|ok|okay)\b`;

/** "95 not 90", "60 instead of 50": the amount wanted, set against the one proposed. */
const NOT_THAT = String.raw`(?:not|instead\s+of|rather\s+than)\s+(?:€\s?)?\d`;

/** An amount the seller now prefers, judged ("50 is fairer") or introduced ("actually 50", "let's say 60"). */
const PREFERRED = new RegExp(
  String.raw`(?<![\w.,])(?:€\s?)?${NUMBER}\s*(?:€|eur(?:os?)?\b)?\s+(?:${JUDGED}|${NOT_THAT})|\b(?:actually|rather|let'?s\s+say|say|more\s+like|it'?s|it\s+is|i'?d\s+(?:say|prefer|rather\s+have))\s*,?\s*(?:€\s?)?${NUMBER}(?![\w.,]*\d)`,
  'gi',
);

function preferredPrice(text: string): number | undefined {
  for (const m of text.matchAll(PREFERRED)) {
    const [raw, thousands] = m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]];
    // A year ("2019 is better") is not a price.
    if (/^(?:19|20)\d\d$/.test(raw)) continue;
    if (m[1] === undefined && !AFTER_CHANGE_OK.has(nextWord(text, m.index + m[0].length))) continue;
    const amount = parseAmount(raw, thousands ?? '');
    if (amount !== undefined) return amount;
  }
  return undefined;
}

/** True when the whole message is a bare amount ("80", "€80", "80 euros"). */
export function isJustAPrice(text: string): boolean {
  return JUST_A_PRICE.test(text);
}
