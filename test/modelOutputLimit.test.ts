import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { MAX_MODEL_OUTPUT_CHARS } from '../src/agent/outputLimit.js';

// The model is untrusted input too: an answer past MAX_MODEL_OUTPUT_CHARS stops the run as a model error, and
// nothing of it lands in the session, the transcript or the listings.
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const huge = 'x'.repeat(MAX_MODEL_OUTPUT_CHARS + 1);

async function conversationWith(model: ScriptedModel) {
  h = await createHarness({ model });
  const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
  return id;
}

describe('a model answer past the bound', () => {
  it('stops the run as a model error and keeps none of it', async () => {
    const id = await conversationWith(new ScriptedModel([say(huge)]));
    const res = await h!.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'hello' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'stopped', stopReason: 'model_error' });
    const view = await (await h!.call('GET', `/api/conversations/${id}`)).text();
    expect(view.length).toBeLessThan(20_000);
    expect(view).not.toContain('xxxxxxxxxx');
  });

  it('is cut off in a stream as soon as its text passes the bound', async () => {
    const id = await conversationWith(new ScriptedModel([say(huge)]));
    const res = await h!.call('POST', `/api/conversations/${id}/messages`, {
      body: { text: 'hello' },
      headers: { accept: 'text/event-stream' },
    });
    const body = await res.text();
    expect(body.length).toBeLessThan(MAX_MODEL_OUTPUT_CHARS);
    expect(body).toMatch(/"stopReason":"model_error"/);
  });

  it('stops a tool call whose arguments pass it before any approval or write', async () => {
    const id = await conversationWith(
      new ScriptedModel([callTool('createListing', { ...bikeDraft, description: huge }, 'c1'), say('Sorry.')]),
    );
    const listings = () => h!.store.listings.count();
    const before = await listings();
    const res = await h!.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'sell my bike' } });
    expect(await res.json()).toMatchObject({ status: 'stopped', stopReason: 'model_error', pendingApprovals: [] });
    expect(await listings()).toBe(before);
  });

  it('leaves an answer within the bound alone', async () => {
    const long = 'A long but fair answer. '.repeat(400);
    const id = await conversationWith(new ScriptedModel([say(long)]));
    const res = await h!.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'hello' } });
    expect(await res.json()).toMatchObject({ status: 'completed', reply: long });
  });
});
