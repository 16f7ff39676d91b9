import { statSync } from 'node:fs';
import { StoreUnavailableError } from '../store.js';

/**
 * SQLite's result codes that say the file cannot be used right now, not that a statement was wrong:
 * I/O error, read-only file or file system, disk full, damaged file, another connection's lock held
 * past the busy timeout, file gone or not a database. Constraint and syntax errors are not among them.
 */
const UNAVAILABLE = /^SQLITE_(ABORT|IOERR|READONLY|FULL|CORRUPT|BUSY|LOCKED|CANTOPEN|NOTADB|PROTOCOL|NOLFS|PERM)(_|$)/;

/** The StoreUnavailableError for a SQLite error that means the file cannot be used; anything else unchanged. */
export function surfaced(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && UNAVAILABLE.test(code)
    ? new StoreUnavailableError(undefined, { cause: error })
    : error;
}

/**
 * SQLite rolled the open transaction back by itself (it does on a full disk, an I/O error, a busy
 * deadlock) and someone caught the statement's error: the transaction's later statements would
 * otherwise commit one by one, outside it.
 */
export class TransactionRolledBackError extends Error {
  readonly code = 'SQLITE_ABORT_ROLLBACK';
  constructor() {
    super('SQLite rolled the transaction back after a failed statement; nothing of it was committed.');
  }
}

/** The file was removed or replaced under the open connection. */
class DatabaseFileMovedError extends Error {
  readonly code = 'SQLITE_IOERR_DBMOVED';
  constructor(path: string) {
    super(`The database file ${path} was removed or replaced while open; restart the service on a valid file.`);
  }
}

/**
 * Notices a database file removed or replaced under the open connection. SQLite in WAL mode does not:
 * it goes on writing to the unlinked file, and every write from then on would vanish at the next start.
 * A write transaction checks the file first (one stat); plain statements read a flag a timer keeps.
 */
export class FileWatch {
  private readonly identity: FileIdentity | undefined;
  private moved: DatabaseFileMovedError | undefined;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly path: string) {
    const identity = this.current();
    if (identity === undefined || identity === MISSING) return;
    this.identity = identity;
    this.timer = setInterval(() => this.check(), 1000);
    this.timer.unref();
  }

  /** Throws (as StoreUnavailableError) once the file is gone; `fresh` looks now instead of trusting the last look. */
  assertInPlace(fresh = false): void {
    if (fresh && !this.moved) this.check();
    if (this.moved) throw new StoreUnavailableError(undefined, { cause: this.moved });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    if (this.identity === undefined || this.moved) return;
    const now = this.current();
    if (now === MISSING || now?.dev !== this.identity.dev || now.ino !== this.identity.ino)
      this.moved = new DatabaseFileMovedError(this.path);
  }

  /**
   * Device and inode of the file; undefined for an in-memory database. A look costs one stat and no
   * exception for a missing file (write transactions look each time).
   */
  private current(): FileIdentity | typeof MISSING | undefined {
    if (this.path === ':memory:' || this.path === '') return undefined;
    try {
      const s = statSync(this.path, { throwIfNoEntry: false });
      return s ? { dev: s.dev, ino: s.ino } : MISSING;
    } catch {
      // Not a missing entry (a folder made unreadable, say): the file cannot be reached either.
      return MISSING;
    }
  }
}

interface FileIdentity {
  dev: number;
  ino: number;
}

const MISSING = 'missing';
