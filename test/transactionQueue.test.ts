import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/store/sqlite/database.js';
import { TransactionQueue } from '../src/store/sqlite/transactionQueue.js';

// Asynchronous transactions on one better-sqlite3 connection: an await inside one must not let
// another caller's statements into it. These fail without the queue (see the last test).
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

let dir: string;
let db: Db;

function open(): { db: Db; queue: TransactionQueue } {
  dir = mkdtempSync(join(tmpdir(), 'txq-'));
  db = openDatabase(join(dir, 'test.db'));
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, body TEXT NOT NULL)');
  return { db, queue: new TransactionQueue(db) };
}

const insert = (owner: string, body: string) =>
  db.prepare('INSERT INTO notes (owner, body) VALUES (?, ?)').run(owner, body);
const bodies = (owner: string) =>
  (db.prepare('SELECT body FROM notes WHERE owner = ? ORDER BY id').all(owner) as { body: string }[]).map(
    (r) => r.body,
  );

afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TransactionQueue', () => {
  it('keeps two interleaved transactions apart: one rolls back, the other keeps every row', async () => {
    const { queue } = open();
    const failing = queue.transaction(async () => {
      insert('a', 'a1');
      await tick();
      insert('a', 'a2');
      await tick();
      throw new Error('a changed its mind');
    });
    const passing = queue.transaction(async () => {
      insert('b', 'b1');
      await tick();
      insert('b', 'b2');
    });
    await expect(failing).rejects.toThrow('a changed its mind');
    await passing;
    expect(bodies('a')).toEqual([]);
    expect(bodies('b')).toEqual(['b1', 'b2']);
  });

  it('holds a statement from outside until the open transaction ends, so a rollback does not take it along', async () => {
    const { queue } = open();
    let inside = false;
    const tx = queue.transaction(async () => {
      inside = true;
      insert('a', 'a1');
      await tick();
      await tick();
      throw new Error('rolled back');
    });
    await tick();
    expect(inside).toBe(true);
    const outside = queue.statement(() => insert('c', 'c1'));
    await expect(tx).rejects.toThrow('rolled back');
    await outside;
    expect(bodies('a')).toEqual([]);
    expect(bodies('c')).toEqual(['c1']);
  });

  it('runs a statement at once when nothing is queued, and runs work in the order it was asked for', async () => {
    const { queue } = open();
    const order: string[] = [];
    const now = queue.statement(() => order.push('first statement'));
    expect(order).toEqual(['first statement']); // synchronous when idle: no extra hop on the common path
    await now;
    const t1 = queue.transaction(async () => {
      await tick();
      order.push('tx1');
    });
    const s = queue.statement(() => order.push('statement after tx1'));
    const t2 = queue.transaction(() => order.push('tx2'));
    await Promise.all([t1, s, t2]);
    expect(order).toEqual(['first statement', 'tx1', 'statement after tx1', 'tx2']);
  });

  it("is what makes the difference: without it, a rollback takes the other caller's row with it", async () => {
    open();
    // The same interleaving as above with bare BEGIN/ROLLBACK on the shared connection.
    db.exec('BEGIN IMMEDIATE');
    insert('a', 'a1');
    await tick();
    insert('c', 'c1'); // another request's statement, run while the transaction waits
    db.exec('ROLLBACK');
    expect(bodies('c')).toEqual([]);
  });
});
