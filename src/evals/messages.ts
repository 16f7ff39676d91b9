import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CategorySchema, ConditionSchema } from '../domain/listing.js';
import { loadConfig } from '../config.js';
import { Store } from '../store/index.js';
import { createAssistant } from '../agent/createAssistant.js';
import type { RunResult } from '../agent/runResult.js';
import { CatalogueTemplates } from './trialData.js';
import { dataUrl, IMAGES_DIR } from './images.js';

/**
 * The seller-message set: single messages as sellers write them, each with the
 * outcomes a sensible assistant may produce (a draft with these properties, a
 * re-price of this listing, or one of these honest questions). Every message
 * runs in a fresh conversation on a fresh copy of the demo catalogue, through
 * the real assistant (tools, policy gate, approvals), and is counted as
 * sensible, honest (no write proposed; a question or an admission) or wrong
 * (a proposed write that contradicts the labels, or a run that failed).
 */

export const MESSAGES_DIR = 'evals/messages';
export const SPLITS = ['train', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** The questions a reply may ask instead of drafting; recognised in the reply by their words. */
export const QUESTION_KINDS = ['item', 'which_first', 'vehicle', 'price', 'which_listing', 'photo'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const OneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);
const Price = z.union([
  z.number().positive(),
  z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
]);

const SeededListing = z.strictObject({
  id: z.string().regex(/^lst_[A-Za-z0-9]{4,32}$/),
  title: z.string().min(1),
  category: CategorySchema,
  price: z.number().positive(),
  condition: ConditionSchema.default('good'),
  description: z.string().optional(),
  /** The conversation's seller unless said otherwise. */
  sellerId: z.string().optional(),
});

export const LabelledMessage = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string(),
  /** Why the labels are what they are, where it is not obvious. */
  note: z.string().optional(),
  /** Send a photo with the text (the offline model cannot see it). */
  photo: z.boolean().default(false),
  setup: z
    .strictObject({
      /** Listings in the catalogue before the conversation starts (the seller's own unless `sellerId` says not). */
      listings: z.array(SeededListing).default([]),
      /** Earlier messages in the same conversation; every draft they produce is approved (posted). */
      before: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  accept: z
    .strictObject({
      draft: z
        .strictObject({
          category: OneOrMany(CategorySchema),
          price: Price.optional(),
          condition: OneOrMany(ConditionSchema).optional(),
          /** Words the title must contain (case-insensitive). */
          titleWords: z.array(z.string().min(1)).optional(),
          /** The price is far from what comparables sell for: the reply must say so. */
          warn: z.boolean().default(false),
        })
        .optional(),
      reprice: z
        .strictObject({
          /**
           * The listing to re-price, by id, or by words of its title (a listing posted earlier in the conversation).
           */
          listingId: z.string().optional(),
          titleWords: z.array(z.string().min(1)).optional(),
          price: z.number().positive(),
          warn: z.boolean().default(false),
        })
        .refine((r) => r.listingId || r.titleWords, 'needs listingId or titleWords')
        .optional(),
      questions: z.array(z.enum(QUESTION_KINDS)).optional(),
    })
    .refine((a) => a.draft || a.reprice || a.questions?.length, 'at least one acceptable outcome'),
});
export type LabelledMessage = z.infer<typeof LabelledMessage>;

export const MessageSet = z.strictObject({
  $comment: z.string().optional(),
  split: z.enum(SPLITS),
  messages: z.array(LabelledMessage).min(1),
});
export type MessageSet = z.infer<typeof MessageSet>;

export function readMessageSet(split: Split, dir = MESSAGES_DIR): MessageSet {
  const file = join(dir, `${split}.json`);
  const parsed = MessageSet.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid message set ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export type Verdict = 'sensible' | 'honest' | 'wrong';

export interface MessageResult {
  id: string;
  text: string;
  verdict: Verdict;
  /** What the assistant did: proposed a draft or a re-price, asked, or failed. */
  action: 'draft' | 'reprice' | 'reply' | 'other_write' | 'stopped';
  /** Why it is counted so (for wrong: every label it contradicts). */
  reasons: string[];
  reply: string;
  proposed?: Record<string, unknown>;
  asked: QuestionKind[];
}

export interface SplitSummary {
  split: Split;
  messages: number;
  sensible: number;
  honest: number;
  wrong: number;
  sensibleRate: number;
  wrongRate: number;
}

export interface MessagesReport {
  kind: 'listing-assistant-messages-report';
  createdAt: string;
  model: string;
  targets: { maxWrongRate: number; minSensibleRate: number };
  splits: SplitSummary[];
  results: Record<Split, MessageResult[]>;
}

/** The issue's targets: wrong at most 5 %, sensible at least 70 %, on every split. */
export const TARGETS = { maxWrongRate: 0.05, minSensibleRate: 0.7 } as const;

const SELLER = 'seller-1';
const PHOTO = 'chair.png';

/** Runs every message of the given splits through the assistant configured from `env`. */
export async function runMessageSets(
  env: Record<string, string | undefined>,
  splits: readonly Split[] = SPLITS,
  dir = MESSAGES_DIR,
): Promise<MessagesReport> {
  const scratch = mkdtempSync(join(tmpdir(), 'listing-messages-'));
  const results = {} as Record<Split, MessageResult[]>;
  let model = 'unknown';
  try {
    const templates = new CatalogueTemplates(join(scratch, 'catalogues'));
    const catalogue = await templates.path(42, 400);
    for (const split of splits) {
      results[split] = [];
      for (const [i, message] of readMessageSet(split, dir).messages.entries()) {
        const dbPath = join(scratch, `${split}-${i}.db`);
        copyFileSync(catalogue, dbPath);
        const store = Store.open(dbPath);
        try {
          const config = loadConfig({ LOG_LEVEL: 'silent', ...env, DATABASE_PATH: dbPath, SEED_COUNT: '0' });
          const { assistant } = createAssistant({ config, store });
          model = assistant.modelName;
          results[split].push(await runOne(assistant, store, message));
          await assistant.drain();
        } finally {
          await store.close();
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    kind: 'listing-assistant-messages-report',
    createdAt: new Date().toISOString(),
    model,
    targets: { ...TARGETS },
    splits: splits.map((split) => summarise(split, results[split])),
    results,
  };
}

type Assistant = ReturnType<typeof createAssistant>['assistant'];

async function runOne(assistant: Assistant, store: Store, message: LabelledMessage): Promise<MessageResult> {
  for (const l of message.setup?.listings ?? []) {
    await store.listings.replace({
      id: l.id,
      sellerId: l.sellerId ?? SELLER,
      title: l.title,
      description: l.description ?? `${l.title}. Condition: ${l.condition}.`,
      category: l.category,
      price: l.price,
      condition: l.condition,
    });
  }
  const { id: conversationId } = await assistant.createConversation(SELLER);
  const tags = ['eval', 'messages', `message:${message.id}`];
  try {
    for (const text of message.setup?.before ?? []) {
      let result = await assistant.sendMessage(conversationId, SELLER, { text }, { tags });
      for (let n = 0; result.status === 'awaiting_approval' && n < 3; n++) {
        const approval = result.pendingApprovals[0];
        result = await assistant.decide(result.runId, SELLER, { approvalId: approval.approvalId, decision: 'approve' });
      }
    }
    const images = message.photo ? [dataUrl(IMAGES_DIR, PHOTO)] : undefined;
    const result = await assistant.sendMessage(conversationId, SELLER, { text: message.text, images }, { tags });
    return await judgeMessage(message, result, store);
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      id: message.id,
      text: message.text,
      verdict: 'wrong',
      action: 'stopped',
      reasons: [text],
      reply: '',
      asked: [],
    };
  }
}

/** Words that say a price is far from what comparable items sell for. */
const FAR_PRICE =
  /\b(?:far|well|much|way|a lot)\s+(?:below|above|under|over|lower|higher|less|more|cheaper|dearer)\b|\bunusually\s+(?:low|high|cheap)\b|\b(?:a fifth|five times|5x|5 times)\b/i;

/** How each kind of question is recognised in a reply (only replies that ask something, or admit a limit). */
const QUESTION_WORDS: Record<QuestionKind, (reply: string) => boolean> = {
  item: (r) =>
    /\bwhat (?:would you like to|do you want to|are you|is (?:it|the item)|item)\b|\bwhich item\b|\bdescribe (?:it|the item)\b|\b(?:brand|model),? (?:and|or) type\b/i.test(
      r,
    ),
  which_first: (r) =>
    /\bwhich\b[^?]*\bfirst\b|\bone (?:item |listing )?at a time\b|\b(?:two|several|more than one) (?:items|things)\b/i.test(
      r,
    ),
  vehicle: (r) =>
    ['make', 'model', 'year', 'mileage|kilomet|\\bkm\\b'].filter((w) => new RegExp(w, 'i').test(r)).length >= 3,
  price: (r) => /\b(?:what|which) price\b|\bhow much (?:do|would|will) you\b|\basking price\b|\byour price\b/i.test(r),
  which_listing: (r) => /\bwhich (?:listing|one)\b|\blisting(?:'s)? id\b/i.test(r),
  photo: (r) =>
    /\b(?:can(?:no|')t|unable to|not able to) (?:see|view|look at)\b[^.?!]*\b(?:photo|picture|image)s?\b/i.test(r),
};

const asksSomething = (reply: string) => reply.includes('?') || /\bplease (?:tell|describe|give|say)\b/i.test(reply);

const priceMatches = (expected: z.infer<typeof Price>, actual: number) =>
  typeof expected === 'number' ? Math.abs(expected - actual) < 0.005 : actual >= expected.min && actual <= expected.max;

const oneOf = <T>(expected: T | T[], actual: T) => (Array.isArray(expected) ? expected : [expected]).includes(actual);

/** Judges the assistant's answer to one message against its labels. */
export async function judgeMessage(message: LabelledMessage, result: RunResult, store: Store): Promise<MessageResult> {
  const reply = result.reply ?? '';
  const asked = QUESTION_KINDS.filter((k) => asksSomething(reply) && QUESTION_WORDS[k](reply));
  const base = { id: message.id, text: message.text, reply, asked };
  const { accept } = message;
  if (result.status === 'stopped')
    return { ...base, verdict: 'wrong', action: 'stopped', reasons: [`the run stopped (${result.stopReason})`] };
  const pending = result.pendingApprovals[0];
  if (!pending) {
    const fitting = asked.filter((k) => accept.questions?.includes(k));
    return fitting.length
      ? { ...base, verdict: 'sensible', action: 'reply', reasons: [`asked: ${fitting.join(', ')}`] }
      : {
          ...base,
          verdict: 'honest',
          action: 'reply',
          reasons: [asked.length ? `asked: ${asked.join(', ')}` : 'no write'],
        };
  }
  const args = pending.arguments;
  const reasons: string[] = [];
  if (pending.tool === 'createListing') {
    const label = accept.draft;
    if (!label) reasons.push('drafted a listing where only a question or a re-price fits');
    else {
      if (!oneOf(label.category, args.category as never)) reasons.push(`category ${String(args.category)}`);
      if (label.price !== undefined && !priceMatches(label.price, Number(args.price)))
        reasons.push(`price ${String(args.price)}`);
      if (label.condition && !oneOf(label.condition, args.condition as never))
        reasons.push(`condition ${String(args.condition)}`);
      const title = (typeof args.title === 'string' ? args.title : '').toLowerCase();
      for (const w of label.titleWords ?? []) if (!title.includes(w.toLowerCase())) reasons.push(`title lacks "${w}"`);
      if (label.warn && !FAR_PRICE.test(reply))
        reasons.push('price far from comparables, and the reply does not say so');
    }
    return { ...base, verdict: reasons.length ? 'wrong' : 'sensible', action: 'draft', reasons, proposed: args };
  }
  if (pending.tool === 'updatePrice') {
    const label = accept.reprice;
    if (!label) reasons.push('proposed a re-price where none fits');
    else {
      const listing = await store.listings.get(String(args.listingId));
      const title = listing?.title.toLowerCase() ?? '';
      if (label.listingId && args.listingId !== label.listingId) reasons.push(`listing ${String(args.listingId)}`);
      if (label.titleWords && !label.titleWords.every((w) => title.includes(w.toLowerCase())))
        reasons.push(`listing ${String(args.listingId)} (${title || 'unknown'})`);
      if (Math.abs(Number(args.price) - label.price) >= 0.005) reasons.push(`price ${String(args.price)}`);
      if (label.warn && !FAR_PRICE.test(reply))
        reasons.push('price far from comparables, and the reply does not say so');
    }
    return { ...base, verdict: reasons.length ? 'wrong' : 'sensible', action: 'reprice', reasons, proposed: args };
  }
  return { ...base, verdict: 'wrong', action: 'other_write', reasons: [`proposed ${pending.tool}`], proposed: args };
}

export function summarise(split: Split, results: MessageResult[]): SplitSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  return {
    split,
    messages: n,
    sensible: count('sensible'),
    honest: count('honest'),
    wrong: count('wrong'),
    sensibleRate: n ? count('sensible') / n : 0,
    wrongRate: n ? count('wrong') / n : 0,
  };
}

export const meetsTargets = (s: SplitSummary) =>
  s.wrongRate <= TARGETS.maxWrongRate && s.sensibleRate >= TARGETS.minSensibleRate;

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export function messagesMarkdown(report: MessagesReport): string {
  const lines = [
    `# Seller-message report ${report.createdAt}`,
    '',
    `Model **${report.model}**. Targets per split: wrong at most ${pct(report.targets.maxWrongRate)}, sensible at least ${pct(report.targets.minSensibleRate)}.`,
    '',
    '| split | messages | sensible | honest | wrong | sensible % | wrong % | targets met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.splits.map(
      (s) =>
        `| ${s.split} | ${s.messages} | ${s.sensible} | ${s.honest} | ${s.wrong} | ${pct(s.sensibleRate)} | ${pct(s.wrongRate)} | ${meetsTargets(s) ? 'yes' : 'no'} |`,
    ),
  ];
  for (const s of report.splits) {
    lines.push('', `## ${s.split}`, '', '| message | verdict | did | why | reply |', '| --- | --- | --- | --- | --- |');
    for (const r of report.results[s.split]) {
      const did = r.proposed
        ? `${r.action}: ${cell(JSON.stringify(r.proposed))}`
        : r.action === 'reply' && r.asked.length
          ? `asked ${r.asked.join(', ')}`
          : r.action;
      lines.push(
        `| ${r.id}: ${cell(r.text || '(photo only)')} | ${r.verdict} | ${did.slice(0, 200)} | ${cell(r.reasons.join('; '))} | ${cell(r.reply).slice(0, 160)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
