import {
  ImageQuotaError,
  type ImageQuota,
  type ImageRecord,
  type ImageRepository,
  type NewImage,
} from '../imageRepository.js';
import type { Clock } from '../store.js';
import type { PgDatabase, Row } from './database.js';

const COLUMNS = 'id, seller_id, conversation_id, mime, bytes, width, height, created_at';

const toImage = (r: Row): ImageRecord => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  conversationId: r.conversation_id as string,
  mime: r.mime as string,
  bytes: r.bytes as number,
  width: r.width as number,
  height: r.height as number,
  createdAt: r.created_at as string,
});

/** Uploaded photos as bytea (TOASTed out of line, so sums over the facts never read them). */
export class PgImageRepository implements ImageRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: Clock,
  ) {}

  put(image: NewImage, quota: ImageQuota): Promise<{ image: ImageRecord; created: boolean }> {
    return this.db.transaction(async () => {
      // One seller's uploads in turn, across instances: two cannot both pass the quota.
      await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`images:${image.sellerId}`]);
      const existing = await this.get(image.id);
      if (existing) return { image: existing, created: false };
      const used = await this.usage(image.sellerId, image.conversationId);
      if (used.conversationBytes + image.data.length > quota.conversationBytes)
        throw new ImageQuotaError('conversation', quota.conversationBytes);
      if (used.sellerBytes + image.data.length > quota.sellerBytes)
        throw new ImageQuotaError('seller', quota.sellerBytes);
      const row = await this.db.one(
        `INSERT INTO images (${COLUMNS}, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [
          image.id,
          image.sellerId,
          image.conversationId,
          image.mime,
          image.data.length,
          image.width,
          image.height,
          this.now().toISOString(),
          image.data,
        ],
      );
      return { image: toImage(row!), created: true };
    });
  }

  async get(id: string): Promise<ImageRecord | undefined> {
    const row = await this.db.one(`SELECT ${COLUMNS} FROM images WHERE id = $1`, [id]);
    return row && toImage(row);
  }

  async data(id: string): Promise<{ image: ImageRecord; data: Buffer } | undefined> {
    const row = await this.db.one(`SELECT ${COLUMNS}, data FROM images WHERE id = $1`, [id]);
    return row && { image: toImage(row), data: row.data as Buffer };
  }

  async usage(sellerId: string, conversationId: string): Promise<{ conversationBytes: number; sellerBytes: number }> {
    const row = await this.db.one(
      `SELECT (SELECT coalesce(sum(bytes), 0) FROM images WHERE conversation_id = $2) AS conversation_bytes,
              (SELECT coalesce(sum(bytes), 0) FROM images WHERE seller_id = $1) AS seller_bytes`,
      [sellerId, conversationId],
    );
    return { conversationBytes: row!.conversation_bytes as number, sellerBytes: row!.seller_bytes as number };
  }

  async onActiveListing(id: string): Promise<boolean> {
    const row = await this.db.one(
      `SELECT 1 AS found FROM listing_photos p JOIN listings l ON l.id = p.listing_id
       WHERE p.image_id = $1 AND l.status = 'active' LIMIT 1`,
      [id],
    );
    return row !== undefined;
  }
}
