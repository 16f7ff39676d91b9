import { z } from 'zod';
import { CATEGORIES, CONDITIONS } from '../domain/listing.js';
import { TOOL_NAMES, WRITE_TOOL_NAMES } from '../tools/index.js';
import { RUN_STATUSES, STOP_REASONS } from '../store/runRepository.js';
import { REVIEW_LABELS, REVIEW_REASONS, REVIEW_STATUSES } from '../store/reviewRepository.js';

/** Response shapes of the HTTP contract, for the OpenAPI document. */
const WriteToolName = z.string().describe(`The write tool: ${WRITE_TOOL_NAMES.join(' or ')}.`);

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).meta({ id: 'Error' });

export const PendingApprovalSchema = z
  .object({
    approvalId: z.string(),
    tool: WriteToolName,
    arguments: z.record(z.string(), z.unknown()),
    summary: z.string().describe('Plain-language description of the exact action, built from the arguments by code.'),
    expiresAt: z.string(),
  })
  .meta({ id: 'PendingApproval' });

export const RunResultSchema = z
  .object({
    runId: z.string(),
    conversationId: z.string(),
    traceId: z.string(),
    status: z.enum(RUN_STATUSES),
    stopReason: z.enum(STOP_REASONS).optional(),
    reply: z.string().optional(),
    pendingApprovals: z.array(PendingApprovalSchema),
    steps: z.number().int(),
  })
  .meta({ id: 'RunResult' });

export const ListingSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(CATEGORIES),
    price: z.number().describe('EUR, two decimals'),
    condition: z.enum(CONDITIONS),
    status: z.enum(['active', 'sold']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Listing' });

/** One listing as `GET /api/listings/:id` serves it: with its photos, each at its own URL. */
export const ListingWithPhotos = ListingSchema.extend({
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
}).meta({ id: 'ListingWithPhotos' });

export const ListingPage = z.object({
  listings: z.array(ListingSchema),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ConversationCreated = z.object({ id: z.string() });

const ListingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  condition: z.string(),
  price: z.number(),
  status: z.string(),
  sellerId: z.string(),
});

export const ConversationViewSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    createdAt: z.string(),
    messages: z.array(
      z.object({
        role: z.enum(['seller', 'assistant', 'tool']),
        text: z.string(),
        images: z.number().int().optional(),
        photos: z.array(z.object({ id: z.string(), url: z.string() })).optional(),
        tool: z.string().optional(),
      }),
    ),
    messagesTotal: z.number().int().meta({ description: 'Entries in the whole transcript' }),
    messagesStart: z.number().int().meta({ description: 'Position of the first entry returned' }),
    latestRun: RunResultSchema.nullable(),
    turns: z
      .array(
        z.object({
          runId: z.string(),
          text: z.string(),
          images: z.number().int(),
          status: RunResultSchema.shape.status,
          stopReason: z.string().optional(),
          reply: z.string().optional(),
          approvals: z.array(
            PendingApprovalSchema.extend({
              status: z.enum(['pending', 'approved', 'rejected', 'expired', 'superseded']),
              edited: z.boolean(),
            }),
          ),
          written: z.array(ListingSummarySchema),
          feedback: z.union([z.literal(1), z.literal(-1)]).nullable(),
        }),
      )
      .describe("The seller's screen: the latest turns (one per message), oldest first"),
    panel: z.object({
      comparables: z
        .object({
          stats: z.record(z.string(), z.number()).nullable(),
          matches: z.array(z.object({ id: z.string(), title: z.string(), price: z.number(), condition: z.string() })),
        })
        .nullable(),
      listing: ListingSummarySchema.nullable().describe('The listing the conversation last wrote, as it stands now'),
    }),
  })
  .meta({ id: 'Conversation' });

export const FeedbackSaved = z.object({
  runId: z.string(),
  value: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

export const TraceSummarySchema = z
  .object({
    traceId: z.string(),
    runId: z.string(),
    conversationId: z.string(),
    sellerId: z.string(),
    status: z.string(),
    stopReason: z.string().nullable(),
    model: z.string(),
    promptVersion: z.string(),
    steps: z.number().int(),
    tools: z.array(z.string()).describe(`The tools the run called, of ${TOOL_NAMES.join(', ')}.`),
    denials: z.number().int(),
    tags: z.array(z.string()),
    message: z.string().describe("The start of the seller's message"),
    reply: z.string().nullable().describe('The start of the reply (markdown, as the seller sees it)'),
    inputTokens: z.number(),
    outputTokens: z.number(),
    costUsd: z.number().nullable().describe("From the model's price table; null when the model's price is unknown"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TraceSummary' });

/** Where a paged list stands: how many match in all, and the window served. */
const pageWindow = { total: z.number().int(), limit: z.number().int(), offset: z.number().int() };

export const TracePage = z.object({ traces: z.array(TraceSummarySchema), ...pageWindow });

export const TraceViewSchema = z
  .object({
    traceId: z.string(),
    runId: z.string(),
    conversationId: z.string(),
    sellerId: z.string(),
    status: z.string(),
    stopReason: z.string().nullable(),
    reply: z.string().nullable(),
    model: z.string(),
    promptVersion: z.string(),
    steps: z.number().int(),
    startedAt: z.string(),
    endedAt: z.string(),
    durationMs: z.number(),
    usage: z.object({
      inputTokens: z.number(),
      outputTokens: z.number(),
      totalTokens: z.number(),
      modelCalls: z.number(),
    }),
    activeMs: z.number().describe("The assistant's working time, without the time waiting for the seller"),
    waitingMs: z.number().describe("Time spent waiting for the seller's decision"),
    sellerImages: z.array(z.string()).describe('Image references, or "[image, N KB]" for images stored inline'),
    tree: z
      .array(
        z.looseObject({
          kind: z.enum(['segment', 'waiting', 'model', 'tool', 'policy', 'approval', 'feedback', 'correction']),
          at: z.string(),
          endedAt: z.string().nullable(),
          durationMs: z.number().nullable(),
          children: z.array(z.unknown()),
        }),
      )
      .describe('Segments with their model calls, tool calls, policy decisions and approvals; waits between them'),
    langfuseUrl: z
      .string()
      .optional()
      .describe('The trace in Langfuse, when export is configured and Langfuse answered'),
    timeline: z.array(
      z.looseObject({
        type: z.enum(['agent', 'model_call', 'tool_call', 'policy_decision', 'approval', 'feedback', 'correction']),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'Trace' });

export const Health = z.object({ status: z.literal('ok') });
export const Ready = z.object({ status: z.literal('ready') });

export const ReplayReportSchema = z
  .object({
    identical: z.boolean(),
    divergences: z.array(
      z.object({
        step: z.number().int(),
        kind: z.enum(['tool_call', 'policy_decision', 'approval', 'status', 'reply']),
        expected: z.unknown(),
        actual: z.unknown(),
        message: z.string(),
      }),
    ),
    modelCalls: z.object({ recorded: z.number().int(), replayed: z.number().int() }),
  })
  .meta({ id: 'ReplayReport' });

const Arguments = z.record(z.string(), z.unknown());

export const CorrectionSchema = z
  .object({
    id: z.string(),
    runId: z.string().describe('The run in which the seller turned the action down.'),
    traceId: z.string(),
    conversationId: z.string(),
    sellerId: z.string(),
    approvalId: z.string().describe('The approval the seller turned down.'),
    kind: z.enum(['rejected', 'edited']).describe('`edited` once a revised action for the same tool was approved.'),
    via: z
      .enum(['rejection', 'new_message'])
      .describe('The reject button, or a new message typed instead of deciding.'),
    tool: WriteToolName,
    before: Arguments.describe('The arguments the seller turned down.'),
    after: Arguments.nullable().describe('The arguments the seller approved instead; null until then.'),
    changedFields: z.array(z.string()),
    message: z.string().nullable().describe('The seller’s words: the rejection message or the new message.'),
    revisedApprovalId: z.string().nullable(),
    revisedInRunId: z.string().nullable(),
    createdAt: z.string(),
    revisedAt: z.string().nullable(),
  })
  .meta({ id: 'Correction' });

export const ReviewItemSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    traceId: z.string(),
    reason: z.enum(REVIEW_REASONS).describe('Why the run entered the queue first.'),
    reasons: z.array(z.enum(REVIEW_REASONS)).describe('Every reason it was queued for, first one first.'),
    status: z.enum(REVIEW_STATUSES),
    label: z.enum(REVIEW_LABELS).nullable(),
    note: z.string().nullable(),
    reviewer: z.string().nullable(),
    promotedScenario: z.string().nullable().describe('The eval scenario file the item was promoted to.'),
    createdAt: z.string(),
    labelledAt: z.string().nullable(),
    promotedAt: z.string().nullable(),
    sellerId: z.string(),
    conversationId: z.string(),
    promptVersion: z.string(),
    model: z.string(),
    runStatus: z.enum(RUN_STATUSES),
    stopReason: z.enum(STOP_REASONS).nullable(),
    runCreatedAt: z.string(),
    firstSellerMessage: z.string().describe('The message that opened the conversation.'),
    sellerMessage: z.string().describe('The message that started this run.'),
    reply: z.string().nullable(),
    feedback: z
      .object({ value: z.union([z.literal(1), z.literal(-1)]), comment: z.string().nullable(), createdAt: z.string() })
      .nullable(),
    corrections: z.array(CorrectionSchema),
  })
  .meta({ id: 'ReviewItem' });

export const ReviewPage = z.object({ items: z.array(ReviewItemSchema), ...pageWindow });

export const PromotionSchema = z
  .object({
    item: ReviewItemSchema,
    scenarioId: z.string(),
    path: z.string().describe('The scenario file, relative to the server’s working directory when inside it.'),
    scenario: z.record(z.string(), z.unknown()).describe('The scenario as written (the eval scenario format).'),
    warnings: z.array(z.string()).describe('Where the derived judgement may need a human’s edit.'),
  })
  .meta({ id: 'Promotion' });
