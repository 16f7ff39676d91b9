import { Hono } from 'hono';
import type { ListingAssistant } from '../../agent/assistant.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { ConversationIdParam, ConversationQuery, MessageBody } from '../schemas.js';
import { ConversationCreated, ConversationViewSchema, RunResultSchema } from '../responses.js';
import { describe, validate } from '../openapi.js';
import { streamRun, wantsEventStream } from '../sse.js';

export function conversationRoutes(assistant: ListingAssistant): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post(
    '/',
    describe({
      summary: 'Open a conversation',
      tag: 'conversations',
      status: 201,
      response: ConversationCreated,
      errors: [401, 403],
    }),
    requireRole('seller'),
    async (c) => c.json(await assistant.createConversation(c.get('principal').userId), 201),
  );

  app.get(
    '/:id',
    describe({
      summary: 'Messages (the latest page; `before` and `limit` page back) and the latest RunResult',
      tag: 'conversations',
      response: ConversationViewSchema,
    }),
    validate('param', ConversationIdParam),
    validate('query', ConversationQuery),
    async (c) =>
      c.json(await assistant.getConversation(c.req.valid('param').id, c.get('principal'), c.req.valid('query'))),
  );

  app.post(
    '/:id/messages',
    describe({
      summary: 'Send a message; the run answers with a RunResult (or streams with Accept: text/event-stream)',
      tag: 'conversations',
      response: RunResultSchema,
      errors: [400, 401, 403, 404, 409, 413, 429],
      eventStream: true,
    }),
    requireRole('seller'),
    validate('param', ConversationIdParam),
    validate('json', MessageBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const sellerId = c.get('principal').userId;
      if (wantsEventStream(c)) {
        await assistant.visibleConversation(id, c.get('principal'));
        return streamRun(c, (onEvent) => assistant.sendMessage(id, sellerId, body, { onEvent }));
      }
      return c.json(await assistant.sendMessage(id, sellerId, body));
    },
  );

  return app;
}
