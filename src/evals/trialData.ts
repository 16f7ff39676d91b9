import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../store/index.js';
import { seedListings } from '../store/seed/seedDatabase.js';
import type { Listing } from '../domain/listing.js';
import type { Scenario } from './scenario.js';

/**
 * What a listing looked like when the trial began, every field: the baseline for "changed" (any field, not
 * only the price) and for ownership.
 */
export type ListingSnapshot = Listing;

/** The run id under which prior writes sit in the ledger; no trial run ever has it. */
export const PRIOR_WRITES_RUN = 'run_eval_prior_writes';

/**
 * Seeded catalogues, generated once per (seed, size) and copied for every
 * trial: generating is the slow part, a file copy is not, and every trial
 * still gets its own database to change and to keep if it fails.
 */
export class CatalogueTemplates {
  /** One build per key, shared: concurrent trials wait for the same file instead of generating it twice. */
  private readonly built = new Map<string, Promise<string>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(seed: number, count: number): Promise<string> {
    const key = `${seed}-${count}`;
    let path = this.built.get(key);
    if (!path) {
      path = this.build(join(this.dir, `catalogue-${key}.db`), seed, count);
      this.built.set(key, path);
      // A failed build is not remembered: the next trial tries again, as before.
      void path.catch(() => this.built.delete(key));
    }
    return path;
  }

  private async build(path: string, seed: number, count: number): Promise<string> {
    rmSync(path, { force: true });
    const store = Store.open(path);
    try {
      await seedListings(store, count, seed);
    } finally {
      // Closing checkpoints the WAL, so the single .db file is the whole catalogue.
      await store.close();
    }
    return path;
  }
}

/** Copies the catalogue to `dbPath` and adds the scenario's own listings and prior writes. */
export async function prepareTrialStore(
  templates: CatalogueTemplates,
  scenario: Scenario,
  dbPath: string,
): Promise<Store> {
  copyFileSync(await templates.path(scenario.data.seed, scenario.data.count), dbPath);
  const store = Store.open(dbPath);
  await prepareTrialData(store, scenario);
  return store;
}

/**
 * Adds the scenario's own listings and prior writes to a copy of its catalogue, through the Store API, so the
 * same code prepares a trial on either engine.
 */
export async function prepareTrialData(store: Store, scenario: Scenario): Promise<void> {
  const { data } = scenario;
  // An extra listing with a generated listing's id replaces it: a promoted scenario's listing as the seller saw it.
  for (const extra of data.listings) await store.listings.replace(extra);
  if (data.priorWrites) {
    const { count, minutesAgo } = data.priorWrites;
    const sellerId = data.priorWrites.sellerId ?? scenario.persona.sellerId;
    // Same database, a clock set back: the ledger rows carry the earlier time the rate limit looks at.
    const earlier = store.withClock(() => new Date(Date.now() - minutesAgo * 60_000));
    for (let i = 1; i <= count; i++) {
      await earlier.executions.once(
        {
          runId: PRIOR_WRITES_RUN,
          callId: `prior_${i}`,
          sellerId,
          tool: 'createListing',
          arguments: { note: 'written before the eval started' },
          approvalId: null,
        },
        async () => ({ ok: true }),
      );
    }
  }
}

export async function snapshotListings(store: Store): Promise<Map<string, ListingSnapshot>> {
  const all = await allListings(store);
  return new Map(all.map((l) => [l.id, { ...l }]));
}

/** Counted and listed in one transaction, so a listing added in between cannot be cut off. */
export function allListings(store: Store): Promise<Listing[]> {
  return store.read(async (tx) => tx.listings.list({ limit: (await tx.listings.count()) + 1 }));
}
