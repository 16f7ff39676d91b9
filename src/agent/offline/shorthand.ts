/**
 * Texting shorthand, spelled out before the rules read a message: "can u
 * lower lst_… 2 150", "how much shud i ask", "wanna sell". Only whole words,
 * and only ones that mean nothing else in a seller's message; "2" becomes
 * "to" only between a change and an amount, where it cannot be a quantity.
 */

const WORDS: Record<string, string> = {
  u: 'you',
  ur: 'your',
  shud: 'should',
  shd: 'should',
  shld: 'should',
  wud: 'would',
  cud: 'could',
  wanna: 'want to',
  gonna: 'going to',
  plz: 'please',
  pls: 'please',
  thx: 'thanks',
  sel: 'sell',
  selll: 'sell',
  'w/': 'with',
  whats: "what's",
  wats: "what's",
  sellin: 'selling',
};

const WORD = new RegExp(
  String.raw`(?<![\w/-])(?:${Object.keys(WORDS)
    .map((w) => w.replace('/', '\\/'))
    .join('|')})(?![\w/-])`,
  'gi',
);

/** "lower lst_… 2 150", "set it 2 80": "to" written as "2" before the new amount. */
const TWO_AS_TO =
  /\b(lst_[A-Za-z0-9]{4,32}|it|price|lower|reduce|drop|raise|increase|set|change|cut|bump)\s+2\s+(?=(?:€\s?)?\d)/gi;

export function expandShorthand(text: string): string {
  return text
    .replace(WORD, (word) => {
      const full = WORDS[word.toLowerCase()];
      return word[0] === word[0].toUpperCase() && /[a-z]/i.test(word[0]) ? full[0].toUpperCase() + full.slice(1) : full;
    })
    .replace(TWO_AS_TO, '$1 to ');
}
