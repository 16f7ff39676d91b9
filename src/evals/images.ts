import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CategorySchema } from '../domain/listing.js';
import { loadConfig } from '../config.js';
import { createAssistant } from '../agent/createAssistant.js';
import { withTrialDatabases } from './openTrialDatabases.js';
import type { StopOptions } from './interruption.js';
import { engineName } from '../store/index.js';
import type { TrialEngine } from './trialDatabases.js';
import { Canvas, type Rgb } from './png.js';

/**
 * The labelled image set: small PNGs drawn here, deterministically (a shape
 * and a printed label), each with the category, title words and price range a
 * correct draft from the photo has. The runner sends each image as a seller
 * would (a data URL next to a short message) through the real assistant —
 * the same path as `POST /api/conversations/:id/messages` with `images` — and
 * checks the draft it proposes (the pending `createListing`).
 */

export const ImageLabel = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.png$/),
  /** What the picture shows, for people reading the set. */
  shows: z.string().min(1),
  expect: z.strictObject({
    category: CategorySchema,
    /** Every word must appear in the drafted title (case-insensitive). */
    titleWords: z.array(z.string().min(1)).min(1),
    price: z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
  }),
});
export type ImageLabel = z.infer<typeof ImageLabel>;

export const ImageSet = z.strictObject({ $comment: z.string().optional(), images: z.array(ImageLabel).min(1) });
export type ImageSet = z.infer<typeof ImageSet>;

export const IMAGES_DIR = 'evals/images';
export const SELLER_MESSAGE = 'I want to sell this. Please draft a listing from the photo.';
/** The catalogue every image's conversation starts from: the demo database's. */
const DEMO_CATALOGUE = { seed: 42, count: 400 };

const BLACK: Rgb = [20, 20, 20];
const GREY: Rgb = [140, 140, 140];
const BLUE: Rgb = [40, 90, 200];
const RED: Rgb = [200, 40, 40];
const BROWN: Rgb = [130, 80, 40];

/** Each image: its label and how to draw it on a 160×120 canvas. */
const DRAWINGS: Array<{ label: ImageLabel; draw: (c: Canvas) => void }> = [
  {
    label: {
      file: 'bike.png',
      shows: 'a bicycle: two wheels and a frame, labelled BIKE',
      expect: { category: 'Sports', titleWords: ['bike'], price: { min: 40, max: 2500 } },
    },
    draw: (c) => {
      c.circle(40, 78, 24, BLACK, 3).circle(120, 78, 24, BLACK, 3);
      c.line(40, 78, 70, 48, BLUE, 3).line(70, 48, 110, 48, BLUE, 3).line(110, 48, 120, 78, BLUE, 3);
      c.line(40, 78, 80, 78, BLUE, 3).line(80, 78, 110, 48, BLUE, 3).line(66, 40, 76, 40, BLACK, 3);
      c.text(56, 6, 'BIKE', BLACK, 3);
    },
  },
  {
    label: {
      file: 'phone.png',
      shows: 'a smartphone: a rounded slab with a screen, labelled IPHONE 13',
      expect: { category: 'Electronics', titleWords: ['iphone', '13'], price: { min: 150, max: 900 } },
    },
    draw: (c) => {
      c.rect(58, 26, 44, 88, BLACK).rect(62, 32, 36, 72, BLUE).circle(80, 109, 3, GREY);
      c.text(26, 4, 'IPHONE 13', BLACK, 2);
    },
  },
  {
    label: {
      file: 'book.png',
      shows: 'a hardback book with its title on the cover: HARRY POTTER',
      expect: { category: 'Books', titleWords: ['harry', 'potter'], price: { min: 2, max: 80 } },
    },
    draw: (c) => {
      c.rect(30, 14, 100, 96, RED).rect(30, 14, 8, 96, BROWN);
      c.text(50, 40, 'HARRY', [255, 220, 80], 2).text(50, 62, 'POTTER', [255, 220, 80], 2);
    },
  },
  {
    label: {
      file: 'chair.png',
      shows: 'a wooden chair seen from the side, labelled CHAIR',
      expect: { category: 'Furniture', titleWords: ['chair'], price: { min: 10, max: 800 } },
    },
    draw: (c) => {
      c.rect(60, 30, 8, 80, BROWN).rect(60, 70, 50, 8, BROWN).rect(102, 70, 8, 40, BROWN).rect(60, 30, 8, 40, BROWN);
      c.text(50, 6, 'CHAIR', BLACK, 3);
    },
  },
];

/** Writes the PNGs and `labels.json` into `dir`; the same bytes every time. */
export function buildImageSet(dir = IMAGES_DIR): ImageSet {
  mkdirSync(dir, { recursive: true });
  for (const { label, draw } of DRAWINGS) {
    const canvas = new Canvas(160, 120);
    draw(canvas);
    writeFileSync(join(dir, label.file), canvas.png());
  }
  const set: ImageSet = {
    $comment:
      'Written by `npm run evals:images -- --build` (src/evals/images.ts draws each PNG). Per image: the category, title words and price range a correct draft from the photo has.',
    images: DRAWINGS.map((d) => d.label),
  };
  writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(set, null, 2)}\n`);
  return set;
}

export function readImageSet(dir = IMAGES_DIR): ImageSet {
  const parsed = ImageSet.safeParse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  if (!parsed.success) throw new Error(`Invalid image set ${dir}/labels.json:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function dataUrl(dir: string, file: string): string {
  return `data:image/png;base64,${readFileSync(join(dir, file)).toString('base64')}`;
}

export interface ImageResult {
  file: string;
  /** The draft the assistant proposed from the photo (its pending createListing), if any. */
  draft: { title: string; category: string; price: number } | null;
  reply: string;
  category: boolean;
  titleWords: boolean;
  price: boolean;
  /** All three. */
  matched: boolean;
}

export interface ImagesReport {
  kind: 'listing-assistant-images-report';
  createdAt: string;
  model: string;
  images: number;
  categoryMatches: number;
  titleMatches: number;
  priceMatches: number;
  allMatched: number;
  /** The store the assistant ran on (the figures should not depend on it); absent in reports made before. */
  engine?: TrialEngine;
  results: ImageResult[];
}

/**
 * Sends every image of the set, one conversation each on a fresh copy of the
 * demo catalogue (a SQLite file, or a database on the PostgreSQL server at
 * `databaseUrl`, made like a scenario trial's), to the assistant configured
 * from `env` (`AGENT_MODEL`, `OPENAI_*`), and judges the draft it proposes.
 */
export async function runImageSet(
  env: Record<string, string | undefined>,
  dir = IMAGES_DIR,
  {
    sellerId = 'seller-1',
    databaseUrl,
    ...stop
  }: { sellerId?: string; databaseUrl?: string } & Partial<StopOptions> = {},
): Promise<ImagesReport> {
  const set = readImageSet(dir);
  const results: ImageResult[] = [];
  let model = 'unknown';
  const engine = await withTrialDatabases(databaseUrl, 'images', stop, async (databases) => {
    for (const [i, label] of set.images.entries()) {
      if (stop.signal?.aborted) break;
      const database = await databases.create(DEMO_CATALOGUE, `image_${i}`);
      try {
        const store = await database.open();
        try {
          const config = loadConfig({
            LOG_LEVEL: 'silent',
            ...env,
            // Never the operator's own DATABASE_URL: the image's database is the one the store is on.
            DATABASE_URL: database.location.DATABASE_URL,
            DATABASE_PATH: database.location.DATABASE_PATH,
            SEED_COUNT: '0',
          });
          const { assistant } = createAssistant({ config, store });
          model = assistant.modelName;
          const { id } = await assistant.createConversation(sellerId);
          const result = await assistant.sendMessage(
            id,
            sellerId,
            { text: SELLER_MESSAGE, images: [dataUrl(dir, label.file)] },
            { tags: ['eval', 'images', `image:${label.file}`] },
          );
          await assistant.drain();
          await assistant.close();
          const args = result.pendingApprovals.find((a) => a.tool === 'createListing')?.arguments;
          const draft = args
            ? {
                title: typeof args.title === 'string' ? args.title : '',
                category: typeof args.category === 'string' ? args.category : '',
                price: Number(args.price),
              }
            : null;
          results.push(judgeImage(label, draft, result.reply ?? ''));
        } finally {
          await store.close();
        }
      } finally {
        await database.discard();
      }
    }
    return databases.engine;
  });
  const count = (key: 'category' | 'titleWords' | 'price' | 'matched') => results.filter((r) => r[key]).length;
  return {
    kind: 'listing-assistant-images-report',
    createdAt: new Date().toISOString(),
    model,
    images: results.length,
    categoryMatches: count('category'),
    titleMatches: count('titleWords'),
    priceMatches: count('price'),
    allMatched: count('matched'),
    engine,
    results,
  };
}

export function judgeImage(label: ImageLabel, draft: ImageResult['draft'], reply: string): ImageResult {
  const category = draft?.category === label.expect.category;
  const title = draft?.title.toLowerCase() ?? '';
  const titleWords = !!draft && label.expect.titleWords.every((w) => title.includes(w.toLowerCase()));
  const price = !!draft && draft.price >= label.expect.price.min && draft.price <= label.expect.price.max;
  return { file: label.file, draft, reply, category, titleWords, price, matched: category && titleWords && price };
}

export function imagesMarkdown(report: ImagesReport): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return [
    `# Photo extraction report ${report.createdAt}`,
    '',
    `Model **${report.model}**${report.engine ? ` on ${engineName(report.engine)}` : ''}; ` +
      `${report.images} labelled images (\`evals/images/\`). Matched: category ${report.categoryMatches}/${report.images}, title words ${report.titleMatches}/${report.images}, price range ${report.priceMatches}/${report.images}, all three ${report.allMatched}/${report.images}.`,
    '',
    '| image | drafted title | category | price | category ok | title words ok | price ok |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
    ...report.results.map(
      (r) =>
        `| ${r.file} | ${r.draft?.title.replace(/\|/g, '\\|') ?? `(no draft) ${r.reply.slice(0, 60).replace(/\|/g, '\\|').replace(/\n/g, ' ')}`} | ${r.draft?.category ?? ''} | ${r.draft?.price ?? ''} | ${yes(r.category)} | ${yes(r.titleWords)} | ${yes(r.price)} |`,
    ),
    '',
  ].join('\n');
}
