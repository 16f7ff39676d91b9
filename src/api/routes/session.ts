import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../auth.js';
import { describe } from '../openapi.js';

const SessionSchema = z.object({ userId: z.string(), role: z.enum(['seller', 'support']) }).meta({ id: 'Session' });

/** Who a token belongs to: the web pages sign in with it, and show only what the role may use. */
export function sessionRoutes(): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get(
    '/',
    describe({
      summary: 'The signed-in user and role of the bearer token',
      tag: 'session',
      response: SessionSchema,
      errors: [401],
    }),
    (c) => {
      const { userId, role } = c.get('principal');
      return c.json({ userId, role });
    },
  );
  return app;
}
