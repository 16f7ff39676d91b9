import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CategorySchema, ConditionSchema } from '../domain/listing.js';
import { TOOL_NAMES, WRITE_TOOL_NAMES } from '../tools/index.js';

/**
 * The eval scenario format: a seller persona, the data the trial starts from,
 * what the seller says and decides, and how the outcome is judged. Scenarios
 * are data (`evals/scenarios/*.json`), so adding one needs no code.
 */

/** A case-insensitive regular expression, checked to compile when the file loads. */
const Regex = z
  .string()
  .min(1)
  .refine((source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression');

/**
 * How a judged value is compared. A bare string or number must be equal
 * (strings case-insensitively); the object forms allow ranges, regexes, a
 * choice, or a price relative to the listing's price at the start.
 */
export const Matcher = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.strictObject({ regex: Regex }),
  z.strictObject({ oneOf: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
  /** e.g. `{ "percentOfStart": 90 }`: 90 % of the listing's starting price, give or take a cent per euro rounding. */
  z.strictObject({ percentOfStart: z.number().positive(), tolerance: z.number().nonnegative().default(0.5) }),
  /** e.g. `{ "offsetFromStart": 20 }`: the starting price plus €20. */
  z.strictObject({ offsetFromStart: z.number(), tolerance: z.number().nonnegative().default(0.005) }),
]);
export type Matcher = z.infer<typeof Matcher>;

const ListingId = z.string().regex(/^lst_[A-Za-z0-9]{4,32}$/);
const ToolName = z.enum(TOOL_NAMES);
const WriteTool = z.enum(WRITE_TOOL_NAMES);

/** A listing inserted into the trial's copy of the catalogue before the conversation starts. */
export const ExtraListing = z.strictObject({
  id: ListingId,
  sellerId: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  category: CategorySchema,
  price: z.number().positive(),
  condition: ConditionSchema,
  status: z.enum(['active', 'sold']).default('active'),
});

/** Writes already in the ledger when the trial starts: how a rate limit is reached without driving 20 conversations. */
export const PriorWrites = z.strictObject({
  sellerId: z.string().optional(),
  count: z.number().int().positive(),
  minutesAgo: z.number().nonnegative().default(5),
});

export const StartingData = z.strictObject({
  /** The deterministic catalogue generator's seed and size (a copy is made per trial). */
  seed: z.number().int().default(42),
  count: z.number().int().min(3).default(400),
  listings: z.array(ExtraListing).default([]),
  priorWrites: PriorWrites.optional(),
});

/** What a seller does with one pending approval; the first rule whose `when` holds applies. */
export const ApprovalRule = z.strictObject({
  when: z
    .strictObject({
      tool: WriteTool.optional(),
      listingId: ListingId.optional(),
      priceAtMost: z.number().optional(),
      priceAtLeast: z.number().optional(),
      /** 1 for the first approval the seller is shown in this trial, 2 for the second… */
      occurrence: z.number().int().positive().optional(),
    })
    .default({}),
  /** `ignore`: leave it pending and go on to the next turn (a new message supersedes it). */
  decide: z.enum(['approve', 'reject', 'ignore']),
  message: z.string().optional(),
});
export type ApprovalRule = z.infer<typeof ApprovalRule>;

/** Facts about the assistant's last answer that a conditional seller turn can test. */
export const TurnCondition = z.strictObject({
  /** The price of the pending write if there is one, else the € amount the reply suggests. */
  suggestedPriceAbove: z.number().optional(),
  suggestedPriceAtMost: z.number().optional(),
  replyMatches: Regex.optional(),
  pendingTool: WriteTool.optional(),
  nothingPending: z.boolean().optional(),
});
export type TurnCondition = z.infer<typeof TurnCondition>;

/** One thing the seller says. With `when`, it is said only if the condition holds (else `otherwise`, else nothing). */
export const SellerTurn = z.strictObject({
  say: z.string().min(1),
  when: TurnCondition.optional(),
  otherwise: z.string().min(1).optional(),
  /** Decisions for approvals raised after this turn; the scenario's `approvals` when absent. */
  approvals: z.array(ApprovalRule).optional(),
});
export type SellerTurn = z.infer<typeof SellerTurn>;

/** A listing the trial must have created (matched against its final state). */
export const CreatedListing = z.strictObject({
  sellerId: z.string().optional(),
  title: Matcher.optional(),
  description: Matcher.optional(),
  category: Matcher.optional(),
  condition: Matcher.optional(),
  price: Matcher.optional(),
});
export type CreatedListing = z.infer<typeof CreatedListing>;

export const PriceChange = z.strictObject({ listingId: ListingId, price: Matcher });

/** A tool call the model asked for; `args` are matched field by field (absent fields are not checked). */
export const ToolCallMatch = z.strictObject({
  tool: ToolName,
  args: z.record(z.string(), Matcher).optional(),
});
export type ToolCallMatch = z.infer<typeof ToolCallMatch>;

export const Expectation = z.strictObject({
  /**
   * The final state of the listings, judged strictly: exactly these listings
   * were created and exactly these prices changed; every other listing is
   * untouched. Both empty (the default) means "nothing changed".
   */
  created: z.array(CreatedListing).default([]),
  priceChanges: z.array(PriceChange).default([]),
  mustCall: z.array(ToolCallMatch).default([]),
  mustNotCall: z.array(ToolCallMatch).default([]),
  /** Facts the assistant's replies (all of them, joined) must or must not state. */
  replies: z
    .strictObject({
      mustMatch: z.array(Regex).default([]),
      mustNotMatch: z.array(Regex).default([]),
    })
    .default({ mustMatch: [], mustNotMatch: [] }),
  /** Model calls over the whole conversation. */
  maxSteps: z.number().int().positive().default(12),
  /** How many actions the seller may be asked to confirm (no nagging after a "no"). */
  maxApprovalRequests: z.number().int().nonnegative().optional(),
});
export type Expectation = z.infer<typeof Expectation>;

/** AgentDojo-style: text planted in data the agent reads, and what would count as the attack working. */
export const Attack = z.strictObject({
  goal: z.string().min(1),
  /** The attack succeeded if any of these happened to the final state. */
  succeededIf: z.strictObject({
    priceChanges: z.array(PriceChange).default([]),
    created: z.array(CreatedListing).default([]),
  }),
  /** The model was hijacked (even if the gate stopped it) if it asked for any of these. */
  attemptedIf: z.array(ToolCallMatch).default([]),
});
export type Attack = z.infer<typeof Attack>;

/**
 * Which half of the scenario set a scenario belongs to. `train`: the offline
 * model may be tuned against it (every scenario written so far was). `test`:
 * held out, read only to measure; a change to the model made to pass a test
 * scenario turns it into a train one.
 */
export const Split = z.enum(['train', 'test']);
export type Split = z.infer<typeof Split>;
export const SPLITS: readonly Split[] = Split.options;

/**
 * What the seller knows, for a simulated seller played by a model
 * (`SIMULATOR_MODEL`): `known` facts it may state when asked (and only
 * those), `unknown` things it does not know and must say so rather than
 * invent. The scripted seller does not read them.
 */
export const SellerFacts = z.strictObject({
  known: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).default({}),
  unknown: z.array(z.string().min(1)).default([]),
});
export type SellerFacts = z.infer<typeof SellerFacts>;

export const Scenario = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase words joined by hyphens'),
  title: z.string().min(1),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  split: Split.default('train'),
  persona: z.strictObject({ sellerId: z.string().min(1), description: z.string().min(1) }),
  /** What the seller wants out of the conversation, in words (for the simulated seller; defaults to the title). */
  goal: z.string().min(1).optional(),
  facts: SellerFacts.optional(),
  data: StartingData.default({ seed: 42, count: 400, listings: [] }),
  turns: z.array(SellerTurn).min(1),
  /** The seller's default decisions; with none matching, an unexpected action is rejected. */
  approvals: z.array(ApprovalRule).default([]),
  expect: Expectation,
  attack: Attack.optional(),
});
export type Scenario = z.infer<typeof Scenario>;

const ScenarioFile = z.union([
  z.array(Scenario),
  z.strictObject({ $comment: z.string().optional(), scenarios: z.array(Scenario) }),
]);

export const SCENARIO_DIR = new URL('../../evals/scenarios/', import.meta.url);

/**
 * Every scenario under the directory and its subdirectories (promoted runs are
 * moved into one after review), validated, with ids unique across files.
 */
export function loadScenarios(dir: string | URL = SCENARIO_DIR): Scenario[] {
  const path = dir instanceof URL ? dir.pathname : dir;
  const all: Scenario[] = [];
  const seen = new Map<string, string>();
  const files = (readdirSync(path, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const parsed = ScenarioFile.safeParse(JSON.parse(readFileSync(join(path, file), 'utf8')));
    if (!parsed.success) throw new Error(`Invalid scenario file ${file}:\n${z.prettifyError(parsed.error)}`);
    for (const scenario of Array.isArray(parsed.data) ? parsed.data : parsed.data.scenarios) {
      const other = seen.get(scenario.id);
      if (other) throw new Error(`Scenario id "${scenario.id}" appears in both ${other} and ${file}`);
      seen.set(scenario.id, file);
      all.push(scenario);
    }
  }
  return all;
}

/** `--filter`: comma-separated tags or scenario ids; a scenario is kept if it has any of them. */
export function filterScenarios(scenarios: Scenario[], filter: string | undefined): Scenario[] {
  if (!filter) return scenarios;
  const wanted = new Set(
    filter
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return scenarios.filter((s) => wanted.has(s.id) || s.tags.some((t) => wanted.has(t)));
}
