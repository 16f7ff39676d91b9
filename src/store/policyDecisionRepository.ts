export type Decision = 'allow' | 'needs_confirmation' | 'deny';
export interface PolicyDecisionRecord {
  runId: string;
  callId: string;
  tool: string;
  /** `proposal`: when the model asked; `execution`: re-checked right before the tool ran. */
  phase: 'proposal' | 'execution';
  decision: Decision;
  rule: string;
  reason: string;
  arguments: unknown;
  createdAt: string;
}
export interface PolicyDecisionRepository {
  /** One decision per call and phase; a re-evaluation after a resume replaces it. */
  record(d: Omit<PolicyDecisionRecord, 'createdAt'>): Promise<void>;
  forRun(runId: string): Promise<PolicyDecisionRecord[]>;
}
