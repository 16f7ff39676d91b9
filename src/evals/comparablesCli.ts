import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { reportStamp, writeSideReport } from './report.js';
import { parseCliArgs, runCli, storageOptions } from './cliArgs.js';
import { withTrialDatabases } from './openTrialDatabases.js';
import { runStoppable, type StopOptions } from './interruption.js';
import { engineName } from '../store/index.js';
import {
  buildComparablesSet,
  comparablesMarkdown,
  DEFAULT_COMPARABLES_PATH,
  readComparablesSet,
  runComparables,
  type ComparablesReport,
  type ComparablesSet,
} from './comparables.js';

/**
 * `npm run evals:comparables -- [--set FILE] [--out DIR] [--build] [--database-url postgres://…]`
 * Runs the labelled comparables set against a fresh copy of its seeded
 * catalogue (SQLite, or PostgreSQL with `--database-url` or `EVAL_DATABASE_URL`)
 * and writes `<out>/comparables-<stamp>.json|.md` beside the
 * scenario reports. `--build` (re)writes the set from the generator instead.
 */
const USAGE =
  'usage: npm run evals:comparables -- [--set evals/comparables/seed42-400.json] [--out evals/reports] [--build] ' +
  '[--database-url postgres://… (or EVAL_DATABASE_URL)]';

/**
 * Runs the set against a fresh copy of its seeded catalogue: a SQLite file, or a database on the PostgreSQL
 * server at `databaseUrl`, made (and dropped, also when `stop` stops it) like a scenario trial's.
 */
export function measureComparables(
  set: ComparablesSet,
  databaseUrl?: string,
  stop: Partial<StopOptions> = {},
): Promise<ComparablesReport> {
  return withTrialDatabases(databaseUrl, 'comparables', stop, async (databases) => {
    const database = await databases.create(set, 'comparables');
    try {
      const store = await database.open();
      try {
        return { ...(await runComparables(set, store, stop.signal)), engine: databases.engine };
      } finally {
        await store.close();
      }
    } finally {
      await database.discard();
    }
  });
}

export function writeComparablesReport(report: ComparablesReport, out: string, stamp = reportStamp()) {
  return writeSideReport(out, 'comparables', stamp, report, comparablesMarkdown(report));
}

async function main(): Promise<number> {
  const values = parseCliArgs({
    options: {
      set: { type: 'string', default: DEFAULT_COMPARABLES_PATH },
      out: { type: 'string', default: 'evals/reports' },
      build: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
    },
  });
  const { databaseUrl } = storageOptions(values);
  if (values.build) {
    const set = buildComparablesSet();
    mkdirSync(dirname(values.set), { recursive: true });
    writeFileSync(values.set, `${JSON.stringify(set, null, 2)}\n`);
    console.log(`comparables set written to ${values.set}: ${set.queries.length} queries`);
    return 0;
  }
  const set = readComparablesSet(values.set);
  const run = await runStoppable((stop) => measureComparables(set, databaseUrl, stop));
  if ('exitCode' in run) return run.exitCode;
  const report = run.done;
  const files = writeComparablesReport(report, values.out);
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  const figures = [
    `${report.queries} queries`,
    `precision@5 ${pct(report.meanPrecisionAt5)}`,
    `suggested price error median ${pct(report.medianRelativePriceError)}, mean ${pct(report.meanRelativePriceError)}`,
    `within 25% ${pct(report.within25Percent)}`,
    `no suggestion ${report.noSuggestion}`,
  ];
  console.log(
    `comparables (${engineName(report.engine ?? 'sqlite')}): ${figures.join(' · ')}\nreport: ${files.markdown}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(USAGE, main);
