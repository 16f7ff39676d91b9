import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from './support/engines.js';
import { createHarness, type Harness } from './support/harness.js';
import type { RunResult } from '../src/agent/runResult.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function json<T>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** A conversation paused on the offline model's draft, as a seller meets it. */
async function draft(harness: Harness, text: string): Promise<RunResult> {
  const { id } = await json<{ id: string }>(await harness.call('POST', '/api/conversations'), 201);
  const run = await json<RunResult>(
    await harness.call('POST', `/api/conversations/${id}/messages`, { body: { text } }),
    200,
  );
  expect(run.status).toBe('awaiting_approval');
  return run;
}

const decide = (harness: Harness, run: RunResult, body: Record<string, unknown>) =>
  harness.call('POST', `/api/runs/${run.runId}/decisions`, {
    body: { approvalId: run.pendingApprovals[0].approvalId, decision: 'approve', ...body },
  });

describe.each(ENGINES)('edit on approve on %s', (engine) => {
  it('posts exactly the seller’s edit, tells the model, and records the correction', async () => {
    h = await createHarness({ engine });
    const run = await draft(h, 'I want to sell my Trek Marlin 7 mountain bike, size L, good condition, 420 euros');
    const proposed = run.pendingApprovals[0];
    expect(proposed.tool).toBe('createListing');
    expect(proposed.arguments.price).toBe(420);

    const edit = { title: 'Trek Marlin 7 (2022), size L', price: 389.5 };
    const done = await json<RunResult>(await decide(h, run, { arguments: edit }), 200);
    expect(done.status).toBe('completed');

    const approval = (await h.store.approvals.get(proposed.approvalId))!;
    expect(approval).toMatchObject({ status: 'approved', arguments: { ...proposed.arguments, ...edit } });
    expect(approval.proposedArguments).toEqual(proposed.arguments);
    expect(approval.summary).toContain('€389.50');

    // The write ran once, with exactly the confirmed arguments.
    const mine = await h.store.listings.list({ sellerId: 'seller-1', q: 'Marlin', limit: 10, offset: 0 });
    const posted = mine.find((l) => l.title === edit.title);
    expect(posted).toMatchObject({ price: 389.5, category: proposed.arguments.category });
    const executions = await h.store.executions.forRun(run.runId);
    expect(executions).toHaveLength(1);
    expect(executions[0].arguments).toEqual(approval.arguments);

    // The model read what the seller changed in the tool's result.
    const items = JSON.stringify(await h.store.conversations.items(run.conversationId));
    expect(items).toMatch(/seller edited this action[^"]*price from 420 to 389\.5/);
    expect(done.reply).toContain(edit.title);

    const corrections = await h.store.corrections.forRun(run.runId);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      kind: 'edited',
      via: 'edit',
      before: proposed.arguments,
      after: approval.arguments,
      changedFields: ['price', 'title'],
      revisedApprovalId: proposed.approvalId,
    });
  }, 30_000);

  it('refuses an edit that fails the schema or the policy, and the approval stays pending', async () => {
    h = await createHarness({ engine });
    const run = await draft(h, 'Selling my IKEA Poäng armchair, like new, 60 euros');
    const approvalId = run.pendingApprovals[0].approvalId;

    const invalid = await json<{ error: { code: string; message: string } }>(
      await decide(h, run, { arguments: { price: 'cheap' } }),
      400,
    );
    expect(invalid.error.code).toBe('invalid_arguments');
    expect(invalid.error.message).toMatch(/price/);

    const refused = await json<{ error: { code: string; message: string } }>(
      await decide(h, run, { arguments: { description: 'A genuine firearm in a chair-shaped case, works well' } }),
      400,
    );
    expect(refused.error.code).toBe('edit_refused');

    const over = await json<{ error: { code: string } }>(await decide(h, run, { arguments: { price: 999999 } }), 400);
    expect(over.error.code).toBe('edit_refused');

    const withReject = await h.call('POST', `/api/runs/${run.runId}/decisions`, {
      body: { approvalId, decision: 'reject', arguments: { price: 10 } },
    });
    expect(withReject.status).toBe(400);

    const still = await json<RunResult>(await h.call('GET', `/api/runs/${run.runId}`), 200);
    expect(still.status).toBe('awaiting_approval');
    expect(still.pendingApprovals.map((a) => a.approvalId)).toEqual([approvalId]);
    expect((await h.store.approvals.get(approvalId))?.proposedArguments).toBeNull();
    expect(await h.store.executions.forRun(run.runId)).toHaveLength(0);

    // Another seller cannot edit it either.
    const other = await h.call('POST', `/api/runs/${run.runId}/decisions`, {
      token: 'demo-seller-2',
      body: { approvalId, decision: 'approve', arguments: { price: 1 } },
    });
    expect([403, 404]).toContain(other.status);
  }, 30_000);

  it('re-prices with the seller’s edited price', async () => {
    h = await createHarness({ engine });
    const [listing] = await h.store.listings.list({ sellerId: 'seller-1', limit: 1, offset: 0 });
    const run = await draft(h, `change the price of ${listing.id} to ${Math.round(listing.price) + 10}`);
    expect(run.pendingApprovals[0].tool).toBe('updatePrice');
    const price = Math.round(listing.price) + 3;
    const done = await json<RunResult>(await decide(h, run, { arguments: { price } }), 200);
    expect(done.status).toBe('completed');
    expect((await h.store.listings.get(listing.id))?.price).toBe(price);
  }, 30_000);
});
