/**
 * "box of old vinyl records", "bundle of kids clothes", "set of 4 winter tyres": many things sold
 * together as one item. The words after "of" need not be known item words; the container says a
 * thing is for sale, and the lot has one price (no single size).
 */
export const COLLECTION_LEAD = new RegExp(
  String.raw`^(?!a\s+lot\s+of\b)(?:(?:a|one|the|my|our|this|that|big|small|large|huge|whole|full|mixed|complete)\s+)*` +
    String.raw`(?:box(?:es)?|bundle|set|lot|job\s?lot|bag|crate|collection|pile|stack|batch|` +
    String.raw`load|bunch|assortment|selection|bin|tub|case)\s+of\s+(?=\p{L}|\d)`,
  'iu',
);

export const isCollection = (itemWords: string): boolean => COLLECTION_LEAD.test(itemWords.trim());
