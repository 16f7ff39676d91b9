import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '@openai/agents';
import { loadConfig } from '../config.js';
import type { Store } from '../store/index.js';
import { createAssistant } from '../agent/createAssistant.js';
import type { PolicyRules } from '../policy/index.js';
import type { RunResult } from '../agent/runResult.js';
import type { Scenario } from './scenario.js';
import { SimulatedSeller } from './seller.js';
import { CatalogueTemplates, prepareTrialStore, snapshotListings } from './trialData.js';
import { collectEvidence, type Usage } from './evidence.js';
import { judge, type Verdict } from './judge.js';

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
  templates: CatalogueTemplates;
  /** Where the trial's scratch database lives while it runs. */
  scratchDir: string;
  /** Failing trials' databases are copied here, to be opened and replayed. */
  keepFailedIn?: string;
  /** Keep every trial's database, not only failing ones (to inspect why a trial passed). */
  keepAll?: boolean;
  /** Called with the trial's store once it is judged (Langfuse dataset runs). */
  onFinished?: (store: Store, result: TrialResult) => void | Promise<void>;
  /** A model instance to use instead of the configured one (tests). */
  model?: () => { model: Model; name: string };
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
  /** A harness error (the trial could not be driven to the end); it counts as a failure. */
  error?: string;
  keptDb?: string;
}

/** A seller may be shown this many approvals per turn before the trial moves on: a model re-proposing forever is bounded. */
const MAX_DECISIONS_PER_TURN = 6;

/**
 * One trial: a fresh copy of the scenario's data, a fresh assistant built by
 * createAssistant, and the simulated seller driving the real assistant
 * (its tools, policy gate, approvals and trace recording) turn by turn.
 * Then the judge reads the outcome from the trial's database.
 */
export async function runTrial(setup: TrialSetup): Promise<TrialResult> {
  const { scenario, trial } = setup;
  const dir = mkdtempSync(join(setup.scratchDir, `${scenario.id}-`));
  const dbPath = join(dir, 'trial.db');
  const store = await prepareTrialStore(setup.templates, scenario, dbPath);
  const start = await snapshotListings(store);
  const config = loadConfig({ ...setup.env, DATABASE_PATH: dbPath, SEED_COUNT: '0' });
  const { assistant } = createAssistant({ config, store, rules: setup.rules, model: setup.model?.() });
  const sellerId = scenario.persona.sellerId;
  const seller = new SimulatedSeller(scenario.approvals);
  const tags = ['eval', `scenario:${scenario.id}`, `trial:${trial}`];
  const replies: string[] = [];
  let latencyMs = 0;
  let error: string | undefined;
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

  try {
    let last: RunResult | undefined;
    for (const turn of scenario.turns) {
      const text = seller.message(turn, last);
      if (text === undefined) continue;
      last = await timed(() => assistant.sendMessage(conversationId, sellerId, { text }, { tags }));
      for (let decided = 0; last.status === 'awaiting_approval' && decided < MAX_DECISIONS_PER_TURN;) {
        const pending = last.pendingApprovals;
        const choices = pending.map((approval) => ({ approval, choice: seller.decision(approval, turn.approvals) }));
        const acted = choices.filter((c) => c.choice.decide !== 'ignore');
        if (acted.length === 0) break;
        for (const { approval, choice } of acted) {
          const runId: string = last.runId;
          last = await timed(() =>
            assistant.decide(runId, sellerId, {
              approvalId: approval.approvalId,
              decision: choice.decide as 'approve' | 'reject',
              message: choice.message,
            }),
          );
          decided++;
        }
        // An ignored approval keeps the run paused: the seller's next message supersedes it.
        if (acted.length < pending.length) break;
      }
    }
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }

  await assistant.drain();
  const evidence = await collectEvidence(store, { sellerId, conversationId, replies, start });
  const verdict = judge(scenario, evidence, setup.judgeRules);
  if (error) {
    verdict.failures.unshift(`the trial could not finish: ${error}`);
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
    ...(error ? { error } : {}),
  };
  await setup.onFinished?.(store, result);
  await store.close();
  if ((!result.success || setup.keepAll) && setup.keepFailedIn) {
    mkdirSync(setup.keepFailedIn, { recursive: true });
    result.keptDb = join(setup.keepFailedIn, `${scenario.id}.t${trial}.db`);
    copyFileSync(dbPath, result.keptDb);
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}
