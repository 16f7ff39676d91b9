import { api } from './api.js';
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

/** Photos in a row; only same-origin image URLs are used (the CSP allows no other). */
export function photoStrip(photos: { url: string }[], alt: string): HTMLElement {
  return h(
    'div',
    { class: 'photos', 'data-testid': 'photos' },
    ...photos
      .filter((p) => /^\/(?!\/)/.test(p.url) || p.url.startsWith('data:image/'))
      .map((p, i) => h('img', { src: p.url, alt: `${alt} (photo ${i + 1})`, loading: 'lazy', 'data-testid': 'photo' })),
  );
}
