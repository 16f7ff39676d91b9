/**
 * Finding a prohibited term the way a reader would see it, not only as typed. Sellers (and models
 * they steer) dodge a plain word match with invisible characters ("g\u200Bun"), full-width or
 * accented letters ("ｇｕｎ", "pístol"), look-alike letters from other scripts (Cyrillic "о"), digits
 * for letters ("st0len") and spaced-out letters ("G U N", "a.m.m.o"). The text is folded, and each
 * term becomes a pattern that tolerates those spellings; the words around a term still must not
 * touch it, so "Gundam" and "gunmetal" stay fine.
 */

/** Letters from other scripts drawn like Latin ones (after lower-casing), mapped to the Latin letter. */
const LOOK_ALIKE_FROM = 'авеһіјкӏмнорстухѕԁԛԝαεηικνορτυχɡı';
const LOOK_ALIKE_TO = 'abehijklmhopctyxsdqwaenikvoptuxgi';
const LOOK_ALIKES = new Map([...LOOK_ALIKE_FROM].map((c, i) => [c, LOOK_ALIKE_TO[i]]));

const LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_FROM}]`, 'g');

/** Characters standing in for a letter ("st0len", "$tolen", "4mmo"). */
const STAND_INS: Record<string, string> = { a: '4@', e: '3', i: '1!|', l: '1|', o: '0', s: '5$', t: '7+' };

/** What may sit between spaced-out letters, or between the words of a term: spaces, punctuation, symbols. */
const GAP = String.raw`[\s\p{P}\p{S}_]`;
const PUNCTUATION = String.raw`[\p{P}\p{S}_]`;

/**
 * The text as matched: compatibility forms to plain letters (full-width, ligatures), accents and
 * invisible format characters (zero-width spaces, soft hyphens, direction marks) removed, lower
 * case, look-alike letters to Latin.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES.get(c)!);
}

function letterClass(c: string): string {
  const alternatives = `${c}${STAND_INS[c] ?? ''}`.replace(/[\\\]^-]/g, '\\$&');
  return alternatives.length === 1 ? alternatives : `[${alternatives}]`;
}

/**
 * One word of a term: its letters with at most a little punctuation between them ("g*un",
 * "rep-lica"), or each pair apart by the same gap ("g u n", "g. u. n"). A space between some
 * letters and not others is not a spelling: "e.g. UN-approved" does not name a gun.
 */
function wordPattern(word: string, n: number): string {
  const [first, ...rest] = [...word].map(letterClass);
  if (rest.length === 0) return first;
  const tight = `${first}${PUNCTUATION}{0,2}${rest.join(`${PUNCTUATION}{0,2}`)}`;
  const spaced = `${first}(?<g${n}>${GAP}{1,3})${rest.join(`\\k<g${n}>`)}`;
  return `(?:${tight}|${spaced})`;
}

/** A term as a pattern over folded text: its words in order, plurals included ("guns", "replica rolexes"). */
export function termPattern(term: string): RegExp {
  const words = foldForMatching(term)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const body = words.map(wordPattern).join(`${GAP}*`);
  // "-es" only where English takes it ("rolexes"), so "heroines" does not read as "heroin" + "es".
  const plural = /(?:s|x|z|ch|sh)$/.test(words.at(-1) ?? '') ? 'es' : 's';
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${body}(?:${plural})?(?![\p{L}\p{N}])`, 'u');
}

const compiled = new WeakMap<readonly string[], Array<{ term: string; pattern: RegExp }>>();

/** The first of `terms` that `text` names, however spelt; undefined when none. */
export function findProhibitedTerm(text: string, terms: readonly string[]): string | undefined {
  let patterns = compiled.get(terms);
  if (!patterns) {
    patterns = terms.filter((t) => /[\p{L}\p{N}]/u.test(t)).map((term) => ({ term, pattern: termPattern(term) }));
    compiled.set(terms, patterns);
  }
  const folded = foldForMatching(text);
  return patterns.find(({ pattern }) => pattern.test(folded))?.term;
}
