import { h } from './dom.js';

/**
 * A photo at full size in a modal dialog over the page, scaled down to the window when larger. The
 * image is the thumbnail's own loaded source (a `blob:` URL fetched with the token), so nothing is
 * fetched again, and no new tab is sent to an address that would answer 401 without the token.
 * Escape or Close shuts it and gives focus back to `opener`.
 */
export function openPhoto(img: HTMLImageElement, opener: HTMLElement): void {
  const src = img.currentSrc || img.src;
  if (!src) return;
  const dialog = h(
    'dialog',
    { class: 'photo-viewer', 'aria-label': img.alt || 'Photo', 'data-testid': 'photo-viewer' },
    h('img', { src, alt: `${img.alt || 'Photo'} (full size)`, 'data-testid': 'photo-full' }),
    h(
      'p',
      {},
      h('a', { href: src, target: '_blank', rel: 'noopener' }, 'Open in a new tab'),
      ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Close'),
    ),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  // A click on the backdrop (the dialog itself, outside its content) closes it too.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  document.body.append(dialog);
  dialog.showModal();
}
