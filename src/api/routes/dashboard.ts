import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/index.js';
import { buildDashboard } from '../../monitoring/dashboard.js';
import type { AlertThresholds } from '../../monitoring/alerts.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { describe, validate } from '../openapi.js';

const DashboardQuery = z.object({ window: z.enum(['hour', 'day']).default('hour') });

const Figures = z.looseObject({
  runs: z.number(),
  failed: z.number(),
  failureRate: z.number(),
  costPerRunUsd: z.number().nullable(),
});
const DashboardSchema = z
  .object({
    window: z.enum(['hour', 'day']),
    from: z.string(),
    to: z.string(),
    bucketMinutes: z.number(),
    versions: z.array(z.string()),
    totals: z.record(z.string(), Figures),
    buckets: z.array(z.object({ start: z.string(), byVersion: z.record(z.string(), Figures) })),
    alerts: z.array(
      z.object({
        promptVersion: z.string(),
        kind: z.enum(['failure_rate', 'cost_per_run']),
        value: z.number(),
        threshold: z.number(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'Dashboard' });

/** Support's monitoring view: figures per prompt version over the last hour or day, from the store. */
export function dashboardRoutes(
  store: Store,
  thresholds: AlertThresholds,
  now: () => Date = () => new Date(),
): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('support'));
  app.get(
    '/',
    describe({
      summary:
        'Runs, failures, latency, tokens, cost, approvals, denials and feedback by prompt version over time, with alerts (support)',
      tag: 'monitoring',
      response: DashboardSchema,
      errors: [400, 401, 403],
    }),
    validate('query', DashboardQuery),
    async (c) => c.json(await buildDashboard(store.runFigures, c.req.valid('query').window, now(), thresholds)),
  );
  return app;
}
