import { z } from 'zod';
import { inspectImage, MAX_IMAGE_DATA_URL_CHARS } from '../shared/imageCheck.js';
import { CATEGORIES } from '../domain/listing.js';
import { TOOL_NAMES } from '../tools/index.js';
import { RUN_STATUSES, STOP_REASONS } from '../store/runRepository.js';
import { REVIEW_LABELS, REVIEW_REASONS, REVIEW_STATUSES } from '../store/reviewRepository.js';

/** Request schemas of the HTTP contract: the one definition routes validate with. */

const Id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{4,40}$`), `must be a ${prefix}_… id`);

export const ConversationIdParam = z.object({ id: Id('conv') });
export const RunIdParam = z.object({ runId: Id('run') });
/** A page of a conversation's transcript: `limit` entries ending before position `before` (default: the end). */
export const ConversationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(0).optional(),
});
export const ImageIdParam = z.object({ id: z.string().regex(/^img_[0-9a-f]{32}$/, 'must be an img_… id') });
export const ListingIdParam = z.object({ id: Id('lst') });

export const MessageBody = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(4000),
  images: z
    .array(
      z
        .string()
        .max(MAX_IMAGE_DATA_URL_CHARS, 'image is larger than 5 MB')
        .superRefine((dataUrl, ctx) => {
          const facts = inspectImage(dataUrl);
          if ('error' in facts) ctx.addIssue({ code: 'custom', message: facts.error });
        }),
    )
    .max(4)
    .optional(),
});

export const DecisionBody = z
  .object({
    approvalId: Id('apr'),
    decision: z.enum(['approve', 'reject']),
    message: z.string().trim().max(1000).optional(),
    arguments: z
      .record(z.string().max(64), z.unknown())
      .refine((a) => Object.keys(a).length <= 20 && JSON.stringify(a).length <= 8000, 'too large')
      .optional()
      .describe("With approve: the seller's edit of the action (fields left out keep the proposed values)"),
  })
  .refine((b) => !b.arguments || b.decision === 'approve', {
    message: 'arguments go with decision "approve" only',
    path: ['arguments'],
  });

export const FeedbackBody = z.object({
  value: z.union([z.literal(1), z.literal(-1)]),
  comment: z.string().trim().max(2000).optional(),
});

export const ListingsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(CATEGORIES).optional(),
  sellerId: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const TraceIdParam = z.object({ traceId: z.string().regex(/^trace_[0-9a-f]{32}$/, 'must be a trace_… id') });

/** A UTC time (`…Z`) from year 1 on: ISO 8601 has a year 0000, PostgreSQL's timestamps do not. */
const Instant = z.iso.datetime().refine((s) => !s.startsWith('0000'), 'must be in year 1 or later');

export const TracesQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe("Words of the seller's message or the reply; each must occur as a word or a word's start."),
  conversationId: z.string().max(100).optional(),
  userId: z.string().max(100).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  stopReason: z.enum(STOP_REASONS).optional(),
  tool: z
    .string()
    .max(60)
    .optional()
    .describe(`Runs that called this tool: ${TOOL_NAMES.join(', ')}.`),
  denied: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  deniedRule: z.string().max(60).optional(),
  tag: z.string().max(120).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ReviewIdParam = z.object({ id: Id('rev') });

export const ReviewQuery = z.object({
  status: z.enum(REVIEW_STATUSES).optional(),
  reason: z.enum(REVIEW_REASONS).optional(),
  label: z.enum(REVIEW_LABELS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const LabelBody = z.object({
  label: z.enum(REVIEW_LABELS),
  note: z.string().trim().max(2000).optional(),
});
