import { mentionsItem } from './category.js';

/**
 * Offers that are not an item for sale: a flat or a room for rent, a job, a service ("dog walking,
 * 15 an hour"). The marketplace lists items with one price, so drafting them as an item ("Apartment",
 * €900) would be a wrong listing, and so would a wish to buy ("looking to buy a PS5"); the model
 * says plainly what it can do instead.
 */

export type NotAnItem = 'rentals' | 'jobs' | 'services' | 'rates' | 'wanted';

/** Something offered for rent or to let ("to let you know" is not a flat). */
const RENTAL = new RegExp(
  String.raw`\b(?:for rent|to rent|for hire|for lease|` +
    String.raw`to let\b(?!\s+(?:you|me|him|her|them|us|it|people|everyone)\b)|` +
    String.raw`rent(?:ing)? out|let(?:ting)? out|sublet(?:ting)?|flat ?share|house ?share|room ?mate|lodger|` +
    String.raw`holiday (?:home|let|rental))\b`,
  'i',
);

/** A job offered or wanted; "job lot" is a bundle of items, not a job. */
const JOB = new RegExp(
  String.raw`\b(?:hiring|vacanc(?:y|ies)|` +
    String.raw`(?:a|the|this|new|part[- ]time|full[- ]time|summer|weekend)\s+job(?!\s+lot)|` +
    String.raw`job (?:offer|opening|posting|ad|advert)|looking for (?:a )?(?:job|work)|` +
    String.raw`internship|staff wanted|salary)\b`,
  'i',
);

/** Work offered by the seller: "I can fix your computer", "cleaning services", "tutor available". */
const SERVICE_OFFER = new RegExp(
  String.raw`\b(?:services|(?:i|we)\s+(?:can|will|could)\s+(?:fix|repair|clean|walk|teach|tutor|build|paint|move|` +
    String.raw`install|mow|babysit|cut|design|translate|photograph|cater|assemble|help)\s+(?:your|ur|you|for\s+you)|` +
    String.raw`(?:babysitter|dog ?walker|tutor|handyman|cleaner|gardener|plumber|electrician|photographer)` +
    String.raw`\s+available)\b`,
  'i',
);

/** Work named as what is offered, ending its words: "piano lessons, 20 euros", "dog walking 15". */
const SERVICE_NOUN = new RegExp(
  String.raw`\b(?:lessons|tutoring|babysitting|dog[- ]?walking|pet[- ]?sitting|house[- ]?sitting|cleaning|` +
    String.raw`repairs|removals|coaching|massages?|haircuts?)\b` +
    String.raw`(?=\s*(?:[,.;!:(]|$|\d|€|(?:for|at|from|in|on|available|only|by)\b))`,
  'i',
);

/** A price per hour, day, night, week or month: rent or pay for work, not the price of an item. */
const RATE = new RegExp(
  String.raw`(?:\d|€|\beuros?\b|\beur\b)\s*(?:\/\s*|\bper\s+|\ban?\s+)` +
    String.raw`(?:hour|hr|h|day|night|week|wk|month|mo|year|yr)s?\b(?!\s+(?:ago|old)\b)|` +
    String.raw`\b(?:pcm|p\/h|p\/m)\b|\bhourly\b`,
  'i',
);

/** The seller wants to buy, not sell: "looking to buy a PS5", "WTB iPhone 12". */
const WANTED = new RegExp(
  String.raw`\b(?:looking to buy|(?:want|wants|wanting|need|needs|wanna|would like|'d like|hoping) to buy|wtb|` +
    String.raw`in search of|wanted\s*:|looking for (?:a|an|some|cheap|used)\b(?!\s+(?:buyer|new home|home|owner)))`,
  'i',
);

/** Words of selling: "selling my phone because I want to buy a new one" still sells the phone. */
const SELLING = /\b(?:sell|selling|sold|for sale|list|listing|post)\b/i;

/** What the message offers instead of an item, if it offers no item but one of these. */
export function notAnItem(text: string): NotAnItem | undefined {
  if (RENTAL.test(text)) return 'rentals';
  if (JOB.test(text)) return 'jobs';
  if (SERVICE_OFFER.test(text)) return 'services';
  // "selling my robot vacuum, used for cleaning": an item named, the work is what it does.
  if (SERVICE_NOUN.test(text) && !mentionsItem(text)) return 'services';
  if (RATE.test(text)) return 'rates';
  if (WANTED.test(text) && !SELLING.test(text)) return 'wanted';
  return undefined;
}
