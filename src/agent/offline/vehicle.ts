import type { Condition } from '../../domain/listing.js';
import { conditionFrom } from './condition.js';

/**
 * Vehicles are described by make, model, year and mileage, and their
 * condition follows from use: the words a seller uses for a phone ("new",
 * "used") say little about a car ("needs a new clutch" is not new).
 */

const GENERIC = new Set(
  'car cars van truck motorbike motorcycle motor bike scooter moped vehicle auto automobile camper campervan caravan quad'.split(
    ' ',
  ),
);
const FILLER = new Set(
  (
    'my our the a an old used family little small big second first new nice good trusty beloved reliable ' +
    'white black grey gray silver red blue green yellow'
  ).split(' '),
);

/** "my old car", "a motorbike": a vehicle with nothing to tell it apart (no make, model, year or mileage). */
export function isVagueVehicle(phrase: string, itemText: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  if (!words.some((w) => GENERIC.has(w.replace(/s$/, '')))) return false;
  if (mileageKm(itemText) !== undefined || /\b(?:19[5-9]\d|20[0-4]\d)\b/.test(itemText)) return false;
  return words.every((w) => GENERIC.has(w.replace(/s$/, '')) || FILLER.has(w));
}

/** The mileage in km, if stated ("142,000 km", "98.000 km", "60k km", "80,000 miles"). */
export function mileageKm(text: string): number | undefined {
  const m = /(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s?(k)?\s?(km|kms|kilomet(?:er|re)s?|miles?|mi)\b/i.exec(text);
  if (!m) return undefined;
  const grouped = /[.,\s]\d{3}$/.test(m[1]) && !m[2];
  const value = grouped ? Number(m[1].replace(/[.,\s]/g, '')) : Number(m[1].replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const km = (m[2] ? value * 1000 : value) * (/^mi/i.test(m[3]) ? 1.609 : 1);
  return Math.round(km);
}

/** Cues that are about the vehicle itself, whatever its mileage. */
const NEEDS_WORK = /\bneeds?\s+(?:a\s+)?(?:new|some|work|repairs?|tlc|fixing)\b|\bno (?:mot|tüv|tuv)\b/i;

/**
 * A vehicle's condition: broken or needing work as the seller says, otherwise
 * from the mileage (under 10,000 km like new, under 150,000 km good, more fair),
 * otherwise the seller's own words, otherwise good.
 */
export function vehicleCondition(text: string): Condition {
  const said = conditionFrom(text);
  if (said === 'for parts') return said;
  if (NEEDS_WORK.test(text)) return 'fair';
  const km = mileageKm(text);
  if (km !== undefined) return km < 10_000 ? 'like new' : km < 150_000 ? 'good' : 'fair';
  return said && said !== 'new' ? said : 'good';
}
