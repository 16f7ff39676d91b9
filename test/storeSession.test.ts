import { afterEach, describe, expect, it } from 'vitest';
import type { AgentInputItem } from '@openai/agents';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunWrites, Store } from '../src/store/index.js';
import { StoreSession } from '../src/agent/storeSession.js';
import { observe } from '../bench/lib/sqliteWrites.js';
import { createRun } from './support/tempStore.js';

// A segment's session items are held until the run's next transaction: several additions before it
// are one batch (one write of the items, one `updated_at`), in order, and survive a rolled-back one.
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const say = (text: string): AgentInputItem => ({ type: 'message', role: 'user', content: text });

describe('store session', () => {
  it('writes what a segment added before a transaction as one batch, in order, again after a rollback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'session-'));
    dirs.push(dir);
    let counts: ReturnType<typeof observe> | undefined;
    const store = Store.open(join(dir, 'test.db'), undefined, { instrument: (db) => (counts = observe(db)) });
    stores.push(store);
    const conversationId = await createRun(store, 'run_a');
    const writes = new RunWrites();
    writes.open('run_a');
    const session = new StoreSession(store, conversationId, { writes, runId: 'run_a' });
    await session.addItems([say('a')]);
    await session.addItems([say('b'), say('c')]);
    expect(await session.getItems()).toEqual([say('a'), say('b'), say('c')]);
    expect(await store.conversations.items(conversationId)).toEqual([]);

    await expect(
      writes.transaction(store, 'run_a', async () => {
        await session.addItems([say('d')]); // the batch is being written: this one waits for the next
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.conversations.items(conversationId)).toEqual([]);
    expect(await session.getItems()).toEqual([say('a'), say('b'), say('c'), say('d')]);

    counts!.reset();
    await writes.transaction(store, 'run_a', () => Promise.resolve());
    expect(await store.conversations.items(conversationId)).toEqual([say('a'), say('b'), say('c'), say('d')]);
    // Two batches (the first, then what came while it was written), not three additions.
    expect(counts!.breakdown().statementsByTable).toEqual({ conversation_items: 4, conversations: 2 });
    expect(await session.getItems()).toEqual([say('a'), say('b'), say('c'), say('d')]);
    await session.addItems([say('e')]);
    await session.addItems([say('f')]);
    counts!.reset();
    await writes.transaction(store, 'run_a', () => Promise.resolve());
    expect(counts!.breakdown().statementsByTable).toEqual({ conversation_items: 2, conversations: 1 });
    expect((await store.conversations.items(conversationId)).slice(4)).toEqual([say('e'), say('f')]);
  });
});
