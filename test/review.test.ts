import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { loadScenarios } from '../src/evals/scenario.js';
import { runSuite } from '../src/evals/suite.js';
import { scenarioId } from '../src/feedback/scenarioFromReview.js';
import { ScriptedModel } from '@openai/agents/testing';
import { bikeDraft, callTool, say } from './support/scripts.js';

let h: Harness;
let root: string;
let promotedDir: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'review-scenarios-'));
  promotedDir = join(root, 'promoted');
  // The offline model (no key), nothing sampled, scenarios written to a temp dir, never into the repo.
  h = await createHarness({ env: { PROMOTED_SCENARIOS_DIR: promotedDir, REVIEW_SAMPLE_RATE: '0' } });
});
afterEach(async () => {
  await h?.close();
  rmSync(root, { recursive: true, force: true });
});

const body = async (res: Response) => ({ status: res.status, json: await res.json() });

/** A seller drafts a bike at 500, rejects it ("make it 450"), approves the revision: all over HTTP. */
async function correctedListing(
  rejection = 'Actually, make it 450.',
): Promise<{ runId: string; traceId: string; conversationId: string }> {
  const { id: conversationId } = (await body(await h.call('POST', '/api/conversations'))).json;
  const text = 'Sell my Specialized Rockhopper mountain bike, good condition, for 500 euros.';
  const draft = (await body(await h.call('POST', `/api/conversations/${conversationId}/messages`, { body: { text } })))
    .json;
  expect(draft.pendingApprovals[0]).toMatchObject({ tool: 'createListing', arguments: { price: 500 } });
  const decide = (approvalId: string, decision: string, message?: string) =>
    h.call('POST', `/api/runs/${draft.runId}/decisions`, {
      body: { approvalId, decision, ...(message ? { message } : {}) },
    });
  const revised = (await body(await decide(draft.pendingApprovals[0].approvalId, 'reject', rejection))).json;
  expect(revised.pendingApprovals[0]).toMatchObject({ tool: 'createListing', arguments: { price: 450 } });
  const done = (await body(await decide(revised.pendingApprovals[0].approvalId, 'approve'))).json;
  expect(done.status).toBe('completed');
  return { runId: draft.runId, traceId: draft.traceId, conversationId };
}

describe('the review queue over HTTP', () => {
  it('queues a thumbs-down run once, with its seller, conversation, prompt version, messages, reply and comment', async () => {
    const { id: conversationId } = (await body(await h.call('POST', '/api/conversations'))).json;
    const run = (
      await body(
        await h.call('POST', `/api/conversations/${conversationId}/messages`, {
          body: { text: 'What is a fair price for a Trek Marlin 7?' },
        }),
      )
    ).json;
    expect(run.status).toBe('completed');
    expect((await body(await h.call('GET', '/api/review', { token: TOKENS.support }))).json).toMatchObject({
      items: [],
      total: 0,
    });

    expect((await h.call('POST', `/api/runs/${run.runId}/feedback`, { body: { value: 1 } })).status).toBe(201);
    expect((await body(await h.call('GET', '/api/review', { token: TOKENS.support }))).json.total).toBe(0);
    for (const comment of ['That price is way too low', 'Still wrong']) {
      expect((await h.call('POST', `/api/runs/${run.runId}/feedback`, { body: { value: -1, comment } })).status).toBe(
        201,
      );
    }

    const page = await body(
      await h.call('GET', '/api/review?status=open&reason=thumbs_down', { token: TOKENS.support }),
    );
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(page.json.items[0]).toMatchObject({
      id: expect.stringMatching(/^rev_/),
      runId: run.runId,
      traceId: run.traceId,
      reason: 'thumbs_down',
      reasons: ['thumbs_down'],
      status: 'open',
      label: null,
      promotedScenario: null,
      sellerId: 'seller-1',
      conversationId,
      promptVersion: 'v1',
      runStatus: 'completed',
      firstSellerMessage: 'What is a fair price for a Trek Marlin 7?',
      sellerMessage: 'What is a fair price for a Trek Marlin 7?',
      reply: run.reply,
      feedback: { value: -1, comment: 'Still wrong' },
      corrections: [],
    });
    // Filters narrow, and a seller never sees the queue.
    expect(
      (await body(await h.call('GET', '/api/review?reason=correction', { token: TOKENS.support }))).json.total,
    ).toBe(0);
    expect((await body(await h.call('GET', '/api/review?status=labelled', { token: TOKENS.support }))).json.total).toBe(
      0,
    );
    expect((await h.call('GET', '/api/review', { token: TOKENS.seller })).status).toBe(403);
    expect((await body(await h.call('GET', '/api/review?status=closed', { token: TOKENS.support }))).status).toBe(400);
  });

  it('pages newest first, and keeps every reason a run was queued for', async () => {
    const { runId, traceId } = await correctedListing();
    await h.call('POST', `/api/runs/${runId}/feedback`, { body: { value: -1, comment: 'I had to fix the price' } });
    const { id: other } = (await body(await h.call('POST', '/api/conversations'))).json;
    const second = (
      await body(
        await h.call('POST', `/api/conversations/${other}/messages`, {
          body: { text: 'What is a fair price for a Kindle?' },
        }),
      )
    ).json;
    await h.call('POST', `/api/runs/${second.runId}/feedback`, { body: { value: -1 } });

    const all = (await body(await h.call('GET', '/api/review', { token: TOKENS.support }))).json;
    expect(all.items.map((i: { runId: string }) => i.runId)).toEqual([second.runId, runId]);
    expect(all.items[1]).toMatchObject({ traceId, reason: 'correction', reasons: ['correction', 'thumbs_down'] });
    expect(all.items[1].corrections).toEqual([
      expect.objectContaining({
        kind: 'edited',
        before: expect.objectContaining({ price: 500 }),
        after: expect.objectContaining({ price: 450 }),
        changedFields: ['price'],
      }),
    ]);
    const second_page = (await body(await h.call('GET', '/api/review?limit=1&offset=1', { token: TOKENS.support })))
      .json;
    expect(second_page).toMatchObject({ total: 2, limit: 1, offset: 1, items: [expect.objectContaining({ runId })] });
    expect(
      (await body(await h.call('GET', '/api/review?reason=thumbs_down', { token: TOKENS.support }))).json.total,
    ).toBe(2);
  });

  it('labels (support only), relabels until promoted, and answers 404 for an unknown item', async () => {
    const { runId } = await correctedListing();
    const item = (await h.store.reviews.forRun(runId))!;
    const path = `/api/review/${item.id}/label`;
    expect((await h.call('POST', path, { token: TOKENS.seller, body: { label: 'bad' } })).status).toBe(403);
    expect((await h.call('POST', path, { token: TOKENS.support, body: { label: 'meh' } })).status).toBe(400);
    expect(
      (await h.call('POST', '/api/review/rev_doesnotexist/label', { token: TOKENS.support, body: { label: 'bad' } }))
        .status,
    ).toBe(404);

    const labelled = await body(
      await h.call('POST', path, { token: TOKENS.support, body: { label: 'good', note: 'fine' } }),
    );
    expect(labelled).toMatchObject({
      status: 200,
      json: {
        id: item.id,
        status: 'labelled',
        label: 'good',
        note: 'fine',
        reviewer: 'support-1',
        labelledAt: expect.any(String),
      },
    });
    const relabelled = await body(
      await h.call('POST', path, { token: TOKENS.support, body: { label: 'bad', note: 'had to correct the price' } }),
    );
    expect(relabelled.json).toMatchObject({ label: 'bad', note: 'had to correct the price' });
    expect((await body(await h.call('GET', `/api/review/${item.id}`, { token: TOKENS.support }))).json).toMatchObject({
      label: 'bad',
      status: 'labelled',
    });
    expect((await body(await h.call('GET', '/api/review?status=labelled', { token: TOKENS.support }))).json.total).toBe(
      1,
    );
  });
});

describe('promotion to an eval scenario', () => {
  it('writes a scenario the eval loader loads and the real runner passes on the offline model; twice is a conflict', async () => {
    const { runId } = await correctedListing();
    await h.call('POST', `/api/runs/${runId}/feedback`, { body: { value: -1, comment: 'I had to fix the price' } });
    const item = (await h.store.reviews.forRun(runId))!;
    const promote = () => h.call('POST', `/api/review/${item.id}/promote`, { token: TOKENS.support });

    expect((await h.call('POST', `/api/review/${item.id}/promote`, { token: TOKENS.seller })).status).toBe(403);
    const unlabelled = await body(await promote());
    expect(unlabelled).toMatchObject({ status: 409, json: { error: { code: 'not_labelled' } } });

    await h.call('POST', `/api/review/${item.id}/label`, {
      token: TOKENS.support,
      body: { label: 'bad', note: 'should have used 450 at once' },
    });
    const promoted = await body(await promote());
    expect(promoted.status).toBe(201);
    const { scenario, path, scenarioId: id } = promoted.json;
    expect(path).toBe(join(promotedDir, `${id}.json`));
    expect(promoted.json.item).toMatchObject({ id: item.id, promotedScenario: path, promotedAt: expect.any(String) });
    expect((await h.store.reviews.get(item.id))!.promotedScenario).toBe(path);

    // The judgement: the corrected price, the seller's words for anything else, nothing else changed.
    expect(scenario.expect.created).toEqual([
      { title: { regex: 'specialized|rockhopper' }, category: 'Sports', price: 450 },
    ]);
    expect(scenario.expect.mustCall).toEqual(expect.arrayContaining([{ tool: 'createListing', args: { price: 450 } }]));
    expect(scenario.turns).toEqual([
      { say: 'Sell my Specialized Rockhopper mountain bike, good condition, for 500 euros.' },
    ]);
    expect(scenario.approvals).toEqual([
      { when: { tool: 'createListing', priceAtLeast: 450, priceAtMost: 450 }, decide: 'approve' },
      { decide: 'reject', message: 'Actually, make it 450.' },
    ]);
    expect(scenario.tags).toEqual(['promoted', 'review-bad', 'correction', 'thumbs-down']);

    // The file on disk is what the loader reads, from the scenario root's promoted/ subdirectory.
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.scenarios[0]).toEqual(scenario);
    expect(onDisk.$comment).toContain(item.id);
    const loaded = loadScenarios(root);
    expect(loaded.map((s) => s.id)).toEqual([id]);

    const report = await runSuite({ scenarios: loaded, model: 'offline', env: {} });
    expect(report.scenarios[0]).toMatchObject({ id, successRate: 1, unconfirmedWrites: 0, policyViolations: 0 });

    const again = await body(await promote());
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'already_promoted' } } });
    // A promoted item's label is final: the scenario was derived from it.
    expect(
      (await h.call('POST', `/api/review/${item.id}/label`, { token: TOKENS.support, body: { label: 'good' } })).status,
    ).toBe(409);
  });

  it('writes a promoted scenario masked, and says so, when the seller’s words held personal data', async () => {
    const email = 'anna.seller@example.org';
    const phone = '+49 170 9876543';
    const { runId } = await correctedListing(`Actually, make it 450. Call me on ${phone} or mail ${email}.`);
    const item = (await h.store.reviews.forRun(runId))!;
    await h.call('POST', `/api/review/${item.id}/label`, { token: TOKENS.support, body: { label: 'good' } });
    const promoted = await body(await h.call('POST', `/api/review/${item.id}/promote`, { token: TOKENS.support }));
    expect(promoted.status).toBe(201);
    const onDisk = readFileSync(promoted.json.path, 'utf8');
    expect(onDisk).not.toContain(email);
    expect(onDisk).not.toContain(phone);
    expect(onDisk).toContain('[email]');
    expect(promoted.json.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/masked/)]));
  });

  it('never overwrites an existing scenario file', async () => {
    const { runId } = await correctedListing();
    const item = (await h.store.reviews.forRun(runId))!;
    await h.call('POST', `/api/review/${item.id}/label`, { token: TOKENS.support, body: { label: 'good' } });
    const id = scenarioId('Sell my Specialized Rockhopper mountain bike, good condition, for 500 euros.', runId);
    mkdirSync(promotedDir, { recursive: true });
    writeFileSync(join(promotedDir, `${id}.json`), 'hand-written, keep me');

    const res = await body(await h.call('POST', `/api/review/${item.id}/promote`, { token: TOKENS.support }));
    expect(res).toMatchObject({ status: 409, json: { error: { code: 'scenario_exists' } } });
    expect(readFileSync(join(promotedDir, `${id}.json`), 'utf8')).toBe('hand-written, keep me');
    expect((await h.store.reviews.get(item.id))!.promotedScenario).toBeNull();
  });

  it('a re-price labelled good starts from the listing as it was before the conversation, and keeps the look-up', async () => {
    // An earlier conversation moved lst_0000001 from its generated €190 to €185: the promoted scenario must start
    // there.
    const earlier = (await h.assistant.createConversation('seller-1')).id;
    const first = await h.assistant.sendMessage(earlier, 'seller-1', {
      text: 'Please lower the price of lst_0000001 to 185 euros.',
    });
    await h.assistant.decide(first.runId, 'seller-1', {
      approvalId: first.pendingApprovals[0].approvalId,
      decision: 'approve',
    });

    const conversation = (await h.assistant.createConversation('seller-1')).id;
    const paused = await h.assistant.sendMessage(conversation, 'seller-1', {
      text: 'Please lower the price of lst_0000001 to 175 euros.',
    });
    expect(paused.pendingApprovals[0]).toMatchObject({
      tool: 'updatePrice',
      arguments: { listingId: 'lst_0000001', price: 175 },
    });
    await h.assistant.decide(paused.runId, 'seller-1', {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    const item = await h.store.reviews.enqueue({ runId: paused.runId, traceId: paused.traceId, reason: 'sampled' });
    await h.call('POST', `/api/review/${item.id}/label`, { token: TOKENS.support, body: { label: 'good' } });

    const { json } = await body(await h.call('POST', `/api/review/${item.id}/promote`, { token: TOKENS.support }));
    expect(json.scenario.data).toMatchObject({
      seed: 42,
      count: 400,
      listings: [expect.objectContaining({ id: 'lst_0000001', sellerId: 'seller-1', price: 185 })],
    });
    expect(json.scenario.expect).toMatchObject({
      created: [],
      priceChanges: [{ listingId: 'lst_0000001', price: 175 }],
      mustCall: expect.arrayContaining([
        { tool: 'updatePrice', args: { listingId: 'lst_0000001', price: 175 } },
        { tool: 'getListing', args: { listingId: 'lst_0000001' } },
      ]),
    });
    expect(existsSync(join(promotedDir, `${json.scenarioId}.json`))).toBe(true);

    const report = await runSuite({ scenarios: loadScenarios(root), model: 'offline', env: {} });
    expect(report.scenarios[0]).toMatchObject({ successRate: 1, unconfirmedWrites: 0 });
  });
});

describe('what counts as a seller correction', () => {
  const corrections = async (conversationId: string) => h.store.corrections.forConversation(conversationId);
  const queuedAsCorrection = async () =>
    (await body(await h.call('GET', '/api/review?reason=correction', { token: TOKENS.support }))).json.total;

  it('a new item typed instead of confirming a draft is a new listing, not a correction of the draft', async () => {
    await h.close();
    const table = { ...bikeDraft, title: 'Solid oak dining table', category: 'Furniture', price: 280 };
    h = await createHarness({
      env: { PROMOTED_SCENARIOS_DIR: promotedDir, REVIEW_SAMPLE_RATE: '0' },
      model: new ScriptedModel([
        callTool('createListing', bikeDraft, 'c1', 'Draft ready.'),
        callTool('createListing', table, 'c2', 'Second draft ready.'),
        say('Posted.'),
      ]),
    });
    const conversation = (await h.assistant.createConversation('seller-1')).id;
    await h.assistant.sendMessage(conversation, 'seller-1', { text: 'Sell my Trek Marlin 7' });
    const second = await h.assistant.sendMessage(conversation, 'seller-1', {
      text: 'I also want to sell my solid oak dining table',
    });
    await h.assistant.decide(second.runId, 'seller-1', {
      approvalId: second.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(await corrections(conversation)).toEqual([]);
    expect(await queuedAsCorrection()).toBe(0);
  });

  it('a look-up typed instead of confirming a re-price is not a rejected re-price', async () => {
    const conversation = (await h.assistant.createConversation('seller-1')).id;
    const reprice = await h.assistant.sendMessage(conversation, 'seller-1', {
      text: 'Please lower the price of lst_0000001 to 150 euros.',
    });
    expect(reprice.pendingApprovals[0]).toMatchObject({ tool: 'updatePrice', arguments: { price: 150 } });
    const lookup = await h.assistant.sendMessage(conversation, 'seller-1', { text: 'show me lst_0000001' });
    expect(lookup.pendingApprovals).toEqual([]);
    expect(await corrections(conversation)).toEqual([]);
    expect(await queuedAsCorrection()).toBe(0);
  });

  it('a new price typed instead of confirming the same re-price still is a correction, with what changed', async () => {
    const conversation = (await h.assistant.createConversation('seller-1')).id;
    const reprice = await h.assistant.sendMessage(conversation, 'seller-1', {
      text: 'Please lower the price of lst_0000001 to 150 euros.',
    });
    const revised = await h.assistant.sendMessage(conversation, 'seller-1', {
      text: 'Actually, make lst_0000001 160 euros.',
    });
    expect(revised.pendingApprovals[0]).toMatchObject({ tool: 'updatePrice', arguments: { price: 160 } });
    await h.assistant.decide(revised.runId, 'seller-1', {
      approvalId: revised.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(await corrections(conversation)).toEqual([
      expect.objectContaining({ runId: reprice.runId, via: 'new_message', kind: 'edited', changedFields: ['price'] }),
    ]);
    expect(await queuedAsCorrection()).toBe(1);
  });
});
