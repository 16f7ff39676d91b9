import type { RunStatus, StopReason } from './runRepository.js';

/** One run with everything the support dashboard counts about it. */
export interface RunFigures {
  runId: string;
  status: RunStatus;
  stopReason: StopReason | null;
  reply: string | null;
  promptVersion: string;
  model: string;
  createdAt: string;
  /** Summed over the run's model calls (generation spans). */
  inputTokens: number;
  outputTokens: number;
  /** Model calls that ended in an error. */
  modelErrors: number;
  /** Time spent in the agent (its segments), null while none has ended. */
  activeMs: number | null;
  approvals: {
    requested: number;
    approved: number;
    rejected: number;
    expired: number;
  };
  policyDenials: number;
  feedback: {
    up: number;
    down: number;
  };
}
/** Per-run figures across runs, spans, approvals, policy decisions and feedback: what monitoring aggregates. */
export interface RunFiguresRepository {
  /** The runs created in [from, to) (ISO timestamps), oldest first. */
  between(from: string, to: string): Promise<RunFigures[]>;
}
