/**
 * Turns free text (written by a seller or a model) into FTS5 MATCH
 * expressions. Every word is quoted, so FTS5 operators and syntax in the
 * input are inert: untrusted text can never form a query the engine rejects.
 */
import { searchTerms } from '../searchTerms.js';

export { searchTerms };

export interface MatchQueries {
  terms: string[];
  /** Every term must match. */
  all: string;
  /** Any term may match (bm25 still prefers listings that match more). */
  any: string;
}

export function buildMatchQueries(text: string): MatchQueries | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  const quoted = terms.map((t) => `"${t}"`);
  return { terms, all: quoted.join(' AND '), any: quoted.join(' OR ') };
}

/**
 * Docs containing at least `needed` of the terms: an OR of every AND of `needed` terms
 * (undefined when that would be too many alternatives to be worth it).
 */
export function atLeastQuery(terms: string[], needed: number, maxAlternatives = 64): string | undefined {
  const combos: string[][] = [];
  const pick = (start: number, chosen: string[]): boolean => {
    if (chosen.length === needed) {
      combos.push(chosen);
      return combos.length <= maxAlternatives;
    }
    for (let i = start; i < terms.length; i++) if (!pick(i + 1, [...chosen, terms[i]])) return false;
    return true;
  };
  if (needed < 1 || needed > terms.length || !pick(0, [])) return undefined;
  return combos.map((c) => `(${c.map((t) => `"${t}"`).join(' AND ')})`).join(' OR ');
}
