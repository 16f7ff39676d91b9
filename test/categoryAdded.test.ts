import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withRawDb } from './support/rawDb.js';

/**
 * Adding a category is one line in src/domain/categories.ts. This test adds one there (a module
 * mock of that file, nothing else) and sees every consumer take it, on a database made before.
 */
const CATEGORIES_MODULE = '../src/domain/categories.js';
/** A name nobody will add for real, so the test stays about adding one. */
const ADDED = 'Toys (added by a test)';

let dir: string | undefined;
afterEach(() => {
  vi.doUnmock(CATEGORIES_MODULE);
  vi.resetModules();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const seller = { runId: 'run_1', conversationId: 'conv_1', sellerId: 'seller-1' };
const draft = {
  title: 'Wooden train set',
  description: 'Forty pieces of beech track, two engines and a bridge.',
  category: ADDED,
  price: 35,
  condition: 'good' as const,
};

async function modules() {
  return {
    ...(await import('../src/store/index.js')),
    ...(await import('../src/tools/index.js')),
    ...(await import('../src/policy/index.js')),
    ...(await import('../src/tools/jsonSchema.js')),
    ...(await import('../src/api/schemas.js')),
  };
}

describe('adding a category', () => {
  it('is one line: schemas, policy and category search take it, on a database made before', async () => {
    dir = mkdtempSync(join(tmpdir(), 'category-'));
    const path = join(dir, 'made-before.db');

    // Before: the database is made, and ADDED is nobody's category.
    const before = await modules();
    const old = before.Store.open(path);
    const gateBefore = new before.PolicyGate(before.loadPolicyRules(), old, before.TOOL_SPECS);
    expect((await gateBefore.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-1' })).rule).toBe(
      'category-allowed',
    );
    expect(before.SearchSimilarParams.safeParse({ query: 'train', category: ADDED }).success).toBe(false);
    // A listing already in the database (say, imported) under the category code does not know yet.
    const imported = await old.listings.insert({
      ...draft,
      sellerId: 'seller-2',
      title: 'Toy train engine',
      category: ADDED as never,
    });
    await old.close();

    // The one-line change.
    vi.resetModules();
    vi.doMock(CATEGORIES_MODULE, async (importOriginal) => {
      const actual = await importOriginal<typeof import('../src/domain/categories.js')>();
      return { ...actual, CATEGORIES: [...actual.CATEGORIES, ADDED] };
    });
    const after = await modules();
    const store = after.Store.open(path);
    try {
      // Schemas: the text the model reads, the search filter, the API's listing filter.
      expect(after.toStrictJsonSchema(after.CreateListingParams).properties.category).toMatchObject({
        description: expect.stringMatching(/, Other, Toys \(added by a test\)$/),
      });
      expect(after.SearchSimilarParams.safeParse({ query: 'train', category: ADDED }).success).toBe(true);
      expect(after.ListingsQuery.safeParse({ category: ADDED }).success).toBe(true);

      // Policy: allowed (all categories by default), with the default price bounds.
      const gate = new after.PolicyGate(after.loadPolicyRules(), store, after.TOOL_SPECS);
      expect((await gate.evaluate({ tool: 'createListing', args: draft, sellerId: 'seller-1' })).rule).toBe(
        'writes-need-confirmation',
      );
      expect(
        (await gate.evaluate({ tool: 'createListing', args: { ...draft, price: 60_000 }, sellerId: 'seller-1' })).rule,
      ).toBe('price-bounds');

      // The tools on the old database: post one, then find both by category, filtered inside the search key.
      const createListing = after.toolSpec('createListing')!;
      const posted = await createListing.run(after.CreateListingParams.parse(draft), { store, context: seller });
      expect(posted).toMatchObject({ ok: true, created: { category: ADDED } });
      const search = (category: string) =>
        after.toolSpec('searchSimilar')!.run({ query: 'train', category, limit: 5 }, { store, context: seller });
      const found = (await search(ADDED)) as { matches: Array<{ id: string }> };
      expect(found.matches.map((m) => m.id).sort()).toEqual(
        [imported.id, (posted as { created: { id: string } }).created.id].sort(),
      );
      expect(await search('Other')).toMatchObject({ ok: true, matches: [] });
      withRawDb(path, (db) => {
        const keyNumbers = db
          .prepare(`SELECT DISTINCT (rowid >> 32) & 15 FROM listings_search WHERE listings_search MATCH 'train'`)
          .pluck()
          .all();
        expect(keyNumbers).toEqual([
          db.prepare('SELECT number FROM search_categories WHERE category = ?').pluck().get(ADDED),
        ]);
      });
    } finally {
      await store.close();
    }
  });
});
