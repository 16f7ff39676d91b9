import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openFromBase } from './baseDatabase.js';
import type { PostgresReplayBases, ScratchDatabase } from './postgresBaseDatabase.js';
import { engineName, type StoreEngine } from '../store/index.js';
import type { Listing } from '../domain/listing.js';
import type { PolicyRules } from '../policy/index.js';
import type { RunResult } from '../agent/runResult.js';
import { createAssistant } from '../agent/createAssistant.js';
import { RecordedModel } from './recordedModel.js';
import { compareBehaviour, type Divergence } from './divergence.js';
import { observedBehaviour, type RecordedTrace } from './traceExport.js';

export interface ReplayReport {
  identical: boolean;
  divergences: Divergence[];
  modelCalls: { recorded: number; replayed: number };
  /** Set when the run was recorded on another engine than it was replayed on: searches may rank differently. */
  note?: string;
}

export interface ReplayOptions {
  rules?: PolicyRules;
  /** Replays on PostgreSQL (the service's own server, when it runs on one); else on a SQLite file. */
  postgres?: PostgresReplayBases;
}

/** A SQLite scratch file in its own folder, removed with it. */
async function sqliteScratch(catalogue: RecordedTrace['catalogue']): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  try {
    const store = await openFromBase(join(dir, 'replay.db'), catalogue);
    return { store, discard: () => store.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Re-executes a recorded run against the current code, prompts and policy,
 * on a scratch database rebuilt from the data the run saw (the catalogue copied from a seeded template), with a model
 * that
 * answers every call with the recorded output. The seller's recorded
 * decisions are replayed in order. Reports the first divergence first.
 */
export async function replayTrace(trace: RecordedTrace, options: ReplayOptions = {}): Promise<ReplayReport> {
  // The catalogue from a seeded template; the rest of the starting data as one transaction.
  const scratch = await (options.postgres?.open(trace.catalogue) ?? sqliteScratch(trace.catalogue));
  const { store } = scratch;
  try {
    const conversation = await store.transaction(async (tx) => {
      for (const listing of trace.listings as unknown as Listing[]) await tx.listings.replace(listing);
      const created = await tx.conversations.create(trace.sellerId);
      // The photos the run saw, stored as the seller's again (same ids: the id hashes seller and bytes).
      const unbounded = { conversationBytes: Number.MAX_SAFE_INTEGER, sellerBytes: Number.MAX_SAFE_INTEGER };
      for (const photo of trace.photos ?? [])
        await tx.images.put(
          {
            id: photo.id,
            sellerId: trace.sellerId,
            conversationId: created.id,
            mime: photo.mime,
            width: photo.width,
            height: photo.height,
            data: Buffer.from(photo.data, 'base64'),
          },
          unbounded,
        );
      if (trace.history.length) await tx.conversations.addItems(created.id, trace.history);
      return created;
    });

    const model = new RecordedModel(trace.modelOutputs);
    const { assistant } = createAssistant({
      config: loadConfig({ PROMPT_VERSION: trace.promptVersion, LOG_LEVEL: 'silent' }),
      store,
      model: { model, name: trace.model },
      rules: options.rules,
    });

    let result: RunResult = await assistant.sendMessage(conversation.id, trace.sellerId, trace.input);
    const decisions = [...trace.decisions];
    while (result.status === 'awaiting_approval' && result.pendingApprovals.length && decisions.length) {
      const next = decisions.shift()!;
      const approval = result.pendingApprovals[0];
      result = await assistant.decide(result.runId, trace.sellerId, {
        approvalId: approval.approvalId,
        decision: next.decision,
        ...(next.message ? { message: next.message } : {}),
      });
    }
    const actual = await observedBehaviour(store, result.runId);
    const divergences = compareBehaviour(trace.expected, actual);
    const recordedOn: StoreEngine = trace.engine ?? 'sqlite';
    return {
      identical: divergences.length === 0,
      divergences,
      modelCalls: { recorded: trace.modelOutputs.length, replayed: model.calls },
      ...(recordedOn === store.engine
        ? {}
        : {
            note:
              `Recorded on ${engineName(recordedOn)}, replayed on ${engineName(store.engine)}: ` +
              'a search may rank its matches differently there.',
          }),
    };
  } finally {
    // A scratch database that will not close or go away is no reason to lose the report.
    await scratch.discard().catch(() => undefined);
  }
}
