import { parseArgs } from 'node:util';
import { databaseName, openCliStore } from './openCliStore.js';
import { DEMO_SEED, seedListings } from '../store/seed/seedDatabase.js';

/** `npm run seed -- --count 1000000 [--db data/bench-1m.db | --url postgres://…] [--seed 42]`: fill a database with generated listings. */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '5000' },
    db: { type: 'string', default: process.env.DATABASE_PATH ?? 'data/listing-assistant.db' },
    seed: { type: 'string', default: String(DEMO_SEED) },
    url: { type: 'string', default: process.env.DATABASE_URL },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run seed -- --count N [--db PATH | --url postgres://…] [--seed N]');
  process.exit(2);
}
const store = await openCliStore(values);
const existing = await store.listings.count();
const started = performance.now();
const added = await seedListings(store, count, seed, existing + 1);
const seconds = (performance.now() - started) / 1000;
console.log(
  `${databaseName(values)}: added ${added} listings in ${seconds.toFixed(1)} s (${Math.round(added / seconds)}/s); ${existing + added} in total`,
);
await store.close();
