import { api } from './api.js';
import { clear, euro, h, time } from './dom.js';
import { photoStrip, type ListingPhoto } from './photo.js';
import type { Listing } from '../../domain/listing.js';

// A listing on a marketplace is public: no sign-in (a token, when the tab has one, changes nothing).
const root = document.getElementById('app')!;
const id = location.pathname.split('/').pop() ?? '';
clear(root);
try {
  const listing = await api<Listing & { photos?: ListingPhoto[] }>('GET', `/api/listings/${encodeURIComponent(id)}`);
  root.append(
    h(
      'article',
      { class: 'card listing', 'data-testid': 'listing' },
      listing.photos?.length ? photoStrip(listing.photos, listing.title) : null,
      h('p', { class: 'meta' }, `${listing.category} · ${listing.condition} · ${listing.status}`),
      h('h1', { 'data-testid': 'listing-title' }, listing.title),
      h('p', { class: 'price', 'data-testid': 'listing-price' }, euro(listing.price)),
      h('p', { class: 'description' }, listing.description),
      h('p', { class: 'hint' }, `Listed ${time(listing.createdAt)} by ${listing.sellerId}`),
      h('a', { href: '/' }, '← Sell something with the assistant'),
    ),
  );
} catch (e) {
  root.append(
    h(
      'section',
      { class: 'card' },
      h('p', { class: 'error', role: 'alert' }, (e as Error).message),
      h('a', { href: '/' }, '← Back'),
    ),
  );
}
