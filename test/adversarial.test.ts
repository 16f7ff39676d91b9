import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Usage, type Model, type ModelRequest, type ModelResponse } from '@openai/agents';
import { createHarness, type Harness } from './support/harness.js';
import { reportFigures } from './support/figures.js';
import { canonicalJson } from '../src/shared/canonicalJson.js';
import { loadPolicyRules } from '../src/policy/index.js';
import { withRawDb } from './support/rawDb.js';

/**
 * A hostile model emits arbitrary tool calls (valid, schema-invalid,
 * malformed JSON, unknown tools, huge arguments, other sellers' listings,
 * repeats, several per turn) and the seller decides at random. After every
 * run the database must show no write without an approval by the owning
 * seller for that exact call, at most one execution per call, and a contract
 * status. SOAK=1 runs many more.
 */
const RUNS = process.env.SOAK ? 10_000 : 1000;
const SEED = 20261123;

type Turn = Array<{ name: string; args: string }>;

class HostileModel implements Model {
  constructor(private readonly turns: Turn[]) {}
  private n = 0;
  async getResponse(_r: ModelRequest): Promise<ModelResponse> {
    const turn = this.turns[this.n++];
    const usage = new Usage({ requests: 1, inputTokens: 1, outputTokens: 1, totalTokens: 2 });
    if (!turn || turn.length === 0)
      return {
        usage,
        output: [
          { type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'done' }] },
        ],
      };
    return {
      usage,
      output: turn.map((c, i) => ({
        type: 'function_call',
        name: c.name,
        callId: `h${this.n}_${i}_${Math.random().toString(36).slice(2, 8)}`,
        arguments: c.args,
        status: 'completed',
      })),
    };
  }
  getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not streamed');
  }
}

const listingId = fc.constantFrom(
  'lst_0000001',
  'lst_0000002',
  'lst_0000003',
  'lst_0000004',
  'lst_9999999',
  'not-an-id',
);
const price = fc.oneof(fc.constantFrom(0, -5, 1, 99.99, 420, 49999, 50001, 1e9, 0.001), fc.double({ noNaN: true }));
const validDraft = fc.record({
  title: fc.constantFrom('Trek Marlin 7 bike', 'IKEA Kallax shelf', 'Sony headphones'),
  description: fc.constant('A perfectly fine item in good condition.'),
  category: fc.constantFrom('Sports', 'Furniture', 'Electronics'),
  price: fc.integer({ min: 1, max: 2000 }),
  condition: fc.constantFrom('good', 'like new'),
});
const anyDraft = fc.record({
  title: fc.oneof(fc.constantFrom('Trek bike', 'x', 'Replica Rolex watch', 'A'.repeat(500)), fc.string()),
  description: fc.oneof(fc.constant('A perfectly fine item in good condition.'), fc.string({ maxLength: 50 })),
  category: fc.constantFrom('Sports', 'Electronics', 'Weapons', '', 'Other'),
  price,
  condition: fc.constantFrom('good', 'new', 'mint', 'for parts'),
});
const call: fc.Arbitrary<{ name: string; args: string }> = fc.oneof(
  fc.oneof(validDraft, anyDraft).map((d) => ({ name: 'createListing', args: JSON.stringify(d) })),
  fc
    .record({ listingId, price: fc.oneof(fc.integer({ min: 1, max: 2000 }), price) })
    .map((a) => ({ name: 'updatePrice', args: JSON.stringify(a) })),
  listingId.map((id) => ({ name: 'getListing', args: JSON.stringify({ listingId: id }) })),
  fc.constant({ name: 'searchSimilar', args: JSON.stringify({ query: 'bike', category: null, limit: null }) }),
  fc.constantFrom(
    { name: 'createListing', args: '{"title": "Trek' },
    { name: 'updatePrice', args: 'null' },
    { name: 'updatePrice', args: '[1,2]' },
    { name: 'deleteListing', args: '{"listingId":"lst_0000003"}' },
    { name: 'updatePrice', args: JSON.stringify({ listingId: 'lst_0000003', price: 1, sellerId: 'seller-2' }) },
    { name: 'createListing', args: JSON.stringify({ title: 'T'.repeat(100_000) }) },
  ),
);
const decision = fc.constantFrom('approve', 'reject', 'ignore', 'approve-twice', 'other-seller');

let h: Harness;
const figures = { runs: 0, toolCalls: 0, faults: 0, approvals: 0, violations: 0 };

beforeAll(async () => {
  // Thousands of writes by one seller: lift the hourly cap so approvals, not the limit, are exercised.
  const rules = { ...loadPolicyRules(), rateLimit: { writesPerSellerPerHour: 1_000_000 } };
  h = await createHarness({
    rules,
    model: {
      getResponse: (r: ModelRequest) => current.getResponse(r),
      getStreamedResponse: () => current.getStreamedResponse(),
    },
  });
});
afterAll(async () => {
  reportFigures(
    `adversarial: ${figures.runs} runs, ${figures.toolCalls} tool calls (${figures.faults} malformed/unknown/invalid), ${figures.approvals} approvals decided, violations found: ${figures.violations}`,
  );
  await h?.close();
});
let current = new HostileModel([]);

function snapshot() {
  return withRawDb(h.dbPath, (db) =>
    db.prepare('SELECT id, seller_id, price_cents, status FROM listings ORDER BY rowid').all(),
  ) as Array<{
    id: string;
    seller_id: string;
    price_cents: number;
  }>;
}

describe('the gate holds against a hostile model', () => {
  it(`keeps every invariant over ${RUNS} random runs`, async () => {
    const rules = loadPolicyRules();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(call, { maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.array(decision, { minLength: 6, maxLength: 6 }),
        async (turns, decisions) => {
          figures.runs++;
          for (const t of turns)
            for (const c of t) {
              figures.toolCalls++;
              if (
                !['createListing', 'updatePrice', 'getListing', 'searchSimilar'].includes(c.name) ||
                !c.args.startsWith('{"')
              )
                figures.faults++;
            }
          const before = snapshot();
          current = new HostileModel(turns);
          const seller = 'seller-1';
          const { id } = await h.assistant.createConversation(seller);
          let result = await h.assistant.sendMessage(id, seller, { text: 'do things' });
          for (const d of decisions) {
            if (result.status !== 'awaiting_approval' || result.pendingApprovals.length === 0) break;
            const approvalId = result.pendingApprovals[0].approvalId;
            figures.approvals++;
            if (d === 'ignore') break;
            if (d === 'other-seller') {
              await expect(
                h.assistant.decide(result.runId, 'seller-2', { approvalId, decision: 'approve' }),
              ).rejects.toMatchObject({ status: 404 });
              break;
            }
            result = await h.assistant.decide(result.runId, seller, {
              approvalId,
              decision: d === 'reject' ? 'reject' : 'approve',
            });
            if (d === 'approve-twice') {
              await expect(
                h.assistant.decide(result.runId, seller, { approvalId, decision: 'approve' }),
              ).rejects.toMatchObject({ status: 409 });
            }
          }
          expect(['completed', 'awaiting_approval', 'stopped']).toContain(result.status);
          if (result.status === 'stopped')
            expect(['max_steps', 'timeout', 'model_error', 'cancelled', 'loop_detected']).toContain(result.stopReason);

          // Every executed write: approved by the owning seller, for exactly these arguments, once.
          const executions = await h.store.executions.forRun(result.runId);
          for (const e of executions) {
            const approval = await h.store.approvals.forCall(e.runId, e.callId);
            const ok =
              approval?.status === 'approved' &&
              approval.decidedBy === seller &&
              approval.sellerId === seller &&
              canonicalJson(approval.arguments) === canonicalJson(e.arguments);
            if (!ok) figures.violations++;
            expect(ok).toBe(true);
          }
          // Listings changed only through those executions, within the rules.
          const after = snapshot();
          const created = after.slice(before.length);
          expect(created.length).toBe(executions.filter((e) => e.tool === 'createListing').length);
          for (const l of created) expect(l.seller_id).toBe(seller);
          const changed = after.slice(0, before.length).filter((l, i) => l.price_cents !== before[i].price_cents);
          for (const l of changed) {
            expect(l.seller_id).toBe(seller);
            expect(l.price_cents).toBeGreaterThanOrEqual(rules.price.min * 100);
          }
          expect(changed.length).toBeLessThanOrEqual(executions.filter((e) => e.tool === 'updatePrice').length);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(figures.violations).toBe(0);
  }, 240_000);
});
