import { createHash } from 'node:crypto';

/**
 * Where a run falls in [0, 1): the first 32 bits of SHA-256 of its id. The
 * same run always lands in the same place, in any process, so which runs are
 * sampled is reproducible (and testable) without storing a random draw.
 */
export function samplePoint(runId: string): number {
  return createHash('sha256').update(runId).digest().readUInt32BE(0) / 2 ** 32;
}

/** Whether a completed run is sampled into the review queue at this share (0 = none, 1 = all). */
export function isSampled(runId: string, share: number): boolean {
  return samplePoint(runId) < share;
}
