import { Hono } from 'hono';
import type { ListingAssistant } from '../../agent/assistant.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { ConversationIdParam, MessageBody } from '../schemas.js';
import { parseInput, readJson } from '../validation.js';
import { streamRun, wantsEventStream } from '../sse.js';

export function conversationRoutes(assistant: ListingAssistant): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/', requireRole('seller'), (c) => c.json(assistant.createConversation(c.get('principal').userId), 201));

  app.get('/:id', (c) => {
    const { id } = parseInput(ConversationIdParam, c.req.param());
    const principal = c.get('principal');
    return c.json(assistant.getConversation(id, principal));
  });

  app.post('/:id/messages', requireRole('seller'), async (c) => {
    const { id } = parseInput(ConversationIdParam, c.req.param());
    const body = await readJson(c, MessageBody);
    const sellerId = c.get('principal').userId;
    if (wantsEventStream(c)) {
      assistant.visibleConversation(id, c.get('principal'));
      return streamRun(c, (onEvent) => assistant.sendMessage(id, sellerId, body, { onEvent }));
    }
    return c.json(await assistant.sendMessage(id, sellerId, body));
  });

  return app;
}
