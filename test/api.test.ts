import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { ENGINES } from './support/engines.js';

let h: Harness;
afterEach(() => h?.close());

async function json(res: Response) {
  return { status: res.status, body: await res.json() };
}

describe.each(ENGINES)('HTTP contract on %s', (engine) => {
  it('health answers without a token', async () => {
    h = await createHarness({ engine, model: new ScriptedModel([]) });
    expect(await json(await h.call('GET', '/api/health', { token: '' }))).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('is ready while the database answers, and 503 with a JSON error once it does not', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    expect(await json(await h.call('GET', '/api/ready', { token: '' }))).toEqual({
      status: 200,
      body: { status: 'ready' },
    });
    await h.store.close();
    const gone = await json(await h.call('GET', '/api/ready', { token: '' }));
    expect(gone).toMatchObject({ status: 503, body: { error: { code: 'not_ready' } } });
    expect((await h.call('GET', '/api/health', { token: '' })).status).toBe(200); // alive, not ready
  });

  it('drafts, pauses, approves and serves the posted listing over HTTP', async () => {
    h = await createHarness({
      engine,
      model: new ScriptedModel([
        callTool('searchSimilar', { query: 'Trek Marlin bike', category: 'Sports', limit: null }, 'c1'),
        callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
        say('Posted!'),
      ]),
    });
    const created = await json(await h.call('POST', '/api/conversations'));
    expect(created.status).toBe(201);
    const conversationId = created.body.id;

    const paused = await json(
      await h.call('POST', `/api/conversations/${conversationId}/messages`, {
        body: { text: 'Selling my Trek Marlin 7' },
      }),
    );
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ conversationId, status: 'awaiting_approval', reply: 'Draft ready.' });
    const approval = paused.body.pendingApprovals[0];

    // Another seller cannot decide it, and support cannot either.
    expect(
      (
        await h.call('POST', `/api/runs/${paused.body.runId}/decisions`, {
          token: TOKENS.seller2,
          body: { approvalId: approval.approvalId, decision: 'approve' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.call('POST', `/api/runs/${paused.body.runId}/decisions`, {
          token: TOKENS.support,
          body: { approvalId: approval.approvalId, decision: 'approve' },
        })
      ).status,
    ).toBe(403);

    const done = await json(
      await h.call('POST', `/api/runs/${paused.body.runId}/decisions`, {
        body: { approvalId: approval.approvalId, decision: 'approve' },
      }),
    );
    expect(done).toMatchObject({ status: 200, body: { status: 'completed', reply: 'Posted!' } });

    const again = await json(
      await h.call('POST', `/api/runs/${paused.body.runId}/decisions`, {
        body: { approvalId: approval.approvalId, decision: 'approve' },
      }),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('approval_not_pending');

    const mine = await json(
      await h.call('GET', `/api/listings?sellerId=seller-1&q=${encodeURIComponent('Trek Marlin')}`),
    );
    const posted = mine.body.listings.find((l: { title: string }) => l.title === bikeDraft.title);
    expect(posted).toMatchObject({ price: 420, category: 'Sports', sellerId: 'seller-1' });
    expect(await json(await h.call('GET', `/api/listings/${posted.id}`))).toMatchObject({
      status: 200,
      body: { id: posted.id, title: bikeDraft.title },
    });

    const run = await json(await h.call('GET', `/api/runs/${paused.body.runId}`, { token: TOKENS.support }));
    expect(run.body).toMatchObject({ status: 'completed', runId: paused.body.runId });
    const conversation = await json(await h.call('GET', `/api/conversations/${conversationId}`));
    expect(conversation.body.messages.map((m: { role: string }) => m.role)).toEqual([
      'seller',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(conversation.body.latestRun.status).toBe('completed');

    const feedback = await h.call('POST', `/api/runs/${paused.body.runId}/feedback`, {
      body: { value: 1, comment: 'great' },
    });
    expect(feedback.status).toBe(201);
  });

  it('answers bad input with clear 4xx errors', async () => {
    h = await createHarness({ engine, model: new ScriptedModel([]) });
    const { body } = await json(await h.call('POST', '/api/conversations'));
    const path = `/api/conversations/${body.id}/messages`;

    expect((await h.call('GET', '/api/listings', { token: '' })).status).toBe(401);
    expect((await h.call('GET', '/api/listings', { token: 'wrong' })).status).toBe(401);
    const malformed = await json(
      await h.call('POST', path, { raw: '{"text": ', headers: { 'content-type': 'application/json' } }),
    );
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const wrongType = await json(await h.call('POST', path, { body: { text: 42 } }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/text/);
    const badImage = await json(
      await h.call('POST', path, { body: { text: 'hi', images: ['http://example.com/x.png'] } }),
    );
    expect(badImage.status).toBe(400);
    const huge = await h.call('POST', path, { body: { text: 'x'.repeat(9 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect((await json(huge)).body.error.code).toBe('payload_too_large');
    expect((await h.call('GET', '/api/listings/lst_nope0000')).status).toBe(404);
    expect((await h.call('GET', '/api/listings/not-an-id')).status).toBe(400);
    expect((await h.call('GET', '/api/nowhere')).status).toBe(404);
    expect((await h.call('POST', '/api/conversations', { token: TOKENS.support })).status).toBe(403);
  });

  it('keeps conversations private to their seller', async () => {
    h = await createHarness({ engine, model: new ScriptedModel([say('hi')]) });
    const { body } = await json(await h.call('POST', '/api/conversations'));
    const other = await json(await h.call('GET', `/api/conversations/${body.id}`, { token: TOKENS.seller2 }));
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('seller-1');
    expect(
      (await h.call('POST', `/api/conversations/${body.id}/messages`, { token: TOKENS.seller2, body: { text: 'hi' } }))
        .status,
    ).toBe(404);
    expect((await h.call('GET', `/api/conversations/${body.id}`, { token: TOKENS.support })).status).toBe(200);
  });
});
