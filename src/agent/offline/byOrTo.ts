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

const VERB_THEN_AMOUNT = new RegExp(
  String.raw`\b(lower|reduce|decrease|drop|cut|raise|increase|bump)\s+(?:it\s+|that\s+|(?:the\s+)?price\s+)?` +
    String.raw`(?:€\s?)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?\b)?(?![\w.,%]|\s*(?:percent|off|less|more|cheaper)\b)`,
  'i',
);

export function byOrTo(text: string): ByOrTo | undefined {
  const m = VERB_THEN_AMOUNT.exec(text);
  const amount = m ? parseAmount(m[2]) : undefined;
  if (!m || amount === undefined || amount <= 0) return undefined;
  return { direction: /^(?:raise|increase|bump)$/i.test(m[1]) ? 1 : -1, amount };
}
