import { Hono } from 'hono';
import type { ReviewItemRecord, Store } from '../../store/index.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { reviewItemView } from '../../feedback/reviewItemView.js';
import { promoteReviewItem } from '../../feedback/promotion.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { LabelBody, ReviewIdParam, ReviewQuery } from '../schemas.js';
import { PromotionSchema, ReviewItemSchema, ReviewPage } from '../responses.js';
import { describe, validate } from '../openapi.js';

export interface ReviewRouteOptions {
  /** Where promoted scenarios are written (`PROMOTED_SCENARIOS_DIR`). */
  scenarioDir: string;
  /** Called once a label is stored (Langfuse scores); never fails the request. */
  onLabel?: (item: ReviewItemRecord) => void;
}

/** The annotation queue: support labels queued runs and promotes them to eval scenarios. Sellers get 403. */
export function reviewRoutes(store: Store, options: ReviewRouteOptions): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('support'));

  const item = async (id: string, from: Store = store) => {
    const found = await from.reviews.get(id);
    if (!found) throw new NotFoundError('Review item');
    return found;
  };

  app.get(
    '/',
    describe({
      summary: 'The review queue, newest first (support)',
      tag: 'review',
      response: ReviewPage,
      errors: [400, 401, 403],
    }),
    validate('query', ReviewQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { items, total } = await store.reviews.list(q);
      const views = await Promise.all(items.map((i) => reviewItemView(store, i)));
      return c.json({ items: views, total, limit: q.limit, offset: q.offset });
    },
  );

  app.get(
    '/:id',
    describe({
      summary: 'One review item with its run, feedback and corrections (support)',
      tag: 'review',
      response: ReviewItemSchema,
    }),
    validate('param', ReviewIdParam),
    async (c) => c.json(await reviewItemView(store, await item(c.req.valid('param').id))),
  );

  app.post(
    '/:id/label',
    describe({
      summary: 'Label a review item good or bad, with an optional note (support)',
      description: 'Relabelling is allowed until the item is promoted (then `409 already_promoted`).',
      tag: 'review',
      response: ReviewItemSchema,
      errors: [400, 401, 403, 404, 409],
    }),
    validate('param', ReviewIdParam),
    validate('json', LabelBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const reviewer = c.get('principal').userId;
      // One transaction: a promotion landing between the read and the label would misreport the conflict.
      const view = await store.transaction(async (tx) => {
        const current = await item(id, tx);
        const labelled = await tx.reviews.label(id, { label: body.label, note: body.note || null, reviewer });
        if (!labelled)
          throw new ConflictError(
            `This review item was promoted to ${current.promotedScenario}; its label is final.`,
            'already_promoted',
          );
        const stored = await item(id, tx);
        return { stored, view: await reviewItemView(tx, stored) };
      });
      try {
        options.onLabel?.(view.stored);
      } catch {
        // An observer's failure is its own (the scores log theirs); the label is stored.
      }
      return c.json(view.view);
    },
  );

  app.post(
    '/:id/promote',
    describe({
      summary: 'Turn a labelled review item into an eval scenario file (support)',
      description:
        'Writes `<scenario id>.json` into the promoted-scenarios directory, where `npm run evals` picks it up. `409` when the item is not labelled (`not_labelled`), was already promoted (`already_promoted`) or the file exists (`scenario_exists`); nothing is overwritten.',
      tag: 'review',
      status: 201,
      response: PromotionSchema,
      errors: [400, 401, 403, 404, 409],
    }),
    validate('param', ReviewIdParam),
    async (c) => {
      const promotion = await promoteReviewItem(store, c.req.valid('param').id, options.scenarioDir);
      return c.json(
        {
          item: await reviewItemView(store, promotion.item),
          scenarioId: promotion.scenario.id,
          path: promotion.path,
          scenario: promotion.scenario as unknown as Record<string, unknown>,
          warnings: promotion.warnings,
        },
        201,
      );
    },
  );

  return app;
}
