import type { Intent, Step } from './intentKind.js';
import { readSellOffer } from './itemText.js';

/**
 * A message that asks for different kinds of write, one per clause: "list my
 * drone for 300 and drop lst_… to 80", "lower lst_… to 50; also sell my desk
 * for 60". Each clause must be a complete request on its own (an item with
 * its price, a listing id with its new price), or the message is read as a
 * whole as before: "salt and pepper mill for 20" is one item, not two.
 */

const CLAUSE_BREAK = /\s*(?:[;.!?\n]+|,?\s+(?:and|plus|also|then|and also|as well as)\s+)\s*/i;

const LISTING_ID = /(?<![\w])lst_[A-Za-z0-9]{4,32}(?![\w])/i;

/** The steps of a message mixing new items and re-prices, when every clause is one of them. */
export function mixedRequests(text: string, classifyClause: (clause: string) => Intent): Step[] | undefined {
  if (!LISTING_ID.test(text)) return undefined;
  // Clauses with the separators between them: [clause, separator, clause, …].
  const pieces = text.split(new RegExp(`(${CLAUSE_BREAK.source})`, 'gi'));
  if (pieces.length < 3) return undefined;
  const steps: Step[] = [];
  let clause = '';
  for (let i = 0; i < pieces.length; i += 2) {
    clause += pieces[i];
    const found = stepsIn(clause.trim(), classifyClause);
    if (found) {
      steps.push(...found);
      clause = '';
    } else if (i + 1 < pieces.length) {
      // Not a request on its own ("sell my salt"): it may go on past the "and" ("…and pepper mill for 20").
      clause += pieces[i + 1];
    }
  }
  if (clause.trim()) return undefined;
  const kinds = new Set(steps.map((s) => s.kind));
  return kinds.size === 2 ? steps : undefined;
}

function stepsIn(clause: string, classifyClause: (clause: string) => Intent): Step[] | undefined {
  if (!clause) return [];
  const intent = classifyClause(clause);
  if (intent.kind === 'sell' && intent.item.draft.price !== undefined) return [intent];
  if (intent.kind === 'reprice' && (intent.price !== undefined || intent.relative)) return [intent];
  if (intent.kind === 'several') return intent.steps;
  return undefined;
}

/**
 * The text without its clauses that offer an item for sale: in "what is lst_…? and sell my desk for
 * 50", the 50 is the desk's price, never a new price for the listing.
 */
export function withoutSellClauses(text: string): string {
  const pieces = text.split(new RegExp(`(${CLAUSE_BREAK.source})`, 'gi'));
  if (pieces.length < 3) return text;
  let kept = '';
  for (let i = 0; i < pieces.length; i += 2) {
    const clause = pieces[i];
    const selling = !LISTING_ID.test(clause) && readSellOffer(clause)?.explicit;
    if (!selling) kept += `${clause}${pieces[i + 1] ?? ''}`;
  }
  return kept;
}
