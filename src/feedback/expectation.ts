import type { CorrectionRecord, ReviewLabel } from '../store/index.js';
import type { CreatedListing, Matcher, ToolCallMatch } from '../evals/scenario.js';
import type { ConversationRecord } from './conversationRecord.js';

/** The `expect` of a promoted scenario (the eval format's Expectation, before defaults). */
export interface PromotedExpectation {
  created: CreatedListing[];
  priceChanges: Array<{ listingId: string; price: Matcher }>;
  mustCall: ToolCallMatch[];
  maxSteps: number;
}

const DEFAULT_MAX_STEPS = 12;
const STOP_WORDS = new Set([
  'with',
  'from',
  'that',
  'this',
  'very',
  'good',
  'like',
  'condition',
  'sale',
  'for',
  'and',
  'the',
  'used',
  'was',
  'were',
  'has',
  'have',
  'its',
  'please',
  'put',
  'add',
  'make',
  'mention',
  'also',
  'into',
  'last',
  'just',
]);
/** Words a seller uses to name the field, not its content ("put X in the title"). */
const FIELD_NAMES = new Set(['title', 'description', 'price', 'category', 'condition']);

/**
 * The judgement of a promoted scenario, from what the seller approved and
 * corrected. The final state must be exactly the writes the seller approved
 * (so nothing changes unless approved, and a turned-down action never
 * happens); where the seller corrected the assistant, the corrected fields
 * are expected (e.g. createListing with price 380 after "make it 380"). A
 * run labelled good also keeps the reads it made (a price check), so a
 * regression that skips them is caught.
 */
export function expectationFor(record: ConversationRecord, label: ReviewLabel): PromotedExpectation {
  const edits = record.corrections.filter((c) => c.kind === 'edited' && c.after);
  const created: CreatedListing[] = [];
  const finalPrices = new Map<string, number>();
  for (const write of record.writes) {
    const args = write.arguments as Record<string, unknown>;
    if (write.tool === 'updatePrice' && typeof args.listingId === 'string' && typeof args.price === 'number')
      finalPrices.set(args.listingId, args.price);
  }
  for (const write of record.writes) {
    if (write.tool !== 'createListing') continue;
    const args = write.arguments as Record<string, unknown>;
    const id = (write.result as { created?: { id?: string } } | null)?.created?.id;
    const edit = edits.find((c) => c.tool === 'createListing' && sameArgs(c.after!, args));
    created.push(createdMatcher(args, id ? finalPrices.get(id) : undefined, edit));
  }
  const priceChanges = [...finalPrices]
    .filter(([listingId]) => !record.createdIds.has(listingId))
    .map(([listingId, price]) => ({ listingId, price: price }));

  const mustCall: ToolCallMatch[] = [];
  for (const edit of edits)
    mustCall.push({ tool: edit.tool as ToolCallMatch['tool'], args: correctedFields(edit, record) });
  for (const write of record.writes)
    mustCall.push({
      tool: write.tool as ToolCallMatch['tool'],
      args: keyArgs(write.arguments as Record<string, unknown>, record),
    });
  if (label === 'good') {
    for (const call of record.requestedCalls) {
      if (call.tool === 'searchSimilar') mustCall.push({ tool: 'searchSimilar' });
      const listingId = call.args?.listingId;
      if (call.tool === 'getListing' && typeof listingId === 'string' && !record.createdIds.has(listingId))
        mustCall.push({ tool: 'getListing', args: { listingId } });
    }
  }
  const steps = record.runs.reduce((sum, r) => sum + r.steps, 0);
  return { created, priceChanges, mustCall: unique(mustCall), maxSteps: Math.max(DEFAULT_MAX_STEPS, steps + 2) };
}

/** A created listing as the seller approved it: category and price exact, the title by its distinctive words. */
function createdMatcher(
  args: Record<string, unknown>,
  finalPrice: number | undefined,
  edit: CorrectionRecord | undefined,
): CreatedListing {
  const changed = new Set(edit?.changedFields ?? []);
  const title = changed.has('title')
    ? addedWordMatcher(edit!.before.title, args.title, edit!.message)
    : distinctiveWordsMatcher(args.title);
  const description = changed.has('description')
    ? addedWordMatcher(edit!.before.description, args.description, edit!.message)
    : undefined;
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(typeof args.category === 'string' ? { category: args.category } : {}),
    ...(changed.has('condition') && typeof args.condition === 'string' ? { condition: args.condition } : {}),
    ...(typeof (finalPrice ?? args.price) === 'number' ? { price: (finalPrice ?? args.price) as number } : {}),
  };
}

/**
 * The fields the seller changed, as a tool call the model must make: exact values, text by the words the seller
 * added.
 */
function correctedFields(edit: CorrectionRecord, record: ConversationRecord): Record<string, Matcher> {
  const out: Record<string, Matcher> = {};
  for (const field of edit.changedFields) {
    const value = edit.after![field];
    if (field === 'title' || field === 'description') {
      const m = addedWordMatcher(edit.before[field], value, edit.message);
      if (m) out[field] = m;
    } else if (field === 'listingId' && typeof value === 'string' && record.createdIds.has(value)) {
      continue; // ids of listings created during the conversation differ in every trial
    } else if (typeof value === 'number' || typeof value === 'string') {
      out[field] = value;
    }
  }
  return out;
}

/** A write's identifying arguments: its price, and the listing when it existed before the conversation. */
function keyArgs(args: Record<string, unknown>, record: ConversationRecord): Record<string, Matcher> | undefined {
  const out: Record<string, Matcher> = {};
  if (typeof args.listingId === 'string' && !record.createdIds.has(args.listingId)) out.listingId = args.listingId;
  if (typeof args.price === 'number') out.price = args.price;
  return Object.keys(out).length ? out : undefined;
}

function words(text: unknown): string[] {
  return typeof text === 'string'
    ? text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    : [];
}

/** Any of the first two distinctive words (a model may phrase the title differently, but names the item). */
function distinctiveWordsMatcher(title: unknown): Matcher | undefined {
  const picked = [...new Set(words(title).filter((w) => w.length >= 4 || /\d/.test(w)))].slice(0, 2);
  return picked.length ? { regex: picked.join('|') } : undefined;
}

/**
 * The one word that best carries the seller's correction of a text field:
 * the longest word the revision added that the seller also said (a model may
 * phrase the rest freely), cut to a stem so "descaled" also finds "descaling".
 */
function addedWordMatcher(before: unknown, after: unknown, message: string | null): Matcher | undefined {
  const had = new Set(words(before));
  const added = words(after).filter((w) => !had.has(w) && !FIELD_NAMES.has(w));
  const said = new Set(words(message));
  const pick = [...new Set(added)].sort((a, b) => Number(said.has(b)) - Number(said.has(a)) || b.length - a.length)[0];
  if (!pick) return distinctiveWordsMatcher(after);
  return { regex: pick.length >= 7 ? pick.slice(0, -2) : pick };
}

function sameArgs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

function unique(calls: ToolCallMatch[]): ToolCallMatch[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
