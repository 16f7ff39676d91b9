import { openStore, type DatabaseAdmin, type Store } from '../index.js';
import { seedListings } from './seedDatabase.js';

/**
 * Makes database `name` on the admin's server holding the generated catalogue (seeded through the Store API),
 * ready to be a `CREATE DATABASE … TEMPLATE` for copies: closed again, since a template must have no one
 * connected. If seeding fails, `drop` is called with the name and the error is thrown.
 */
export async function createCatalogueDatabase(
  admin: DatabaseAdmin,
  name: string,
  catalogue: { seed: number; count: number },
  drop: (name: string) => unknown,
): Promise<void> {
  await admin.create(name);
  let store: Store | undefined;
  try {
    store = await openStore({ DATABASE_URL: admin.urlOf(name), DATABASE_PATH: '' });
    if (catalogue.count > 0) await seedListings(store, catalogue.count, catalogue.seed);
  } catch (error) {
    await store?.close().catch(() => undefined);
    await drop(name);
    throw error;
  }
  await store.close();
}
