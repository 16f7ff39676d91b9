import { Hono } from 'hono';
import type { Store } from '../../store/index.js';
import { buildTraceView } from '../../tracing/timeline.js';
import { buildRunTree } from '../../tracing/runTree.js';
import { NotFoundError } from '../../errors.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { TraceIdParam, TracesQuery } from '../schemas.js';
import { TracePage, TraceViewSchema } from '../responses.js';
import { describe, validate } from '../openapi.js';
import { exportTrace } from '../../replay/traceExport.js';
import type { ReplayThread } from '../../replay/replayThread.js';
import { RateLimitedError } from '../../errors.js';
import { ReplayReportSchema } from '../responses.js';
import { cutLongStrings } from '../longStrings.js';
import { estimateCost } from '../../shared/modelPricing.js';

export interface ReplayLimits {
  thread: ReplayThread;
  /** Replays per support user per minute, across instances (the store's counters). */
  perMinute: number;
}

/** Support's view of recorded runs. Sellers get 403 on every route here. */
export function traceRoutes(
  store: Store,
  replays: ReplayLimits,
  traceUrl?: (traceId: string) => Promise<string | undefined>,
): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('support'));

  app.get(
    '/',
    describe({
      summary: 'Search recorded runs (support)',
      tag: 'traces',
      response: TracePage,
      errors: [400, 401, 403],
    }),
    validate('query', TracesQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { q: text, userId, ...filter } = q;
      const { traces, total } = await store.traces.search({ ...filter, text, sellerId: userId });
      const priced = traces.map((t) => ({ ...t, costUsd: estimateCost(t.model, t) }));
      return c.json({ traces: priced, total, limit: q.limit, offset: q.offset });
    },
  );

  app.get(
    '/:traceId',
    describe({
      summary: 'One run as a tree and an ordered timeline (support)',
      tag: 'traces',
      response: TraceViewSchema,
    }),
    validate('param', TraceIdParam),
    async (c) => {
      const run = await store.runs.byTraceId(c.req.valid('param').traceId);
      if (!run) throw new NotFoundError('Trace');
      const langfuseUrl = await traceUrl?.(run.traceId);
      // The tree is built from the whole recording, then long strings are cut (inline images of old
      // recordings above all): the view stays small.
      const view = cutLongStrings(buildRunTree(await buildTraceView(store, run))) as Record<string, unknown>;
      return c.json({ ...view, ...(langfuseUrl ? { langfuseUrl } : {}) });
    },
  );

  app.post(
    '/:traceId/replay',
    describe({
      summary: 'Re-run a recorded run against the current code and report divergences (support)',
      tag: 'traces',
      response: ReplayReportSchema,
      errors: [400, 401, 403, 404, 429],
    }),
    validate('param', TraceIdParam),
    async (c) => {
      // A replay costs a whole run's CPU (on the replay thread): its own budget, below the general one.
      const budget = await store.rateCounters.take(
        `replay:${c.get('principal').userId}`,
        replays.perMinute,
        60_000,
        new Date(),
      );
      if (!budget.allowed) {
        const wait = Math.max(1, Math.ceil(budget.retryAfterMs / 1000));
        throw new RateLimitedError(`Too many replays; try again in ${wait} s.`, wait);
      }
      const report = await replays.thread.replay(await exportTrace(store, c.req.valid('param').traceId));
      return c.json({ identical: report.identical, divergences: report.divergences, modelCalls: report.modelCalls });
    },
  );

  return app;
}
