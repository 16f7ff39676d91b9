import type { Conversation } from '../conversationRepository.js';
import type { Db } from './database.js';
import { newId } from '../ids.js';

/** Conversations and their history: the SDK's session items, stored as JSON in order. */
export class SqliteConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  create(sellerId: string): Conversation {
    const at = this.now().toISOString();
    const conversation = { id: newId('conv'), sellerId, createdAt: at, updatedAt: at, sellerMessages: 0 };
    this.db
      .prepare('INSERT INTO conversations (id, seller_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(conversation.id, sellerId, at, at);
    return conversation;
  }

  get(id: string): Conversation | undefined {
    const row = this.db
      .prepare(
        `SELECT id, seller_id, created_at, updated_at,
           (SELECT count(*) FROM runs WHERE conversation_id = conversations.id) AS seller_messages
         FROM conversations WHERE id = ?`,
      )
      .get(id) as
      { id: string; seller_id: string; created_at: string; updated_at: string; seller_messages: number } | undefined;
    return (
      row && {
        id: row.id,
        sellerId: row.seller_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        sellerMessages: row.seller_messages,
      }
    );
  }

  items(conversationId: string, limit?: number): unknown[] {
    const rows = (
      limit === undefined
        ? this.db
            .prepare('SELECT item FROM conversation_items WHERE conversation_id = ? ORDER BY seq')
            .all(conversationId)
        : this.db
            .prepare(
              'SELECT item FROM (SELECT seq, item FROM conversation_items WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
            )
            .all(conversationId, limit)
    ) as { item: string }[];
    return rows.map((r) => JSON.parse(r.item) as unknown);
  }

  addItems(conversationId: string, items: unknown[]): void {
    const at = this.now().toISOString();
    const insert = this.db.prepare(
      'INSERT INTO conversation_items (conversation_id, item, created_at) VALUES (?, ?, ?)',
    );
    const write = () => {
      for (const item of items) insert.run(conversationId, JSON.stringify(item), at);
      this.db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(at, conversationId);
    };
    // Inside a transaction (a run's held writes) its own atomicity is enough: no savepoint.
    if (this.db.inTransaction) write();
    else this.db.transaction(write)();
  }

  popItem(conversationId: string): unknown {
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT seq, item FROM conversation_items WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1')
        .get(conversationId) as { seq: number; item: string } | undefined;
      if (!row) return undefined;
      this.db.prepare('DELETE FROM conversation_items WHERE seq = ?').run(row.seq);
      return JSON.parse(row.item) as unknown;
    })();
  }

  clearItems(conversationId: string): void {
    this.db.prepare('DELETE FROM conversation_items WHERE conversation_id = ?').run(conversationId);
  }
}
