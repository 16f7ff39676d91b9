import { parseArgs } from 'node:util';
import { databaseName, openCliStore } from './openCliStore.js';
import { SeedProgress } from './seedProgress.js';
import { DEMO_SEED, seedListings } from '../store/seed/seedDatabase.js';

/**
 * `npm run seed -- --count 1000000`: fills a database with generated listings, the SQLite file
 * (DATABASE_PATH or --db) unless a PostgreSQL URL is given (DATABASE_URL or --database-url), where
 * the rows go in with COPY. A wrong flag or value answers the usage line and exit code 2.
 */
const USAGE =
  'usage: npm run seed -- [--count N] [--db PATH | --database-url postgres://…] [--seed N] [--help]\n' +
  '  --count N             listings to add (default 5000)\n' +
  '  --db PATH             SQLite file (default DATABASE_PATH or data/listing-assistant.db)\n' +
  '  --database-url URL    PostgreSQL instead (default DATABASE_URL); --url is the same\n' +
  '  --seed N              generator seed (default 42): the same seed gives the same catalogue';

function usage(problem?: string): never {
  if (problem) console.error(`seed: ${problem}`);
  (problem ? console.error : console.log)(USAGE);
  process.exit(problem ? 2 : 0);
}

function options() {
  try {
    return parseArgs({
      options: {
        count: { type: 'string', default: '5000' },
        db: { type: 'string', default: process.env.DATABASE_PATH || 'data/listing-assistant.db' },
        'database-url': { type: 'string' },
        url: { type: 'string' },
        seed: { type: 'string', default: String(DEMO_SEED) },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs' own message names the flag ("Unknown option '--database'…").
    return usage(error instanceof Error ? error.message.split('. ')[0] : String(error));
  }
}

const values = options();
if (values.help) usage();
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1) usage(`--count must be a whole number above 0, not '${values.count}'`);
if (!Number.isSafeInteger(seed)) usage(`--seed must be a whole number, not '${values.seed}'`);
const target = { db: values.db, url: values['database-url'] || values.url || process.env.DATABASE_URL || undefined };

const store = await openCliStore(target);
const existing = await store.listings.count();
const progress = new SeedProgress(count, process.stdout);
const started = performance.now();
const added = await seedListings(store, count, seed, existing + 1, progress.update);
progress.done();
const seconds = (performance.now() - started) / 1000;
console.log(
  `${databaseName(target)}: added ${added} listings in ${seconds.toFixed(1)} s (${Math.round(added / seconds)}/s); ${existing + added} in total`,
);
await store.close();
