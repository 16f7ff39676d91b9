/**
 * "includes charger, selling my phone for 100", "barely used - selling my kettle 15": the words of the
 * offer open a later clause, and what comes before them says what the item is like or comes with. The
 * item is the one named after the offer's words; the earlier clause moves behind it, into the description.
 */

/** Where a clause may start: after a comma, semicolon, full stop or a spaced dash. */
const CLAUSE_BREAK = /\s*(?:[,;]|\.(?=\s)|\s[-–—])\s*/g;

/** Earlier words that are a question or another request, not a description of the item. */
const NOT_A_DESCRIPTION = /\?|\b(?:sell|selling|list|listing|post|posting|lst_\w+)\b/i;

export interface LaterClause {
  /** The words before the break ("includes charger"). */
  before: string;
  /** The clause after the break, up to the message's end ("selling my phone for 100"). */
  clause: string;
}

/** Each later clause of a message whose earlier words could describe an item (at most 12 words of them). */
export function laterClauses(text: string): LaterClause[] {
  const out: LaterClause[] = [];
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const before = text.slice(0, m.index).trim();
    if (!before || NOT_A_DESCRIPTION.test(before) || before.split(/\s+/).length > 12) break;
    out.push({ before, clause: text.slice(m.index + m[0].length) });
  }
  return out;
}
