/**
 * "list my bike for 200 and list it again for 150", "sell my sofa for 100 and then lower it to 80": a
 * second request inside what would be read as the item's words. The item is "bike", never "Bike and
 * list". A second request that only repeats the first ("… and post it") is dropped; any other is asked
 * about, one at a time, rather than half done.
 */

const VERBS =
  'sell|list|relist|re-list|post|publish|put|advertise|lower|drop|reduce|raise|increase|change|update|set|make|' +
  'mark|delete|remove|cut|bump|discount|price';

/** A verb after "and", "then" or a comma, used as one: followed by what it acts on or an amount. */
const SECOND = new RegExp(
  String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)(?:then\s+|also\s+|later\s+|after(?:wards)?\s+)*(?:please\s+)?` +
    String.raw`(?<=(?:,|\band|\bthen|\balso|\blater|\bafterwards?|\bplease)\s*)(?:${VERBS})\b` +
    String.raw`(?=\s+(?:it|them|that|this|the|my|its|again|one|another|a\s+second|lst_)\b|\s*[.!]*\s*$)`,
  'i',
);

/** The second request only says to post what the first one drafts: "and post it", "then list it please". */
const SAME_REQUEST =
  /^(?:sell|list|post|publish|put|advertise)\s+(?:it|them|that|this)(?:\s+(?:up|online|now|please|pls|today|for\s+me))*[\s.!]*$/i;

export interface SecondAction {
  /** The words before the second request: the item's words. */
  first: string;
  /** The second request's words ("list it again for 150"). */
  second: string;
  /** Whether it only repeats the first ("and post it"). */
  repeats: boolean;
}

/** Words about the item that start with such a verb: "put it together yourself", "post it to you for 5". */
const ABOUT_THE_ITEM =
  /^(?:put\s+(?:it|them)\s+together|set\s+(?:it|them)\s+up|post\s+(?:it|them)\s+to\s+(?:you|buyers|anyone))\b/i;

export function secondAction(itemText: string): SecondAction | undefined {
  const m = SECOND.exec(itemText);
  if (!m || m.index === 0) return undefined;
  const first = itemText.slice(0, m.index).trim();
  const second = itemText
    .slice(m.index)
    .replace(/^[\s,]*(?:and\s+)?(?:then\s+|also\s+|later\s+)*/i, '')
    .trim();
  if (ABOUT_THE_ITEM.test(second)) return undefined;
  return { first, second, repeats: SAME_REQUEST.test(second) };
}
