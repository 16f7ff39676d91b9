import { h } from './dom.js';

/**
 * A button that copies `text` (an id support pastes into a ticket or a terminal) and says so. Where the
 * clipboard is not allowed (plain http off localhost), the text is selected instead, for Ctrl+C.
 */
export function copyButton(text: string, what: string, target?: HTMLElement): HTMLElement {
  const said = h('span', { class: 'hint', role: 'status', 'data-testid': 'copy-status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'secondary small',
      'aria-label': `Copy ${what}`,
      'data-testid': 'copy',
      onclick: () => {
        void (async () => {
          try {
            await navigator.clipboard.writeText(text);
            said.textContent = 'Copied';
          } catch {
            if (target) getSelection()?.selectAllChildren(target);
            said.textContent = 'Selected: press Ctrl+C to copy';
          }
          setTimeout(() => (said.textContent = ''), 4000);
        })();
      },
    },
    'Copy',
  );
  return h('span', { class: 'copy' }, button, said);
}
