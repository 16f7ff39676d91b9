import { modelEnvironment, parseCliArgs, runCli, storageOptions } from './cliArgs.js';
import { reportStamp, writeSideReport } from './report.js';
import { runStoppable } from './interruption.js';
import { engineName } from '../store/index.js';
import { buildImageSet, IMAGES_DIR, imagesMarkdown, runImageSet, type ImagesReport } from './images.js';

/**
 * `npm run evals:images -- [--model NAME] [--dir evals/images] [--out evals/reports] [--build]
 * [--database-url postgres://…]`
 * Sends every labelled image through the photo path of the assistant
 * configured from the environment (like `npm run evals`), on SQLite or on
 * PostgreSQL (`--database-url` or `EVAL_DATABASE_URL`), and writes
 * `<out>/images-<stamp>.json|.md`. `--build` redraws the images and labels.
 */
const USAGE =
  'usage: npm run evals:images -- [--model NAME] [--dir evals/images] [--out evals/reports] [--build] ' +
  '[--database-url postgres://… (or EVAL_DATABASE_URL)]';

export function writeImagesReport(report: ImagesReport, out: string, stamp = reportStamp()) {
  return writeSideReport(out, 'images', stamp, report, imagesMarkdown(report));
}

async function main(): Promise<number> {
  const values = parseCliArgs({
    options: {
      model: { type: 'string' },
      dir: { type: 'string', default: IMAGES_DIR },
      out: { type: 'string', default: 'evals/reports' },
      build: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
    },
  });
  const { databaseUrl } = storageOptions(values);
  if (values.build) {
    const set = buildImageSet(values.dir);
    console.log(`image set written to ${values.dir}: ${set.images.length} images`);
    return 0;
  }
  const env = modelEnvironment(values.model);
  const run = await runStoppable((stop) => runImageSet(env, values.dir, { databaseUrl, ...stop }));
  if ('exitCode' in run) return run.exitCode;
  const report = run.done;
  const files = writeImagesReport(report, values.out);
  const of = (n: number) => `${n}/${report.images}`;
  const figures = [
    `category ${of(report.categoryMatches)}`,
    `title words ${of(report.titleMatches)}`,
    `price range ${of(report.priceMatches)}`,
    `all ${of(report.allMatched)}`,
  ];
  const engine = engineName(report.engine ?? 'sqlite');
  console.log(
    `images (${report.model}, ${engine}): ${report.images} · ${figures.join(' · ')}\nreport: ${files.markdown}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(USAGE, main);
