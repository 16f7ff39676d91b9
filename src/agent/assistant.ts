import type { Conversation, ImageQuota, RunRecord, Store } from '../store/index.js';
import type { TraceSink } from '../tracing/traceRouter.js';
import { ConversationLocks } from './conversationLock.js';
import type { SellerMessage } from './messages.js';
import type { RunResult } from './runResult.js';
import { assertRoomForMessage } from './conversationLimit.js';
import { cleanText } from '../shared/readableText.js';
import { BadRequestError } from '../errors.js';
import { ownConversation, ownRun, visibleConversation, visibleRun, type Viewer } from './access.js';
import { conversationView, type ConversationView, type TranscriptPage } from './conversationView.js';
import { RunLifecycle, type AssistantOptions, type RunOptions, type SellerChoice } from './runLifecycle.js';
import { recoverInterruptedRuns } from './recovery.js';
import { LeaseKeeper } from './leases.js';
import { ConversationHold } from './conversationHold.js';
import { createLogger, describeError } from '../logging/logger.js';
import { storePhotos } from './photos.js';

export type { AssistantLimits, AssistantOptions, RunOptions } from './runLifecycle.js';
export type { Viewer } from './access.js';
export type { ConversationView, TranscriptPage } from './conversationView.js';

/**
 * One seller-facing assistant, as the API, replay and evals use it: checks
 * who may see or act (access.ts), serialises each conversation's work, and
 * hands runs to their lifecycle (runLifecycle.ts): start on a message, pause
 * on writes, resume on the seller's decision, recover after a restart
 * (recovery.ts). Paused runs live in the store, so any process on the same
 * database can resume them. Each conversation's work is serialised by a lock
 * in this process and a lease in the store across processes; running
 * segments hold leases too, renewed by one heartbeat (leases.ts).
 */
export class ListingAssistant {
  private readonly locks = new ConversationLocks();
  private readonly store: Store;
  private readonly lifecycle: RunLifecycle;
  private readonly leases: LeaseKeeper;
  private readonly waitMs: number;
  private readonly photoQuota: ImageQuota;
  private readonly maxMessages: number;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;

  constructor(private readonly options: AssistantOptions & { traceSinks?: TraceSink[] }) {
    this.store = options.store;
    this.leases = new LeaseKeeper(options.store, options.runLeaseMs ?? 30_000, options.logger ?? createLogger());
    this.lifecycle = new RunLifecycle(options, this.leases);
    this.waitMs = options.conversationWaitMs ?? options.limits.runTimeoutMs;
    this.photoQuota = options.photoQuota ?? { conversationBytes: Infinity, sellerBytes: Infinity };
    this.maxMessages = options.maxConversationMessages ?? Infinity;
  }

  /** This process's id in the store's leases. */
  get instanceId(): string {
    return this.leases.owner;
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

  async getConversation(conversationId: string, viewer: Viewer, page?: TranscriptPage): Promise<ConversationView> {
    const conversation = await visibleConversation(this.store, conversationId, viewer);
    const latest = await this.store.runs.latestForConversation(conversationId);
    if (latest) await this.lifecycle.settleExpired(latest);
    // One snapshot: the transcript and the latest run as they stand together.
    return this.store.read(async (tx) => {
      const current = await tx.runs.latestForConversation(conversationId);
      return conversationView(tx, conversation, current ? await this.lifecycle.result(current.id) : null, page);
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
    assertRoomForMessage(await ownConversation(this.store, conversationId, sellerId), this.maxMessages);
    // What the seller cannot see is not theirs to say: invisible characters pasted along (Unicode tags can
    // spell instructions a model reads) go before the message is stored or run.
    const text = cleanText(message.text).trim();
    // Photos alone are a message; nothing at all (or only what cannot be seen) is not.
    if (!text && !message.images?.length && !message.photoIds?.length)
      throw new BadRequestError('Invalid request: text: must not be empty.', 'invalid_request');
    return this.hold(conversationId, async (hold) => {
      // Stored first (once per photo, within the caps) under the conversation's lease; the run sees only their ids.
      if (message.images?.length) await hold.takeNow();
      const photoIds = message.images?.length
        ? await storePhotos(this.store, { sellerId, conversationId }, message.images, this.photoQuota)
        : message.photoIds;
      return this.lifecycle.start(conversationId, sellerId, { text, photoIds }, options, hold);
    });
  }

  async decide(runId: string, sellerId: string, decision: SellerChoice, options: RunOptions = {}): Promise<RunResult> {
    const run = await ownRun(this.store, runId, sellerId);
    return this.hold(run.conversationId, (hold) => this.lifecycle.decide(runId, sellerId, decision, options, hold));
  }

  /**
   * Runs `work` holding the conversation: first this process's lock (the fast path), then the store's
   * lease, so one segment per conversation runs at a time across instances. The work takes the lease
   * in its first transaction and gives it back in its last (ConversationHold), or `work` is handed a
   * lease taken up front (`upFront`). Waits at most `waitMs` in all, then answers ConversationBusyError
   * (409 `conversation_busy` with Retry-After).
   */
  private hold<T>(
    conversationId: string,
    work: (hold: ConversationHold) => Promise<T>,
    waitMs = this.waitMs,
    upFront = false,
  ): Promise<T> {
    const deadline = Date.now() + waitMs;
    return this.locks.run(
      conversationId,
      async () => {
        const hold = new ConversationHold(this.leases, conversationId, deadline);
        try {
          if (upFront) await hold.takeNow();
          return await work(hold);
        } finally {
          await hold.end();
        }
      },
      waitMs,
    );
  }

  /**
   * Resumes or stops the runs whose instance is gone: a crash or restart of this one, or another
   * instance that died (see recovery.ts); returns how many.
   */
  recoverInterruptedRuns(): Promise<number> {
    return recoverInterruptedRuns(
      this.store,
      (id, work, waitMs) => this.hold(id, () => work(), waitMs, true),
      this.leases,
      this.lifecycle,
    );
  }

  /**
   * Sweeps for runs of dead instances every `intervalMs` (a third of the run lease by default), so
   * a run whose instance died is settled within about the lease. Stopped by `close`.
   */
  startSweeping(intervalMs = Math.max(100, Math.floor(this.leases.leaseMs / 3))): void {
    if (this.sweeper) return;
    const logger = this.options.logger ?? createLogger();
    this.sweeper = setInterval(() => {
      this.sweeping ??= this.recoverInterruptedRuns()
        .then((n) => n && logger.info({ recovered: n }, 'settled runs of a stopped instance'))
        .catch((error: unknown) => logger.error({ error: describeError(error) }, 'run sweep failed'))
        .finally(() => (this.sweeping = undefined));
    }, intervalMs);
    this.sweeper.unref();
  }

  /** Waits for in-flight runs to reach a stored state (finished or paused). */
  drain(): Promise<void> {
    return this.locks.drain();
  }

  /** Stops sweeping and renewing leases (after `drain`, at shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    await this.sweeping;
    await this.leases.close();
  }
}
