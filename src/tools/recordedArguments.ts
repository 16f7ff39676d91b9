/** The most of a call's unparsed arguments kept on record: a model can send any amount. */
export const RECORDED_ARGUMENTS_MAX = 2000;

/**
 * A call's arguments as recorded (decisions, refusals) when they did not pass the tool's schema:
 * as sent when short, else their JSON text cut to the bound and marked with the full length.
 */
export function recordedArguments(input: unknown): unknown {
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? 'null');
  if (text.length <= RECORDED_ARGUMENTS_MAX) return input;
  return `${text.slice(0, RECORDED_ARGUMENTS_MAX)}… (${text.length} characters in all)`;
}
