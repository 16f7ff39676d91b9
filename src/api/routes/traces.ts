import { Hono } from 'hono';
import type { Store } from '../../store/index.js';
import { searchTraces } from '../../store/traceRepository.js';
import { buildTraceView } from '../../tracing/timeline.js';
import { NotFoundError } from '../../errors.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { TraceIdParam, TracesQuery } from '../schemas.js';
import { parseInput } from '../validation.js';

/** Support's view of recorded runs. Sellers get 403 on every route here. */
export function traceRoutes(store: Store): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('support'));

  app.get('/', (c) => {
    const q = parseInput(TracesQuery, c.req.query());
    const { traces, total } = searchTraces(store.db, { ...q, sellerId: q.userId });
    return c.json({ traces, total, limit: q.limit, offset: q.offset });
  });

  app.get('/:traceId', (c) => {
    const { traceId } = parseInput(TraceIdParam, c.req.param());
    const run = store.runs.byTraceId(traceId);
    if (!run) throw new NotFoundError('Trace');
    return c.json(buildTraceView(store, run));
  });

  return app;
}
