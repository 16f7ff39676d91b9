import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { ENGINES } from './support/engines.js';

// A conversation's stored history, runs and view grow with every message: CONVERSATION_MAX_MESSAGES bounds them.
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const body = async (res: Response) => ({ status: res.status, json: (await res.json()) as Record<string, any> });

describe.each(ENGINES)('the message cap of a conversation on %s', (engine) => {
  it('answers 413 past it, storing and running nothing; a new conversation goes on', async () => {
    h = await createHarness({ engine, env: { CONVERSATION_MAX_MESSAGES: '2' } });
    const open = async () => (await body(await h!.call('POST', '/api/conversations'))).json.id as string;
    const send = (id: string, text: string) =>
      h!.call('POST', `/api/conversations/${id}/messages`, { body: { text } }).then(body);
    const view = async (id: string) => (await body(await h!.call('GET', `/api/conversations/${id}`))).json;

    const id = await open();
    expect((await send(id, 'what is my road bike worth?')).status).toBe(200);
    expect((await send(id, 'and my helmet?')).status).toBe(200);
    const before = await view(id);

    const refused = await send(id, 'and my bike lights?');
    expect(refused.status).toBe(413);
    expect(refused.json.error.code).toBe('conversation_too_large');
    expect(refused.json.error.message).toMatch(/limit of 2 messages.*new conversation/);
    // Nothing of the refused message was stored or run.
    const after = await view(id);
    expect(after.messagesTotal).toBe(before.messagesTotal);
    expect(after.latestRun.runId).toBe(before.latestRun.runId);
    expect(JSON.stringify(after.messages)).not.toContain('bike lights');

    // The seller goes on in a new conversation.
    expect((await send(await open(), 'and my bike lights?')).status).toBe(200);
  }, 60_000);
});
