import type { Conversation, RunRecord, Store } from '../store/index.js';
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

  async createConversation(sellerId: string): Promise<{ id: string }> {
    return { id: (await this.store.conversations.create(sellerId)).id };
  }

  /** The conversation if this viewer may see it; another seller's is reported as missing. */
  visibleConversation(conversationId: string, viewer: Viewer): Promise<Conversation> {
    return visibleConversation(this.store, conversationId, viewer);
  }

  /** The run if this viewer may see it. */
  visibleRun(runId: string, viewer: Viewer): Promise<RunRecord> {
    return visibleRun(this.store, runId, viewer);
  }

  async getConversation(conversationId: string, viewer: Viewer): Promise<ConversationView> {
    const conversation = await visibleConversation(this.store, conversationId, viewer);
    const latest = await this.store.runs.latestForConversation(conversationId);
    if (latest) await this.lifecycle.settleExpired(latest);
    // One snapshot: the transcript and the latest run as they stand together.
    return this.store.read(async (tx) => {
      const current = await tx.runs.latestForConversation(conversationId);
      return conversationView(tx, conversation, current ? await this.lifecycle.result(current.id) : null);
    });
  }

  async getRun(runId: string, viewer: Viewer): Promise<RunResult> {
    // Another seller's run is reported as missing, so ids cannot be probed.
    const run = await visibleRun(this.store, runId, viewer);
    await this.lifecycle.settleExpired(run);
    return this.lifecycle.result(runId);
  }

  async sendMessage(
    conversationId: string,
    sellerId: string,
    message: SellerMessage,
    options: RunOptions = {},
  ): Promise<RunResult> {
    await ownConversation(this.store, conversationId, sellerId);
    return this.locks.run(conversationId, () => this.lifecycle.start(conversationId, sellerId, message, options));
  }

  async decide(
    runId: string,
    sellerId: string,
    decision: { approvalId: string; decision: 'approve' | 'reject'; message?: string },
    options: RunOptions = {},
  ): Promise<RunResult> {
    const run = await ownRun(this.store, runId, sellerId);
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
