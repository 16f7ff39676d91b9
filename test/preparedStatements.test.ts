import { afterEach, expect, it } from 'vitest';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.js';
import { freshDatabase } from './support/postgres.js';

// PostgreSQL statements are named (prepared once per connection). A schema change by another
// instance (a rolling deploy's migration) makes a prepared `SELECT *` stale: the store must not
// keep failing on it.
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

it('a statement prepared before another instance changed the schema still answers', async () => {
  const url = await freshDatabase();
  store = await openStore({ DATABASE_URL: url, DATABASE_PATH: '' });
  const conversation = await store.conversations.create('seller-1');
  const run = {
    id: 'run_1',
    conversationId: conversation.id,
    sellerId: 'seller-1',
    traceId: 'trace_1',
    input: { text: 'hi' },
    appVersion: '1',
    promptVersion: 'v1',
    model: 'm',
  };
  await store.runs.create(run);
  const inTransaction = () => store!.transaction((tx) => tx.runs.latestForConversation(conversation.id));
  // Prepared on several pooled connections: reads at once, outside and inside transactions.
  await Promise.all(Array.from({ length: 4 }, () => store!.runs.get('run_1')));
  await Promise.all(Array.from({ length: 4 }, inTransaction));
  const alter = async (sql: string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(sql);
    await admin.end();
  };
  await alter('ALTER TABLE runs ADD COLUMN added_later text');
  // Inside one: a stale statement fails that transaction, and its connection is not used again.
  let failures = 0;
  for (let i = 0; i < 12; i++) {
    const answer = await inTransaction().then(
      (run) => run?.id,
      (error: unknown) => `code ${(error as { code?: string }).code}`,
    );
    if (answer === 'code 0A000') failures++;
    else expect(answer).toBe('run_1');
  }
  expect(failures).toBeLessThanOrEqual(4);
  const last = await Promise.all(Array.from({ length: 4 }, inTransaction));
  expect(last.map((r) => r?.id)).toEqual(Array(4).fill('run_1'));
  // Outside a transaction: answered (sent again unnamed).
  await Promise.all(Array.from({ length: 4 }, () => store!.runs.get('run_1')));
  await alter('ALTER TABLE runs ADD COLUMN added_even_later text');
  const reads = await Promise.all(Array.from({ length: 4 }, () => store!.runs.get('run_1')));
  expect(reads.map((r) => r?.id)).toEqual(Array(4).fill('run_1'));
});
