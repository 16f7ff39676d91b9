import { Hono } from 'hono';
import type { Store } from '../../store/index.js';
import { NotFoundError } from '../../errors.js';
import type { AuthEnv } from '../auth.js';
import { ListingIdParam, ListingsQuery } from '../schemas.js';
import { parseInput } from '../validation.js';

export function listingRoutes(store: Store): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/', (c) => {
    const query = parseInput(ListingsQuery, c.req.query());
    return c.json({ listings: store.listings.list(query), limit: query.limit, offset: query.offset });
  });

  app.get('/:id', (c) => {
    const { id } = parseInput(ListingIdParam, c.req.param());
    const listing = store.listings.get(id);
    if (!listing) throw new NotFoundError('Listing');
    return c.json(listing);
  });

  return app;
}
