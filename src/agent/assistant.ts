import type { Store } from '../store/index.js';
import type { TraceSink } from '../tracing/traceRouter.js';
import { ConversationLocks } from './conversationLock.js';
import type { SellerMessage } from './messages.js';
import type { RunResult } from './runResult.js';
import { ownConversation, ownRun, visibleConversation, visibleRun, type Viewer } from './access.js';
import { conversationView, type ConversationView } from './conversationView.js';
import { RunLifecycle, type AssistantOptions, type RunOptions } from './runLifecycle.js';
import { recoverInterruptedRuns } from './recovery.js';

export type { AssistantLimits, AssistantOptions, RunOptions } from './runLifecycle.js';
export type { Viewer } from './access.js';
export type { ConversationView } from './conversationView.js';

/**
 * One seller-facing assistant, as the API, replay and evals use it: checks
 * who may see or act (access.ts), serialises each conversation's work, and
 * hands runs to their lifecycle (runLifecycle.ts): start on a message, pause
 * on writes, resume on the seller's decision, recover after a restart
 * (recovery.ts). Paused runs live in the store, so any process on the same
 * database can resume them.
 */
export class ListingAssistant {
  private readonly locks = new ConversationLocks();
  private readonly store: Store;
  private readonly lifecycle: RunLifecycle;

  constructor(private readonly options: AssistantOptions & { traceSinks?: TraceSink[] }) {
    this.store = options.store;
    this.lifecycle = new RunLifecycle(options);
  }

  get modelName(): string {
    return this.options.modelName;
  }

  createConversation(sellerId: string): { id: string } {
    return { id: this.store.conversations.create(sellerId).id };
  }

  /** The conversation if this viewer may see it; another seller's is reported as missing. */
  visibleConversation(conversationId: string, viewer: Viewer) {
    return visibleConversation(this.store, conversationId, viewer);
  }

  /** The run if this viewer may see it. */
  visibleRun(runId: string, viewer: Viewer) {
    return visibleRun(this.store, runId, viewer);
  }

  getConversation(conversationId: string, viewer: Viewer): ConversationView {
    const conversation = visibleConversation(this.store, conversationId, viewer);
    const latest = this.store.runs.latestForConversation(conversationId);
    if (latest) this.lifecycle.settleExpired(latest);
    return conversationView(this.store, conversation, latest ? this.lifecycle.result(latest.id) : null);
  }

  getRun(runId: string, viewer: Viewer): RunResult {
    // Another seller's run is reported as missing, so ids cannot be probed.
    const run = visibleRun(this.store, runId, viewer);
    this.lifecycle.settleExpired(run);
    return this.lifecycle.result(runId);
  }

  async sendMessage(
    conversationId: string,
    sellerId: string,
    message: SellerMessage,
    options: RunOptions = {},
  ): Promise<RunResult> {
    ownConversation(this.store, conversationId, sellerId);
    return this.locks.run(conversationId, () => this.lifecycle.start(conversationId, sellerId, message, options));
  }

  async decide(
    runId: string,
    sellerId: string,
    decision: { approvalId: string; decision: 'approve' | 'reject'; message?: string },
    options: RunOptions = {},
  ): Promise<RunResult> {
    const run = ownRun(this.store, runId, sellerId);
    return this.locks.run(run.conversationId, () => this.lifecycle.decide(runId, sellerId, decision, options));
  }

  /** Resumes or stops the runs a crash or restart interrupted (see recovery.ts); returns how many. */
  recoverInterruptedRuns(): Promise<number> {
    return recoverInterruptedRuns(this.store, this.locks, this.lifecycle);
  }

  /** Waits for in-flight runs to reach a stored state (finished or paused). */
  drain(): Promise<void> {
    return this.locks.drain();
  }
}
