import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The schema of `policies/*.json`: rules are data, validated once at start. */
export const PolicyRulesSchema = z.object({
  version: z.string().min(1),
  /** Per-tool switches; the tools and whether they write come from their specs (src/tools). */
  tools: z
    .record(
      z.string(),
      z.object({
        requiresConfirmation: z.boolean().optional(),
        disabled: z.boolean().optional(),
      }),
    )
    .default({}),
  categories: z.array(z.string().min(1)).min(1),
  price: z.object({
    min: z.number().positive(),
    max: z.number().positive(),
    maxByCategory: z.record(z.string(), z.number().positive()).default({}),
  }),
  ownership: z.record(z.string(), z.string()).default({}),
  prohibitedTerms: z.array(z.string().min(1)).default([]),
  rateLimit: z.object({ writesPerSellerPerHour: z.number().int().nonnegative() }),
});

export type PolicyRules = z.infer<typeof PolicyRulesSchema>;

export const DEFAULT_POLICY_PATH = new URL('../../policies/listing-policy.json', import.meta.url);

export function loadPolicyRules(path: string | URL = DEFAULT_POLICY_PATH): PolicyRules {
  const parsed = PolicyRulesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid policy file ${String(path)}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
