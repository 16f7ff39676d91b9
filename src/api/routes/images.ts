import { Hono } from 'hono';
import type { Store } from '../../store/index.js';
import { NotFoundError, UnauthorizedError } from '../../errors.js';
import { bearerToken, type AuthEnv, type Authenticator } from '../auth.js';
import { ImageIdParam } from '../schemas.js';
import { describe, validate } from '../openapi.js';
import { z } from 'zod';

/** An hour: a photo's bytes never change (its id is their hash), but who may see it can. */
const MAX_AGE_S = 3600;

/**
 * `GET /api/images/:id`: a stored photo's bytes. Anyone may fetch a photo an active listing shows (a
 * listing is public); any other photo only its seller or support, and to everyone else it does not
 * exist (404), so ids cannot be probed. Mounted outside the authenticated API: the token is optional.
 */
export function imageRoutes(store: Store, authenticator: Authenticator): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get(
    '/:id',
    describe({
      summary: 'A photo (public on an active listing; otherwise its seller or support)',
      tag: 'images',
      response: z.string().meta({ format: 'binary' }),
      errors: [400, 401, 404],
    }),
    validate('param', ImageIdParam),
    async (c) => {
      const id = c.req.valid('param').id;
      const token = bearerToken(c.req.header('authorization'));
      const viewer = token ? await authenticator.resolve(token) : undefined;
      if (token && !viewer) throw new UnauthorizedError();
      const found = await store.images.data(id);
      if (!found) throw new NotFoundError('Image');
      const own = viewer?.role === 'support' || (viewer?.role === 'seller' && viewer.userId === found.image.sellerId);
      const listed = await store.images.onActiveListing(id);
      if (!own && !listed) throw new NotFoundError('Image');
      c.header('Content-Type', found.image.mime);
      c.header('Content-Length', String(found.data.length));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Disposition', 'inline');
      c.header('ETag', `"${id}"`);
      // A listed photo may sit in shared caches; a private one only in the viewer's own.
      c.header('Cache-Control', `${listed ? 'public' : 'private'}, max-age=${MAX_AGE_S}`);
      if (!listed) c.header('Vary', 'Authorization');
      if (c.req.header('if-none-match') === `"${id}"`) return c.body(null, 304);
      return c.body(new Uint8Array(found.data));
    },
  );
  return app;
}
