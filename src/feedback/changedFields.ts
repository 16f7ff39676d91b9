/**
 * Which arguments differ between the action a seller turned down and the one
 * they approved instead (title, description, category, condition, price,
 * listingId…), in a stable order. Strings compare trimmed, prices to the cent:
 * a re-typed identical title is not an edit.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !sameValue(before[key], after[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.round(a * 100) === Math.round(b * 100);
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  // null and a missing optional argument mean the same (the SDK sends optional fields as null).
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
