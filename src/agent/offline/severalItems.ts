import { keywordHits } from './category.js';

/**
 * Two or more items in one message ("a sofa and a coffee table", "two
 * things: X and Y"). One listing is one item, so the model asks which to
 * list first instead of merging them. Accessories sold with the item
 * ("PS5 + 2 controllers", "with case") do not count as another item.
 */

const COUNTED =
  /\b(?:two|2|three|3|four|4|several|a few|a couple of|couple of|multiple|some|few) (?:different )?(?:things|items|bits)\b/i;

const JOIN = /\s+(?:and|&|plus)\s+|\s*\+\s*/i;

const ACCESSORY =
  /^(?:\d+\s+)?(?:(?:a|an|the|its|her|his|my|some|extra|spare|original|all)\s+)*(?:\w+\s+)?(?:controllers?|pads?|games?|case|cases|cover|covers|charger|chargers|cables?|batter(?:y|ies)|lens|lenses|straps?|bags?|box|boxes|papers|manuals?|accessories|remote|stand|dock|pump|lock|lights?|helmet|mount|adapter|keyboard|mouse|pen|box and papers|receipt|warranty|tags)\b/i;

const LEAD = /^(?:(?:a|an|the|my|our|some)\s+)/i;

/** The parts of a description that each name an item, when there is more than one. */
export function severalItems(itemText: string): string[] | undefined {
  const firstSentence = itemText.split(/[.!?\n]/)[0] ?? '';
  if (COUNTED.test(itemText))
    return firstSentence
      .replace(/^.*?:/, '')
      .split(JOIN)
      .map((p) => p.trim())
      .filter(Boolean);
  const body = firstSentence.split(/[,;:(]/)[0] ?? '';
  const parts = body.split(JOIN).map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const named = parts.filter((part, i) => {
    if (i > 0 && ACCESSORY.test(part)) return false;
    const words = part.replace(LEAD, '').split(/\s+/).filter(Boolean);
    const hasItemWord = keywordHits(part).length > 0;
    // "… and Philips Hue kit": a new brand name after "and" starts another item.
    const properName = i > 0 && /^[A-Z]/.test(part.replace(LEAD, '')) && words.length >= 2;
    return hasItemWord || properName;
  });
  if (named.length < 2) return undefined;
  const heads = new Set(named.map((p) => keywordHits(p).at(-1)?.keyword ?? p.toLowerCase()));
  return heads.size >= 2 ? named : undefined;
}
