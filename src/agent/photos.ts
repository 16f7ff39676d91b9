import { createHash } from 'node:crypto';
import { AppError, BadRequestError } from '../errors.js';
import { decodeImage } from '../shared/imageCheck.js';
import { ImageQuotaError, type ImageQuota, type Store } from '../store/index.js';

/**
 * A seller's photos: stored once through the store (the id hashes the seller and the bytes, so the
 * same photo sent twice is one row) and referred to by id everywhere else: session items, spans,
 * the transcript, listings. Only the model's input carries the bytes (see photoInput.ts).
 */

const PHOTO_PATH = '/api/images/';
const PHOTO_ID = /^img_[0-9a-f]{32}$/;

export const isPhotoId = (value: string): boolean => PHOTO_ID.test(value);

/** Where a photo is served; also its reference inside session items and spans. */
export const photoUrl = (id: string): string => `${PHOTO_PATH}${id}`;

/** The photo id a stored `input_image` refers to, or undefined for anything else (an inline data URL). */
export function photoIdOf(image: unknown): string | undefined {
  if (typeof image !== 'string' || !image.startsWith(PHOTO_PATH)) return undefined;
  const id = image.slice(PHOTO_PATH.length);
  return isPhotoId(id) ? id : undefined;
}

export function photoId(sellerId: string, data: Buffer): string {
  return `img_${createHash('sha256').update(sellerId).update('\0').update(data).digest('hex').slice(0, 32)}`;
}

/** The conversation's stored photos would pass its cap: 413. */
export class ConversationPhotosTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(
      413,
      'conversation_too_large',
      `This conversation's photos would exceed ${megabytes(limitBytes)}; start a new conversation for more photos.`,
    );
  }
}

/** The seller's stored photos would pass their quota: 429 (it does not reset with time, so no Retry-After). */
export class PhotoQuotaExceededError extends AppError {
  constructor(limitBytes: number) {
    super(429, 'photo_quota_exceeded', `Your stored photos would exceed your quota of ${megabytes(limitBytes)}.`);
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Stores the photos of one message (data URLs, checked by content) for the seller's conversation and
 * answers their ids in order. A photo stored before (by any conversation of the seller) is not stored
 * again and does not count against the caps again.
 */
export async function storePhotos(
  store: Store,
  owner: { sellerId: string; conversationId: string },
  dataUrls: string[],
  quota: ImageQuota,
): Promise<string[]> {
  // One transaction: a message whose photos do not all fit stores none of them.
  return store.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [i, dataUrl] of dataUrls.entries()) ids.push(await storePhoto(tx, owner, quota, dataUrl, i));
    return ids;
  });
}

async function storePhoto(
  store: Store,
  owner: { sellerId: string; conversationId: string },
  quota: ImageQuota,
  dataUrl: string,
  i: number,
): Promise<string> {
  // The bytes checked are the bytes stored: one decoder (which skips line breaks inside base64).
  const decoded = decodeImage(dataUrl);
  if ('error' in decoded) throw new BadRequestError(`images.${i}: ${decoded.error}`, 'invalid_image');
  const { facts, data } = decoded;
  const id = photoId(owner.sellerId, data);
  try {
    await store.images.put(
      { id, ...owner, mime: `image/${facts.type}`, width: facts.width, height: facts.height, data },
      quota,
    );
  } catch (error) {
    if (!(error instanceof ImageQuotaError)) throw error;
    throw error.scope === 'conversation'
      ? new ConversationPhotosTooLargeError(error.limitBytes)
      : new PhotoQuotaExceededError(error.limitBytes);
  }
  return id;
}
