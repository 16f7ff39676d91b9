import type { Model } from '@openai/agents';
import { loadConfig } from '../config.js';
import type { Store } from '../store/index.js';
import { createAssistant } from '../agent/createAssistant.js';
import type { PolicyRules } from '../policy/index.js';
import type { PendingApproval, RunResult } from '../agent/runResult.js';
import type { Scenario } from './scenario.js';
import { SimulatedSeller } from './seller.js';
import {
  describeApproval,
  LlmSeller,
  maxSimulatedTurns,
  type SimulatorSettings,
  type TranscriptEntry,
} from './simulator.js';
import { prepareTrialData, snapshotListings } from './trialData.js';
import type { TrialDatabase, TrialDatabases } from './trialDatabases.js';
import { collectEvidence, type Usage } from './evidence.js';
import { judge, type Verdict } from './judge.js';
import { TrialInterrupted } from './interruption.js';

export interface TrialSetup {
  scenario: Scenario;
  /** 1-based. */
  trial: number;
  /** Environment the service is configured from (model, prompt version, limits). */
  env: Record<string, string | undefined>;
  /** Rules the service runs with instead of the policy file (a deliberate regression in tests). */
  rules?: PolicyRules;
  /** The canonical rules the judge checks writes against, whatever the service ran with. */
  judgeRules: PolicyRules;
  /** Where the trial's own database is made: a SQLite file, or a database on a PostgreSQL server. */
  databases: TrialDatabases;
  /**
   * How many assistants serve the trial, each with its own Store on the trial's database (PostgreSQL only):
   * the seller's messages and decisions go to them in turn, as a load balancer without stickiness would.
   */
  instances?: number;
  /**
   * Failing trials' databases are kept, to be opened and replayed: SQLite files copied here; PostgreSQL
   * databases left on the server. Without it nothing is kept.
   */
  keepFailedIn?: string;
  /** Keep every trial's database, not only failing ones (to inspect why a trial passed). */
  keepAll?: boolean;
  /** Called with the trial's store once it is judged (Langfuse dataset runs). */
  onFinished?: (store: Store, result: TrialResult) => void | Promise<void>;
  /** A model instance to use instead of the configured one (tests). */
  model?: () => { model: Model; name: string };
  /** A model plays the seller (`SIMULATOR_MODEL`) instead of the scenario's script. */
  simulator?: SimulatorSettings;
  /**
   * The run is stopping: the trial sends nothing more, ends with a TrialInterrupted and its database is
   * discarded, never kept.
   */
  signal?: AbortSignal;
}

export interface TrialResult extends Verdict {
  scenarioId: string;
  trial: number;
  model: string;
  steps: number;
  /** Time spent inside the assistant (messages and decisions), not in setting up data. */
  latencyMs: number;
  usage: Usage;
  runs: Array<{ runId: string; traceId: string; status: string; stopReason: string | null }>;
  replies: string[];
  /** Who played the seller: `scripted`, or the simulator model's name. */
  seller: string;
  /** What the seller said, in order. */
  sellerMessages: string[];
  /** How the seller decided each approval it was shown. */
  sellerDecisions: Array<{ tool: string; decide: 'approve' | 'reject' | 'ignore'; message?: string }>;
  /** A harness error (the trial could not be driven to the end); it counts as a failure. */
  error?: string;
  /** With several instances: which one (1-based) answered each message and decision, in order. */
  servedBy?: number[];
  /** The kept database: a SQLite file, or a PostgreSQL URL without its password. */
  keptDb?: string;
}

/**
 * A seller may be shown this many approvals per turn before the trial moves on: a model re-proposing forever is
 * bounded.
 */
const MAX_DECISIONS_PER_TURN = 6;

/**
 * One trial: a fresh copy of the scenario's data, fresh assistants built by
 * createAssistant (one, or several on one PostgreSQL database), and the simulated seller driving the real
 * assistant (its tools, policy gate, approvals and trace recording) turn by turn.
 * Then the judge reads the outcome from the trial's database.
 */
export async function runTrial(setup: TrialSetup): Promise<TrialResult> {
  const { scenario, trial } = setup;
  const instances = setup.instances ?? 1;
  const database = await setup.databases.create(scenario.data, `t${trial}_${scenario.id}`);
  const stores: Store[] = [];
  let result: TrialResult | undefined;
  try {
    for (let i = 0; i < instances; i++) stores.push(await database.open());
    result = await driveTrial(setup, stores, database);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    // A trial that could not be prepared leaves nothing behind; a judged one is kept when it failed (or all are).
    if (result && (!result.success || setup.keepAll) && setup.keepFailedIn)
      result.keptDb = await database.keep(setup.keepFailedIn, `${scenario.id}.t${trial}`);
    else await database.discard();
  }
  return result;
}

async function driveTrial(setup: TrialSetup, stores: Store[], database: TrialDatabase): Promise<TrialResult> {
  const { scenario, trial } = setup;
  // The first instance's store prepares the data and the judge reads through it: the same database for all.
  const store = stores[0];
  await prepareTrialData(store, scenario);
  const start = await snapshotListings(store);
  const config = loadConfig({
    ...setup.env,
    DATABASE_URL: database.location.DATABASE_URL,
    DATABASE_PATH: database.location.DATABASE_PATH,
    SEED_COUNT: '0',
  });
  // One model behind every instance, as one provider serves all of a deployment's processes.
  const model = setup.model?.();
  const assistants = stores.map((s) => createAssistant({ config, store: s, rules: setup.rules, model }).assistant);
  // Each request (a message, a decision) goes to the next instance, round robin.
  const servedBy: number[] = [];
  const next = () => {
    const index = servedBy.length % assistants.length;
    servedBy.push(index + 1);
    return assistants[index];
  };
  const assistant = assistants[0];
  const sellerId = scenario.persona.sellerId;
  const tags = ['eval', `scenario:${scenario.id}`, `trial:${trial}`];
  const replies: string[] = [];
  const sellerMessages: string[] = [];
  const sellerDecisions: TrialResult['sellerDecisions'] = [];
  let latencyMs = 0;
  let error: string | undefined;
  // Opening the conversation is set-up, not a request of the seller's: instance 1, not counted.
  const { id: conversationId } = await assistant.createConversation(sellerId);

  const timed = async (work: () => Promise<RunResult>): Promise<RunResult> => {
    const began = performance.now();
    try {
      const result = await work();
      if (result.reply) replies.push(result.reply);
      return result;
    } finally {
      latencyMs += performance.now() - began;
    }
  };
  const stopping = () => {
    if (setup.signal?.aborted) throw new TrialInterrupted(`${scenario.id} #${trial} stopped by the run`);
  };
  const say = (text: string) => {
    stopping();
    sellerMessages.push(text);
    return timed(() => next().sendMessage(conversationId, sellerId, { text }, { tags }));
  };
  const decide = (
    last: RunResult,
    approval: PendingApproval,
    choice: { decide: 'approve' | 'reject'; message?: string },
  ) => {
    stopping();
    sellerDecisions.push({
      tool: approval.tool,
      decide: choice.decide,
      ...(choice.message ? { message: choice.message } : {}),
    });
    return timed(() =>
      next().decide(last.runId, sellerId, {
        approvalId: approval.approvalId,
        decision: choice.decide,
        message: choice.message,
      }),
    );
  };

  try {
    if (setup.simulator) {
      await simulatedConversation(new LlmSeller(setup.simulator, scenario), scenario, say, decide);
    } else {
      const seller = new SimulatedSeller(scenario.approvals);
      let last: RunResult | undefined;
      for (const turn of scenario.turns) {
        const text = seller.message(turn, last);
        if (text === undefined) continue;
        last = await say(text);
        for (let decided = 0; last.status === 'awaiting_approval' && decided < MAX_DECISIONS_PER_TURN;) {
          const pending = last.pendingApprovals;
          const choices = pending.map((approval) => ({ approval, choice: seller.decision(approval, turn.approvals) }));
          const acted = choices.filter((c) => c.choice.decide !== 'ignore');
          for (const c of choices)
            if (c.choice.decide === 'ignore') sellerDecisions.push({ tool: c.approval.tool, decide: 'ignore' });
          if (acted.length === 0) break;
          for (const { approval, choice } of acted) {
            last = await decide(last, approval, choice as { decide: 'approve' | 'reject'; message?: string });
            decided++;
          }
          // An ignored approval keeps the run paused: the seller's next message supersedes it.
          if (acted.length < pending.length) break;
        }
      }
    }
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }

  for (const a of assistants) await a.drain();
  for (const a of assistants) await a.close();
  // A stopped trial is not judged: it did not finish, and its database goes.
  if (setup.signal?.aborted) throw new TrialInterrupted(`${scenario.id} #${trial} stopped by the run`);
  const evidence = await collectEvidence(store, { sellerId, conversationId, replies, sellerMessages, start });
  const verdict = judge(scenario, evidence, setup.judgeRules);
  if (error) {
    verdict.failures.unshift(`the trial could not finish: ${error}`);
    verdict.breakdown.policy.unshift(`the trial could not finish: ${error}`);
    verdict.success = false;
  }
  const result: TrialResult = {
    scenarioId: scenario.id,
    trial,
    model: assistant.modelName,
    ...verdict,
    steps: evidence.steps,
    latencyMs: Math.round(latencyMs),
    usage: evidence.usage,
    runs: evidence.runs.map((r) => ({ runId: r.id, traceId: r.traceId, status: r.status, stopReason: r.stopReason })),
    replies,
    seller: setup.simulator?.model ?? 'scripted',
    sellerMessages,
    sellerDecisions,
    ...(error ? { error } : {}),
    ...(assistants.length > 1 ? { servedBy } : {}),
  };
  await setup.onFinished?.(store, result);
  return result;
}

/**
 * A conversation driven by the simulated seller: the scenario's opening line,
 * then whatever the model playing the seller writes after each answer, until
 * it says it is done or the turns run out. Every approval it is shown is put
 * to it with the conversation so far.
 */
async function simulatedConversation(
  seller: LlmSeller,
  scenario: Scenario,
  say: (text: string) => Promise<RunResult>,
  decide: (
    last: RunResult,
    approval: PendingApproval,
    choice: { decide: 'approve' | 'reject'; message?: string },
  ) => Promise<RunResult>,
): Promise<void> {
  const transcript: TranscriptEntry[] = [];
  const heard = (result: RunResult) => {
    if (result.reply) transcript.push({ from: 'assistant', text: result.reply });
  };
  const maxTurns = maxSimulatedTurns(scenario);
  let text: string | undefined = seller.opening();
  for (let turn = 0; text !== undefined && turn < maxTurns; turn++) {
    transcript.push({ from: 'seller', text });
    let last = await say(text);
    heard(last);
    for (let decided = 0; last.status === 'awaiting_approval' && decided < MAX_DECISIONS_PER_TURN;) {
      for (const approval of last.pendingApprovals) {
        const choice = await seller.decide(transcript, approval);
        transcript.push({
          from: 'approval',
          text: `${choice.decide === 'approve' ? 'approved' : 'rejected'} ${describeApproval(approval)}${choice.message ? ` (${choice.message})` : ''}`,
        });
        last = await decide(last, approval, choice);
        heard(last);
        decided++;
        if (last.status !== 'awaiting_approval') break;
      }
    }
    // No need to ask for a message that could not be sent.
    text = turn + 1 < maxTurns ? await seller.next(transcript) : undefined;
  }
}
