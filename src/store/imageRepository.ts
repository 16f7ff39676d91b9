/** An uploaded photo: stored once per seller (its id is a hash of the seller and the bytes). */
export interface ImageRecord {
  id: string;
  sellerId: string;
  /** The conversation it was first sent in. */
  conversationId: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  createdAt: string;
}

export interface NewImage {
  id: string;
  sellerId: string;
  conversationId: string;
  mime: string;
  width: number;
  height: number;
  data: Buffer;
}

/** Stored bytes allowed per conversation and per seller; a new image past either is refused. */
export interface ImageQuota {
  conversationBytes: number;
  sellerBytes: number;
}

/** A new image would take its conversation or its seller past the quota; nothing was stored. */
export class ImageQuotaError extends Error {
  override readonly name = 'ImageQuotaError';
  constructor(
    readonly scope: 'conversation' | 'seller',
    readonly limitBytes: number,
  ) {
    super(`The ${scope}'s stored photos would exceed ${limitBytes} bytes.`);
  }
}

/** Uploaded photos: the bytes and their facts, by id. */
export interface ImageRepository {
  /**
   * Stores the image unless its id is stored already (the same photo sent again), checking the quota
   * for new bytes in the same transaction; throws ImageQuotaError past it. `created` is false for a
   * photo already stored.
   */
  put(image: NewImage, quota: ImageQuota): Promise<{ image: ImageRecord; created: boolean }>;
  get(id: string): Promise<ImageRecord | undefined>;
  /** The facts and the bytes, for serving and for the model's input. */
  data(id: string): Promise<{ image: ImageRecord; data: Buffer } | undefined>;
  /** Bytes stored for a conversation (the images first sent in it) and for a seller. */
  usage(sellerId: string, conversationId: string): Promise<{ conversationBytes: number; sellerBytes: number }>;
  /** Whether an active listing shows this image (then anyone may see it). */
  onActiveListing(id: string): Promise<boolean>;
}
