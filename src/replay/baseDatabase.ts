import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/index.js';
import { seedListings } from '../store/seed/seedDatabase.js';

/** One folder per process for the seeded templates; removed when the process exits. */
let folder: string | undefined;
const templates = new Map<string, Promise<string>>();

function cacheFolder(): string {
  if (!folder) {
    const made = mkdtempSync(join(tmpdir(), 'replay-bases-'));
    folder = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}

/**
 * A fresh SQLite file at `path` holding the catalogue a recorded run saw (`count` listings generated
 * from `seed`), migrated and ready. Seeding the demo catalogue costs 1-2 s per 5,000 listings on a
 * loaded 2-core machine, so each catalogue is seeded once per process into a template file and copied for every replay.
 * Per process rather than on disk across releases: a newer generator or schema never meets an
 * older template.
 */
export async function openFromBase(path: string, catalogue: { count: number; seed: number }): Promise<Store> {
  copyFileSync(await prepareBase(catalogue), path);
  return Store.open(path);
}

/**
 * Seeds the template for `catalogue` unless it is there or under way, and resolves with its file: the
 * server calls it ahead of the first replay, and a replay arriving meanwhile waits for the same build.
 */
export function prepareBase(catalogue: { count: number; seed: number }): Promise<string> {
  const key = `${catalogue.count}-${catalogue.seed}`;
  let template = templates.get(key);
  if (!template) {
    template = buildTemplate(join(cacheFolder(), `${key}.db`), catalogue);
    templates.set(key, template);
    // A failed build is not cached: the next replay tries again.
    template.catch(() => templates.delete(key));
  }
  return template;
}

async function buildTemplate(path: string, catalogue: { count: number; seed: number }): Promise<string> {
  const building = `${path}.building`;
  const store = Store.open(building);
  try {
    if (catalogue.count > 0)
      await store.transaction(async (tx) => {
        await seedListings(tx, catalogue.count, catalogue.seed);
      });
  } finally {
    // Closing checkpoints the write-ahead log into the file, so the file alone is the whole database.
    await store.close();
  }
  renameSync(building, path);
  return path;
}
