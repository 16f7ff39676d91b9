import type { Conversation, ConversationRepository } from '../conversationRepository.js';
import type {
  InterruptedRun,
  NewRun,
  RunRecord,
  RunRepository,
  RunUpdate,
  RunWithApprovals,
} from '../runRepository.js';
import type { Clock } from '../store.js';
import { newId } from '../ids.js';
import { json, type PgDatabase, type Row } from './database.js';
import { approvalFromJson, decisionFromJson } from './approvalRepository.js';

const toConversation = (r: Row): Conversation => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
  sellerMessages: Number(r.seller_messages ?? 0),
});

/** Conversations and their history: the SDK's session items, stored as JSON in order. */
export class PgConversationRepository implements ConversationRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async create(sellerId: string): Promise<Conversation> {
    const at = this.now().toISOString();
    const conversation = { id: newId('conv'), sellerId, createdAt: at, updatedAt: at, sellerMessages: 0 };
    await this.db.run('INSERT INTO conversations (id, seller_id, created_at, updated_at) VALUES ($1, $2, $3, $3)', [
      conversation.id,
      sellerId,
      at,
    ]);
    return conversation;
  }

  async get(id: string): Promise<Conversation | undefined> {
    // The count rides along (the runs' conversation index): the message's access check needs no second read.
    const row = await this.db.one(
      `SELECT id, seller_id, created_at, updated_at,
         (SELECT count(*) FROM runs WHERE conversation_id = $1)::int AS seller_messages
       FROM conversations WHERE id = $1`,
      [id],
    );
    return row && toConversation(row);
  }

  async items(conversationId: string, limit?: number): Promise<unknown[]> {
    const rows =
      limit === undefined
        ? await this.db.query('SELECT item FROM conversation_items WHERE conversation_id = $1 ORDER BY seq', [
            conversationId,
          ])
        : await this.db.query(
            `SELECT item FROM (SELECT seq, item FROM conversation_items WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2) t
             ORDER BY seq`,
            [conversationId, Math.max(0, limit)],
          );
    return rows.map((r) => r.item);
  }

  /** The items and the conversation's new `updated_at` in one statement (one round trip, atomic by itself). */
  async addItems(conversationId: string, items: unknown[]): Promise<void> {
    const at = this.now().toISOString();
    if (items.length === 0) {
      await this.db.write('UPDATE conversations SET updated_at = $1 WHERE id = $2', [at, conversationId]);
      return;
    }
    await this.db.write(
      `WITH added AS (
         INSERT INTO conversation_items (conversation_id, item, created_at)
         SELECT $1, item, $3 FROM unnest($2::json[]) WITH ORDINALITY AS t (item, n) ORDER BY n
       )
       UPDATE conversations SET updated_at = $3 WHERE id = $1`,
      [conversationId, items.map((item) => json(item)), at],
    );
  }

  async popItem(conversationId: string): Promise<unknown> {
    const row = await this.db.one(
      `DELETE FROM conversation_items WHERE seq = (
         SELECT seq FROM conversation_items WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1 FOR UPDATE
       ) RETURNING item`,
      [conversationId],
    );
    return row?.item;
  }

  async clearItems(conversationId: string): Promise<void> {
    await this.db.run('DELETE FROM conversation_items WHERE conversation_id = $1', [conversationId]);
  }
}

/**
 * The columns a RunRecord is read from. Never `*`: that would bring `search` too, a tsvector the server
 * renders as text on every read and the client parses, for nothing (only support's search looks at it).
 */
const RUN_COLUMNS = `id, conversation_id, seller_id, trace_id, status, stop_reason, reply, steps, input, state,
  app_version, prompt_version, model, tags, created_at, updated_at`;
/** RUN_COLUMNS of the row aliased `r`. */
const R_COLUMNS = RUN_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1r.$2');

/** A run of the row aliased `r`, with its approvals and policy decisions as JSON arrays (see withApprovalsOf). */
const SETTLED_COLUMNS = `${R_COLUMNS},
  coalesce((SELECT json_agg(a ORDER BY a.created_at, a.seq) FROM approvals a WHERE a.run_id = r.id), '[]')
    AS run_approvals,
  coalesce((SELECT json_agg(d ORDER BY d.seq) FROM policy_decisions d WHERE d.run_id = r.id), '[]') AS run_decisions`;

const withApprovalsOf = (row: Row | undefined): RunWithApprovals | undefined => {
  if (!row) return undefined;
  const { run_approvals: approvals, run_decisions: decisions, ...run } = row;
  return {
    run: toRun(run),
    approvals: (approvals as Row[]).map(approvalFromJson),
    decisions: (decisions as Row[]).map(decisionFromJson),
  };
};

export const toRun = (r: Row): RunRecord => ({
  id: r.id as string,
  conversationId: r.conversation_id as string,
  sellerId: r.seller_id as string,
  traceId: r.trace_id as string,
  status: r.status as RunRecord['status'],
  stopReason: r.stop_reason as RunRecord['stopReason'],
  reply: r.reply as string | null,
  steps: r.steps as number,
  input: r.input,
  state: r.state as string | null,
  appVersion: r.app_version as string,
  promptVersion: r.prompt_version as string,
  model: r.model as string,
  tags: r.tags as string[],
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});

export class PgRunRepository implements RunRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  async create(run: NewRun): Promise<RunRecord> {
    const row = await this.db.one(
      `INSERT INTO runs (id, conversation_id, seller_id, trace_id, status, input, app_version, prompt_version, model, tags, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8, $9, $10, $10) RETURNING ${RUN_COLUMNS}`,
      this.insertParams(run, this.now().toISOString()),
    );
    return toRun(row!);
  }

  /**
   * One statement: the previous latest is read on the statement's snapshot, which the insert beside it
   * does not change (a data-modifying CTE's rows are seen only through its RETURNING).
   */
  async createNext(run: NewRun): Promise<{ run: RunRecord; previous: RunRecord | undefined }> {
    const at = this.now().toISOString();
    const rows = await this.db.query(
      `WITH previous AS (
         SELECT ${RUN_COLUMNS} FROM runs WHERE conversation_id = $2 ORDER BY created_at DESC, seq DESC LIMIT 1
       ), created AS (
         INSERT INTO runs (id, conversation_id, seller_id, trace_id, status, input, app_version, prompt_version, model,
           tags, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8, $9, $10, $10) RETURNING ${RUN_COLUMNS}
       )
       SELECT true AS created, * FROM created UNION ALL SELECT false, * FROM previous`,
      this.insertParams(run, at),
    );
    const created = rows.find((r) => r.created === true)!;
    const previous = rows.find((r) => r.created === false);
    return { run: toRun(created), previous: previous && toRun(previous) };
  }

  private insertParams(run: NewRun, at: string): unknown[] {
    return [
      run.id,
      run.conversationId,
      run.sellerId,
      run.traceId,
      json(run.input),
      run.appVersion,
      run.promptVersion,
      run.model,
      json(run.tags ?? []),
      at,
    ];
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.one(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [id]);
    return row && toRun(row);
  }

  /** One statement, hence one snapshot and one round trip: approvals and decisions ride along as JSON arrays. */
  async withApprovals(id: string): Promise<RunWithApprovals | undefined> {
    return withApprovalsOf(await this.db.one(`SELECT ${SETTLED_COLUMNS} FROM runs r WHERE r.id = $1`, [id]));
  }

  async latestForConversation(conversationId: string): Promise<RunRecord | undefined> {
    const row = await this.db.one(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE conversation_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1`,
      [conversationId],
    );
    return row && toRun(row);
  }

  async update(id: string, update: RunUpdate): Promise<void> {
    const { sql, params } = this.updateStatement(id, update);
    await this.db.write(sql, params);
  }

  async updateReturning(id: string, update: RunUpdate): Promise<RunRecord | undefined> {
    const { sql, params } = this.updateStatement(id, update);
    const row = await this.db.one(`${sql} RETURNING ${RUN_COLUMNS}`, params);
    return row && toRun(row);
  }

  /** The approvals' and decisions' subqueries see the statement's snapshot: the transaction's writes before it. */
  async updateSettled(id: string, update: RunUpdate): Promise<RunWithApprovals | undefined> {
    const { sql, params } = this.updateStatement(id, update);
    return withApprovalsOf(await this.db.one(`${sql} RETURNING ${SETTLED_COLUMNS}`, params));
  }

  private updateStatement(id: string, update: RunUpdate): { sql: string; params: unknown[] } {
    const params: unknown[] = [id, this.now().toISOString()];
    const sets = ['updated_at = $2'];
    const columns: Record<keyof RunUpdate, string> = {
      status: 'status',
      stopReason: 'stop_reason',
      reply: 'reply',
      steps: 'steps',
      state: 'state',
    };
    for (const [key, column] of Object.entries(columns) as [keyof RunUpdate, string][]) {
      if (key in update) {
        params.push(update[key] ?? null);
        sets.push(`${column} = $${params.length}`);
      }
    }
    return { sql: `UPDATE runs AS r SET ${sets.join(', ')} WHERE r.id = $1`, params };
  }

  async forConversation(conversationId: string): Promise<RunRecord[]> {
    return (
      await this.db.query(`SELECT ${RUN_COLUMNS} FROM runs WHERE conversation_id = $1 ORDER BY created_at, seq`, [
        conversationId,
      ])
    ).map(toRun);
  }

  async all(): Promise<RunRecord[]> {
    return (await this.db.query(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at, seq`)).map(toRun);
  }

  async byTraceId(traceId: string): Promise<RunRecord | undefined> {
    const row = await this.db.one(`SELECT ${RUN_COLUMNS} FROM runs WHERE trace_id = $1 ORDER BY seq LIMIT 1`, [
      traceId,
    ]);
    return row && toRun(row);
  }

  /** Runs a crash may have interrupted, with their leases, in one statement (one snapshot). */
  async listInterrupted(leaseKeyPrefix: string): Promise<InterruptedRun[]> {
    const rows = await this.db.query(
      `SELECT ${R_COLUMNS}, l.key AS lease_key, l.owner AS lease_owner, l.expires_at AS lease_expires_at
       FROM runs r LEFT JOIN leases l ON l.key = $1 || r.id
       WHERE r.status = 'running' OR (r.status = 'awaiting_approval'
         AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.run_id = r.id AND a.status = 'pending'))
       ORDER BY r.seq`,
      [leaseKeyPrefix],
    );
    return rows.map((row) => ({
      run: toRun(row),
      ...(row.lease_key === null
        ? {}
        : {
            lease: {
              key: row.lease_key as string,
              owner: row.lease_owner as string,
              expiresAt: new Date(Number(row.lease_expires_at)),
            },
          }),
    }));
  }
}
