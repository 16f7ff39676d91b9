import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DatabaseAdmin } from '../src/store/index.js';
import { readComparablesSet } from '../src/evals/comparables.js';
import { measureComparables } from '../src/evals/comparablesCli.js';
import { dataUrl, IMAGES_DIR, readImageSet, runImageSet, type ImagesReport } from '../src/evals/images.js';
import { FakeOpenAI } from './support/fakeOpenAI.js';
import { EvalRunInterrupted } from '../src/evals/interruption.js';

/**
 * `npm run evals:comparables` and `npm run evals:images` with `--database-url`: the same figures on PostgreSQL as
 * on SQLite for the same seed, and every database they made dropped afterwards.
 */
const server = () => inject('postgresUrl');
let admin: DatabaseAdmin;
let before: Set<string>;

beforeAll(async () => {
  admin = await DatabaseAdmin.connect(server());
  before = new Set(await admin.named('evals_'));
});

afterAll(async () => {
  await admin?.close();
});

/** Databases of an eval command still on the server that were not there when the file began. */
async function leftBehind(): Promise<string[]> {
  return (await admin.named('evals_')).filter((n) => !before.has(n));
}

describe('evals:comparables on both engines', () => {
  it('gives the same precision@5 and price error figures, query by query', async () => {
    // A third of the committed set keeps it fast; the figures are compared, not judged.
    const full = readComparablesSet();
    const set = { ...full, queries: full.queries.filter((_, i) => i % 3 === 0) };
    const sqlite = await measureComparables(set);
    const postgres = await measureComparables(set, server());
    expect([sqlite.engine, postgres.engine]).toEqual(['sqlite', 'postgres']);
    const figures = (r: typeof sqlite) => ({
      queries: r.queries,
      meanPrecisionAt5: r.meanPrecisionAt5,
      medianRelativePriceError: r.medianRelativePriceError,
      meanRelativePriceError: r.meanRelativePriceError,
      within25Percent: r.within25Percent,
      noSuggestion: r.noSuggestion,
    });
    expect(figures(postgres)).toEqual(figures(sqlite));
    // Per query the same comparables (ties may come in another order) and the same suggested price.
    const perQuery = (r: typeof sqlite) =>
      r.results.map((q) => ({ id: q.listingId, top5: [...q.top5].sort(), hits: q.hits, price: q.suggestedPrice }));
    expect(perQuery(postgres)).toEqual(perQuery(sqlite));
    // Not "the same" by measuring nothing: some queries found comparables and suggested a price.
    expect(sqlite.results.some((q) => q.hits > 0 && q.suggestedPrice !== null)).toBe(true);
    expect(await leftBehind()).toEqual([]);
  }, 60_000);

  it('stopped by a signal, drops its catalogue and copy and names what it dropped', async () => {
    const stop = new AbortController();
    const said: string[] = [];
    const stopped = await measureComparables(readComparablesSet(), server(), {
      signal: stop.signal,
      // Stopped as soon as it knows its databases: it still makes the catalogue and copy, then runs no query.
      onDatabases: (databases) => {
        said.push(databases.describe());
        stop.abort();
      },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(EvalRunInterrupted);
    const prefix = /PostgreSQL databases (\S+)_\* on/.exec(said[0])![1];
    expect((stopped as EvalRunInterrupted).dropped).toEqual([`${prefix}_catalogue_42_400`]);
    expect(await leftBehind()).toEqual([]);
  }, 60_000);
});

describe('evals:images on both engines', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await FakeOpenAI.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** A local vision stand-in drafts each image: what it receives and what the report says must not depend on the engine. */
  async function withFakeVision(databaseUrl?: string): Promise<{ report: ImagesReport; images: string[] }> {
    const set = readImageSet();
    const from = fake.requests.length;
    for (const label of set.images) {
      const draft = {
        title: `${label.expect.titleWords.join(' ')} as pictured`,
        category: label.expect.category,
        price: label.expect.price.min,
      };
      fake.script(
        {
          toolCall: {
            name: 'searchSimilar',
            arguments: { query: draft.title, category: draft.category, limit: null },
            id: 's1',
          },
        },
        {
          toolCall: {
            name: 'createListing',
            arguments: { ...draft, description: 'As in the photo.', condition: 'good' },
            id: 'c1',
          },
          text: 'Here is a draft.',
        },
      );
    }
    const env = {
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API: 'chat_completions',
      OPENAI_API_KEY: 'sk-test',
      AGENT_MODEL: 'fake-vision',
    };
    const report = await runImageSet(env, IMAGES_DIR, { databaseUrl });
    // Each conversation's first request carries its photo, read back from the store the run was on.
    const images = fake.requests
      .slice(from)
      .flatMap((r) => (r.body.messages as Array<{ role: string; content: unknown }>).slice(-1))
      .flatMap((m) => (Array.isArray(m.content) ? m.content : []))
      .flatMap((p: { type?: string; image_url?: { url: string } }) => (p.image_url ? [p.image_url.url] : []));
    return { report, images };
  }

  const comparable = (r: ImagesReport) => ({ ...r, createdAt: undefined, engine: undefined });

  it('drafts the same from each photo, with the photo bytes stored and read back on PostgreSQL', async () => {
    const sqlite = await withFakeVision();
    const postgres = await withFakeVision(server());
    expect([sqlite.report.engine, postgres.report.engine]).toEqual(['sqlite', 'postgres']);
    expect(comparable(postgres.report)).toEqual(comparable(sqlite.report));
    expect(postgres.report.allMatched).toBe(postgres.report.images);
    const set = readImageSet();
    expect(postgres.images).toEqual(set.images.map((l) => dataUrl(IMAGES_DIR, l.file)));
    expect(sqlite.images).toEqual(postgres.images);
    expect(await leftBehind()).toEqual([]);
  }, 60_000);

  it('with the offline model gives the same report on both', async () => {
    const [sqlite, postgres] = await Promise.all([
      runImageSet({ AGENT_MODEL: 'offline' }),
      runImageSet({ AGENT_MODEL: 'offline' }, IMAGES_DIR, { databaseUrl: server() }),
    ]);
    expect(postgres.model).toBe('offline');
    expect(comparable(postgres)).toEqual(comparable(sqlite));
    expect(await leftBehind()).toEqual([]);
  }, 60_000);
});
