import { Hono, type MiddlewareHandler } from 'hono';
import type { Store } from '../../store/index.js';
import { NotFoundError } from '../../errors.js';
import type { AuthEnv } from '../auth.js';
import { ListingIdParam, ListingsQuery } from '../schemas.js';
import { ListingPage, ListingWithPhotos } from '../responses.js';
import { photoUrl } from '../../agent/photos.js';
import { describe, validate } from '../openapi.js';

export function listingRoutes(store: Store): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get(
    '/',
    describe({
      summary: 'Browse listings: full-text query, category, seller',
      tag: 'listings',
      response: ListingPage,
      errors: [400, 401],
    }),
    validate('query', ListingsQuery),
    async (c) => {
      const query = c.req.valid('query');
      return c.json({ listings: await store.listings.list(query), limit: query.limit, offset: query.offset });
    },
  );

  return app;
}

/**
 * The routes anyone may call, signed in or not: a listing on a marketplace is public (its page
 * links from other sellers' comparables). Mounted before the authenticated API.
 */
export function publicListingRoutes(store: Store, guards: MiddlewareHandler<AuthEnv>[] = []): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  for (const guard of guards) app.use('/:id', guard);
  app.get(
    '/:id',
    describe({
      summary: 'One listing (public), with its photos',
      tag: 'listings',
      response: ListingWithPhotos,
      errors: [400, 404],
      security: false,
    }),
    validate('param', ListingIdParam),
    async (c) => {
      const listing = await store.listings.get(c.req.valid('param').id);
      if (!listing) throw new NotFoundError('Listing');
      const { photoIds = [], ...fields } = listing;
      return c.json({ ...fields, photos: photoIds.map((id) => ({ id, url: photoUrl(id) })) });
    },
  );
  return app;
}
