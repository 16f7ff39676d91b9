import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Store } from '../store/index.js';
import { CatalogueTemplates } from './trialData.js';
import { reportStamp, writeSideReport } from './report.js';
import { parseCliArgs, runCli } from './cliArgs.js';
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
 * `npm run evals:comparables -- [--set FILE] [--out DIR] [--build]`
 * Runs the labelled comparables set against a fresh copy of its seeded
 * catalogue and writes `<out>/comparables-<stamp>.json|.md` beside the
 * scenario reports. `--build` (re)writes the set from the generator instead.
 */
const USAGE =
  'usage: npm run evals:comparables -- [--set evals/comparables/seed42-400.json] [--out evals/reports] [--build]';

export async function measureComparables(set: ComparablesSet): Promise<ComparablesReport> {
  const dir = mkdtempSync(join(tmpdir(), 'listing-comparables-'));
  try {
    const template = await new CatalogueTemplates(join(dir, 'catalogues')).path(set.seed, set.count);
    const dbPath = join(dir, 'comparables.db');
    copyFileSync(template, dbPath);
    const store = Store.open(dbPath);
    try {
      return await runComparables(set, store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    },
  });
  if (values.build) {
    const set = buildComparablesSet();
    mkdirSync(dirname(values.set), { recursive: true });
    writeFileSync(values.set, `${JSON.stringify(set, null, 2)}\n`);
    console.log(`comparables set written to ${values.set}: ${set.queries.length} queries`);
    return 0;
  }
  const report = await measureComparables(readComparablesSet(values.set));
  const files = writeComparablesReport(report, values.out);
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  console.log(
    `comparables: ${report.queries} queries · precision@5 ${pct(report.meanPrecisionAt5)} · suggested price error median ${pct(report.medianRelativePriceError)}, mean ${pct(report.meanRelativePriceError)} · within 25% ${pct(report.within25Percent)} · no suggestion ${report.noSuggestion}\nreport: ${files.markdown}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(USAGE, main);
