import pg from 'pg';

/**
 * Counts the database round trips of this process's node-postgres clients, per statement.
 *
 * Method: every statement node-postgres sends, through a pool or a client, goes through
 * `Client#query` (pool.query checks a client out and calls it; COPY streams too). The method is
 * wrapped once on the prototype, so the store is observed without being changed. One call is one
 * statement: a parameterised query is sent as Parse/Bind/Execute/Sync in one write, a text with
 * several `;`-separated statements is one simple-protocol message. It is a round trip unless a
 * pipelined client sends it while another of its statements is still in flight (no new wait). A *transaction* is
 * a BEGIN; a statement outside one autocommits on its own, counted as `autocommits`.
 *
 * Imported with `--import` into a server process (bench/api.ts does so for its PostgreSQL
 * instances), it answers the IPC message `pgRoundTrips` with the counts so far; imported as a
 * module, `pgRoundTrips()` reads them.
 */
export interface PgRoundTrips {
  /** Waits on the server: statements sent while their client had nothing else in flight. */
  roundTrips: number;
  /** Statements sent; more than the round trips when a pipelined client sends some back to back. */
  statements: number;
  transactions: number;
  /** Statements sent outside BEGIN … COMMIT (each its own transaction). */
  autocommits: number;
  /** Round trips per statement, keyed by its first words (parameters are never part of the key). */
  byStatement: Record<string, number>;
}

const counts: PgRoundTrips = { roundTrips: 0, statements: 0, transactions: 0, autocommits: 0, byStatement: {} };
const inTransaction = new WeakSet<object>();

/**
 * Keys by statement text: squeezing a text of a few kilobytes on every statement showed in CPU profiles
 * as a share of the very instance CPU this counts beside (texts are few and fixed).
 */
const keys = new Map<string, string>();

/** A statement's key: its text squeezed to one line, its first 70 characters (named statements by name). */
function keyOf(config: unknown): string {
  if (typeof config === 'string') {
    let key = keys.get(config);
    if (key === undefined) {
      key = config.replace(/\s+/g, ' ').trim().slice(0, 70);
      if (keys.size < 10_000) keys.set(config, key);
    }
    return key;
  }
  if (typeof config === 'object' && config !== null) {
    const { text, name } = config as { text?: unknown; name?: unknown };
    if (typeof text === 'string') return keyOf(text);
    if (typeof name === 'string') return `(named) ${name}`;
    return '(copy or stream)';
  }
  return '(unknown)';
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: object, ...args: unknown[]) {
    const key = keyOf(args[0]);
    // A pipelined client (pipeline: true) sends a statement behind those still in flight: no new wait.
    const client = this as { pipeline?: boolean; _activeQuery?: unknown; _sentQueryQueue?: unknown[] };
    if (!client.pipeline || (!client._activeQuery && !client._sentQueryQueue?.length)) counts.roundTrips++;
    counts.statements++;
    counts.byStatement[key] = (counts.byStatement[key] ?? 0) + 1;
    const word = key.split(' ')[0].toUpperCase();
    if (word === 'BEGIN') {
      counts.transactions++;
      inTransaction.add(this);
    } else if (word === 'COMMIT' || word === 'ROLLBACK' || word === 'END') {
      // ROLLBACK TO SAVEPOINT stays inside the transaction.
      if (!/^ROLLBACK TO/i.test(key)) inTransaction.delete(this);
    } else if (!inTransaction.has(this)) counts.autocommits++;
    return original.apply(this, args);
  };
}

install();

/** The counts since the process started (a copy). */
export function pgRoundTrips(): PgRoundTrips {
  return { ...counts, byStatement: { ...counts.byStatement } };
}

/** `after - before`, per field and per statement (statements with no round trip in between left out). */
export function roundTripsBetween(before: PgRoundTrips, after: PgRoundTrips): PgRoundTrips {
  const byStatement: Record<string, number> = {};
  for (const [key, n] of Object.entries(after.byStatement)) {
    const d = n - (before.byStatement[key] ?? 0);
    if (d > 0) byStatement[key] = d;
  }
  return {
    roundTrips: after.roundTrips - before.roundTrips,
    statements: after.statements - before.statements,
    transactions: after.transactions - before.transactions,
    autocommits: after.autocommits - before.autocommits,
    byStatement,
  };
}

if (process.send) {
  process.on('message', (message: unknown) => {
    if (message === 'pgRoundTrips') process.send!({ pgRoundTrips: pgRoundTrips() });
  });
}
