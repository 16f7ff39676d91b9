import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/index.js';

/**
 * The log is checkpointed by the process's checkpoint thread, not inside commits: the database file
 * alone (a copy without its `-wal`) catches up with committed writes while the store stays open, and
 * holds everything once the store is closed.
 */
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Conversations in a copy of the database file alone, as a reader without the log would see it. */
function conversationsInFileAlone(path: string): number {
  const copy = join(dir, `copy-${Date.now()}-${Math.random()}.db`);
  copyFileSync(path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // The schema itself may still be in the log only.
    const tables = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'conversations'").get();
    if ((tables as { n: number }).n === 0) return 0;
    return (db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function written(backgroundCheckpoints: boolean): Promise<{ path: string; store: Store }> {
  dir = mkdtempSync(join(tmpdir(), 'wal-checkpoint-'));
  const path = join(dir, 'test.db');
  const store = Store.open(path, undefined, { backgroundCheckpoints });
  for (let i = 0; i < 20; i++) await store.conversations.create(`seller-${i}`);
  return { path, store };
}

describe('WAL checkpoints', () => {
  it('move committed writes into the file on their own thread while the store is open', async () => {
    const { path, store } = await written(true);
    const deadline = Date.now() + 20_000;
    while (conversationsInFileAlone(path) < 20 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(conversationsInFileAlone(path)).toBe(20);
    await store.close();
    expect(conversationsInFileAlone(path)).toBe(20);
  }, 30_000);

  it('without the thread, stay in the log until SQLite checkpoints (here: at close)', async () => {
    const { path, store } = await written(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(conversationsInFileAlone(path)).toBe(0);
    await store.close();
    expect(conversationsInFileAlone(path)).toBe(20);
  });
});
