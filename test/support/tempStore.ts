import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type Clock } from '../../src/store/index.js';

/** A real SQLite file in a temp dir, removed by `dispose`. */
export function tempStore(now?: Clock): { store: Store; path: string; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const path = join(dir, 'test.db');
  const store = Store.open(path, now);
  const dispose = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, path, dispose };
}

/** A conversation of `sellerId` with one run `runId` (what approvals and ledger rows hang from); its id. */
export async function createRun(store: Store, runId: string, sellerId = 'seller-1'): Promise<string> {
  const conversation = await store.conversations.create(sellerId);
  await store.runs.create({
    id: runId,
    conversationId: conversation.id,
    sellerId,
    traceId: `trace_${runId}`,
    input: {},
    appVersion: '1',
    promptVersion: 'v1',
    model: 'm',
  });
  return conversation.id;
}
