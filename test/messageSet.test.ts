import { describe, expect, it } from 'vitest';
import { meetsTargets, runMessageSets, TARGETS, type MessagesReport } from '../src/evals/messages.js';

/**
 * The offline model on the labelled seller messages (evals/messages/): every
 * message through the real assistant, counted from this run. The targets are
 * the product's: wrong at most 5 %, sensible at least 70 %, on both splits.
 */
describe('seller-message set, offline model', () => {
  let report: MessagesReport;

  it('runs every message of both splits', { timeout: 180_000 }, async () => {
    report = await runMessageSets({ AGENT_MODEL: 'offline', PROMPT_VERSION: 'v1' });
    expect(report.model).toBe('offline');
    for (const split of report.splits) {
      expect(split.messages).toBeGreaterThanOrEqual(30);
      expect(split.sensible + split.honest + split.wrong).toBe(split.messages);
    }
  });

  it.each(['train', 'test'] as const)('meets the targets on the %s split', (name) => {
    const split = report.splits.find((s) => s.split === name)!;
    const wrong = report.results[name].filter((r) => r.verdict === 'wrong');
    const why = wrong.map((r) => `${r.id}: ${r.reasons.join('; ')}`).join('\n');
    expect(wrong.length / split.messages, why).toBeLessThanOrEqual(TARGETS.maxWrongRate);
    expect(split.sensible / split.messages).toBeGreaterThanOrEqual(TARGETS.minSensibleRate);
    expect(meetsTargets(split)).toBe(true);
  });
});
