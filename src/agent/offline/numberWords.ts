/**
 * Amounts written in words ("two hundred and fifty", "a hundred", "forty-five")
 * turned into digits, so the price reader sees "250". A lone "one" or "a" is
 * left alone ("Xbox One S", "a sofa"), and so are small numbers that are not
 * money ("two controllers" stays as the seller wrote it).
 */

export const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
export const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, grand: 1000 };

const WORD = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(SCALES), 'a'].join(
  '|',
);
/** A run of number words joined by spaces, hyphens or "and". */
const RUN = new RegExp(String.raw`\b(?:${WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:${WORD}))*\b`, 'gi');
/** Words that make the amount after them a price: "asking two fifty", "make it one twenty". */
const PRICE_BEFORE = /\b(?:for|asking|ask|price|priced|make it|make that|to|only|just|want|say)\s*$/i;
const MONEY_AFTER = /^\s*(?:€|eur\b|euros?\b|bucks\b|quid\b)/i;

function valueOf(words: string[], asPrice: boolean): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let previous = '';
  for (const w of words) {
    const before = previous;
    previous = w;
    if (w === 'a') {
      current = current || 1;
      continue;
    }
    // "two fifty", "one twenty": said the way prices are, hundreds then the rest (250, 120), not 52.
    // Elsewhere ("at five thirty") it may be a time: no amount is read.
    const hundredsFirst = before in UNITS && (w in TEENS || w in TENS) && current < 10;
    if (hundredsFirst && !asPrice) return undefined;
    if (hundredsFirst) current *= 100;
    if (w in UNITS) current += UNITS[w];
    else if (w in TEENS) current += TEENS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[w];
      current = 0;
    }
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Replaces amounts written in words by digits; everything else is left as written. */
export function numberWordsToDigits(text: string): string {
  return text.replace(RUN, (run: string, offset: number) => {
    const words = run
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => w !== 'and');
    // "a" and "and" only belong to an amount inside it: "a sofa", "sofa and chair" are not numbers.
    while (words[0] === 'a' && !(words[1] in SCALES)) words.shift();
    if (!words.length || words.every((w) => w === 'a')) return run;
    // A scale word with no count before it names no amount: "grand piano", "thousand island", "hundred-year".
    if (words.length === 1 && words[0] in SCALES) return run;
    const large = words.some((w) => w in TEENS || w in TENS || w in SCALES);
    const money = MONEY_AFTER.test(text.slice(offset + run.length));
    if (!large && !(money && !(words.length === 1 && words[0] === 'one'))) return run;
    const asPrice = money || PRICE_BEFORE.test(text.slice(0, offset));
    const value = valueOf(words, asPrice);
    if (value === undefined) return run;
    // Keep a leading "a " that was not part of the amount ("for a fifty" is rare; "a hundred" is handled above).
    const lead =
      /^a\s+/i.test(run) && !(words[0] === 'a') && !(run.toLowerCase().split(/[\s-]+/)[1] in SCALES) ? 'a ' : '';
    return `${lead}${value}`;
  });
}
