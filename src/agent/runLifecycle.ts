import {
  Agent,
  getGlobalTraceProvider,
  MaxTurnsExceededError,
  Runner,
  RunState,
  type AgentInputItem,
  type FunctionTool,
  type Model,
  type ModelInputData,
} from '@openai/agents';
import {
  RunWrites,
  SegmentFencedError,
  type SegmentFence,
  storeFailure,
  type ApprovalRecord,
  type ImageQuota,
  type Store,
  type RunRecord,
  type StopReason,
  type StoreUnavailableError,
} from '../store/index.js';
import { newId, newTraceId } from '../store/ids.js';
import type { PolicyGate } from '../policy/index.js';
import { callVetting, createListingTools, summarizeAction, type AssistantContext } from '../tools/index.js';
import { faultPoint } from '../faults.js';
import type { PromptSelector } from './promptSelection.js';
import { createLogger, describeError, type Logger } from '../logging/logger.js';
import { runLogger } from '../tracing/runLog.js';
import { TracedModel } from '../tracing/tracedModel.js';
import { LoopDetectedError, LoopGuardModel } from './loopGuard.js';
import { traceRouter, type SettledRun, type TraceSink } from '../tracing/traceRouter.js';
import { StoreRecorder } from '../tracing/storeRecorder.js';
import { StoreSession, closeDanglingCalls } from './storeSession.js';
import { PhotoInputModel } from './photoInput.js';
import { OutputLimitModel } from './outputLimit.js';
import { assistantText, userInputItem, type SellerMessage } from './messages.js';
import { toRunResult, type RunResult } from './runResult.js';
import { toRunEvent, type RunEvent } from './runEvents.js';
import { STOP_REPLIES, NOT_RUN_OUTPUT } from './replies.js';
import {
  ApprovalNotPendingError,
  decideApproval,
  expireApprovals,
  notApprovedMessage,
  notApprovedText,
  refusalsByCall,
  supersedeApprovals,
  vetSellerEdit,
  type CallRecord,
  type EditVetting,
} from '../approvals/index.js';
import { withSellerEdits } from './sellerEdits.js';
import { ApprovalDesk, callIdOf, explainGateRejections } from './approvalDesk.js';
import { runLeaseKey, type LeaseGrant, type LeaseKeeper } from './leases.js';
import { PausedRuns } from './pausedRuns.js';
import type { ConversationHold } from './conversationHold.js';

export interface AssistantLimits {
  maxSteps: number;
  runTimeoutMs: number;
  toolTimeoutMs: number;
}

export interface AssistantOptions {
  store: Store;
  policy: PolicyGate;
  model: Model;
  modelName: string;
  /** Which instructions each seller's runs use (a fixed version or an A/B rollout). */
  prompts: PromptSelector;
  limits: AssistantLimits;
  approvalTtlMs: number;
  appVersion: string;
  /** Where run failures are reported (masked JSON lines); a logger at LOG_LEVEL by default. */
  logger?: Logger;
  /** How long a running segment's lease lasts without a heartbeat (RUN_LEASE_MS); 30 s by default. */
  runLeaseMs?: number;
  /** How long a message waits for its conversation's turn before `conversation_busy`; the run timeout by default. */
  conversationWaitMs?: number;
  /** What of the history the model gets (HISTORY_TURNS, HISTORY_PHOTO_TURNS); unset: everything. */
  history?: { turns: number; photoTurns: number };
  /** Stored photo bytes per conversation and per seller; unset: no cap. */
  photoQuota?: ImageQuota;
  /** Seller messages one conversation may hold (CONVERSATION_MAX_MESSAGES); unset: no cap. */
  maxConversationMessages?: number;
}

export interface RunOptions {
  /** Streams the run: text deltas, tool activity and approvals as they happen. */
  onEvent?: (event: RunEvent) => void;
  /** Labels stored on the run (e.g. `eval`, `scenario:<id>`), so support and evals can find it. */
  tags?: string[];
}

/** The seller's decision on one approval; `arguments` (with approve) is their edit of the action. */
export interface SellerChoice {
  approvalId: string;
  decision: 'approve' | 'reject';
  message?: string;
  arguments?: Record<string, unknown>;
}

class RunTimeoutError extends Error {
  constructor() {
    super('The run exceeded its time budget.');
  }
}

/** This instance stalled past its lease and another instance settled the run: nothing more to write. */
class LeaseLostError extends Error {
  constructor() {
    super("The run's lease was taken over by another instance.");
  }
}

/**
 * How a run goes: it starts for a seller's message, pauses on writes until
 * the seller decides, resumes on the decision, and every way it ends (done,
 * step limit, loop, timeout, model error, superseded, expired) is mapped onto
 * the RunResult contract. Paused runs live in the store, so any process on
 * the same database can resume them. Callers hold the conversation's lock
 * and have checked who may act (see ListingAssistant).
 */
export class RunLifecycle {
  private readonly store: Store;
  /** Where each run's trace goes: the store always, Langfuse when configured. */
  private readonly sinks: TraceSink[];

  private readonly approvalDesk: ApprovalDesk;
  private readonly vetEdit: EditVetting;
  private readonly logger: Logger;
  /**
   * Built once: the tools hold no per-run state (that travels in the run context), and building them per run showed
   * in profiles.
   */
  private readonly tools: FunctionTool<AssistantContext>[];
  /** Writes a segment holds back for its next transaction (session items, decisions on reads). */
  private readonly runWrites = new RunWrites((runId) => this.leases.fence(runLeaseKey(runId)));
  /** Paused states this process stored, resumed without parsing them again when still current. */
  private readonly pausedRuns = new PausedRuns();
  /** The store sink, which also writes a segment's spans inside the segment's last transaction. */
  private readonly recorder: StoreRecorder;

  constructor(
    private readonly options: AssistantOptions & { traceSinks?: TraceSink[] },
    private readonly leases: LeaseKeeper,
  ) {
    this.store = options.store;
    this.logger = options.logger ?? createLogger();
    const vetting = callVetting(options.policy);
    // An edit is vetted like a fresh call (no call id: never the proposal's remembered answer).
    this.vetEdit = async ({ tool, args, sellerId, runId }) => {
      const { args: parsed, issues, verdict } = await vetting.vet({ runId, callId: '', sellerId, tool, input: args });
      if (!parsed) return { ok: false, code: 'invalid_arguments', reason: (issues ?? [verdict.reason]).join('; ') };
      if (verdict.decision === 'deny') return { ok: false, code: 'edit_refused', reason: verdict.reason };
      return { ok: true, edit: { arguments: parsed, summary: await summarizeAction(tool, parsed, this.store) } };
    };
    this.approvalDesk = new ApprovalDesk(options.store, vetting, options.approvalTtlMs);
    const recorder = (this.recorder = new StoreRecorder(options.store, async (error, traceIds) => {
      for (const traceId of traceIds) {
        const run = await this.store.runs.byTraceId(traceId);
        (run ? runLogger(this.logger, run) : this.logger).error(
          { traceId, error: describeError(error) },
          'trace recording failed',
        );
      }
    }));
    this.sinks = [recorder, ...(options.traceSinks ?? [])];
    this.tools = createListingTools({
      store: options.store,
      policy: options.policy,
      vetting,
      toolTimeoutMs: options.limits.toolTimeoutMs,
      runWrites: this.runWrites,
    });
    traceRouter();
  }

  /** A new run for the seller's message; a run still waiting for approval in the conversation is superseded. */
  async start(
    conversationId: string,
    sellerId: string,
    message: SellerMessage,
    options: RunOptions = {},
    hold?: ConversationHold,
  ): Promise<RunResult> {
    // Superseding a paused run, creating the new one and taking its lease commit together: no instance
    // ever sees the run running without an owner. The conversation's lease, if not yet taken, too, in
    // the same statement as the run's.
    const runId = newId('run');
    const { run, superseded } = await this.firstTransaction(hold, [runLeaseKey(runId)], async (tx) => {
      // Created with the read of the run it follows (one statement), which is superseded if paused.
      const { run, previous } = await tx.runs.createNext({
        id: runId,
        conversationId,
        sellerId,
        traceId: newTraceId(),
        // The photo ids let the seller's screen show the photos again after a reload (by id, never bytes).
        input: { text: message.text, images: message.photoIds?.length ?? 0, photoIds: message.photoIds ?? [] },
        appVersion: this.options.appVersion,
        // The seller's version for this run; a resume keeps it, whatever the rollout says by then.
        promptVersion: this.options.prompts.forSeller(sellerId).version,
        model: this.options.modelName,
        tags: options.tags,
      });
      return { run, superseded: await this.supersedePausedRun(tx, previous) };
    });
    if (superseded) await this.settled(superseded.id);
    return this.execute(run, [userInputItem(message)], options, undefined, hold);
  }

  /**
   * The work's first transaction: it takes `keys` (the run's lease) first, with the conversation's lease
   * when the caller left that to it, in one statement.
   */
  private async firstTransaction<T>(
    hold: ConversationHold | undefined,
    keys: string[],
    work: (tx: Store) => Promise<T>,
  ): Promise<T> {
    if (hold) return hold.firstTransaction(this.store, work, keys);
    let grant: LeaseGrant | undefined;
    try {
      return await this.store.transaction(async (tx) => {
        grant = await this.leases.acquireIn(tx, keys);
        return work(tx);
      });
    } catch (error) {
      grant?.rolledBack();
      throw error;
    }
  }

  /**
   * Writes the release of the run's lease inside `tx`, with the conversation's when the work holds it, in
   * one statement that checks the segment's `fence` too (answers whether it held; see RunWrites).
   */
  private releaseIn(
    tx: Store,
    runId: string,
    hold: ConversationHold | undefined,
    fence?: SegmentFence,
  ): Promise<boolean | undefined> {
    const keys = [runLeaseKey(runId)];
    return hold ? hold.releaseIn(tx, keys, fence) : this.leases.releaseIn(tx, keys, fence);
  }

  /** The transaction carrying `releaseIn` committed. */
  private releasedIn(runId: string, hold: ConversationHold | undefined): void {
    this.leases.released(runLeaseKey(runId));
    hold?.committed();
  }

  /** Records the seller's decision; once nothing waits for the seller any more, the run resumes. */
  async decide(
    runId: string,
    sellerId: string,
    decision: SellerChoice,
    options: RunOptions = {},
    hold?: ConversationHold,
  ): Promise<RunResult> {
    let resumable: { run: RunRecord; approvals: ApprovalRecord[] } | undefined;
    try {
      const edit = await vetSellerEdit(this.store, { runId, sellerId, ...decision }, this.vetEdit);
      // The last decision and the run leaving `awaiting_approval` commit together: a lookup that
      // settles expired approvals in between would otherwise stop a run that is about to resume.
      // Running again and this instance's lease on it commit together too (taken first, with the
      // conversation's, in one statement).
      resumable = await this.firstTransaction(hold, [runLeaseKey(runId)], async (tx) => {
        const { approvals } = await decideApproval(tx, { runId, sellerId, ...decision }, edit);
        if (approvals.some((a) => a.status === 'pending')) {
          // More to decide: nothing runs, and the run and the conversation are free again with this commit.
          await this.releaseIn(tx, runId, hold);
          return undefined;
        }
        return { run: (await tx.runs.updateReturning(runId, { status: 'running' }))!, approvals };
      });
    } catch (error) {
      if (error instanceof ApprovalNotPendingError) await this.settleExpired((await this.store.runs.get(runId))!);
      throw error;
    }
    if (!resumable) this.releasedIn(runId, hold);
    faultPoint('after-approval');
    if (!resumable) return this.result(runId);
    return this.resume(resumable.run, options, resumable.approvals, hold);
  }

  /**
   * Resumes a paused run from its stored state; the caller holds the run's lease. `approvals` are the
   * run's, when the caller has just read them.
   */
  async resume(
    run: RunRecord,
    options: RunOptions = {},
    known?: ApprovalRecord[],
    hold?: ConversationHold,
  ): Promise<RunResult> {
    // A decision marks the run running in its own transaction; recovery resumes runs in either state.
    if (run.status !== 'running') await this.store.runs.update(run.id, { status: 'running' });
    const approvals = known ?? (await this.store.approvals.forRun(run.id));
    const text = withSellerEdits(run.state!, approvals);
    const kept = this.pausedRuns.take(run.id, text);
    let agent: Agent<AssistantContext>;
    let state: RunState<AssistantContext, Agent<AssistantContext>>;
    const counter = this.modelFor(run);
    if (kept) {
      // The live state this process stored; its agent gets a fresh model (calls and spans count per segment).
      ({ agent, state } = kept);
      agent.model = counter;
      reopenTrace(state);
    } else {
      agent = this.agentWith(run, counter);
      state = await RunState.fromString<AssistantContext, typeof agent>(agent, text);
    }
    for (const item of state.getInterruptions()) {
      const callId = callIdOf(item);
      // A call with an approval has no refusal (a call is vetted once): the approval words the answer.
      const approval = approvals.find((a) => a.callId === callId);
      if (approval?.status === 'approved') state.approve(item);
      else if (approval) state.reject(item, { message: notApprovedText({ status: approval.status, approval }) });
      else state.reject(item, { message: await notApprovedMessage(this.store, run.id, callId) });
    }
    return this.execute(run, state, options, { agent, counter }, hold);
  }

  private buildAgent(run: RunRecord): { agent: Agent<AssistantContext>; counter: TracedModel } {
    const counter = this.modelFor(run);
    return { agent: this.agentWith(run, counter), counter };
  }

  /** A segment's model: counts its calls and traces them, guards against loops, adds the photos' bytes. */
  private modelFor(run: RunRecord): TracedModel {
    // Spans see the input as stored (photos by reference); the provider gets the photos' bytes.
    const photoTurns = this.options.history?.photoTurns ?? Infinity;
    const withPhotos = new PhotoInputModel(this.options.model, this.store, run.sellerId, photoTurns);
    return new TracedModel(new LoopGuardModel(new OutputLimitModel(withPhotos)), this.options.modelName);
  }

  private agentWith(run: RunRecord, model: TracedModel): Agent<AssistantContext> {
    return new Agent<AssistantContext>({
      name: 'listing-assistant',
      // Read when the model is called: a version fetched from Langfuse may have to be fetched again.
      instructions: async () => (await this.options.prompts.version(run.promptVersion)).text,
      model,
      tools: this.tools,
    });
  }

  private async execute(
    run: RunRecord,
    initial: AgentInputItem[] | RunState<AssistantContext, Agent<AssistantContext>>,
    options: RunOptions = {},
    built = this.buildAgent(run),
    hold?: ConversationHold,
  ): Promise<RunResult> {
    const { agent, counter } = built;
    const context: AssistantContext = { runId: run.id, conversationId: run.conversationId, sellerId: run.sellerId };
    // The segment holds its session items, read decisions and spans for its transactions (RunWrites).
    const session = new StoreSession(
      this.store,
      run.conversationId,
      { writes: this.runWrites, runId: run.id },
      this.options.history?.turns,
    );
    this.runWrites.open(run.id);
    this.recorder.hold(run.traceId);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RunTimeoutError()), this.options.limits.runTimeoutMs);
    const leaseKey = runLeaseKey(run.id);
    // The segment's last transaction (its end or its pause) also ends the run's lease and the
    // conversation's: no commits of their own, and the statement checks the fence (RunWrites).
    // A rollback leaves them to the `finally` below.
    const releaseLeasesIn = (tx: Store, fence: SegmentFence | undefined) => this.releaseIn(tx, run.id, hold, fence);
    const leasesReleased = () => this.releasedIn(run.id, hold);
    // Held since the run was created, decided or claimed; the heartbeat tells when it is lost.
    if (!(await this.leases.acquire(leaseKey, { onLost: () => controller.abort(new LeaseLostError()) }))) {
      clearTimeout(timer);
      return this.result(run.id);
    }
    const steps = () => run.steps + counter.calls;
    let input = initial;
    // One Runner per run: the trace id, group (conversation) and metadata are run config.
    const runner = new Runner({
      toolNotFoundBehavior: 'return_error_to_model',
      workflowName: 'listing-assistant',
      traceId: run.traceId,
      groupId: run.conversationId,
      traceMetadata: { runId: run.id, sellerId: run.sellerId, promptVersion: run.promptVersion, model: run.model },
    });
    const log = runLogger(this.logger, run);
    /** The segment's outcome as last read for the caller, handed to the sinks so that they need not read it again. */
    let outcome: SettledRun | undefined;
    const finish = async (known?: SettledRun) => {
      const read = known ?? (await this.read(run.id));
      outcome = read;
      return toRunResult(read.run, read.approvals);
    };
    const unregister = this.sinks.map((sink) =>
      traceRouter().register(run.traceId, sink, (error) =>
        log.error({ error: describeError(error) }, 'trace recording failed'),
      ),
    );
    try {
      // The conversation's refusals, read once per segment and only once a tool result is in the input:
      // they are recorded only at a pause, by this instance while it holds the conversation, and a pass
      // that continues without the seller adds its own to them (below).
      let refusals: ReturnType<typeof refusalsByCall> | undefined;
      // Each pass is one segment of the run; a pass that only needed automatic
      // rejections (malformed or refused calls) continues without the seller.
      for (;;) {
        const runOptions = {
          ...(input instanceof RunState ? {} : { context }),
          session,
          maxTurns: this.options.limits.maxSteps,
          signal: controller.signal,
          toolErrorFormatter: ({ kind, callId }: { kind: string; callId: string }) =>
            kind === 'approval_rejected' ? notApprovedMessage(this.store, run.id, callId) : undefined,
          callModelInputFilter: async ({ modelData }: { modelData: ModelInputData }) => {
            if (!modelData.input.some((item) => item.type === 'function_call_result')) return modelData;
            refusals ??= refusalsByCall(this.store, run.conversationId);
            return { ...modelData, input: explainGateRejections(modelData.input, await refusals) };
          },
        };
        let result;
        if (options.onEvent) {
          const streamed = await runner.run(agent, input, { ...runOptions, stream: true });
          for await (const event of streamed) {
            const mapped = toRunEvent(event);
            if (mapped) options.onEvent(mapped);
          }
          await streamed.completed;
          // The SDK types the stream's error as unknown; in practice it is the Error that ended the run.
          if (streamed.error)
            throw streamed.error instanceof Error
              ? streamed.error
              : new Error(describeError(streamed.error), { cause: streamed.error });
          result = streamed;
        } else {
          result = await runner.run(agent, input, runOptions);
        }
        const interruptions = result.interruptions;
        if (interruptions.length === 0) {
          // The run's end, its last session items and the segment's spans: one commit. The end's
          // statement answers the outcome too (not awaited before the commit: no wait of its own).
          const { ended } = await this.runWrites.transaction(
            this.store,
            run.id,
            async (tx) => {
              const ended = tx.runs.updateSettled(run.id, {
                status: 'completed',
                reply: finalText(result.finalOutput) ?? assistantText(result.newItems) ?? '',
                steps: steps(),
                state: null,
              });
              // Its failure is the transaction's (a failed statement fails the commit).
              ended.catch(() => undefined);
              await this.recorder.writeHeld(tx, run.traceId);
              return { ended };
            },
            releaseLeasesIn,
          );
          leasesReleased();
          return await finish(await ended);
        }
        const { state } = result;
        // The approvals, the gate's decisions and the paused state commit together, before the
        // seller can see (or decide) any approval: a pause is on disk whole or not at all. The
        // segment's held session items and decisions, and its spans, commit with it.
        let pausing = false;
        let vetted: Map<string, CallRecord> | undefined;
        let pausedText: string | undefined;
        const needSeller = await this.runWrites.transaction(
          this.store,
          run.id,
          async (tx) => {
            const { needSeller: waits, calls } = await this.approvalDesk.request(run, interruptions);
            vetted = calls;
            for (const item of interruptions) {
              const call = calls.get(callIdOf(item));
              if (call?.status === 'refused' || call?.status === 'rejected')
                state.reject(item, { message: notApprovedText(call) });
            }
            if (waits) {
              pausedText = state.toString();
              await tx.runs.update(run.id, {
                status: 'awaiting_approval',
                reply: assistantText(result.newItems) ?? 'Please confirm the action below.',
                steps: steps(),
                state: pausedText,
              });
              await this.recorder.writeHeld(tx, run.traceId);
              pausing = true;
            }
            return waits;
          },
          // Paused: the leases end here, the release checking the fence; else the fence is checked alone.
          (tx, fence) => (pausing ? releaseLeasesIn(tx, fence) : Promise.resolve(undefined)),
        );
        if (!needSeller) {
          if (refusals) {
            const known = await refusals;
            for (const call of vetted?.values() ?? []) if (call.refusal) known.set(call.refusal.callId, call.refusal);
          }
          input = state;
          continue;
        }
        leasesReleased();
        // Committed: a decision taken on this instance resumes this very state (PausedRuns).
        this.pausedRuns.keep(run.id, { agent, state, text: pausedText! });
        const paused = await finish();
        if (options.onEvent) {
          for (const approval of paused.pendingApprovals) options.onEvent({ type: 'approval_requested', approval });
        }
        return paused;
      }
    } catch (error) {
      if (controller.signal.reason instanceof LeaseLostError) {
        log.warn({ error: describeError(error) }, 'run left to the instance that took over its lease');
        return await this.result(run.id);
      }
      const lost = storeFailure(error);
      if (lost) {
        log.error({ error: describeError(lost.cause ?? lost) }, 'storage failed during the run');
        await this.stopForStorage(run, steps(), lost).catch(unlessFenced);
        return await finish();
      }
      const reason: StopReason =
        error instanceof MaxTurnsExceededError
          ? 'max_steps'
          : error instanceof LoopDetectedError
            ? 'loop_detected'
            : controller.signal.aborted
              ? 'timeout'
              : 'model_error';
      if (reason === 'model_error') log.error({ error: describeError(error) }, 'run failed');
      await this.stop(run, reason, STOP_REPLIES[reason], steps()).catch(unlessFenced);
      return await finish();
    } finally {
      clearTimeout(timer);
      for (const off of unregister) off();
      this.runWrites.close(run.id);
      this.recorder.release(run.traceId);
      try {
        await this.leases.release(leaseKey);
      } catch (error) {
        // The database is away: the lease runs out by itself and the run is settled by a sweep.
        log.warn({ error: describeError(error) }, 'run lease not released');
      }
      await this.settled(run.id, outcome);
    }
  }

  /**
   * A new message while a run waits for approval (`latest`, the conversation's latest run before the
   * message's): that run's pending actions lapse unexecuted. Runs in the caller's transaction (a
   * lookup settling the same run's expired approvals cannot stop it in between); returns the
   * superseded run, which the caller settles after the commit.
   */
  private async supersedePausedRun(tx: Store, latest: RunRecord | undefined): Promise<RunRecord | undefined> {
    if (!latest || latest.status !== 'awaiting_approval') return undefined;
    await supersedeApprovals(tx, latest.id);
    await this.stop(latest, 'cancelled', latest.reply ?? STOP_REPLIES.cancelled, latest.steps);
    return latest;
  }

  /** Lapses expired approvals; a paused run left with nothing to decide and nothing approved stops. */
  async settleExpired(run: RunRecord): Promise<void> {
    if (run.status !== 'awaiting_approval') return;
    // Looked at first without the write lock: a paused run shown again and again (a seller's screen,
    // support pages) mostly waits within its expiry, and then there is nothing to write.
    const now = this.store.now().getTime();
    const pending = (await this.store.approvals.forRun(run.id)).filter((a) => a.status === 'pending');
    if (pending.length > 0 && pending.every((a) => Date.parse(a.expiresAt) > now)) return;
    // Re-read in one transaction: since `run` was read it may have been decided, resumed or superseded.
    const stopped = await this.store.transaction(async (tx) => {
      const current = await tx.runs.get(run.id);
      if (current?.status !== 'awaiting_approval') return false;
      await expireApprovals(tx, run.id);
      const approvals = await tx.approvals.forRun(run.id);
      if (approvals.some((a) => a.status === 'pending' || a.status === 'approved')) return false;
      await this.stop(current, 'cancelled', STOP_REPLIES.expired, current.steps);
      return true;
    });
    if (stopped) await this.settled(run.id);
  }

  /**
   * Stops a run and answers its dangling calls, together with what its segment still held (joins
   * the caller's transaction, if any).
   */
  stop(run: RunRecord, reason: StopReason, reply: string, steps: number): Promise<void> {
    return this.runWrites.transaction(this.store, run.id, async (tx) => {
      await tx.runs.update(run.id, { status: 'stopped', stopReason: reason, reply, steps, state: null });
      await closeDanglingCalls(tx, run.conversationId, NOT_RUN_OUTPUT);
      await this.recorder.writeHeld(tx, run.traceId);
    });
  }

  /**
   * The database failed under a running segment: stops the run as `storage_error`, trying for a
   * couple of seconds (a failover or a restarted server is back by then). A database still away
   * past that leaves the run to the sweeps (its lease runs out) and the caller gets `lost` (a 503).
   * A run that was settled after all (its last commit landed) is left as it is.
   */
  private async stopForStorage(run: RunRecord, steps: number, lost: StoreUnavailableError): Promise<void> {
    for (const pause of [0, 250, 500, 1000, 2000]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      try {
        await this.runWrites.transaction(this.store, run.id, async (tx) => {
          if ((await tx.runs.get(run.id))?.status !== 'running') return;
          const reply = STOP_REPLIES.storage_error;
          await tx.runs.update(run.id, { status: 'stopped', stopReason: 'storage_error', reply, steps, state: null });
          await closeDanglingCalls(tx, run.conversationId, NOT_RUN_OUTPUT);
          await this.recorder.writeHeld(tx, run.traceId);
        });
        return;
      } catch (error) {
        if (!storeFailure(error)) throw error;
      }
    }
    throw lost;
  }

  /**
   * Tells the trace sinks (store export, metrics, logs) a segment's outcome is
   * stored, also for stops outside a segment (superseded, expired, recovered);
   * a failing sink never reaches the seller. Sinks are awaited in turn, the store
   * recorder first. Never call it inside a transaction: a sink may wait on writes
   * queued behind it.
   */
  async settled(runId: string, outcome?: SettledRun): Promise<void> {
    for (const sink of this.sinks) {
      try {
        await sink.onSegmentSettled?.(runId, outcome);
      } catch (error) {
        this.logger.error({ runId, error: describeError(error) }, 'trace sink failed');
      }
    }
  }

  /** The run's RunResult, its status and approvals read on one snapshot. */
  async result(runId: string): Promise<RunResult> {
    const { run, approvals } = await this.read(runId);
    return toRunResult(run, approvals);
  }

  /** The run and its approvals, read on one snapshot. */
  private async read(runId: string): Promise<SettledRun> {
    return (await this.store.runs.withApprovals(runId))!;
  }
}

/** A stop the lease fence refused: another instance settled the run, and its outcome is the answer. */
function unlessFenced(error: unknown): void {
  if (!(error instanceof SegmentFencedError)) throw error;
}

function finalText(output: unknown): string | undefined {
  if (typeof output === 'string' && output.trim()) return output;
  return undefined;
}

/**
 * What parsing a stored state does to its trace: a new trace object with the paused one's id and the
 * agent span rebuilt on it as stored, so the resumed segment's spans sit where they would.
 */
function reopenTrace(state: RunState<AssistantContext, Agent<AssistantContext>>): void {
  const trace = state._trace;
  const span = state._currentAgentSpan;
  if (!trace || !span) return;
  const provider = getGlobalTraceProvider();
  const reopened = provider.createTrace({
    traceId: trace.traceId,
    name: trace.name,
    groupId: trace.groupId ?? undefined,
    metadata: trace.metadata,
  });
  // As stored: the span alone, without the spans that were current before it in the paused segment.
  const reopenedSpan = provider.createSpan(
    {
      spanId: span.spanId,
      traceId: span.traceId,
      parentId: span.parentId ?? undefined,
      startedAt: span.startedAt ?? undefined,
      endedAt: span.endedAt ?? undefined,
      data: span.spanData,
    },
    reopened,
  );
  state._trace = reopened;
  state.setCurrentAgentSpan(reopenedSpan);
}
