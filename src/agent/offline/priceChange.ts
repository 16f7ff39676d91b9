import { formatEur } from '../../domain/listing.js';
import { parseAmount } from './price.js';

/**
 * A price change relative to the current price: "raise it by €20", "knock 15
 * off", "10% off", "reduce it 15 percent". Read separately from absolute
 * prices because "lower it by 30" read as an absolute price would set the
 * price to 30; the new price can only be worked out once the current price is
 * known (from getListing, or the draft).
 */
export interface RelativePrice {
  /** +1 raises the price, -1 lowers it. */
  direction: 1 | -1;
  /** Euros, or percent of the current price. */
  unit: 'eur' | 'percent';
  amount: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d{1,2})?)`;
const PERCENT = String.raw`${NUMBER}\s?(?:%|percent\b|per\s?cent\b|pct\b)`;
const EUROS = String.raw`(?:€\s?${NUMBER}|${NUMBER}(?:\s?(?:€|eur(?:os?)?\b))?)`;
/** An amount in euros or percent; group 1 is a percentage, 2 or 3 an amount in euros. */
const AMOUNT = String.raw`(?:${PERCENT}|${EUROS})`;

const DOWN = String.raw`lower|reduce|decrease|drop|cut|discount|knock|take|bring\s+down|mark\s+(?:it\s+)?down|bring\s+(?:it\s+)?down`;
const UP = String.raw`raise|increase|bump|hike|put\s+up|mark\s+(?:it\s+)?up|add`;

/** "by 20", "by 10%": the direction comes from the nearest verb before it. */
const BY = new RegExp(String.raw`\bby\s+(?:another\s+|a\s+further\s+)?${AMOUNT}(?![\w.,]*\d)`, 'i');
/** A euro amount marked as money, or a percentage: never a model number. Groups: percent, euros, euros. */
const MARKED = String.raw`(?:${PERCENT}|€\s?${NUMBER}|${NUMBER}\s?(?:€|eur(?:os?)?\b))`;
/**
 * "20 off", "10% off", "€15 less", "5% more", "10 percent cheaper": the word
 * after says which way. Only "off" and "cheaper" take a bare number: "iPhone 13
 * less than a year old" and "add 2 more photos" are not prices.
 */
const WITH_DIRECTION_WORD = new RegExp(
  String.raw`(?<![\w.,])(?:${AMOUNT}\s*(off|cheaper)|${MARKED}\s*(less|lower|discount)|${MARKED}\s*(more|higher|extra))(?![-\w])`,
  'i',
);
/** "reduce it 15 percent", "raise the price 5%": a percentage right after a verb is never an absolute price. */
const VERB_PERCENT = new RegExp(
  // "discount my oak table 10 percent": a few words naming the listing may come between.
  String.raw`\b(${DOWN}|${UP})\b(?:\s+[\p{L}'-]+){0,4}?\s+${PERCENT}`,
  'iu',
);

const DOWN_WORD = new RegExp(String.raw`\b(?:${DOWN}|cheaper|less|lower|off)\b`, 'gi');
const UP_WORD = new RegExp(String.raw`\b(?:${UP}|more|higher|extra)\b`, 'gi');

/** Reads the (percent, euros, euros) groups that start at `first`. */
function amountOf(m: RegExpExecArray, first: number): Pick<RelativePrice, 'unit' | 'amount'> | undefined {
  const [percent, eurA, eurB] = [m[first], m[first + 1], m[first + 2]];
  const raw = percent ?? eurA ?? eurB;
  const amount = raw === undefined ? undefined : parseAmount(raw);
  if (amount === undefined || amount <= 0) return undefined;
  return { unit: percent !== undefined ? 'percent' : 'eur', amount };
}

/** The direction of the last direction word before `end`, if any. */
function directionBefore(text: string, end: number): 1 | -1 | undefined {
  const before = text.slice(0, end);
  const lastDown = Math.max(-1, ...[...before.matchAll(DOWN_WORD)].map((m) => m.index));
  const lastUp = Math.max(-1, ...[...before.matchAll(UP_WORD)].map((m) => m.index));
  if (lastDown < 0 && lastUp < 0) return undefined;
  return lastDown > lastUp ? -1 : 1;
}

/** The relative change the text asks for, or undefined when it names no amount with a direction. */
export function relativePriceChange(text: string): RelativePrice | undefined {
  const by = BY.exec(text);
  if (by) {
    const amount = amountOf(by, 1);
    const direction = directionBefore(text, by.index);
    // "by 20" with no verb saying which way ("change it by 20") is not guessed.
    if (amount && direction) return { direction, ...amount };
  }
  const worded = WITH_DIRECTION_WORD.exec(text);
  if (worded) {
    // Three alternatives of four groups each: an amount, then the word that says which way.
    const first = worded[4] !== undefined ? 1 : worded[8] !== undefined ? 5 : 9;
    const amount = amountOf(worded, first);
    if (amount) return { direction: first === 9 ? 1 : -1, ...amount };
  }
  const verbPercent = VERB_PERCENT.exec(text);
  if (verbPercent) {
    const amount = parseAmount(verbPercent[2]);
    const direction = new RegExp(String.raw`^(?:${UP})$`, 'i').test(verbPercent[1]) ? 1 : -1;
    if (amount !== undefined && amount > 0) return { direction, unit: 'percent', amount };
  }
  return undefined;
}

/** The new price, rounded to cents; undefined when the change would leave nothing to ask. */
export function applyRelativePrice(current: number, change: RelativePrice): number | undefined {
  const delta = change.unit === 'percent' ? (current * change.amount) / 100 : change.amount;
  const next = Math.round((current + change.direction * delta) * 100) / 100;
  return next > 0 ? next : undefined;
}

/** "by €20" / "by 10%", for replies. */
export function describeRelativePrice(change: RelativePrice): string {
  const amount = change.unit === 'percent' ? `${change.amount}%` : formatEur(change.amount);
  return `${change.direction < 0 ? 'lowering' : 'raising'} it by ${amount}`;
}
