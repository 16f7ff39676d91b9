import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Store } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { priceStats } from '../src/store/priceStats.js';
import { atLeastQuery, buildMatchQueries } from '../src/store/sqlite/searchQuery.js';
import { seedListings } from '../src/store/seed/seedDatabase.js';
import { CATEGORIES, type Category } from '../src/domain/listing.js';
import { createRun, tempStore } from './support/tempStore.js';
import { rawDb, withRawDb, withRawDbAsync } from './support/rawDb.js';
import { ENGINES, engineStore, type Engine, type EngineStore } from './support/engines.js';

let t: ReturnType<typeof tempStore>;
let e: EngineStore;
const opened: EngineStore[] = [];
afterEach(async () => {
  await t?.dispose();
  await Promise.all(opened.splice(0).map((s) => s.dispose()));
});
const fresh = async (engine: Engine, now?: () => Date): Promise<EngineStore> => {
  const store = await engineStore(engine, now);
  opened.push(store);
  return store;
};

const base = { sellerId: 'seller-1', description: 'A fine item.', condition: 'good' as const };

describe('store', () => {
  it('opens in WAL mode with every migration applied, and reopening is a no-op', async () => {
    t = tempStore();
    withRawDb(t.path, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    });
    await t.store.listings.insert({ ...base, title: 'Oak table', category: 'Furniture', price: 120 });
    await t.store.close();
    const reopened = Store.open(t.path);
    expect(await reopened.listings.count()).toBe(1);
    await reopened.close();
    t.store = Store.open(t.path);
  });

  it('keeps the FTS index in sync on insert, update and delete', async () => {
    t = tempStore();
    const l = await t.store.listings.insert({ ...base, title: 'Walnut desk', category: 'Furniture', price: 200 });
    expect((await t.store.listings.list({ q: 'walnut' })).map((x) => x.id)).toEqual([l.id]);
    const db = rawDb(t.path);
    try {
      db.prepare('UPDATE listings SET title = ? WHERE id = ?').run('Pine desk', l.id);
      expect(await t.store.listings.list({ q: 'walnut' })).toEqual([]);
      expect((await t.store.listings.list({ q: 'pine' })).map((x) => x.id)).toEqual([l.id]);
      db.prepare('DELETE FROM listings WHERE id = ?').run(l.id);
      expect(await t.store.listings.list({ q: 'pine' })).toEqual([]);
      expect(db.prepare(`SELECT count(*) AS n FROM listings_fts WHERE listings_fts MATCH 'pine'`).get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });

  it('upgrades a database created by an older release', async () => {
    t = tempStore();
    const path = t.path.replace('test.db', 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]);
    old.pragma('user_version = 1');
    old.close();
    const upgraded = Store.open(path);
    expect(withRawDb(path, (db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
    expect((await upgraded.conversations.create('s')).id).toMatch(/^conv_/);
    await upgraded.close();
  });
});

describe.each(ENGINES)('store on %s', (engine) => {
  it('stores prices as exact cents', async () => {
    e = await fresh(engine);
    const l = await e.store.listings.insert({ ...base, title: 'Lamp', category: 'Home & Garden', price: 19.99 });
    expect((await e.store.listings.get(l.id))!.price).toBe(19.99);
    expect((await e.store.listings.updatePrice(l.id, 0.1 + 0.2)).price).toBe(0.3);
  });

  it('searchSimilar ranks by relevance, filters active + category, and returns price statistics', async () => {
    e = await fresh(engine);
    const mk = (title: string, price: number, extra: Partial<Parameters<Store['listings']['insert']>[0]> = {}) =>
      e.store.listings.insert({ ...base, title, category: 'Sports', price, ...extra });
    await mk('Trek Marlin 7 mountain bike', 400);
    // Another seller's: price statistics count each seller once.
    await mk('Trek Marlin 5 mountain bike', 300, { sellerId: 'seller-2' });
    await mk('Cube mountain bike', 500);
    await mk('Trek Marlin 7 mountain bike sold', 999, { status: 'sold' });
    await mk('Trek Marlin 7 bike poster', 5, { category: 'Other' });
    const { matches, stats } = await e.store.listings.searchSimilar('Trek Marlin 7', { category: 'Sports', limit: 5 });
    expect(matches[0].title).toBe('Trek Marlin 7 mountain bike');
    expect(matches.every((m) => m.status === 'active' && m.category === 'Sports')).toBe(true);
    // One exact match is too few, so any-word matches widen the comparables (still only active Sports listings).
    expect(matches.map((m) => m.title)).toEqual(['Trek Marlin 7 mountain bike', 'Trek Marlin 5 mountain bike']);
    expect(stats).toMatchObject({ count: 2, min: 300, median: 350, max: 400 });
  });

  it('widens to near matches when few listings match every word, never to ones sharing a single word', async () => {
    e = await fresh(engine);
    const mk = (title: string, price: number, sellerId = base.sellerId) =>
      e.store.listings.insert({ ...base, title, category: 'Other', price, sellerId });
    await mk('Wooden chess set with folding board', 40);
    await mk('Chess set, wooden pieces', 30, 'seller-2');
    await mk('Set of clay pots', 5);
    await mk('Wooden spoon', 2);
    const { matches, stats } = await e.store.listings.searchSimilar('wooden chess set handmade', { limit: 5 });
    expect(matches.map((m) => m.title).sort()).toEqual([
      'Chess set, wooden pieces',
      'Wooden chess set with folding board',
    ]);
    expect(stats).toMatchObject({ count: 2, median: 35 });
  });

  it('treats search text as words, never as FTS syntax', async () => {
    e = await fresh(engine);
    await e.store.listings.insert({ ...base, title: 'Sofa "NEAR" OR', category: 'Furniture', price: 50 });
    for (const q of ['"', 'sofa OR', 'NEAR(a b)', "'; DROP TABLE listings; --", 'sofa*', '^sofa', 'a:b', '—']) {
      await expect(e.store.listings.searchSimilar(q, { limit: 5 })).resolves.toBeDefined();
      await expect(e.store.listings.list({ q })).resolves.toBeDefined();
    }
    expect(buildMatchQueries('the a an')).toBeUndefined();
    expect(await e.store.listings.count()).toBe(1);
  });

  it('computes quartiles by linear interpolation', () => {
    expect(priceStats([])).toBeNull();
    const bySellers = (prices: number[]) => prices.map((price, i) => ({ sellerId: `seller-${i}`, price }));
    expect(priceStats(bySellers([10]))).toEqual({ count: 1, min: 10, p25: 10, median: 10, p75: 10, max: 10 });
    expect(priceStats(bySellers([40, 10, 30, 20]))).toEqual({
      count: 4,
      min: 10,
      p25: 17.5,
      median: 25,
      p75: 32.5,
      max: 40,
    });
  });

  it('records a write and its ledger row atomically, once per call id', async () => {
    e = await fresh(engine);
    const key = {
      runId: 'run_x',
      callId: 'call_1',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: {},
      approvalId: null,
    };
    let writes = 0;
    const first = await e.store.executions.once(key, async () => ({ n: ++writes }));
    const second = await e.store.executions.once(key, async () => ({ n: ++writes }));
    expect(first).toEqual({ result: { n: 1 }, replayed: false });
    expect(second).toEqual({ result: { n: 1 }, replayed: true });
    await expect(
      e.store.executions.once({ ...key, callId: 'call_2' }, async () => {
        await e.store.listings.insert({ ...base, title: 'Ghost', category: 'Other', price: 1 });
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    // The failed write rolled back with its ledger row.
    expect(await e.store.listings.list({ q: 'ghost' })).toEqual([]);
    expect(await e.store.executions.get('run_x', 'call_2')).toBeUndefined();
  });

  it('decides an approval once, and not after it expires', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    e = await fresh(engine, () => now);
    await createRun(e.store, 'run_a');
    const req = {
      runId: 'run_a',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: { a: 1 },
      summary: 's',
      expiresAt: '2026-01-01T00:30:00.000Z',
    };
    await e.store.approvals.request({ ...req, id: 'apr_1', callId: 'c1' });
    await e.store.approvals.request({ ...req, id: 'apr_2', callId: 'c2' });
    // Idempotent per call: asking again keeps the first approval.
    expect((await e.store.approvals.request({ ...req, id: 'apr_other', callId: 'c1' })).id).toBe('apr_1');
    expect(await e.store.approvals.decide('apr_1', 'approved', 'seller-1', null)).toBe(true);
    expect(await e.store.approvals.decide('apr_1', 'rejected', 'seller-1', null)).toBe(false);
    now = new Date('2026-01-01T00:31:00Z');
    expect(await e.store.approvals.decide('apr_2', 'approved', 'seller-1', null)).toBe(false);
    expect(await e.store.approvals.expireDue('run_a')).toBe(1);
    expect((await e.store.approvals.get('apr_2'))!.status).toBe('expired');
  });

  it('gives the dashboard one row of figures per run created in [from, to)', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    e = await fresh(engine, () => now);
    const conv = await e.store.conversations.create('seller-1');
    const run = (id: string) =>
      e.store.runs.create({
        id,
        conversationId: conv.id,
        sellerId: 'seller-1',
        traceId: `t_${id}`,
        input: {},
        appVersion: '1',
        promptVersion: 'v1',
        model: 'm',
      });
    await run('run_a');
    await e.store.approvals.request({
      id: 'apr_1',
      callId: 'c1',
      runId: 'run_a',
      sellerId: 'seller-1',
      tool: 'createListing',
      arguments: {},
      summary: 's',
      expiresAt: '2026-01-01T00:30:00.000Z',
    });
    await e.store.approvals.decide('apr_1', 'approved', 'seller-1', null);
    await e.store.feedback.add({ runId: 'run_a', sellerId: 'seller-1', value: -1, comment: null });
    now = new Date('2026-01-01T00:10:00Z');
    await run('run_b');
    expect(await e.store.runFigures.between('2026-01-01T00:00:00.000Z', '2026-01-01T00:10:00.000Z')).toEqual([
      {
        runId: 'run_a',
        status: 'running',
        stopReason: null,
        reply: null,
        promptVersion: 'v1',
        model: 'm',
        createdAt: '2026-01-01T00:00:00.000Z',
        inputTokens: 0,
        outputTokens: 0,
        modelErrors: 0,
        activeMs: null,
        approvals: { requested: 1, approved: 1, rejected: 0, expired: 0 },
        policyDenials: 0,
        feedback: { up: 0, down: 1 },
      },
    ]);
    expect(
      (await e.store.runFigures.between('2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z')).map((r) => r.runId),
    ).toEqual(['run_a', 'run_b']);
  });

  it('persists session items in order and pops the last', async () => {
    e = await fresh(engine);
    const c = await e.store.conversations.create('seller-1');
    await e.store.conversations.addItems(c.id, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await e.store.conversations.items(c.id, 2)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(await e.store.conversations.popItem(c.id)).toEqual({ n: 3 });
    expect(await e.store.conversations.items(c.id)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});

describe('searchSimilar query plan (listings_search, migration 6)', () => {
  const ids = async (text: string, category?: Category, store = t.store) =>
    (await store.listings.searchSimilar(text, { category, limit: 50 })).matches.map((m) => m.id);
  /** The reference: bm25 over every match, then status and category, ties to the older listing. */
  const naive = (text: string, category?: Category) =>
    withRawDb(
      t.path,
      (db) =>
        db
          .prepare(
            `SELECT l.id, l.status, l.category FROM listings_fts f JOIN listings l ON l.rowid = f.rowid
             WHERE listings_fts MATCH ? ORDER BY bm25(listings_fts), f.rowid`,
          )
          .all(buildMatchQueries(text)!.all) as Array<{ id: string; status: string; category: string }>,
    )
      .filter((r) => r.status === 'active' && (!category || r.category === category))
      .slice(0, 50)
      .map((r) => r.id);

  it('ranks exactly like bm25 over every match while the matches fit the candidate cap', async () => {
    t = tempStore();
    await seedListings(t.store, 3000, 7);
    const queries: Array<[string, Category?]> = [
      ['bike'],
      ['used'],
      ['black'],
      ['used black bike', 'Sports'],
      ['sofa', 'Furniture'],
      ['Apple iPhone 128 GB', 'Electronics'],
      ['jacket size', 'Clothing'],
    ];
    for (const [q, category] of queries) {
      const expected = naive(q, category);
      expect(expected.length, q).toBeGreaterThanOrEqual(5);
      expect(await ids(q, category), q).toEqual(expected);
      const { stats } = await t.store.listings.searchSimilar(q, { category, limit: 5 });
      const comparables: Array<{ sellerId: string; price: number }> = [];
      for (const id of expected) comparables.push((await t.store.listings.get(id))!);
      expect(stats, q).toEqual(priceStats(comparables));
    }
  });

  it('indexes the listings of a database upgraded from before the search index', async () => {
    t = tempStore();
    const path = t.path.replace('test.db', 'v5.db');
    const old = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 5)) old.exec(sql);
    old.pragma('user_version = 5');
    const row = old.prepare(
      `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
       VALUES (?, 's', ?, 'Works well.', ?, ?, 'good', ?, '2026-01-01', '2026-01-01')`,
    );
    row.run('a', 'Trek Marlin 7 bike', 'Sports', 40000, 'active');
    row.run('b', 'Trek Marlin 7 bike, sold', 'Sports', 50000, 'sold');
    row.run('c', 'Trek Marlin 7 poster', 'Other', 500, 'active');
    old.close();
    const upgraded = Store.open(path);
    try {
      expect(
        (await upgraded.listings.searchSimilar('trek marlin', { category: 'Sports', limit: 5 })).matches.map(
          (m) => m.id,
        ),
      ).toEqual(['a']);
      expect(
        (await upgraded.listings.searchSimilar('trek marlin', { limit: 5 })).matches.map((m) => m.id).sort(),
      ).toEqual(['a', 'c']);
    } finally {
      await upgraded.close();
    }
  });

  it('keeps leases and spans of a database upgraded to one index per lookup (migration 14)', async () => {
    t = tempStore();
    const path = t.path.replace('test.db', 'v13.db');
    const old = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 13)) old.exec(sql);
    old.pragma('user_version = 13');
    old
      .prepare('INSERT INTO leases (key, owner, expires_at, token) VALUES (?, ?, ?, ?)')
      .run('run:r1', 'inst-a', Date.UTC(2030, 0, 1), 'tok');
    const span = old.prepare(
      `INSERT INTO trace_spans (span_id, trace_id, parent_id, kind, name, started_at, ended_at, data)
       VALUES (?, 't1', ?, 'function', ?, '2026-01-01T00:00:00.000Z', NULL, '{}')`,
    );
    // Equal start times: the order they were recorded in breaks the tie, before and after.
    span.run('s2', null, 'second');
    span.run('s1', 's2', 'first');
    old.close();
    const upgraded = Store.open(path);
    try {
      expect(await upgraded.leases.holds('run:r1', 'inst-a', 'tok')).toBe(true);
      expect((await upgraded.traces.spans('t1')).map((s) => s.spanId)).toEqual(['s2', 's1']);
      // The upsert still replaces a span re-sent with its end.
      const ended = { ...(await upgraded.traces.spans('t1'))[1], endedAt: '2026-01-01T00:00:01.000Z' };
      await upgraded.traces.upsertSpans([ended]);
      expect((await upgraded.traces.spans('t1')).map((s) => [s.spanId, s.endedAt])).toEqual([
        ['s2', null],
        ['s1', '2026-01-01T00:00:01.000Z'],
      ]);
    } finally {
      await upgraded.close();
    }
  });

  /** The category number inside the listings_search key of the listings matching `text`. */
  const keyCategories = (path: string, text: string) =>
    withRawDb(path, (db) =>
      db
        .prepare('SELECT (rowid >> 32) & 15 FROM listings_search WHERE listings_search MATCH ?')
        .pluck()
        .all(buildMatchQueries(text)!.all),
    );

  it('moves a database whose search keys came from migration 6 to stored category numbers', async () => {
    t = tempStore();
    const path = t.path.replace('test.db', 'v6.db');
    const old = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 6)) old.exec(sql);
    old.pragma('user_version = 6');
    old
      .prepare(
        `INSERT INTO listings (id, seller_id, title, description, category, price_cents, condition, status, created_at, updated_at)
         VALUES ('a', 's', 'Garden hose reel', 'Works well.', 'Home & Garden', 2000, 'good', 'active', '2026-01-01', '2026-01-01')`,
      )
      .run();
    old.close();
    const upgraded = Store.open(path);
    try {
      const numbers = withRawDb(path, (db) =>
        db.prepare('SELECT category, number FROM search_categories ORDER BY number').all(),
      );
      expect(numbers).toEqual(CATEGORIES.map((category, i) => ({ category, number: i + 1 })));
      expect(keyCategories(path, 'hose reel')).toEqual([CATEGORIES.indexOf('Home & Garden') + 1]);
      expect(await ids('hose reel', 'Home & Garden', upgraded)).toEqual(['a']);
    } finally {
      await upgraded.close();
    }
  });

  it('numbers a category the database has not seen yet at the next open, and re-keys its listings', async () => {
    t = tempStore();
    // As if "Books" had been added to CATEGORIES after this database was made: it gets the next free number.
    withRawDb(t.path, (db) => db.prepare(`DELETE FROM search_categories WHERE category = 'Books'`).run());
    const atlas = await t.store.listings.insert({ ...base, title: 'Trek atlas', category: 'Books', price: 5 });
    expect(keyCategories(t.path, 'trek atlas')).toEqual([0]);
    expect(await ids('trek atlas', 'Books')).toEqual([atlas.id]); // unnumbered: filtered by row
    await t.store.close();
    t.store = Store.open(t.path);
    const db = rawDb(t.path);
    try {
      expect(db.prepare(`SELECT number FROM search_categories WHERE category = 'Books'`).pluck().get()).toBe(
        CATEGORIES.length + 1,
      );
      expect(keyCategories(t.path, 'trek atlas')).toEqual([CATEGORIES.length + 1]);
      expect(await ids('trek atlas', 'Books')).toEqual([atlas.id]);
      expect(await ids('trek atlas', 'Sports')).toEqual([]);
      db.prepare(`DELETE FROM listings WHERE id = ?`).run(atlas.id);
      expect(db.prepare('SELECT count(*) FROM listings_search').pluck().get()).toBe(0);
      expect(() =>
        db.prepare(`INSERT INTO listings_search (listings_search) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('follows status, category, text changes and deletes', async () => {
    t = tempStore();
    const l = await t.store.listings.insert({ ...base, title: 'Walnut desk', category: 'Furniture', price: 200 });
    await withRawDbAsync(t.path, async (db) => {
      expect(await ids('walnut desk', 'Furniture')).toEqual([l.id]);
      db.prepare(`UPDATE listings SET status = 'sold' WHERE id = ?`).run(l.id);
      expect(await ids('walnut desk')).toEqual([]);
      db.prepare(`UPDATE listings SET status = 'active', category = 'Other' WHERE id = ?`).run(l.id);
      expect(await ids('walnut desk', 'Furniture')).toEqual([]);
      expect(await ids('walnut desk', 'Other')).toEqual([l.id]);
      db.prepare('UPDATE listings SET title = ? WHERE id = ?').run('Pine desk', l.id);
      expect(await ids('walnut')).toEqual([]);
      expect(await ids('pine desk')).toEqual([l.id]);
      await t.store.listings.updatePrice(l.id, 150);
      expect((await t.store.listings.searchSimilar('pine desk', { limit: 5 })).stats?.median).toBe(150);
      db.prepare('DELETE FROM listings WHERE id = ?').run(l.id);
      expect(await ids('pine desk')).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM listings_search').get()).toEqual({ n: 0 });
      expect(() =>
        db.prepare(`INSERT INTO listings_search (listings_search) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
    });
  });

  it('builds near-match queries from every choice of enough words', () => {
    expect(atLeastQuery(['a', 'b', 'c'], 2)).toBe('("a" AND "b") OR ("a" AND "c") OR ("b" AND "c")');
    expect(atLeastQuery(['a', 'b'], 3)).toBeUndefined();
    expect(atLeastQuery(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 4, 64)).toBeUndefined();
  });
});

describe('gate refusals leave approvals (call_refusals, migration 7)', () => {
  it('moves an old policy-gate approval row into call_refusals, and leaves the seller’s approvals', async () => {
    t = tempStore();
    const path = t.path.replace('test.db', 'v6.db');
    const old = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 6)) old.exec(sql);
    old.pragma('user_version = 6');
    old.exec(`
      INSERT INTO conversations VALUES ('conv_1', 'seller-1', '2026-01-01', '2026-01-01');
      INSERT INTO runs (id, conversation_id, seller_id, trace_id, status, input, app_version, prompt_version, model,
        created_at, updated_at)
      VALUES ('run_1', 'conv_1', 'seller-1', 't1', 'completed', '{}', '1', 'v1', 'm', '2026-01-01', '2026-01-01');
      INSERT INTO approvals (id, run_id, call_id, seller_id, tool, arguments, summary, status, message, decided_by,
        decided_at, expires_at, created_at)
      VALUES
        ('apr_gate', 'run_1', 'c1', 'seller-1', 'createListing', '{}', 'Rejected createListing call: bad JSON',
         'rejected', 'The arguments were not valid JSON.', 'policy-gate', '2026-01-01T00:00:01Z',
         '2026-01-01T00:30:00Z', '2026-01-01T00:00:01Z'),
        ('apr_seller', 'run_1', 'c2', 'seller-1', 'createListing', '{"price":5}', 'Post it', 'rejected', 'too cheap',
         'seller-1', '2026-01-01T00:00:03Z', '2026-01-01T00:30:00Z', '2026-01-01T00:00:02Z');
      INSERT INTO policy_decisions (run_id, call_id, tool, phase, decision, rule, reason, arguments, created_at)
      VALUES ('run_1', 'c1', 'createListing', 'proposal', 'deny', 'valid-json', 'The arguments were not valid JSON.',
        '"{\\"title\\": \\"Trek"', '2026-01-01T00:00:01Z');
    `);
    old.close();

    const upgraded = Store.open(path);
    try {
      expect(withRawDb(path, (db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
      expect((await upgraded.approvals.forRun('run_1')).map((a) => a.id)).toEqual(['apr_seller']);
      expect(await upgraded.refusals.forRun('run_1')).toEqual([
        {
          runId: 'run_1',
          callId: 'c1',
          tool: 'createListing',
          arguments: '{"title": "Trek',
          rule: 'valid-json',
          reason: 'The arguments were not valid JSON.',
          createdAt: '2026-01-01T00:00:01Z',
        },
      ]);
      expect((await upgraded.refusals.forConversation('conv_1')).get('c1')?.rule).toBe('valid-json');
    } finally {
      await upgraded.close();
    }
  });
});
