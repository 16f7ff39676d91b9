import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type Clock } from '../../src/store/index.js';

/** A real SQLite file in a temp dir, removed by `dispose`. */
export function tempStore(now?: Clock): { store: Store; path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const path = join(dir, 'test.db');
  const store = Store.open(path, now);
  return { store, path, dispose: () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** A conversation of `sellerId` with one run `runId` (what approvals and ledger rows hang from); its id. */
export function createRun(store: Store, runId: string, sellerId = 'seller-1'): string {
  const conversation = store.conversations.create(sellerId);
  store.runs.create({
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
