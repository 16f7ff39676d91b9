import { openStore, Store, type Clock } from '../../src/store/index.js';
import { freshDatabase } from './postgres.js';
import { tempStore } from './tempStore.js';

/** The store engines every contract test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface EngineStore {
  engine: Engine;
  store: Store;
  /** Another Store on the same database (another connection, as another instance would have). */
  open: (now?: Clock) => Promise<Store>;
  /** Closes every store opened here and removes the database's files. */
  dispose: () => Promise<void>;
}

/** A fresh, empty, migrated database on `engine`: a SQLite file in a temp dir, or a new PostgreSQL database. */
export async function engineStore(engine: Engine, now?: Clock): Promise<EngineStore> {
  const opened: Store[] = [];
  if (engine === 'sqlite') {
    const t = tempStore(now);
    return {
      engine,
      store: t.store,
      open: (clock) => {
        const store = Store.open(t.path, clock);
        opened.push(store);
        return Promise.resolve(store);
      },
      dispose: async () => {
        await Promise.all(opened.map((s) => s.close()));
        await t.dispose();
      },
    };
  }
  const url = await freshDatabase();
  const open = async (clock?: Clock) => {
    const store = await openStore({ DATABASE_URL: url, DATABASE_PATH: '' }, clock);
    opened.push(store);
    return store;
  };
  const store = await open(now);
  return { engine, store, open, dispose: async () => void (await Promise.all(opened.map((s) => s.close()))) };
}
