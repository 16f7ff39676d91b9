export const REVIEW_REASONS = ['sampled', 'thumbs_down', 'correction'] as const;
export const REVIEW_STATUSES = ['open', 'labelled'] as const;
export const REVIEW_LABELS = ['good', 'bad'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewLabel = (typeof REVIEW_LABELS)[number];
/** A run in the annotation queue. One per run; every reason that queued it is kept, the first is `reason`. */
export interface ReviewItemRecord {
  id: string;
  runId: string;
  traceId: string;
  reason: ReviewReason;
  reasons: ReviewReason[];
  status: ReviewStatus;
  label: ReviewLabel | null;
  note: string | null;
  reviewer: string | null;
  /** Where the run was written as an eval scenario, once promoted. */
  promotedScenario: string | null;
  createdAt: string;
  labelledAt: string | null;
  promotedAt: string | null;
}
export interface ReviewFilter {
  status?: ReviewStatus;
  reason?: ReviewReason;
  label?: ReviewLabel;
  limit: number;
  offset: number;
}
export interface ReviewRepository {
  /**
   * Queues a run, once: a run queued again for another reason gains that
   * reason and keeps its place, status and label (a reviewer's work is never
   * undone by a late signal; the reasons show it arrived).
   */
  enqueue(entry: { runId: string; traceId: string; reason: ReviewReason }): Promise<ReviewItemRecord>;
  get(id: string): Promise<ReviewItemRecord | undefined>;
  forRun(runId: string): Promise<ReviewItemRecord | undefined>;
  /** Newest first; every filter is a bound parameter. */
  list(f: ReviewFilter): Promise<{
    items: ReviewItemRecord[];
    total: number;
  }>;
  /** Labels (or relabels) an item that has not been promoted yet; returns whether it changed. */
  label(
    id: string,
    label: {
      label: ReviewLabel;
      note: string | null;
      reviewer: string;
    },
  ): Promise<boolean>;
  /** Compare-and-set: of two promotions of one item exactly one is recorded. */
  markPromoted(id: string, scenarioPath: string): Promise<boolean>;
}
