import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

type Db = Database.Database;

/**
 * Copies committed pages from the write-ahead log back into the database file on a thread of its own.
 *
 * SQLite does this inside the COMMIT that takes the log past `wal_autocheckpoint` pages, with an
 * fsync of the log and of the file: one request in every few paid for everyone's writes (the
 * overhead bench's conversation writes about 110 pages, so every ninth or so paid 5–60 ms on a busy
 * disk). Here a thread with its own connection runs a PASSIVE checkpoint every `intervalMs` instead,
 * so commits only append to the log. Durability is the same: a commit is in the log either way
 * (synchronous=NORMAL), and the checkpoint only moves it. The request connection keeps a far higher
 * autocheckpoint as a backstop, so the log stays bounded if this thread stalls or dies.
 *
 * One thread per process serves every database file opened in it (tests and evals open many), each
 * attached while a store has it open. The thread is plain JavaScript (no loader), unref'd, and
 * started on the first attach.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = new Map();
parentPort.on('message', (m) => {
  let entry = open.get(m.path);
  try {
    if (m.type === 'attach') {
      if (!entry) {
        const db = new Database(m.path, { fileMustExist: true });
        db.pragma('busy_timeout = 0');
        entry = { db, refs: 0 };
        open.set(m.path, entry);
      }
      entry.refs++;
    } else if (entry && --entry.refs === 0) {
      open.delete(m.path);
      entry.db.close();
    }
  } catch {
    // a file that cannot be opened is left to SQLite's own checkpoints
  }
  parentPort.postMessage(m.id);
});
setInterval(() => {
  for (const { db } of open.values()) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // busy or gone: the next tick tries again
    }
  }
}, workerData.intervalMs);
`;

/** Pages of log the request connection lets grow before checkpointing itself (about 40 MB). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

class WalCheckpointer {
  private worker: Worker | undefined;
  private next = 0;
  private readonly waiting = new Map<number, (answered: boolean) => void>();
  /** The file each attached connection checkpoints through this thread. */
  private readonly attached = new WeakMap<Db, string>();

  constructor(private readonly intervalMs: number) {}

  /** Checkpoints `db`'s file from now on; `db` keeps only the backstop autocheckpoint. */
  attach(db: Db): void {
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
    this.attached.set(db, db.name);
    this.post('attach', db.name);
  }

  /**
   * `db` is closing: the thread's connection to its file closes first (once no other store has the
   * file open), so that `db`, closing last, checkpoints and removes the log as usual. Past `timeoutMs`
   * without an answer (a thread starved or gone), `db` checkpoints the whole log into the file itself:
   * the file alone must hold the database once its store is closed (replay and evals copy it).
   */
  async detach(db: Db, timeoutMs = 2000): Promise<void> {
    const path = this.attached.get(db);
    if (path === undefined) return;
    this.attached.delete(db);
    const answered = await new Promise<boolean>((resolve) => {
      const id = this.post('detach', path);
      if (id === undefined) return resolve(false);
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(false);
      }, timeoutMs);
      this.waiting.set(id, (answered) => {
        clearTimeout(timer);
        resolve(answered);
      });
    });
    if (!answered) db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private post(type: 'attach' | 'detach', path: string): number | undefined {
    const worker = this.start();
    if (!worker) return undefined;
    const id = this.next++;
    worker.postMessage({ type, path, id });
    return id;
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, intervalMs: this.intervalMs } });
    worker.on('message', (id: number) => {
      this.waiting.get(id)?.(true);
      this.waiting.delete(id);
    });
    // After the listener: adding a 'message' listener refs the worker's port again, and a thread that
    // only checkpoints must never keep a process (a CLI, a test) from exiting.
    worker.unref();
    // A failed thread leaves checkpoints to SQLite (the backstop); nothing waits on it any more.
    const stop = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const resolve of this.waiting.values()) resolve(false);
      this.waiting.clear();
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    this.worker = worker;
    return worker;
  }
}

let shared: WalCheckpointer | undefined;

/** The process's checkpoint thread (every 100 ms). */
export function walCheckpointer(): WalCheckpointer {
  return (shared ??= new WalCheckpointer(100));
}
