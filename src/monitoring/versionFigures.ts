/** The figures of one prompt version over a window or one bucket of it. */
export interface VersionFigures {
  runs: number;
  completed: number;
  awaitingApproval: number;
  stopped: number;
  /** Runs that ended in a stop other than being superseded by the seller's next message. */
  failed: number;
  failureRate: number;
  stopReasons: Record<string, number>;
  modelErrors: number;
  emptyReplies: number;
  latencyMs: { p50: number | null; p95: number | null };
  tokens: { input: number; output: number };
  /** Estimated USD; null when a model's price is unknown. */
  costUsd: number | null;
  costPerRunUsd: number | null;
  approvals: { requested: number; approved: number; rejected: number; expired: number };
  policyDenials: number;
  feedback: { up: number; down: number };
}
