/**
 * USD per million tokens (input, output), from the providers' public price
 * lists when this table was written; check them before quoting a figure.
 * The offline model is free but its token estimates are still reported.
 * Models not listed (a local server, a new model) have an unknown cost.
 * Shared by the eval reports and the live cost metric, so both quote the same figures.
 */
export const PRICE_PER_MILLION: Record<string, { input: number; output: number }> = {
  offline: { input: 0, output: 0 },
  scripted: { input: 0, output: 0 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** The longest listed name the model's name starts with ("gpt-5-mini-2025-08-07" is priced as "gpt-5-mini"). */
export function priceFor(model: string): { input: number; output: number } | undefined {
  const name = Object.keys(PRICE_PER_MILLION)
    .filter((k) => model === k || model.startsWith(`${k}-`))
    .sort((a, b) => b.length - a.length)[0];
  return name ? PRICE_PER_MILLION[name] : undefined;
}

export function estimateCost(model: string, usage: { inputTokens: number; outputTokens: number }): number | null {
  const price = priceFor(model);
  if (!price) return null;
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

/**
 * USD by usage type, in the shape of Langfuse's `cost_details`; undefined for a model with no
 * listed price, so an unknown cost is never reported as zero.
 */
export function costDetails(
  model: string,
  usage: { inputTokens: number; outputTokens: number },
): { input: number; output: number; total: number } | undefined {
  const price = priceFor(model);
  if (!price) return undefined;
  const input = (usage.inputTokens * price.input) / 1_000_000;
  const output = (usage.outputTokens * price.output) / 1_000_000;
  return { input, output, total: input + output };
}
