import { Hono } from 'hono';
import type { ListingAssistant } from '../../agent/assistant.js';
import type { Store } from '../../store/index.js';
import { NotFoundError } from '../../errors.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { DecisionBody, FeedbackBody, RunIdParam } from '../schemas.js';
import { parseInput, readJson } from '../validation.js';
import { streamRun, wantsEventStream } from '../sse.js';

export function runRoutes(assistant: ListingAssistant, store: Store): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/:runId', (c) => {
    const { runId } = parseInput(RunIdParam, c.req.param());
    return c.json(assistant.getRun(runId, c.get('principal')));
  });

  app.post('/:runId/decisions', requireRole('seller'), async (c) => {
    const { runId } = parseInput(RunIdParam, c.req.param());
    const body = await readJson(c, DecisionBody);
    const sellerId = c.get('principal').userId;
    if (wantsEventStream(c)) {
      assistant.visibleRun(runId, c.get('principal'));
      return streamRun(c, (onEvent) => assistant.decide(runId, sellerId, body, { onEvent }));
    }
    return c.json(await assistant.decide(runId, sellerId, body));
  });

  app.post('/:runId/feedback', requireRole('seller'), async (c) => {
    const { runId } = parseInput(RunIdParam, c.req.param());
    const body = await readJson(c, FeedbackBody);
    const run = store.runs.get(runId);
    const sellerId = c.get('principal').userId;
    if (!run || run.sellerId !== sellerId) throw new NotFoundError('Run');
    const saved = store.feedback.add({ runId, sellerId, value: body.value, comment: body.comment ?? null });
    return c.json({ runId, value: saved.value, comment: saved.comment, createdAt: saved.createdAt }, 201);
  });

  return app;
}
