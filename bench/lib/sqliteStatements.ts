import Database from 'better-sqlite3';

/**
 * Counts every statement an observed better-sqlite3 connection runs, reads included, by its SQL text
 * (squeezed to one line; parameters are never part of it). The same method as `sqliteWrites.ts`:
 * `Statement#run/get/all/iterate` and `Database#exec` are wrapped once on their prototypes, so BEGIN,
 * COMMIT and savepoints count too. On SQLite each is a call into the engine; on PostgreSQL the same
 * repository call is a round trip (`pgRoundTrips.ts` counts those).
 */
const counts = new WeakMap<Database.Database, Map<string, number>>();
let installed = false;

const keyOf = (sql: string) => sql.replace(/\s+/g, ' ').trim();

function count(db: Database.Database, sql: string): void {
  const byText = counts.get(db);
  if (byText) byText.set(keyOf(sql), (byText.get(keyOf(sql)) ?? 0) + 1);
}

function install(sample: Database.Database): void {
  if (installed) return;
  installed = true;
  const statementProto = Object.getPrototypeOf(sample.prepare('SELECT 1')) as Record<string, unknown>;
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statementProto[method] as (...args: unknown[]) => unknown;
    statementProto[method] = function (this: Database.Statement, ...args: unknown[]) {
      count(this.database, this.source);
      return original.apply(this, args);
    };
  }
  const databaseProto = Database.prototype as unknown as Record<string, unknown>;
  const exec = databaseProto.exec as (sql: string) => unknown;
  databaseProto.exec = function (this: Database.Database, sql: string) {
    count(this, sql);
    return exec.call(this, sql);
  };
}

/** Starts counting on `db`; `read` answers the counts since the last `reset`, most frequent first. */
export function countStatements(db: Database.Database): { read(): [string, number][]; reset(): void } {
  install(db);
  counts.set(db, new Map());
  return {
    read: () => [...(counts.get(db) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]),
    reset: () => counts.set(db, new Map()),
  };
}
