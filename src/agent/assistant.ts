import type { AgentInputItem } from '@openai/agents';
import type { Store, RunRecord } from '../store/index.js';
import { NotFoundError } from '../errors.js';
import { ConversationLocks } from './conversationLock.js';
import type { TraceSink } from '../tracing/traceRouter.js';
import { transcript, type SellerMessage, type TranscriptEntry } from './messages.js';
import type { RunResult } from './runResult.js';
import { STOP_REPLIES } from './replies.js';
import { RunLifecycle, type AssistantOptions, type RunOptions } from './runLifecycle.js';

export type { AssistantLimits, AssistantOptions, RunOptions } from './runLifecycle.js';

export interface Viewer {
  userId: string;
  role: 'seller' | 'support';
}

export interface ConversationView {
  id: string;
  sellerId: string;
  createdAt: string;
  messages: TranscriptEntry[];
  latestRun: RunResult | null;
}

/**
 * One seller-facing assistant, as the API, replay and evals use it: checks
 * who may see or act, serialises each conversation's work, and hands runs to
 * their lifecycle (runLifecycle.ts): start on a message, pause on writes,
 * resume on the seller's decision. Paused runs live in the store, so any
 * process on the same database can resume them.
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
    const conversation = this.store.conversations.get(conversationId);
    if (!conversation || (viewer.role !== 'support' && conversation.sellerId !== viewer.userId))
      throw new NotFoundError('Conversation');
    return conversation;
  }

  /** The run if this viewer may see it. */
  visibleRun(runId: string, viewer: Viewer): RunRecord {
    const run = this.store.runs.get(runId);
    if (!run || (viewer.role !== 'support' && run.sellerId !== viewer.userId)) throw new NotFoundError('Run');
    return run;
  }

  getConversation(conversationId: string, viewer: Viewer): ConversationView {
    const conversation = this.visibleConversation(conversationId, viewer);
    const latest = this.store.runs.latestForConversation(conversationId);
    if (latest) this.lifecycle.settleExpired(latest);
    return {
      id: conversation.id,
      sellerId: conversation.sellerId,
      createdAt: conversation.createdAt,
      messages: transcript(this.store.conversations.items(conversationId) as AgentInputItem[]),
      latestRun: latest ? this.lifecycle.result(latest.id) : null,
    };
  }

  getRun(runId: string, viewer: Viewer): RunResult {
    // Another seller's run is reported as missing, so ids cannot be probed.
    const run = this.visibleRun(runId, viewer);
    this.lifecycle.settleExpired(run);
    return this.lifecycle.result(runId);
  }

  async sendMessage(
    conversationId: string,
    sellerId: string,
    message: SellerMessage,
    options: RunOptions = {},
  ): Promise<RunResult> {
    const conversation = this.store.conversations.get(conversationId);
    if (!conversation || conversation.sellerId !== sellerId) throw new NotFoundError('Conversation');
    return this.locks.run(conversationId, () => this.lifecycle.start(conversationId, sellerId, message, options));
  }

  async decide(
    runId: string,
    sellerId: string,
    decision: { approvalId: string; decision: 'approve' | 'reject'; message?: string },
    options: RunOptions = {},
  ): Promise<RunResult> {
    const run = this.store.runs.get(runId);
    if (!run || run.sellerId !== sellerId) throw new NotFoundError('Run');
    return this.locks.run(run.conversationId, () => this.lifecycle.decide(runId, sellerId, decision, options));
  }

  /**
   * After a crash or restart: runs whose approvals were all decided resume
   * (the write ledger keeps an approved write to one execution), also when
   * the crash came between the decision and the resume; runs that were
   * mid-flight without a resumable state are stopped as cancelled. Runs
   * still waiting for the seller are left as they are.
   */
  async recoverInterruptedRuns(): Promise<number> {
    let recovered = 0;
    for (const run of this.store.runs.listInterrupted()) {
      await this.locks.run(run.conversationId, async () => {
        const approvals = this.store.approvals.forRun(run.id);
        const decided = approvals.length > 0 && approvals.every((a) => a.status !== 'pending');
        if (run.status === 'awaiting_approval') {
          if (!decided || !approvals.some((a) => a.status === 'approved')) return;
          await this.lifecycle.resume(run);
        } else if (run.state && decided) {
          await this.lifecycle.resume(run);
        } else {
          this.lifecycle.stop(run, 'cancelled', STOP_REPLIES.cancelled, run.steps);
          this.lifecycle.settled(run.id);
        }
        recovered++;
      });
    }
    return recovered;
  }

  /** Waits for in-flight runs to reach a stored state (finished or paused). */
  drain(): Promise<void> {
    return this.locks.drain();
  }
}
