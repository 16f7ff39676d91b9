import type { Comparables } from '../../agent/runEvents.js';
import type { ListingSummary } from '../../tools/toolResult.js';
import { argText } from '../../shared/argText.js';
import { clear, euro, h } from './dom.js';

export interface Draft {
  title?: unknown;
  description?: unknown;
  category?: unknown;
  price?: unknown;
  condition?: unknown;
}

/** The side panel: the draft being confirmed, the comparables behind its price, and the posted listing. */
export class DraftPanel {
  readonly el = h('aside', { class: 'draft-panel', 'aria-label': 'Your draft' });
  private draft?: Draft;
  private comparables?: Comparables;
  private posted?: ListingSummary;

  constructor() {
    this.render();
  }

  showDraft(draft: Draft): void {
    this.draft = draft;
    this.posted = undefined;
    this.render();
  }

  showComparables(comparables: Comparables): void {
    this.comparables = comparables;
    this.render();
  }

  showPosted(listing: ListingSummary): void {
    this.posted = listing;
    this.render();
  }

  private render(): void {
    clear(this.el);
    if (this.posted) {
      this.el.append(
        h(
          'section',
          { class: 'card posted', 'data-testid': 'posted-card' },
          h('h2', {}, 'Live on the marketplace'),
          h('p', { class: 'title' }, this.posted.title),
          h('p', { class: 'price' }, euro(this.posted.price)),
          h('a', { href: `/listings/${this.posted.id}`, 'data-testid': 'posted-listing-link' }, 'View your listing'),
        ),
      );
    }
    if (this.draft && !this.posted) {
      const d = this.draft;
      this.el.append(
        h(
          'section',
          { class: 'card draft', 'data-testid': 'draft-card' },
          h('h2', {}, 'Draft'),
          h('p', { class: 'title', 'data-testid': 'draft-title' }, argText(d.title)),
          h('p', { class: 'meta' }, [d.category, d.condition].filter(Boolean).join(' · ')),
          h('p', { class: 'price', 'data-testid': 'draft-price' }, typeof d.price === 'number' ? euro(d.price) : ''),
          h('p', { class: 'description' }, argText(d.description)),
        ),
      );
    }
    if (this.comparables) this.el.append(comparablesCard(this.comparables));
    if (!this.el.childElementCount) {
      this.el.append(
        h(
          'section',
          { class: 'card empty' },
          h('h2', {}, 'Your draft'),
          h(
            'p',
            { class: 'hint' },
            'Describe what you are selling, and the draft appears here with prices of similar listings.',
          ),
        ),
      );
    }
  }
}

function comparablesCard({ stats, matches }: Comparables): HTMLElement {
  return h(
    'section',
    { class: 'card comparables', 'data-testid': 'comparables' },
    h('h2', {}, 'Similar listings'),
    stats
      ? h(
          'p',
          {},
          `Median ${euro(stats.median)} · middle half ${euro(stats.p25)}–${euro(stats.p75)} · ${stats.count} active listing${stats.count === 1 ? '' : 's'}`,
        )
      : h('p', { class: 'hint' }, 'No comparable active listings found.'),
    h(
      'ul',
      {},
      ...matches.map((m) =>
        h(
          'li',
          {},
          h('a', { href: `/listings/${m.id}`, target: '_blank' }, m.title),
          ` — ${euro(m.price)}, ${m.condition}`,
        ),
      ),
    ),
  );
}
