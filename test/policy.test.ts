import { afterEach, describe, expect, it } from 'vitest';
import { PolicyGate, loadPolicyRules, PolicyRulesSchema } from '../src/policy/index.js';
import { CATEGORIES } from '../src/domain/listing.js';
import { TOOL_SPECS } from '../src/tools/index.js';
import { tempStore } from './support/tempStore.js';

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.dispose());

const rules = loadPolicyRules();
const draft = {
  title: 'Oak table',
  description: 'Solid oak dining table.',
  category: 'Furniture',
  price: 150,
  condition: 'good',
};

async function setup(overrides: Partial<typeof rules> = {}) {
  t = tempStore();
  const gate = new PolicyGate({ ...rules, ...overrides }, t.store, TOOL_SPECS);
  const own = await t.store.listings.insert({
    sellerId: 'seller-1',
    title: 'Bike',
    description: 'd',
    category: 'Sports',
    price: 300,
    condition: 'good',
  });
  const theirs = await t.store.listings.insert({
    sellerId: 'seller-2',
    title: 'Bike',
    description: 'd',
    category: 'Sports',
    price: 300,
    condition: 'good',
  });
  const sold = await t.store.listings.insert({
    sellerId: 'seller-1',
    title: 'Bike',
    description: 'd',
    category: 'Sports',
    price: 300,
    condition: 'good',
    status: 'sold',
  });
  return { gate, own, theirs, sold };
}

describe('policy gate', () => {
  it('loads the committed rules file and rejects a malformed one', () => {
    expect(rules.tools.createListing).toEqual({ requiresConfirmation: true });
    expect(PolicyRulesSchema.safeParse({ ...rules, rateLimit: { writesPerSellerPerHour: -1 } }).success).toBe(false);
  });

  it('allows every category unless the file narrows them, and names only known categories', () => {
    expect(rules.categories).toEqual([...CATEGORIES]);
    expect(PolicyRulesSchema.parse({ ...rules, categories: ['Books'] }).categories).toEqual(['Books']);
    const typo = PolicyRulesSchema.safeParse({ ...rules, categories: ['Books', 'Bokos'] });
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0].message).toMatch(/"Bokos" is not a category/);
    const cap = { ...rules.price, maxByCategory: { Weapons: 10 } };
    expect(PolicyRulesSchema.safeParse({ ...rules, price: cap }).success).toBe(false);
  });

  it('refuses a misspelt key instead of dropping the rule it meant to set', () => {
    const { maxByCategory, ...price } = rules.price;
    const misspelt = PolicyRulesSchema.safeParse({ ...rules, price: { ...price, maxByCategroy: maxByCategory } });
    expect(misspelt.success).toBe(false);
    expect(misspelt.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['maxByCategroy'] });
    const tool = PolicyRulesSchema.safeParse({ ...rules, tools: { createListing: { requiresConfirmaton: false } } });
    expect(tool.success).toBe(false);
    expect(PolicyRulesSchema.safeParse({ ...rules, rateLimt: { writesPerSellerPerHour: 1 } }).success).toBe(false);
    // Keys of older files still load: a tool's effect and ownership are no longer settings.
    const older = { ...rules, tools: { createListing: { effect: 'write' } }, ownership: { updatePrice: 'own only' } };
    expect(PolicyRulesSchema.safeParse(older).success).toBe(true);
  });

  it('refuses a policy that configures a tool no spec defines', () => {
    t = tempStore();
    const tools = { ...rules.tools, updatePirce: { disabled: true } };
    expect(() => new PolicyGate({ ...rules, tools }, t.store, TOOL_SPECS)).toThrow(/unknown tools: updatePirce/);
  });

  it('judges a call by its effect, arguments and facts alone', async () => {
    const { gate } = await setup();
    const call = { tool: 'createListing', effect: 'write' as const, args: {}, sellerId: 'seller-1' };
    expect((await gate.decide({ ...call, facts: { category: 'Books', price: 4000 } })).decision).toBe(
      'needs_confirmation',
    );
    expect((await gate.decide({ ...call, facts: { category: 'Books', price: 6000 } })).rule).toBe('price-bounds');
    const listing = {
      id: 'lst_x1y2',
      sellerId: 'seller-2',
      status: 'active' as const,
      price: 5,
      category: 'Books' as const,
    };
    expect((await gate.decide({ ...call, facts: { listingId: listing.id, listing, price: 6 } })).rule).toBe(
      'own-listing',
    );
    expect((await gate.decide({ ...call, effect: 'read', facts: { price: 1e9 } })).rule).toBe('read-only');
  });

  it('allows reads and asks for confirmation on valid writes', async () => {
    const { gate, own } = await setup();
    expect(
      (await gate.evaluate({ tool: 'searchSimilar', args: { query: 'bike' }, sellerId: 'seller-1' })).decision,
    ).toBe('allow');
    expect(await gate.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-1' })).toMatchObject({
      decision: 'needs_confirmation',
      rule: 'writes-need-confirmation',
    });
    expect(
      (await gate.evaluate({ tool: 'updatePrice', args: { listingId: own.id, price: 250 }, sellerId: 'seller-1' }))
        .decision,
    ).toBe('needs_confirmation');
  });

  it.each([
    ['unknown tool', { tool: 'deleteListing', args: {} }, 'known-tool'],
    [
      'category outside the list',
      { tool: 'createListing', args: { ...draft, category: 'Weapons' } },
      'category-allowed',
    ],
    ['price below the minimum', { tool: 'createListing', args: { ...draft, price: 0.5 } }, 'price-bounds'],
    ['price above the maximum', { tool: 'createListing', args: { ...draft, price: 50_001 } }, 'price-bounds'],
    ['prohibited item', { tool: 'createListing', args: { ...draft, title: 'Replica Rolex watch' } }, 'prohibited-item'],
  ])('denies %s', async (_name, call, rule) => {
    const { gate } = await setup();
    expect(await gate.evaluate({ ...call, sellerId: 'seller-1' })).toMatchObject({ decision: 'deny', rule });
  });

  it('applies per-category price caps', async () => {
    const { gate } = await setup();
    const car = { ...draft, category: 'Vehicles', price: 120_000 };
    expect((await gate.evaluate({ tool: 'createListing', args: car, sellerId: 'seller-1' })).decision).toBe(
      'needs_confirmation',
    );
    expect(
      (await gate.evaluate({ tool: 'createListing', args: { ...car, category: 'Books' }, sellerId: 'seller-1' })).rule,
    ).toBe('price-bounds');
  });

  it('lets a seller re-price only their own active listing, to a new price', async () => {
    const { gate, own, theirs, sold } = await setup();
    const check = async (listingId: string, price = 250) =>
      (await gate.evaluate({ tool: 'updatePrice', args: { listingId, price }, sellerId: 'seller-1' })).rule;
    expect(await check(theirs.id)).toBe('own-listing');
    expect(await check(sold.id)).toBe('active-listing');
    expect(await check('lst_missing1')).toBe('listing-exists');
    expect(await check(own.id, 300)).toBe('price-changes');
    expect(await check(own.id, 999_999)).toBe('price-bounds');
  });

  it('caps writes per seller per hour', async () => {
    const { gate } = await setup({ rateLimit: { writesPerSellerPerHour: 2 } });
    for (const callId of ['a', 'b']) {
      await t.store.executions.once(
        { runId: 'r', callId, sellerId: 'seller-1', tool: 'createListing', arguments: {}, approvalId: null },
        async () => ({}),
      );
    }
    expect((await gate.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-1' })).rule).toBe(
      'write-rate-limit',
    );
    expect((await gate.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-2' })).decision).toBe(
      'needs_confirmation',
    );
  });

  it('honours a tool switched off in the rules', async () => {
    const { gate } = await setup({ tools: { ...rules.tools, createListing: { disabled: true } } });
    expect((await gate.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-1' })).rule).toBe(
      'tool-enabled',
    );
  });
});
