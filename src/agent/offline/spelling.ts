import { itemVocabulary } from './category.js';

/**
 * Typo tolerance: a seller's word that is not a known word but is one edit
 * (two for long words) away from exactly one word of the item vocabulary or
 * of the few verbs the model reads ("sellling" → "selling", "nintedo swich"
 * → "nintendo switch", "labtop" → "laptop") is read as that word. Short words
 * and ordinary English words are never touched ("like" stays "like", "chain"
 * stays "chain"), and the first letter must agree: typos rarely hit it.
 */

const MODEL_WORDS = (
  'sell selling sold listing price lower change reduce raise condition used euros euro ' +
  'controller controllers games charger battery batteries cable lens model wheels frame size bundle ' +
  'machine switch lite nintendo coffee laptop television headphones vacuum wardrobe refrigerator bicycle'
).split(' ');

/** Ordinary words one edit from an item word; a seller who writes them means them. */
const ORDINARY = new Set(
  (
    'about above after again along already also always another anything around asked asking at bought boxed ' +
    'brand broken cables chain chains cheap check chose clean close comes could dates daily every extra first ' +
    'fixed found front given going great heavy house later light lined little lived loved makes mine minor ' +
    'never night other owned paint parts place plain plans plate please plenty power quite ready right round ' +
    'saves scale selling shape short shows since small smell sound spare stand start state still stock style ' +
    'table taken there these thing think those three today total tried under using value waits watch where ' +
    'which while white whole works world would years young shelf shelves sheets cover covers leather tables ' +
    'seats seater seated order offer offers month months weeks collect collection delivery pickup firm barely ' +
    'hardly lightly rarely cabin cable carry cases camel lamps sells lines mixed cheers thanks hello times ' +
    'tired tires timer couple model mode modern stained blind bikes'
  ).split(/\s+/),
);

let vocabulary: Set<string> | undefined;
const known = () => (vocabulary ??= new Set([...itemVocabulary(), ...MODEL_WORDS]));

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

function isKnown(word: string): boolean {
  const words = known();
  return (
    words.has(word) || ORDINARY.has(word) || words.has(word.replace(/e?s$/, '')) || ORDINARY.has(word.replace(/s$/, ''))
  );
}

/**
 * In a short word a changed letter is as likely another word as a typo ("times" is not "tires"):
 * below six letters only a missing, doubled or swapped letter counts.
 */
function plausibleTypo(word: string, target: string): boolean {
  // A letter added to a short word makes another word more often than a typo ("sold" + i = "solid").
  if (word.length > target.length) return target.length >= 6;
  if (word.length >= 6 || word.length !== target.length) return true;
  const diff = [...word].flatMap((ch, i) => (ch === target[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && word[diff[0]] === target[diff[1]];
}

/** The vocabulary word a misspelt word stands for, if exactly one is close enough. */
export function correction(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5 || !/^[a-z]+$/.test(lower) || isKnown(lower)) return undefined;
  const max = lower.length >= 9 ? 2 : 1;
  const close = [...known()].filter(
    (v) => v[0] === lower[0] && v.length >= 4 && editDistance(lower, v, max) <= max && plausibleTypo(lower, v),
  );
  return close.length === 1 ? close[0] : undefined;
}

/** The text with each misspelt item word replaced by the word it stands for. */
export function correctTypos(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => {
    const fixed = correction(word);
    if (!fixed) return word;
    return word[0] === word[0].toUpperCase() ? fixed[0].toUpperCase() + fixed.slice(1) : fixed;
  });
}
