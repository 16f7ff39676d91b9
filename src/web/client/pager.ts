import { counted, h } from './dom.js';

/** One page of a list the server pages (`limit`/`offset`), newest first. */
export interface PageAt {
  offset: number;
  /** How many the page shows. */
  shown: number;
  total: number;
  size: number;
  /** What is listed, one and many: `['run', 'runs']`. */
  noun: [string, string];
  /** Shows the page starting at `offset`. */
  turn: (offset: number) => void;
}

/** The count and the way to other pages: above a list, and (with `testids: false`) again below a long one. */
export function pager(page: PageAt, testids = true): HTMLElement {
  const { offset, shown, total, size, noun } = page;
  const last = offset + shown;
  const [one, many] = noun;
  const count = h(
    'p',
    { class: 'hint', 'data-testid': testids ? 'result-count' : undefined, 'aria-live': 'polite' },
    total > shown || offset > 0
      ? `${many[0].toUpperCase()}${many.slice(1)} ${shown ? offset + 1 : 0}–${last} of ${total}, newest first`
      : counted(total, one, many),
  );
  const button = (label: string, testid: string, to: number) =>
    h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': testids ? testid : undefined, onclick: () => page.turn(to) },
      label,
    );
  return h(
    'div',
    { class: 'pager' },
    testids ? count : '',
    offset > 0 ? button('← Newer', 'newer-page', Math.max(0, offset - size)) : '',
    last < total ? button('Older →', 'older-page', last) : '',
  );
}
