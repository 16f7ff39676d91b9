import Database from 'better-sqlite3';

/**
 * Counts, per observed better-sqlite3 connection, the write statements it runs and the
 * commits that made them durable.
 *
 * Method: every statement of better-sqlite3 goes through `Statement#run/get/all` (prepared
 * statements, including those `db.transaction()` uses for BEGIN/COMMIT/SAVEPOINT) or through
 * `Database#exec`. Those methods are wrapped once on their prototypes, so any code on an
 * observed connection is counted without being changed: our store (whose `db.prepare` is a
 * per-connection cache) and LangGraph's `SqliteSaver` (which prepares its SQL anew on each
 * call and writes pending writes in `db.transaction()`) alike. Connections not registered
 * with `observe()` cost one WeakMap lookup.
 *
 * - A *write statement* is one whose SQL starts with INSERT, UPDATE, DELETE or REPLACE
 *   (or `WITH … INSERT/UPDATE/DELETE`); in an `exec` string each `;`-separated statement
 *   counts. Rows changed by triggers (our FTS indexes) are not statements: they appear in
 *   `rowsChanged`, SQLite's own `total_changes()`, read from the connection as a cross-check.
 * - A *commit* is the end of a write transaction that was not rolled back: either a write
 *   statement run outside any transaction (SQLite autocommits it), or an explicit
 *   transaction (BEGIN … COMMIT, or better-sqlite3's `db.transaction()`) that ran at least one
 *   write, counted when `db.inTransaction` goes from true to false on a statement other than
 *   ROLLBACK. Read-only transactions are not counted: in WAL mode their COMMIT appends
 *   nothing to the log. Each counted commit is one append of frames to the WAL (with
 *   synchronous=NORMAL, no fsync per commit; the WAL is synced at checkpoints).
 * - *SQLite time* is the wall time spent inside those calls (statements, their triggers, commits):
 *   the database's share of a conversation, whatever code asked for it.
 */
export interface WriteCounts {
  commits: number;
  writeStatements: number;
  rowsChanged: number;
  sqliteMs: number;
}

/** Where the writes went: statements per table, and commits per set of tables they wrote. */
export interface WriteBreakdown {
  statementsByTable: Record<string, number>;
  commitsByTables: Record<string, number>;
}

interface Counter {
  commits: number;
  writeStatements: number;
  sqliteMs: number;
  /** Tables written by the open transaction (empty: it has written nothing yet). */
  tables: Set<string>;
  breakdown: WriteBreakdown;
  /** With BENCH_SQL_TIMES set: the time spent per SQL text, to find which statements cost most. */
  sqlTimes?: Map<string, StatementTime>;
}

export interface StatementTime {
  sql: string;
  ms: number;
  calls: number;
}

const counters = new WeakMap<Database.Database, Counter>();
const WRITE =
  /^\s*(?:WITH\b[\s\S]*?\b)?(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`[]?(\w+)/i;
const ROLLBACK = /^\s*ROLLBACK\b(?!\s+TO\b)/i;

/**
 * The tables an SQL text writes, one entry per write statement. Worked out once per text: prepared
 * statements come back with the same text, and the counting should cost every variant as little
 * of its measured time as it can.
 */
const writesBySql = new Map<string, string[]>();
function writesIn(sql: string): string[] {
  let tables = writesBySql.get(sql);
  if (tables) return tables;
  tables = [];
  for (const part of sql.split(';')) {
    const match = WRITE.exec(part);
    if (match) tables.push(match[1]);
  }
  // SQL built with values in its text would grow this without end: only a bounded set is kept.
  if (writesBySql.size < 10_000) writesBySql.set(sql, tables);
  return tables;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

function observed<T>(db: Database.Database, sql: string, work: () => T): T {
  const counter = counters.get(db);
  if (!counter) return work();
  const before = db.inTransaction;
  const started = performance.now();
  const result = work();
  const spent = performance.now() - started;
  counter.sqliteMs += spent;
  if (counter.sqlTimes) {
    const entry = counter.sqlTimes.get(sql) ?? { sql, ms: 0, calls: 0 };
    entry.ms += spent;
    entry.calls++;
    counter.sqlTimes.set(sql, entry);
  }
  const after = db.inTransaction;
  const tables = writesIn(sql);
  for (const table of tables) bump(counter.breakdown.statementsByTable, table);
  counter.writeStatements += tables.length;
  if (tables.length > 0 && !before && !after) commit(counter, new Set(tables));
  else for (const table of tables) counter.tables.add(table);
  if (before && !after) {
    if (counter.tables.size > 0 && !ROLLBACK.test(sql)) commit(counter, counter.tables);
    counter.tables = new Set();
  }
  return result;
}

function commit(counter: Counter, tables: Set<string>): void {
  counter.commits++;
  bump(counter.breakdown.commitsByTables, [...tables].sort().join('+'));
}

let installed = false;

function install(sample: Database.Database): void {
  if (installed) return;
  installed = true;
  const statementProto = Object.getPrototypeOf(sample.prepare('SELECT 1')) as Record<string, unknown>;
  for (const method of ['run', 'get', 'all'] as const) {
    const original = statementProto[method] as (...args: unknown[]) => unknown;
    statementProto[method] = function (this: Database.Statement, ...args: unknown[]) {
      return observed(this.database, this.source, () => original.apply(this, args));
    };
  }
  const databaseProto = Database.prototype as unknown as Record<string, unknown>;
  const exec = databaseProto.exec as (sql: string) => unknown;
  databaseProto.exec = function (this: Database.Database, sql: string) {
    return observed(this, sql, () => exec.call(this, sql));
  };
}

/** Starts counting on `db`; returns a reader of the counts since then. */
export function observe(db: Database.Database): {
  read(): WriteCounts;
  breakdown(): WriteBreakdown;
  /** The SQL texts that took most time since the last reset (none unless BENCH_SQL_TIMES is set). */
  costliest(limit?: number): StatementTime[];
  reset(): void;
} {
  install(db);
  const emptyBreakdown = (): WriteBreakdown => ({ statementsByTable: {}, commitsByTables: {} });
  const counter: Counter = {
    commits: 0,
    writeStatements: 0,
    sqliteMs: 0,
    tables: new Set(),
    breakdown: emptyBreakdown(),
    sqlTimes: process.env.BENCH_SQL_TIMES ? new Map() : undefined,
  };
  counters.set(db, counter);
  const changes = db.prepare('SELECT total_changes() AS n');
  const totalChanges = () => (changes.get() as { n: number }).n;
  let baseChanges = totalChanges();
  return {
    read: () => ({
      commits: counter.commits,
      writeStatements: counter.writeStatements,
      rowsChanged: totalChanges() - baseChanges,
      sqliteMs: counter.sqliteMs,
    }),
    breakdown: () => counter.breakdown,
    costliest: (limit = 25) => [...(counter.sqlTimes?.values() ?? [])].sort((a, b) => b.ms - a.ms).slice(0, limit),
    reset: () => {
      counter.sqlTimes?.clear();
      counter.commits = 0;
      counter.writeStatements = 0;
      counter.sqliteMs = 0;
      counter.breakdown = emptyBreakdown();
      baseChanges = totalChanges();
    },
  };
}

export const addCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  commits: a.commits + b.commits,
  writeStatements: a.writeStatements + b.writeStatements,
  rowsChanged: a.rowsChanged + b.rowsChanged,
  sqliteMs: a.sqliteMs + b.sqliteMs,
});

export const subtractCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  commits: a.commits - b.commits,
  writeStatements: a.writeStatements - b.writeStatements,
  rowsChanged: a.rowsChanged - b.rowsChanged,
  sqliteMs: a.sqliteMs - b.sqliteMs,
});
