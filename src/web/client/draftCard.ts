import type { Comparables } from '../../agent/runEvents.js';
import type { ListingSummary } from '../../tools/toolResult.js';
import { clear, euro, h } from './dom.js';
import { listingPhotos, photoStrip } from './photo.js';

/**
 * The side panel: the comparables behind the current draft's price and the listing this
 * conversation last posted or re-priced, as the server has it. The draft itself is the approval
 * card in the conversation (one place, editable). A new conversation starts with an empty panel.
 */
export class DraftPanel {
  readonly el = h('aside', { class: 'draft-panel', 'aria-label': 'Your listing', 'data-testid': 'draft-panel' });
  private comparables: Comparables | null = null;
  private listing: ListingSummary | null = null;
  private photos: HTMLElement | null = null;

  constructor() {
    this.render();
  }

  /** Everything at once, e.g. from the stored conversation. */
  show(state: { comparables: Comparables | null; listing: ListingSummary | null }): void {
    this.comparables = state.comparables;
    this.setListing(state.listing);
  }

  reset(): void {
    this.show({ comparables: null, listing: null });
  }

  showComparables(comparables: Comparables): void {
    this.comparables = comparables;
    this.render();
  }

  showListing(listing: ListingSummary): void {
    this.setListing(listing);
  }

  private setListing(listing: ListingSummary | null): void {
    const changed = listing?.id !== this.listing?.id;
    this.listing = listing;
    if (changed) this.photos = null;
    this.render();
    if (listing && changed) void this.loadPhotos(listing.id);
  }

  /** The listing's photos, when the server serves them with the listing. */
  private async loadPhotos(id: string): Promise<void> {
    const photos = await listingPhotos(id);
    if (this.listing?.id !== id || !photos.length) return;
    this.photos = photoStrip(photos, this.listing.title);
    this.render();
  }

  private render(): void {
    clear(this.el);
    if (this.listing) {
      const l = this.listing;
      this.el.append(
        h(
          'section',
          { class: 'card posted', 'data-testid': 'posted-card', 'data-listing-id': l.id },
          h('h2', {}, l.status === 'active' ? 'On the marketplace' : `Your listing (${l.status})`),
          this.photos,
          h('p', { class: 'title' }, l.title),
          h('p', { class: 'price', 'data-testid': 'posted-price' }, euro(l.price)),
          h('a', { href: `/listings/${l.id}`, 'data-testid': 'posted-listing-link' }, 'View your listing'),
        ),
      );
    }
    if (this.comparables) this.el.append(comparablesCard(this.comparables));
    if (!this.el.childElementCount) {
      this.el.append(
        h(
          'section',
          { class: 'card empty', 'data-testid': 'panel-empty' },
          h('h2', {}, 'Your listing'),
          h(
            'p',
            { class: 'hint' },
            'Describe an item and the assistant drafts a listing with a fair price from similar listings.',
          ),
        ),
      );
    }
  }
}

function comparablesCard({ stats, matches }: Comparables): HTMLElement {
  return h(
    'details',
    { class: 'card comparables', 'data-testid': 'comparables', open: true },
    h(
      'summary',
      {},
      h('h2', {}, 'Similar listings'),
      stats
        ? h(
            'span',
            { class: 'stats' },
            `Median ${euro(stats.median)} · middle half ${euro(stats.p25)}–${euro(stats.p75)} · ${stats.count} active`,
          )
        : h('span', { class: 'hint' }, 'No comparable active listings found.'),
    ),
    h(
      'ul',
      {},
      ...matches.map((m) =>
        h(
          'li',
          {},
          h('a', { href: `/listings/${m.id}`, target: '_blank', rel: 'noopener' }, m.title),
          ` — ${euro(m.price)}, ${m.condition}`,
        ),
      ),
    ),
  );
}
