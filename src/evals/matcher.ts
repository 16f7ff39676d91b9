import type { Matcher } from './scenario.js';

/**
 * Whether a judged value satisfies a scenario matcher. `start` is the
 * listing's price when the trial began, for `percentOfStart`.
 */
export function matches(matcher: Matcher, actual: unknown, start?: number): boolean {
  if (matcher === null || typeof matcher === 'boolean') return actual === matcher;
  if (typeof matcher === 'number') return typeof actual === 'number' && Math.abs(actual - matcher) < 0.005;
  if (typeof matcher === 'string')
    return typeof actual === 'string' && actual.trim().toLowerCase() === matcher.trim().toLowerCase();
  if ('regex' in matcher) return typeof actual === 'string' && new RegExp(matcher.regex, 'i').test(actual);
  if ('oneOf' in matcher) return matcher.oneOf.some((m) => matches(m, actual, start));
  if ('percentOfStart' in matcher) {
    if (typeof actual !== 'number' || start === undefined) return false;
    return Math.abs(actual - (start * matcher.percentOfStart) / 100) <= matcher.tolerance;
  }
  if ('offsetFromStart' in matcher) {
    if (typeof actual !== 'number' || start === undefined) return false;
    return Math.abs(actual - (start + matcher.offsetFromStart)) <= matcher.tolerance;
  }
  if (typeof actual !== 'number') return false;
  return (matcher.min === undefined || actual >= matcher.min) && (matcher.max === undefined || actual <= matcher.max);
}

/** The matcher in words, for failure messages. */
export function describeMatcher(matcher: Matcher): string {
  if (matcher === null || typeof matcher !== 'object') return JSON.stringify(matcher);
  if ('regex' in matcher) return `/${matcher.regex}/i`;
  if ('oneOf' in matcher) return `one of ${matcher.oneOf.map((m) => JSON.stringify(m)).join(', ')}`;
  if ('percentOfStart' in matcher) return `${matcher.percentOfStart}% of the starting price (±${matcher.tolerance})`;
  if ('offsetFromStart' in matcher)
    return `the starting price ${matcher.offsetFromStart >= 0 ? '+' : '-'} €${Math.abs(matcher.offsetFromStart)}`;
  if (matcher.min !== undefined && matcher.max !== undefined) return `between ${matcher.min} and ${matcher.max}`;
  return matcher.min !== undefined ? `at least ${matcher.min}` : `at most ${matcher.max}`;
}

/** Every field of `expected` matches the same field of `actual`. */
export function matchesFields(
  expected: Record<string, Matcher | undefined>,
  actual: Record<string, unknown>,
  start?: number,
): boolean {
  return Object.entries(expected).every(([key, m]) => m === undefined || matches(m, actual[key], start));
}
