import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The A/B split of prompt versions over sellers, as data
 * (`policies/prompt-rollout.json`): edit and restart, no code change.
 */
export const PromptRolloutSchema = z
  .object({
    /** The version used where no seller is in play (evals without `--prompt`). */
    default: z.string().min(1),
    split: z.array(z.object({ version: z.string().min(1), percent: z.number().int().min(0).max(100) })).min(1),
  })
  .superRefine((rollout, ctx) => {
    const total = rollout.split.reduce((sum, s) => sum + s.percent, 0);
    if (total !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['split'],
        message: `percents must add up to 100 (they add up to ${total})`,
      });
    const versions = rollout.split.map((s) => s.version);
    const repeated = versions.find((v, i) => versions.indexOf(v) !== i);
    if (repeated)
      ctx.addIssue({ code: 'custom', path: ['split'], message: `version "${repeated}" appears more than once` });
  });

export type PromptRollout = z.infer<typeof PromptRolloutSchema>;

export const DEFAULT_ROLLOUT_PATH = new URL('../../policies/prompt-rollout.json', import.meta.url);

export function loadPromptRollout(path: string | URL = DEFAULT_ROLLOUT_PATH): PromptRollout {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the prompt rollout ${String(path)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const parsed = PromptRolloutSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid prompt rollout ${String(path)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * A seller's bucket, 0..99: the first 32 bits of SHA-256 of the seller id.
 * A hash (not a random draw, not a counter) so every process, before and
 * after a restart, puts a seller in the same bucket without storing it.
 */
export function bucketOf(sellerId: string): number {
  return createHash('sha256').update(sellerId).digest().readUInt32BE(0) % 100;
}

/**
 * The split hands out buckets in order: with v1 50 / v2 50, buckets 0–49
 * get v1 and 50–99 get v2. Growing v2 to 60 moves buckets 50–59 only, so
 * sellers already on v2 stay there as a rollout widens.
 */
export function versionFor(rollout: PromptRollout, sellerId: string): string {
  let bucket = bucketOf(sellerId);
  for (const { version, percent } of rollout.split) {
    if (bucket < percent) return version;
    bucket -= percent;
  }
  return rollout.default; // unreachable: the percents add up to 100
}
