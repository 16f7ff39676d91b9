import { Hono } from 'hono';
import type { ListingAssistant } from '../../agent/assistant.js';
import type { RunRecord, Store } from '../../store/index.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { DecisionBody, FeedbackBody, RunIdParam } from '../schemas.js';
import { FeedbackSaved, RunResultSchema } from '../responses.js';
import { describe, validate } from '../openapi.js';
import { streamRun, wantsEventStream } from '../sse.js';
import { ConflictError } from '../../errors.js';

/** Ratings one run keeps (every one is a row, with a comment of up to 2,000 characters). */
export const MAX_FEEDBACK_PER_RUN = 20;

export function runRoutes(
  assistant: ListingAssistant,
  store: Store,
  onFeedback?: (run: RunRecord, value: 1 | -1, comment: string | null) => void | Promise<void>,
): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get(
    '/:runId',
    describe({ summary: 'A RunResult (its seller, or support)', tag: 'runs', response: RunResultSchema }),
    validate('param', RunIdParam),
    async (c) => c.json(await assistant.getRun(c.req.valid('param').runId, c.get('principal'))),
  );

  app.post(
    '/:runId/decisions',
    describe({
      summary: 'Approve or reject a pending approval; answers the RunResult of the resumed run',
      tag: 'runs',
      response: RunResultSchema,
      errors: [400, 401, 403, 404, 409, 429],
      eventStream: true,
    }),
    requireRole('seller'),
    validate('param', RunIdParam),
    validate('json', DecisionBody),
    async (c) => {
      const { runId } = c.req.valid('param');
      const body = c.req.valid('json');
      const sellerId = c.get('principal').userId;
      if (wantsEventStream(c)) {
        await assistant.visibleRun(runId, c.get('principal'));
        return streamRun(c, (onEvent) => assistant.decide(runId, sellerId, body, { onEvent }));
      }
      return c.json(await assistant.decide(runId, sellerId, body));
    },
  );

  app.post(
    '/:runId/feedback',
    describe({
      summary: 'Thumbs up or down on a run, with an optional comment',
      description: `A run keeps at most ${MAX_FEEDBACK_PER_RUN} ratings; past them \`409 feedback_limit\`.`,
      tag: 'runs',
      status: 201,
      response: FeedbackSaved,
      errors: [400, 401, 403, 404, 409],
    }),
    requireRole('seller'),
    validate('param', RunIdParam),
    validate('json', FeedbackBody),
    async (c) => {
      const { runId } = c.req.valid('param');
      const body = c.req.valid('json');
      const sellerId = c.get('principal').userId;
      // Only the run's own seller rates it (requireRole above); another seller's run is missing.
      const run = await assistant.visibleRun(runId, { userId: sellerId, role: 'seller' });
      // The feedback and its review item commit together.
      const saved = await store.transaction(async (tx) => {
        // A seller may change their mind, not grow the table without end.
        if ((await tx.feedback.forRun(runId)).length >= MAX_FEEDBACK_PER_RUN)
          throw new ConflictError(
            `This run already has ${MAX_FEEDBACK_PER_RUN} ratings; that is the most one run keeps.`,
            'feedback_limit',
          );
        const added = await tx.feedback.add({ runId, sellerId, value: body.value, comment: body.comment ?? null });
        // Every thumbs-down is reviewed by a person (once per run, however often the seller clicks).
        if (added.value === -1) await tx.reviews.enqueue({ runId, traceId: run.traceId, reason: 'thumbs_down' });
        return added;
      });
      await onFeedback?.(run, saved.value, saved.comment);
      return c.json({ runId, value: saved.value, comment: saved.comment, createdAt: saved.createdAt }, 201);
    },
  );

  return app;
}
