import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.js';
import { TransactionQueue } from './transactionQueue.js';
import { FileWatch, surfaced, TransactionRolledBackError } from './storageFault.js';
import { walCheckpointer } from './walCheckpointer.js';

/** A synchronous repository seen through the connection: every method answers a promise. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The transactions the current asynchronous context runs inside, innermost first (one per connection). */
interface OpenTransactions {
  holder: symbol;
  outer: OpenTransactions | undefined;
}

/**
 * One storage for every connection of the process, not one each: Node's promise hook copies each
 * enabled storage into every new promise, so each storage costs every promise of the process (the
 * SDK's runs included) for good. A transaction's symbol is unique; a transaction on one connection
 * inside another's work keeps the outer one in its chain.
 */
const transactionContext = new AsyncLocalStorage<OpenTransactions>();

/**
 * The one better-sqlite3 connection of a store, shared by its repositories. Statements from outside a
 * transaction wait while one is open (see TransactionQueue); statements made by the open transaction's
 * own work, however deep in its awaits, run at once. That work is recognised by its asynchronous context,
 * so a transaction that calls the store instead of its `tx` joins itself instead of waiting for itself.
 */
export class Connection {
  private readonly queue: TransactionQueue;
  /** The transaction holding the connection, if any. */
  private holder: symbol | null = null;
  private readonly file: FileWatch;

  constructor(readonly db: Db) {
    this.queue = new TransactionQueue(db);
    this.file = new FileWatch(db.name);
  }

  /** True in the asynchronous context of the transaction that holds the connection. */
  private get inside(): boolean {
    if (this.holder === null) return false;
    for (let open = transactionContext.getStore(); open; open = open.outer)
      if (open.holder === this.holder) return true;
    return false;
  }

  /**
   * One statement (or a synchronous group). A file that cannot be used (I/O error, read-only, full,
   * locked past the busy timeout, removed) fails it with StoreUnavailableError.
   */
  run<T>(statement: () => T): Promise<T> {
    const guarded = () => {
      this.file.assertInPlace();
      try {
        return statement();
      } catch (error) {
        throw surfaced(error);
      }
    };
    if (!this.inside) return this.queue.statement(guarded);
    try {
      if (!this.db.inTransaction) throw surfaced(new TransactionRolledBackError());
      return Promise.resolve(guarded());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** One transaction; work that is already inside one joins it (its writes commit with the outer ones). */
  transaction<T>(work: () => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    if (this.inside) return work();
    return this.queue
      .transaction(async () => {
        // A write looks at the file first: nothing is committed into a file removed meanwhile.
        this.file.assertInPlace(!options.readOnly);
        const holder = Symbol('transaction');
        this.holder = holder;
        try {
          return await transactionContext.run({ holder, outer: transactionContext.getStore() }, work);
        } finally {
          this.holder = null;
        }
      }, options)
      .catch((error: unknown) => {
        // BEGIN (the busy timeout) and COMMIT (I/O, a full disk) fail here, outside any statement.
        throw surfaced(error);
      });
  }

  /** Waits for queued work, then closes the connection. */
  async close(): Promise<void> {
    await this.queue.statement(() => undefined);
    this.file.stop();
    await walCheckpointer().detach(this.db);
    this.db.close();
  }

  /** Wraps each method of a synchronous repository so that it runs on this connection. */
  over<T extends object>(repository: T): Async<T> {
    const wrapped: Record<string, unknown> = {};
    let proto: object | null = Object.getPrototypeOf(repository) as object | null;
    while (proto && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = (repository as Record<string, unknown>)[name];
        if (name === 'constructor' || name in wrapped || typeof method !== 'function') continue;
        wrapped[name] = (...args: unknown[]) =>
          this.run(() => (method as (...a: unknown[]) => unknown).apply(repository, args));
      }
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    return wrapped as Async<T>;
  }
}
