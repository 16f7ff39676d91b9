export interface FeedbackRecord {
  runId: string;
  sellerId: string;
  value: 1 | -1;
  comment: string | null;
  createdAt: string;
}
export interface FeedbackRepository {
  add(f: Omit<FeedbackRecord, 'createdAt'>): Promise<FeedbackRecord>;
  forRun(runId: string): Promise<FeedbackRecord[]>;
}
