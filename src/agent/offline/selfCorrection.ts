/**
 * An amount corrected before the message was sent: "sell my bike 100 no wait make it 90", "my PS4
 * for 150, actually 130", "make it 90, sorry 85". The last amount is the price, and the correction
 * is no part of the item's words. The callers check that an amount came before it.
 */

const AMOUNT =
  String.raw`(?:€\s?)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)(\s?k)?` + String.raw`\s*(?:€|eur(?:os?)?)?[\s.!]*$`;

const CORRECTION = new RegExp(
  String.raw`[\s,.;!-]+(?:(?:no|oh|oops|sorry|hmm+|erm?)[\s,.!]+)*` +
    String.raw`(?:wait|actually|sorry|i mean|scratch that|correction|oops|or rather|no)\b[\s,.!:]*` +
    String.raw`(?:(?:make|let'?s say|say|change)\s+(?:it|that)\s*)?(?:to\s+|it'?s\s+)?` +
    AMOUNT,
  'i',
);

/** "…, make it 130" after a price: a correction too, with no "actually" before it. */
const MAKE_IT = new RegExp(String.raw`[\s,.;!-]+(?:make|change)\s+(?:it|that)\s+(?:to\s+)?` + AMOUNT, 'i');

export interface Correction {
  /** The words before the correction, with the amount first given. */
  before: string;
  /** The corrected amount as written, and its "k" if any. */
  raw: string;
  thousands: string;
}

/** The correction ending `text`, if it ends with one. */
export function correctionAt(text: string): Correction | undefined {
  const m = CORRECTION.exec(text) ?? MAKE_IT.exec(text);
  return m ? { before: text.slice(0, m.index), raw: m[1], thousands: m[2] ?? '' } : undefined;
}
