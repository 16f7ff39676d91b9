import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { ForbiddenError, UnauthorizedError } from '../../errors.js';
import { bearerToken, type Authenticator } from '../auth.js';

export interface MetricsAccess {
  registry: Registry;
  /** Scrapable without a token: only in demo mode, which the service allows on loopback only. */
  open: boolean;
  /** A scraper's own bearer token, so Prometheus needs no support identity. */
  token?: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest();

/**
 * `GET /metrics`, Prometheus text. Outside demo mode the counts (runs,
 * costs, denials per rule) are operational data: a support token or
 * METRICS_TOKEN is required, and a seller token is refused.
 */
export function metricsRoutes(access: MetricsAccess, auth: Authenticator): Hono {
  const app = new Hono();
  const scraper = access.token ? digest(access.token) : undefined;
  app.get('/', async (c) => {
    if (!access.open) {
      const presented = bearerToken(c.req.header('authorization'));
      if (!presented) throw new UnauthorizedError();
      const isScraper = scraper !== undefined && timingSafeEqual(scraper, digest(presented));
      if (!isScraper) {
        const principal = await auth.resolve(presented);
        if (!principal) throw new UnauthorizedError();
        if (principal.role !== 'support') throw new ForbiddenError('Metrics need the support role or METRICS_TOKEN.');
      }
    }
    c.header('Content-Type', access.registry.contentType);
    c.header('Cache-Control', 'no-store');
    return c.body(await access.registry.metrics());
  });
  return app;
}
