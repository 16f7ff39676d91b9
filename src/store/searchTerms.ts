/**
 * Search words out of free text, engine-neutral: what every engine's listing search matches on.
 * Words only (letters and digits, lower-cased, diacritics removed, stopwords dropped), so text
 * written by a seller or a model never reaches an engine as query syntax.
 */
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have i im in is it its me my of on or our sell selling so that the this to was with you your want would like some'.split(
    ' ',
  ),
);

const MAX_TERMS = 8;

export function searchTerms(text: string, max = MAX_TERMS): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => (w.length > 1 || /\d/.test(w)) && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, max);
}

/** How many query terms occur in a text, allowing simple word endings (bike ~ bikes). */
export function termsCovered(terms: string[], text: string): number {
  const words = searchTerms(text, Number.MAX_SAFE_INTEGER);
  return terms.filter((t) =>
    words.some(
      (w) => w === t || (t.length > 3 && (w.startsWith(t) || t.startsWith(w)) && Math.abs(w.length - t.length) <= 2),
    ),
  ).length;
}
