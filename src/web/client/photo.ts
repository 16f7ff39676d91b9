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
