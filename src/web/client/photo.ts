import { api, token } from './api.js';
import { h } from './dom.js';

const MAX_SIDE = 1280;

/** Reads a photo and scales it down in the browser, so uploads stay well under the API's 5 MB limit. */
async function toDataUrl(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}

/** The composer's "attach a photo" control with a removable preview. */
export class PhotoPicker {
  readonly input = h('input', {
    type: 'file',
    accept: 'image/png,image/jpeg,image/webp,image/gif',
    class: 'visually-hidden',
    id: 'photo',
    'data-testid': 'photo-input',
  });
  readonly button = h('label', { for: 'photo', class: 'button secondary', title: 'Attach a photo' }, 'Attach photo');
  readonly preview = h('div', { class: 'photo-preview' });
  private image?: string;

  constructor(private readonly onError: (message: string) => void) {
    this.input.addEventListener('change', () => void this.read());
  }

  take(): string[] | undefined {
    const images = this.image ? [this.image] : undefined;
    this.reset();
    return images;
  }

  private async read(): Promise<void> {
    const file = this.input.files?.[0];
    if (!file) return;
    try {
      this.image = await toDataUrl(file);
      this.preview.replaceChildren(
        h('img', { src: this.image, alt: 'Attached photo', 'data-testid': 'photo-preview' }),
        h(
          'button',
          { type: 'button', class: 'icon', 'aria-label': 'Remove photo', onclick: () => this.reset() },
          'Remove',
        ),
      );
    } catch {
      this.reset();
      this.onError('That file could not be read as an image.');
    }
  }

  private reset(): void {
    this.image = undefined;
    this.input.value = '';
    this.preview.replaceChildren();
  }
}

/** A listing's photo as the API serves it with the listing (stored once, by id). */
export interface ListingPhoto {
  id: string;
  url: string;
}

/** The photos of a listing, or none when the listing has none (or the server does not serve photos). */
export async function listingPhotos(id: string): Promise<ListingPhoto[]> {
  try {
    const listing = await api<{ photos?: ListingPhoto[] }>('GET', `/api/listings/${encodeURIComponent(id)}`);
    return Array.isArray(listing.photos) ? listing.photos.filter((p) => typeof p?.url === 'string') : [];
  } catch {
    return [];
  }
}

/** A stored photo's address on this server. */
export const storedPhotoUrl = (id: string): string => `/api/images/${encodeURIComponent(id)}`;

const STORED = /^\/api\/images\/[\w-]+$/;

/** Object URLs of stored photos already fetched on this page: each photo is fetched once. */
const fetched = new Map<string, Promise<string>>();

/**
 * Shows a photo in `img`. A stored photo that is not on a listing yet answers only with its
 * seller's (or support's) token, and an `<img src>` sends no header: with a token the bytes are
 * fetched with it into a `blob:` URL; without one (a visitor on a public listing) the plain URL
 * is used, which a listed photo answers. The fallback replaces the image when it cannot load.
 */
export function showPhoto(img: HTMLImageElement, url: string, fallback = '[photo not available]'): void {
  const missing = () =>
    img.replaceWith(h('span', { class: 'image-placeholder', 'data-testid': 'photo-missing' }, fallback));
  const signedIn = token.get();
  if (!STORED.test(url) || !signedIn) {
    // E.g. the photo of a listing sold since: no longer public, so a visitor gets a 404.
    img.addEventListener('error', missing, { once: true });
    img.src = url;
    return;
  }
  let blob = fetched.get(url);
  if (!blob) {
    blob = fetch(url, { headers: { authorization: `Bearer ${signedIn}` } }).then(async (res) => {
      if (!res.ok) throw new Error(`The photo answered ${res.status}.`);
      return URL.createObjectURL(await res.blob());
    });
    // A failure is not remembered: the next view of the photo asks again.
    blob.catch(() => fetched.delete(url));
    fetched.set(url, blob);
  }
  blob.then((src) => (img.src = src), missing);
}

/** Photos in a row; only same-origin image URLs are used (the CSP allows no other). */
export function photoStrip(photos: { url: string }[], alt: string): HTMLElement {
  return h(
    'div',
    { class: 'photos', 'data-testid': 'photos' },
    ...photos
      .filter((p) => /^\/(?!\/)/.test(p.url) || p.url.startsWith('data:image/'))
      .map((p, i) => {
        const img = h('img', { alt: `${alt} (photo ${i + 1})`, 'data-testid': 'photo' });
        showPhoto(img, p.url);
        return img;
      }),
  );
}
