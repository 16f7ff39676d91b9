import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { StoreUnavailableError } from '../store.js';
import { from as copyFrom } from 'pg-copy-streams';
import { storableJson, storableText } from '../../shared/storableText.js';

/** pg's type parsers, changed where records need other JavaScript values than pg's defaults. */
const defaultTypes = pg.types;
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMPTZ = 1184;
const parseTimestamp = defaultTypes.getTypeParser(TIMESTAMPTZ) as (value: string) => Date;
/**
 * Counts and cents (bigint), sums (numeric) as numbers; timestamps as the ISO strings the records
 * carry (`toISOString()`, exactly what the SQLite engine stores and returns).
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8 || oid === NUMERIC) return Number;
    if (oid === TIMESTAMPTZ) return (value: string) => parseTimestamp(value).toISOString();
    return defaultTypes.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

export type Row = Record<string, unknown>;

/** Socket errors of a server that is down or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * admin/crash shutdown, cannot connect now, too many connections, database gone; and a statement
 * that outlasted the statement timeout (57014, also a cancel), a lock wait past lock_timeout (55P03),
 * a session the server ended for idling inside a transaction (25P03).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '3D000', '57014', '55P03', '25P03']);
/** What node-postgres throws itself when a connection dies or cannot be had. */
const DRIVER_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|not currently accepting connections/;

/** True when `error` says the database cannot be reached, rather than that a statement failed. */
function connectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
    return true;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

/** A lost database as the store's StoreUnavailableError (the cause keeps the driver's words); others unchanged. */
function surfaced(error: unknown): unknown {
  return connectionLost(error) ? new StoreUnavailableError(undefined, { cause: error }) : error;
}

/** Runs `statement`, turning a lost connection into StoreUnavailableError. */
async function guarded<T>(statement: () => Promise<T>): Promise<T> {
  try {
    return await statement();
  } catch (error) {
    throw surfaced(error);
  }
}

/**
 * A parameter as PostgreSQL can take it: NUL and lone surrogates in text (the model's words, say)
 * become U+FFFD, where they would fail the whole statement; SQLite keeps them as given.
 */
const storable = (value: unknown): unknown =>
  typeof value === 'string' ? storableText(value) : Array.isArray(value) ? value.map(storable) : value;

/** How many distinct statement texts get a name; any beyond (none expected) are sent unnamed. */
const MAX_NAMED_STATEMENTS = 2000;
const statementNames = new Map<string, string>();

/**
 * A statement as node-postgres sends it: named (a prepared statement, parsed once per connection
 * and then only bound and executed; the server may keep a generic plan) unless `prepared` is false.
 * Names are per process and per text, so a name always means the same text on every connection.
 */
function statement(sql: string, params: unknown[], prepared: boolean): pg.QueryConfig {
  const values = params.map(storable);
  if (!prepared) return { text: sql, values };
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `s${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name === undefined ? { text: sql, values } : { name, text: sql, values };
}

/**
 * Options of one statement. `prepared: false` for statements whose best plan depends on the values
 * (full-text searches, time ranges): a named statement may switch to a generic plan after five
 * executions, which PostgreSQL picks from estimates that cannot see a tsquery's selectivity.
 */
export interface StatementOptions {
  prepared?: boolean;
}

/** A statement text the server refuses to run as prepared: a schema change altered its result columns. */
const stalePlan = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === '0A000' &&
  /cached plan must not change result type/.test(String((error as { message?: unknown }).message));

interface OpenTransaction {
  client: pg.PoolClient;
  /** False once committed or rolled back: late work that kept the context goes back to the pool. */
  open: boolean;
  readOnly: boolean;
  savepoints: number;
  /**
   * Statements queued ahead of the next one and not awaited (BEGIN, SAVEPOINT, RELEASE SAVEPOINT),
   * held on the corked socket until that statement joins them; its answer waits for theirs.
   */
  ahead?: Promise<unknown>;
  /** Statements of this transaction sent and not yet answered (a COPY needs none in flight). */
  inFlight: number;
  /** Writes queued ahead whose answers nobody awaited yet (see `write`). */
  deferred: number;
  /** Savepoints open now: inside one, writes are awaited (its undo must see its own statements' errors). */
  openSavepoints: number;
}

/** A pooled client's socket, corked so that BEGIN (or a savepoint) and the next statement leave in one write. */
const socketOf = (client: pg.PoolClient): { cork(): void; uncork(): void } | undefined =>
  (client as unknown as { connection?: { stream?: { cork(): void; uncork(): void } } }).connection?.stream;

/**
 * node-postgres' pipeline switch (typed read-only, but a plain field read at each statement): a
 * pipelined client sends a statement without waiting for the answers of those before it. COPY
 * streams (and cursors) are refused in that mode, so a COPY runs with it off, on a client with
 * nothing in flight.
 */
const pipelining = (client: pg.PoolClient): { pipeline: boolean } => client;

export interface PgOptions {
  /** Pool size per store (default 10). */
  max?: number;
  /** How long to wait for a connection, a new one or a free pooled one, before failing (default 10 s). */
  connectionTimeoutMs?: number;
  /**
   * The server cancels a statement running (or waiting on a lock) longer than this, and ends a session
   * left idle inside a transaction for six times as long (a stalled instance holding locks); unset or
   * 0: no limit (the seeding and bench tools, whose COPY and index builds take minutes).
   */
  statementTimeoutMs?: number;
}

/**
 * The pool of a PostgreSQL store, shared by its repositories. A transaction takes one client for
 * its whole length (BEGIN … COMMIT / ROLLBACK); its work is recognised by its asynchronous context
 * (AsyncLocalStorage), so a statement made inside it, through `tx` or through the outer store, runs
 * on its client, and a nested transaction joins it instead of waiting for a second connection.
 */
export class PgDatabase {
  readonly pool: pg.Pool;
  private readonly context = new AsyncLocalStorage<OpenTransaction>();

  constructor(connectionString: string, options: PgOptions = {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
      ...(options.statementTimeoutMs
        ? {
            statement_timeout: options.statementTimeoutMs,
            idle_in_transaction_session_timeout: options.statementTimeoutMs * 6,
          }
        : {}),
      types,
      options: '-c timezone=UTC',
      // A server that vanished without closing the socket is noticed instead of waited on for ever.
      keepAlive: true,
      // BEGIN goes out with a transaction's first statement, not one round trip ahead of it.
      pipeline: true,
    });
    // An idle client that loses its connection (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  private get current(): OpenTransaction | undefined {
    const tx = this.context.getStore();
    return tx?.open ? tx : undefined;
  }

  /** Statements without parameters (DDL, fixed counts) are sent unnamed: few are hot, some are one-offs. */
  private async send(sql: string, params: unknown[], options: StatementOptions): Promise<pg.QueryResult> {
    const prepared = (options.prepared ?? true) && params.length > 0;
    const tx = this.current;
    const target = tx?.client ?? this.pool;
    try {
      const config = statement(sql, params, prepared);
      return await guarded(() => (tx ? this.inTransaction(tx, config) : target.query(config)));
    } catch (error) {
      // Outside a transaction the statement did nothing and the pool dropped its client: sent
      // again unnamed, it is planned afresh. Inside one the transaction is lost (its client too).
      if (!prepared || target !== this.pool || !stalePlan(error)) throw error;
      return guarded(() => this.pool.query(statement(sql, params, false)));
    }
  }

  /**
   * A statement on the transaction's client. The first one leaves in the same write as the BEGIN
   * queued ahead of it, and its answer counts only once BEGIN's has come: BEGIN fails only with its
   * connection, which fails the statement behind it too, so nothing runs outside the transaction.
   */
  private async inTransaction(tx: OpenTransaction, config: pg.QueryConfig): Promise<pg.QueryResult> {
    const answer = tx.client.query(config);
    const ahead = this.letOut(tx);
    tx.inFlight++;
    try {
      await ahead;
      return await answer;
    } finally {
      answer.catch(() => undefined);
      tx.inFlight--;
    }
  }

  /**
   * Queues `sql` (BEGIN, SAVEPOINT, RELEASE SAVEPOINT: statements that fail only when the
   * transaction or its connection already has) without waiting for it: the next statement or
   * COMMIT goes out in the same write and waits for its answer.
   */
  private sendAhead(tx: OpenTransaction, sql: string): void {
    if (!tx.ahead) socketOf(tx.client)?.cork();
    const sent = guarded(() => tx.client.query(sql));
    sent.catch(() => undefined);
    tx.ahead = tx.ahead ? Promise.all([tx.ahead, sent]) : sent;
  }

  /** Lets out what was queued ahead (uncorks the socket); answers its outcome, to be awaited. */
  private letOut(tx: OpenTransaction): Promise<unknown> | undefined {
    const ahead = tx.ahead;
    if (!ahead) return undefined;
    tx.ahead = undefined;
    tx.deferred = 0;
    socketOf(tx.client)?.uncork();
    return ahead;
  }

  /** Sends and awaits what was queued ahead of a statement that never came (before ROLLBACK, COPY). */
  private async flushAhead(tx: OpenTransaction): Promise<void> {
    await this.letOut(tx);
  }

  async query<R extends Row = Row>(sql: string, params: unknown[] = [], options: StatementOptions = {}): Promise<R[]> {
    return (await this.send(sql, params, options)).rows as R[];
  }

  async one<R extends Row = Row>(
    sql: string,
    params: unknown[] = [],
    options: StatementOptions = {},
  ): Promise<R | undefined> {
    return (await this.query<R>(sql, params, options))[0];
  }

  /**
   * A write whose caller needs no answer (no rows, no count). Inside a transaction it is queued
   * ahead, not awaited: it leaves with the next statement or COMMIT, and a failure of it is that
   * statement's (or COMMIT's) error. On PostgreSQL a failed statement dooms its transaction anyway,
   * so only where the error is seen changes, never what commits. Outside a transaction, and
   * inside a savepoint, it is awaited like any statement.
   */
  write(sql: string, params: unknown[]): Promise<void> {
    const tx = this.current;
    if (!tx || tx.openSavepoints > 0) return this.run(sql, params).then(() => undefined);
    if (!tx.ahead) socketOf(tx.client)?.cork();
    const sent = guarded(() => tx.client.query(statement(sql, params, params.length > 0)));
    sent.catch(() => undefined);
    tx.ahead = tx.ahead ? Promise.all([tx.ahead, sent]) : sent;
    tx.deferred++;
    return Promise.resolve();
  }

  /** Rows a statement changed. */
  async run(sql: string, params: unknown[] = [], options: StatementOptions = {}): Promise<number> {
    return (await this.send(sql, params, options)).rowCount ?? 0;
  }

  /**
   * `COPY … FROM STDIN` fed with text-format lines (the bulk path: one round trip for a whole batch),
   * on the current transaction's client, else on a pooled one. Answers the rows copied.
   */
  async copyIn(sql: string, lines: Iterable<string>): Promise<number> {
    const tx = this.current;
    if (tx) await this.flushAhead(tx);
    if (tx && tx.inFlight > 0) throw new Error('COPY while statements of its transaction are in flight');
    const client = tx?.client ?? (await guarded(() => this.pool.connect()));
    const mode = pipelining(client);
    mode.pipeline = false;
    try {
      const stream = client.query(copyFrom(sql));
      await pipeline(Readable.from(lines), stream);
      return stream.rowCount;
    } finally {
      mode.pipeline = true;
      if (!tx) client.release();
    }
  }

  /** One transaction; work already inside one joins it (its writes commit with the outer ones). */
  async transaction<T>(work: () => Promise<T>, { readOnly = false }: { readOnly?: boolean } = {}): Promise<T> {
    if (this.current) return work();
    const client = await guarded(() => this.pool.connect());
    const tx: OpenTransaction = {
      client,
      open: true,
      readOnly,
      savepoints: 0,
      inFlight: 0,
      deferred: 0,
      openSavepoints: 0,
    };
    let broken: Error | undefined;
    try {
      // Not awaited: the corked socket keeps BEGIN until the first statement joins it (inTransaction).
      this.sendAhead(tx, readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await this.context.run(tx, work);
      tx.open = false;
      // COMMIT leaves with what is still queued ahead (a RELEASE SAVEPOINT, the BEGIN of a transaction
      // without statements). Had that failed, COMMIT ends the aborted transaction as a ROLLBACK.
      const committed = guarded(() => client.query('COMMIT'));
      const [ahead, commit] = await Promise.allSettled([this.letOut(tx), committed]);
      if (ahead.status === 'rejected') throw ahead.reason;
      if (commit.status === 'rejected') throw commit.reason;
      return result;
    } catch (error) {
      // A dead connection is dropped from the pool rather than handed to the next caller, and so is
      // one whose prepared statements went stale (another instance migrated the schema): a new
      // connection prepares them again. (pool.query drops a client on any error by itself.)
      if (error instanceof StoreUnavailableError || stalePlan(error)) broken = error as Error;
      await this.flushAhead(tx).catch(() => undefined);
      if (tx.open) {
        tx.open = false;
        await client.query('ROLLBACK').catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
      }
      throw error;
    } finally {
      tx.open = false;
      client.release(broken);
    }
  }

  /**
   * Runs `work` inside the current transaction behind a savepoint: when `undo(error)` says so, its
   * statements are rolled back and `fallback` answers instead (the transaction goes on).
   */
  async savepoint<T>(
    work: () => Promise<T>,
    undo: (error: unknown) => boolean,
    fallback: () => Promise<T>,
  ): Promise<T> {
    const tx = this.current;
    if (!tx) throw new Error('savepoint outside a transaction');
    const name = `sp_${++tx.savepoints}`;
    // A deferred write's failure must not pass for the error `undo` judges: settled first.
    if (tx.deferred > 0) await this.flushAhead(tx);
    // SAVEPOINT and RELEASE go out with the statements after them: no wait of their own.
    this.sendAhead(tx, `SAVEPOINT ${name}`);
    tx.openSavepoints++;
    let result: T;
    try {
      result = await work();
    } catch (error) {
      tx.openSavepoints--;
      if (!undo(error)) throw error;
      await this.flushAhead(tx);
      await guarded(() => tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`));
      return fallback();
    }
    tx.openSavepoints--;
    this.sendAhead(tx, `RELEASE SAVEPOINT ${name}`);
    return result;
  }

  private closing: Promise<void> | undefined;

  /** Waits for checked-out clients, then ends the pool (once, however often it is called). */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

/** PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * A JSON column value: the text JSON.stringify gives (json columns keep it as written), with NUL and
 * lone surrogates as U+FFFD: json takes their escapes, but reading such a value as text fails.
 */
export const json = (value: unknown): string | undefined => {
  const text = JSON.stringify(value);
  return text === undefined ? text : storableJson(text);
};
