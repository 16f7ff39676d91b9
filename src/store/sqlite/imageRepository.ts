import { ImageQuotaError, type ImageQuota, type ImageRecord, type NewImage } from '../imageRepository.js';
import type { Db } from './database.js';

interface ImageRow {
  id: string;
  seller_id: string;
  conversation_id: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  created_at: string;
}

const COLUMNS = 'id, seller_id, conversation_id, mime, bytes, width, height, created_at';

const toImage = (r: ImageRow): ImageRecord => ({
  id: r.id,
  sellerId: r.seller_id,
  conversationId: r.conversation_id,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
});

/** Uploaded photos as BLOBs, the bytes column last so that sums over the facts never read them. */
export class SqliteImageRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  put(image: NewImage, quota: ImageQuota): { image: ImageRecord; created: boolean } {
    const write = () => {
      const existing = this.get(image.id);
      if (existing) return { image: existing, created: false };
      const used = this.usage(image.sellerId, image.conversationId);
      if (used.conversationBytes + image.data.length > quota.conversationBytes)
        throw new ImageQuotaError('conversation', quota.conversationBytes);
      if (used.sellerBytes + image.data.length > quota.sellerBytes)
        throw new ImageQuotaError('seller', quota.sellerBytes);
      this.db
        .prepare(`INSERT INTO images (${COLUMNS}, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          image.id,
          image.sellerId,
          image.conversationId,
          image.mime,
          image.data.length,
          image.width,
          image.height,
          this.now().toISOString(),
          image.data,
        );
      return { image: this.get(image.id)!, created: true };
    };
    // The check and the insert under one write lock: two uploads cannot both pass the quota.
    return this.db.inTransaction ? write() : this.db.transaction(write).immediate();
  }

  get(id: string): ImageRecord | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM images WHERE id = ?`).get(id) as ImageRow | undefined;
    return row && toImage(row);
  }

  data(id: string): { image: ImageRecord; data: Buffer } | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS}, data FROM images WHERE id = ?`).get(id) as
      (ImageRow & { data: Buffer }) | undefined;
    return row && { image: toImage(row), data: row.data };
  }

  usage(sellerId: string, conversationId: string): { conversationBytes: number; sellerBytes: number } {
    const sum = (column: string, value: string) =>
      (
        this.db.prepare(`SELECT coalesce(sum(bytes), 0) AS n FROM images WHERE ${column} = ?`).get(value) as {
          n: number;
        }
      ).n;
    return { conversationBytes: sum('conversation_id', conversationId), sellerBytes: sum('seller_id', sellerId) };
  }

  onActiveListing(id: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM listing_photos p JOIN listings l ON l.id = p.listing_id
           WHERE p.image_id = ? AND l.status = 'active' LIMIT 1`,
        )
        .get(id) !== undefined
    );
  }
}
