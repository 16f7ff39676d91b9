import { parseAmount } from './price.js';

/**
 * "drop 20", "lower it 50", "raise 30": a price verb right before a bare amount, without "to" or
 * "by". On a draft at 300, "drop 20" may mean €280 or €20. Where only one reading makes sense it is
 * taken; where both do, which one is asked, never guessed.
 */

export interface ByOrTo {
  direction: 1 | -1;
  amount: number;
}

/**
 * What is lowered: "it", "the price", "the asking price", "the bike's price", "the price of it"
 * ("drop the price 30" is the same question as "drop 30").
 */
const PRICE_OBJECT =
  String.raw`(?:it|that|this(?:\s+one)?|(?:(?:the|its|my|your|this)\s+)?(?:[\p{L}\p{N}-]+(?:'s|’s)\s+)?` +
  String.raw`(?:(?:asking|sale|selling|listing|listed)\s+)?price(?:\s+(?:of|on|for)\s+(?:it|that|this|the\s+[\p{L}\p{N}-]+))?|` +
  // "drop my sofa 30", "lower the oak table 20": a listing named where the price would be.
  String.raw`(?:my|our|the)(?:\s+(?!(?:to|by|at|from|for|down|up|price)\b)[\p{L}'-]+){1,4}?)`;

/** Group 1 or 3 is the verb, 2 or 4 "down"/"up", 5 the amount. */
const VERB_THEN_AMOUNT = new RegExp(
  String.raw`\b(?:(lower|reduce|decrease|drop|cut|raise|increase|bump)(?:\s+${PRICE_OBJECT})?(?:\s+(down|up))?|` +
    // "knock the price down 10", "bring it down 50": these verbs say which way only with "down" or "up".
    String.raw`(knock|bring|mark|put|move)(?:\s+${PRICE_OBJECT})?\s+(down|up))\s+` +
    String.raw`(?:€\s?)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?\b)?(?![\w.,%]|\s*(?:percent|off|less|more|cheaper)\b)`,
  'iu',
);

export function byOrTo(text: string): ByOrTo | undefined {
  const m = VERB_THEN_AMOUNT.exec(text);
  const amount = m ? parseAmount(m[5]) : undefined;
  if (!m || amount === undefined || amount <= 0) return undefined;
  const up = /^(?:raise|increase|bump)$/i.test(m[1] ?? '') || /^up$/i.test(m[2] ?? m[4] ?? '');
  return { direction: up ? 1 : -1, amount };
}
