import { categoryOf } from './category.js';

/**
 * "a 2015 macbook pro", "my 3 year old stroller", "kids bike from 2019": a year or an age narrows a
 * search to the few listings that happen to say it, and most titles do not. The search words leave
 * it out (listings of any age are compared) and the answer says so, naming the seller's qualifier.
 */

const QUALIFIERS = [
  // "3 years old", "2-year-old", "six months old", "aged 2"
  String.raw`\b(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:years?|yrs?|months?)(?:[\s-]+old)?\b`,
  String.raw`\baged?\s+\d{1,2}\b`,
  // "from 2015", "(2019)", "2015 model", "model year 2018", "bought in 2020"
  String.raw`\b(?:(?:from|of|bought\s+in|made\s+in|model\s+year|year)\s+)?(?:19[5-9]\d|20[0-3]\d)(?:\s+model)?\b`,
];

const QUALIFIER = new RegExp(QUALIFIERS.join('|'), 'gi');

/**
 * The words without years and ages, and the first qualifier found ("2015"), if any. A vehicle keeps its
 * year: it is part of how cars are told apart and priced, and their listings say it.
 */
export function withoutQualifiers(phrase: string): { rest: string; qualifier?: string } {
  if (categoryOf(phrase) === 'Vehicles') return { rest: phrase };
  const qualifier = phrase.match(QUALIFIER)?.[0].trim();
  if (!qualifier) return { rest: phrase };
  const rest = phrase.replace(QUALIFIER, ' ').replace(/\s+/g, ' ').trim();
  // A year that is the whole name ("1984" the novel) stays: there is nothing else to search for.
  return /\p{L}{2}/u.test(rest) ? { rest, qualifier } : { rest: phrase };
}
