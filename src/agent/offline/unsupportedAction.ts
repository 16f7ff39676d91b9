/**
 * Listing actions sellers ask for that none of the four tools can do (draft,
 * search, look up, re-price). Recognised so the reply says plainly that it
 * cannot be done, instead of treating "mark lst_… as sold" as a look-up or a
 * price change ("mark it as sold for 150" must never become a re-price).
 * Each cue needs a listing as its object, so draft edits like "remove the
 * word new from the title" are not mistaken for deleting a listing.
 */
const ACTIONS: Array<[action: string, cue: RegExp]> = [
  [
    'mark listings as sold',
    /\b(?:mark|set|flag|show|change)\b[^.!?]{0,40}?\b(?:as|to)\s+(?:sold|reserved)\b|\bstatus\b[^.!?]{0,20}\b(?:sold|reserved)\b|\b(?:lst_[A-Za-z0-9]+|listing|ad|it)\s+(?:is|was|has been|got)\s+(?:already\s+)?sold\b(?!\s+for)/i,
  ],
  [
    'delete or take down listings',
    /\b(?:delete|remove|take\s+down|unlist|unpublish|deactivate|archive|close|withdraw|hide|pause)\b[^.!?]{0,30}?\b(?:listings?|ads?|advert|lst_[A-Za-z0-9]+)\b|\btake\s+(?:lst_[A-Za-z0-9]+|(?:my|the)\s+(?:listing|ad))\s+(?:down|off)\b/i,
  ],
];

/** What the seller asked for, in words for the reply ("mark listings as sold"), if no tool can do it. */
export function unsupportedAction(text: string): string | undefined {
  return ACTIONS.find(([, cue]) => cue.test(text))?.[0];
}
