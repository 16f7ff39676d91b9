import type { Db } from './database.js';
import { TransactionRolledBackError } from './storageFault.js';

/**
 * Serialises work on one better-sqlite3 connection once transactions may `await`.
 *
 * A connection has one transaction at a time, and better-sqlite3 runs every statement on it:
 * while an asynchronous transaction waits on an `await`, any other caller's statement would run
 * inside it (and be committed or rolled back with it). So a transaction takes the connection
 * for its whole length, and statements from outside wait for it to end. Transactions run one
 * after another in the order they were asked for.
 */
export class TransactionQueue {
  /** Settles when the last queued piece of work has finished, whatever its outcome. */
  private tail: Promise<void> = Promise.resolve();
  /** Work queued or running; statements skip the queue only when it is empty. */
  private pending = 0;

  constructor(private readonly db: Db) {}

  /**
   * Runs `work` inside `BEGIN IMMEDIATE` … `COMMIT`, alone on the connection; a throw (or a
   * rejected promise) rolls everything back. IMMEDIATE takes the write lock at the start, so
   * another process's writer waits on the busy timeout instead of failing half-way. A read-only
   * transaction begins DEFERRED instead: a snapshot that takes no write lock.
   */
  transaction<T>(work: () => Promise<T> | T, { readOnly = false }: { readOnly?: boolean } = {}): Promise<T> {
    return this.enqueue(async () => {
      this.db.exec(readOnly ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
      try {
        const result = await work();
        // Rolled back beneath the work (a failed statement whose error was caught): nothing to commit.
        if (!this.db.inTransaction) throw new TransactionRolledBackError();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        try {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
        } catch {
          // The rollback failed too (the file is gone or unwritable); the first error says why.
        }
        throw error;
      }
    });
  }

  /**
   * A statement (or a synchronous group of them) from outside any transaction: it runs at once
   * when nothing is queued, else after the work queued before it.
   */
  statement<T>(work: () => T): Promise<T> {
    if (this.pending === 0) {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return this.enqueue(work);
  }

  private enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    this.pending++;
    const turn = this.tail.then(work);
    this.tail = turn.then(
      () => void this.pending--,
      () => void this.pending--,
    );
    return turn;
  }
}
