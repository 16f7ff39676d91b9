import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReviewItemRecord, ReviewLabel, Store } from '../store/index.js';
import { Scenario } from '../evals/scenario.js';
import { readConversationRecord, sellerText, type ConversationRecord } from './conversationRecord.js';
import { startingData } from './startingData.js';
import { sellerScript } from './sellerScript.js';
import { expectationFor } from './expectation.js';

/** A promoted scenario as written to its file: the eval format, with only the fields that say something. */
export interface PromotedScenario {
  id: string;
  title: string;
  tags: string[];
  persona: { sellerId: string; description: string };
  data: Awaited<ReturnType<typeof startingData>>;
  turns: ReturnType<typeof sellerScript>['turns'];
  approvals: ReturnType<typeof sellerScript>['approvals'];
  expect: ReturnType<typeof expectationFor>;
}

/**
 * Turns a labelled review item into an eval scenario: the recorded seller
 * messages and decisions, the data the conversation started from, and a
 * judgement from the label and the seller's corrections. Also says, in
 * words, where the derived judgement may need a human's edit. Reads in one
 * transaction, so the record and the starting data are one snapshot.
 */
export async function scenarioFromReview(
  store: Store,
  item: ReviewItemRecord & { label: ReviewLabel },
): Promise<{ scenario: PromotedScenario; warnings: string[] }> {
  const { record, data } = await store.read(async (tx) => {
    const record = await readConversationRecord(tx, item.runId);
    return { record, data: await startingData(tx, record) };
  });
  const first = sellerText(record.runs[0]);
  const { turns, approvals } = sellerScript(record);
  const scenario: PromotedScenario = {
    id: scenarioId(first, item.runId),
    title: `Promoted from review (${item.label}): "${clip(first, 70)}"`,
    tags: [...new Set(['promoted', `review-${item.label}`, ...item.reasons.map((r) => r.replace(/_/g, '-'))])],
    persona: {
      sellerId: record.reviewed.sellerId,
      description: clip(
        `Seller ${record.reviewed.sellerId} of run ${item.runId}${item.note ? `; reviewer: ${item.note}` : ''}`,
        300,
      ),
    },
    data,
    turns,
    approvals,
    expect: expectationFor(record, item.label),
  };
  // The loader must accept what we write: a file that fails to load would stop every eval run.
  const parsed = Scenario.safeParse(scenario);
  if (!parsed.success) throw new Error(`The derived scenario is not valid: ${z.prettifyError(parsed.error)}`);
  return { scenario, warnings: warningsFor(record, item.label) };
}

/** `promoted-<first words of the conversation>-<6 hex of the run id>`: readable, and unique per run. */
export function scenarioId(firstMessage: string, runId: string): string {
  const words = firstMessage
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(runId).digest('hex').slice(0, 6);
  return `promoted-${words || 'run'}-${hash}`;
}

function warningsFor(record: ConversationRecord, label: ReviewLabel): string[] {
  const warnings: string[] = [];
  const corrected = record.corrections.some((c) => c.kind === 'edited');
  if (label === 'bad' && !corrected && record.writes.length > 0) {
    warnings.push(
      'Labelled bad, but the seller approved these writes and corrected nothing: the expectation repeats them. Edit `expect` if the right outcome differs.',
    );
  }
  if (label === 'bad' && record.writes.length === 0 && !corrected) {
    warnings.push(
      'Labelled bad with no writes and no corrections: the scenario checks that the runs finish and nothing changes; add `replies` checks for what the reply got wrong.',
    );
  }
  const images = record.runs.reduce((n, r) => n + Number((r.input as { images?: unknown } | null)?.images ?? 0), 0);
  if (images > 0) warnings.push(`The seller sent ${images} image(s); eval scenarios carry text only.`);
  return warnings;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
