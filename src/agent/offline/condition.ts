import { CONDITIONS, type Condition } from '../../domain/listing.js';

/**
 * Words sellers use for an item's state, checked in order: the more specific
 * cue wins ("not working" before "working", "barely used" before "used",
 * "minor scratches" before "scratches", "worn twice" before "worn": clothes
 * worn a few times are like new, not worn out).
 */
const CUES: Array<[Condition, RegExp]> = [
  [
    'for parts',
    /\b(?:for parts|spares(?:\s+(?:or|and|\/)\s+|\s*\/\s*)repairs?|broken|not working|doesn'?t work|does not work|won'?t (?:turn on|start|work|charge)|defective|faulty|needs? (?:a )?repairs?)\b/i,
  ],
  [
    'like new',
    /\b(?:like new|as new|almost new|nearly new|good as new|(?:barely|hardly|rarely|lightly) (?:used|worn)|(?:only |just )?(?:used|worn) (?:only |just )?(?:once|twice|a (?:few|couple(?: of)?|handful of) times)|mint|excellent condition|perfect condition|pristine|immaculate)\b/i,
  ],
  [
    'new',
    /\b(?:brand new|never (?:used|worn)|unused|unopened|sealed|new in box|still in (?:the )?box|in (?:the )?original packaging|with tags|bnib|nwt|new condition)\b/i,
  ],
  [
    'good',
    /\b(?:minor|light|small|tiny|a few small|some small) (?:scratch(?:es)?|scuffs?|marks?|signs of (?:use|wear)|wear)\b/i,
  ],
  [
    'fair',
    /\b(?:scratch(?:es|ed)?|scuff(?:s|ed)?|dent(?:s|ed)?|worn|wear and tear|heavily used|well used|signs of (?:use|wear)|stain(?:s|ed)?|cracked|chipped|faded|needs (?:some )?(?:work|tlc|cleaning)|fair condition|ok condition|okay condition|decent condition)\b/i,
  ],
  [
    'good',
    /\b(?:used|good condition|great condition|very good|works (?:fine|well|perfectly|great)|fully working|working|in good shape|well (?:kept|maintained)|serviced|second[- ]?hand|pre-?owned)\b/i,
  ],
  ['new', /\bnew\b/i],
];

/** "no scratches", "without dents", "scratch-free": a flaw denied says the item is in good shape, not worn. */
const DENIED_FLAW =
  /\b(?:no|without|zero|free\s+(?:of|from)|not\s+(?:a|one|any))\s+(?:(?:any|visible|real|major|minor|big)\s+){0,2}(?:scratch|scuff|dent|mark|stain|crack|chip|signs?\s+of\s+(?:use|wear)|wear)\w*|\b(?:scratch|scuff|dent|stain)[\s-]free\b/gi;

/** The condition the text describes, or undefined when it says nothing about it. */
export function conditionFrom(text: string): Condition | undefined {
  const rest = text.replace(DENIED_FLAW, ' ');
  for (const [condition, cue] of CUES) if (cue.test(rest)) return condition;
  return rest === text ? undefined : 'good';
}

/** Default for a draft when the seller did not say: most second-hand items are in good condition, and the seller confirms it. */
export const DEFAULT_CONDITION: Condition = 'good';

/**
 * A condition the seller asks to change to. Stricter than conditionFrom: a
 * change message like "looks good" must not turn into condition "good", so the
 * weak words only count next to the word "condition".
 */
export function requestedCondition(text: string): Condition | undefined {
  if (/\bcondition\b/i.test(text)) {
    // "a fair price", "a good deal": those words judge the price, not the item.
    const named =
      /\b(like new|as new|for parts|brand new|new|good|fair|poor|excellent|mint)\b(?!\s+(?:price|deal|offer|value|amount))/i
        .exec(text)?.[1]
        .toLowerCase();
    const map: Record<string, Condition> = {
      'like new': 'like new',
      'as new': 'like new',
      'for parts': 'for parts',
      'brand new': 'new',
      new: 'new',
      good: 'good',
      fair: 'fair',
      poor: 'fair',
      excellent: 'like new',
      mint: 'like new',
    };
    if (named) return map[named];
  }
  for (const [condition, cue] of CUES.slice(0, 3)) if (cue.test(text)) return condition;
  return undefined;
}

/** A condition value as the schema spells it, if the text is one. */
export function canonicalCondition(value: string): Condition | undefined {
  const lower = value.trim().toLowerCase();
  return CONDITIONS.find((c) => c === lower) ?? conditionFrom(lower);
}
