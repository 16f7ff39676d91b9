import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { bikeDraft, callTool, say } from './support/scripts.js';
import { ENGINES, engineStore, type EngineStore } from './support/engines.js';
import { dataUrl, pngPhoto } from './support/photos.js';
import { ImageQuotaError } from '../src/store/index.js';
import { photoId } from '../src/agent/photos.js';

// Photos are stored once through the store, referred to by id, capped, and served by the rules of
// GET /api/images/:id, on every engine.
let h: Harness | undefined;
const stores: EngineStore[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(stores.splice(0).map((s) => s.dispose()));
});

async function json(res: Response) {
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const unlimited = { conversationBytes: 1e12, sellerBytes: 1e12 };

describe.each(ENGINES)('photos on %s', (engine) => {
  it('the store keeps a photo once per seller, sums usage, and knows when a listing shows it', async () => {
    const e = await engineStore(engine);
    stores.push(e);
    const { store } = e;
    const a = await store.conversations.create('seller-1');
    const b = await store.conversations.create('seller-1');
    const data = pngPhoto(2000);
    const image = { sellerId: 'seller-1', mime: 'image/png', width: 640, height: 480, data };
    const first = await store.images.put({ id: photoId('seller-1', data), conversationId: a.id, ...image }, unlimited);
    const again = await store.images.put({ id: photoId('seller-1', data), conversationId: b.id, ...image }, unlimited);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, image: { id: first.image.id, conversationId: a.id } });
    expect(first.image).toMatchObject({ sellerId: 'seller-1', mime: 'image/png', bytes: 2000, width: 640 });
    expect((await store.images.data(first.image.id))!.data.equals(data)).toBe(true);
    expect(await store.images.usage('seller-1', b.id)).toEqual({ conversationBytes: 0, sellerBytes: 2000 });

    // Another seller's same bytes are another photo; the quota refuses what does not fit, atomically.
    const other = await store.conversations.create('seller-2');
    const big = pngPhoto(1500);
    const put = (conversationId: string, sellerId: string, bytes: Buffer, quota = unlimited) =>
      store.images.put({ ...image, sellerId, conversationId, id: photoId(sellerId, bytes), data: bytes }, quota);
    expect(photoId('seller-2', data)).not.toBe(first.image.id);
    await expect(put(a.id, 'seller-1', big, { conversationBytes: 3000, sellerBytes: 1e9 })).rejects.toMatchObject({
      scope: 'conversation',
    });
    await expect(put(b.id, 'seller-1', big, { conversationBytes: 1e9, sellerBytes: 3000 })).rejects.toBeInstanceOf(
      ImageQuotaError,
    );
    expect(await store.images.usage('seller-1', a.id)).toEqual({ conversationBytes: 2000, sellerBytes: 2000 });
    await put(other.id, 'seller-2', big);

    // A listing keeps its photos in order; an active one makes them public.
    expect(await store.images.onActiveListing(first.image.id)).toBe(false);
    const listing = await store.listings.insert({
      sellerId: 'seller-1',
      title: 'Oak table',
      description: 'A solid oak table.',
      category: 'Furniture',
      price: 250,
      condition: 'good',
      photoIds: [first.image.id],
    });
    expect(listing.photoIds).toEqual([first.image.id]);
    expect((await store.listings.get(listing.id))!.photoIds).toEqual([first.image.id]);
    expect(await store.images.onActiveListing(first.image.id)).toBe(true);
    expect(await store.images.onActiveListing(photoId('seller-2', big))).toBe(false);
  });

  it('a photo sent with a message is stored once, drafted with the listing and served by the rules', async () => {
    h = await createHarness({ engine });
    const conversationId = (await json(await h.call('POST', '/api/conversations'))).body.id;
    const bytes = pngPhoto(3000);
    const send = (text: string) =>
      h!.call('POST', `/api/conversations/${conversationId}/messages`, { body: { text, images: [dataUrl(bytes)] } });
    expect((await send('hello there')).status).toBe(200);
    const paused = await json(await send('I want to sell my solid oak dining table, good condition, for 250'));
    expect(paused.status).toBe(200);
    expect(paused.body.status, paused.body.reply).toBe('awaiting_approval');

    const view = await json(await h.call('GET', `/api/conversations/${conversationId}`));
    const seller = view.body.messages.filter((m: { role: string }) => m.role === 'seller');
    const [{ id, url }] = seller[0].photos;
    expect(seller[1].photos).toEqual([{ id, url }]);
    expect(url).toBe(`/api/images/${id}`);
    // Sent twice, stored once.
    expect(await h.store.images.usage('seller-1', conversationId)).toEqual({
      conversationBytes: 3000,
      sellerBytes: 3000,
    });
    // No bytes anywhere but the images table: session items and spans refer to the id.
    const items = JSON.stringify(await h.store.conversations.items(conversationId));
    const spans = JSON.stringify(await h.store.traces.spans((await h.store.runs.get(paused.body.runId))!.traceId));
    const base64 = bytes.toString('base64').slice(0, 200);
    expect(items).toContain(id);
    expect(items).not.toContain(base64);
    expect(spans).toContain(id);
    expect(spans).not.toContain(base64);

    const approval = paused.body.pendingApprovals[0];
    expect(approval.tool).toBe('createListing');
    expect(approval.arguments.photoIds).toEqual([id]);
    expect(approval.summary).toContain('with 1 photo');

    const get = (token: string, headers: Record<string, string> = {}) =>
      h!.call('GET', `/api/images/${id}`, { token, headers });
    const own = await get(TOKENS.seller);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(bytes)).toBe(true);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect((await get(TOKENS.seller, { 'if-none-match': own.headers.get('etag')! })).status).toBe(304);
    expect((await get(TOKENS.support)).status).toBe(200);
    for (const token of [TOKENS.seller2, '']) {
      const hidden = await json(await get(token));
      expect(hidden).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    expect((await get('not-a-token')).status).toBe(401);
    expect((await h.call('GET', '/api/images/img_nothex', { token: '' })).status).toBe(400);

    const done = await json(
      await h.call('POST', `/api/runs/${paused.body.runId}/decisions`, {
        body: { approvalId: approval.approvalId, decision: 'approve' },
      }),
    );
    expect(done.body.status).toBe('completed');
    const [posted] = (await json(await h.call('GET', '/api/listings?sellerId=seller-1&q=oak'))).body.listings;
    const listing = await json(await h.call('GET', `/api/listings/${posted.id}`));
    expect(listing.body.photos).toEqual([{ id, url: `/api/images/${id}` }]);
    // On an active listing the photo is public, and may be cached by anyone.
    const open = await get('');
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  });

  it('answers 413 past the conversation cap and 429 past the seller quota, storing nothing', async () => {
    h = await createHarness({
      engine,
      env: { PHOTO_BYTES_PER_CONVERSATION: '3000', PHOTO_BYTES_PER_SELLER: '4000' },
    });
    const open = async () => (await json(await h!.call('POST', '/api/conversations'))).body.id as string;
    const send = async (conversationId: string, photos: Buffer[]) =>
      json(
        await h!.call('POST', `/api/conversations/${conversationId}/messages`, {
          body: { text: 'hello', images: photos.map((p) => dataUrl(p)) },
        }),
      );
    const [p1, p2, p3, p4, p5] = Array.from({ length: 5 }, () => pngPhoto(1200));
    const first = await open();
    expect((await send(first, [p1, p2])).status).toBe(200);
    const tooLarge = await send(first, [p3]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('conversation_too_large');
    expect(tooLarge.body.error.message).toMatch(/new conversation/);
    // The same photo again adds nothing and passes.
    expect((await send(first, [p1])).status).toBe(200);

    const second = await open();
    // One message whose second photo does not fit stores neither.
    const quota = await send(second, [p4, p5]);
    expect(quota.status).toBe(429);
    expect(quota.body.error.code).toBe('photo_quota_exceeded');
    expect(await h.store.images.usage('seller-1', second)).toEqual({ conversationBytes: 0, sellerBytes: 2400 });
    expect((await send(second, [p4])).status).toBe(200);
    expect(await h.store.images.usage('seller-1', second)).toEqual({ conversationBytes: 1200, sellerBytes: 3600 });
    // A refused message started no run.
    const view = await json(await h.call('GET', `/api/conversations/${second}`));
    expect(view.body.messages.filter((m: { role: string }) => m.role === 'seller')).toHaveLength(1);
  });

  it("never asks a seller to confirm, nor posts, a listing with another seller's photo", async () => {
    const foreign = pngPhoto(800);
    const foreignId = photoId('seller-2', foreign);
    const unknownId = photoId('seller-9', pngPhoto(700));
    h = await createHarness({
      engine,
      model: new ScriptedModel([
        callTool('createListing', { ...bikeDraft, photoIds: [foreignId] }, 'c1', 'Draft ready.'),
        say('I cannot use that photo.'),
        callTool('createListing', { ...bikeDraft, photoIds: [unknownId] }, 'c2', 'Draft ready.'),
        say('I cannot use that photo either.'),
        callTool('createListing', bikeDraft, 'c3', 'Draft ready.'),
        say('Posted.'),
      ]),
    });
    const elsewhere = await h.store.conversations.create('seller-2');
    await h.store.images.put(
      {
        id: foreignId,
        sellerId: 'seller-2',
        conversationId: elsewhere.id,
        mime: 'image/png',
        width: 640,
        height: 480,
        data: foreign,
      },
      unlimited,
    );
    const conversationId = (await json(await h.call('POST', '/api/conversations'))).body.id;
    const send = async (text: string) =>
      (await json(await h!.call('POST', `/api/conversations/${conversationId}/messages`, { body: { text } }))).body;

    // Judged before the seller is asked: no card to confirm, and the refusal names the rule.
    for (const [text, id] of [
      ['Selling my bike', foreignId],
      ['Selling my bike again', unknownId],
    ]) {
      const run = await send(text);
      expect(run.status).toBe('completed');
      expect(run.pendingApprovals).toEqual([]);
      const [decision] = await h.store.decisions.forRun(run.runId);
      expect(decision).toMatchObject({ tool: 'createListing', decision: 'deny', rule: 'own-photos' });
      expect(await h.store.approvals.forRun(run.runId)).toEqual([]);
      expect(decision.reason).toContain(id);
    }

    // Nor can the seller slip it in as an edit on approving a clean draft.
    const paused = await send('Selling my bike, no photo');
    const approvalId = paused.pendingApprovals[0].approvalId;
    const decide = (body: Record<string, unknown>) =>
      h!.call('POST', `/api/runs/${paused.runId}/decisions`, { body: { approvalId, decision: 'approve', ...body } });
    const refused = await json(await decide({ arguments: { photoIds: [foreignId] } }));
    expect([refused.status, refused.body.error.code]).toEqual([400, 'edit_refused']);
    expect((await json(await decide({}))).body.status).toBe('completed');
    const mine = (await json(await h.call('GET', '/api/listings?sellerId=seller-1&q=Trek'))).body.listings;
    expect(mine.filter((l: { title: string }) => l.title === bikeDraft.title)).toHaveLength(1);
    expect(await h.store.images.onActiveListing(foreignId)).toBe(false);
  });
});

describe('payloads of older recordings', () => {
  it('the trace view cuts inline images and long strings that spans recorded before photos had ids', async () => {
    h = await createHarness({ model: new ScriptedModel([say('Hello!')]) });
    const conversationId = (await json(await h.call('POST', '/api/conversations'))).body.id;
    const sent = await json(
      await h.call('POST', `/api/conversations/${conversationId}/messages`, { body: { text: 'hi' } }),
    );
    const { traceId } = (await h.store.runs.get(sent.body.runId))!;
    const inline = dataUrl(pngPhoto(2_000_000));
    await h.store.traces.upsertSpan({
      spanId: 'span_legacy',
      traceId,
      parentId: null,
      kind: 'generation',
      name: null,
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      data: {
        type: 'generation',
        model: 'm',
        input: [{ type: 'message', role: 'user', content: [{ type: 'input_image', image: inline }] }],
        output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'x'.repeat(50_000) }] }],
      },
      error: null,
    });
    const res = await h.call('GET', `/api/traces/${traceId}`, { token: TOKENS.support });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(100_000);
    expect(text).not.toContain(inline.slice(0, 500));
    // The tree shows an inline image as a placeholder with its size; the cut marks any left.
    expect(text).toMatch(/\[(?:inline image\/png|image, \d+ KB)/);
    expect(text).toContain('(cut: 50000 characters)');
  });
});
