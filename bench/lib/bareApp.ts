import { Hono } from 'hono';
import { Agent, Runner } from '@openai/agents';
import { DelayedModel } from './delayedModel.js';

/**
 * The baseline the benches compare with: the same HTTP library answering each message with the bare SDK loop
 * (the same delayed model; no tools, policy, persistence or recording).
 */
export function bareApp(delayMs: number): Hono {
  const agent = new Agent({ name: 'bare', instructions: 'x', model: new DelayedModel(delayMs) });
  const runner = new Runner({ tracingDisabled: true });
  const app = new Hono();
  let next = 0;
  app.post('/api/conversations', (c) => c.json({ id: `conv_${next++}` }, 201));
  app.post('/api/conversations/:id/messages', async (c) => {
    const { text } = await c.req.json<{ text: string }>();
    const result = await runner.run(agent, text);
    return c.json({ status: 'completed', reply: result.finalOutput });
  });
  return app;
}
