import { existsSync } from 'node:fs';
import { APP_VERSION, loadConfig } from '../config.js';
import { EVAL_DATASET, LangfuseDatasetRun } from './langfuseDatasetRun.js';
import { loadPolicyRules, type PolicyRules } from '../policy/index.js';
import { selectModel } from '../agent/modelSelection.js';
import { loadInstructions } from '../agent/instructions.js';
import { loadPromptRollout } from '../agent/promptRollout.js';
import { loadScenarios, filterScenarios, type Scenario } from './scenario.js';
import type { TrialDatabases } from './trialDatabases.js';
import { openTrialDatabases } from './openTrialDatabases.js';
import { PostgresTrialDatabases } from './postgresTrialDatabases.js';
import { runTrial, type TrialResult, type TrialSetup } from './trial.js';
import { summarizeOverall, summarizeScenario, summarizeSplits, summarizeTags } from './metrics.js';
import { ProgressBar } from './progress.js';
import type { NullModelSummary, SuiteReport } from './report.js';
import { NULL_MODELS } from './nullModels.js';
import { EvalRunInterrupted } from './interruption.js';
import { SCRIPTED_SELLER, simulatorFromEnv, type SimulatorSettings } from './simulator.js';

export interface SuiteOptions {
  /** Defaults to every file in `evals/scenarios/`. */
  scenarios?: Scenario[];
  filter?: string;
  trials?: number;
  concurrency?: number;
  /** `AGENT_MODEL`: `offline`, an OpenAI model name, or a compatible server's model. */
  model?: string;
  promptVersion?: string;
  /** The environment the service is configured from; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Rules the service runs with (a deliberate regression); the judge keeps the canonical ones. */
  rules?: PolicyRules;
  judgeRules?: PolicyRules;
  keepFailedIn?: string;
  keepAll?: boolean;
  /**
   * A PostgreSQL server (`postgres://…`, any database on it) on which every trial gets its own new database;
   * without it each trial is a SQLite file.
   */
  databaseUrl?: string;
  /** Assistants per trial, each with its own store on the trial's database (PostgreSQL only; default 1). */
  instances?: number;
  /** Called with each trial's store (still open) once the trial is judged: to read more of what it did. */
  onTrialFinished?: TrialSetup['onFinished'];
  progress?: boolean;
  modelFactory?: TrialSetup['model'];
  /** A model playing the seller; defaults to `SIMULATOR_MODEL` in the environment, else the scripted seller. */
  simulator?: SimulatorSettings | null;
  /** Also run the same scenarios with the null models (`npm run evals` and the gate do) and report their pass rates. */
  nullModels?: boolean;
  /**
   * Stops the run (a signal from the operator): no new trial starts, trials in flight end at their next request,
   * every database the run made is dropped and the run rejects with EvalRunInterrupted naming them.
   */
  signal?: AbortSignal;
  /** Told where the run's databases are, once they are: to say so, and to name them on a forced exit. */
  onDatabases?: (databases: TrialDatabases) => void;
  /** Another run's databases to make trials in (the null models share the run's catalogues); that run closes them. */
  databases?: TrialDatabases;
}

/** How many trials run at once when nothing is said: the offline model is cheap, remote models get rate-limited. */
export function defaultConcurrency(provider: string): number {
  return provider === 'offline' ? 4 : 2;
}

/**
 * Runs every selected scenario `trials` times, up to `concurrency` trials at
 * once, each on its own copy of its data, and summarizes the results.
 * Trials interleave at every await (model calls, tool calls), which is where
 * a remote model spends its time.
 */
export async function runSuite(options: SuiteOptions = {}): Promise<SuiteReport> {
  const began = performance.now();
  const scenarios = filterScenarios(options.scenarios ?? loadScenarios(), options.filter);
  if (scenarios.length === 0) throw new Error(`No scenario matches the filter "${options.filter}".`);
  const trials = options.trials ?? 1;
  if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a positive integer');
  const instances = options.instances ?? 1;
  if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances must be a positive integer');
  if (instances > 1 && !options.databaseUrl)
    throw new Error('--instances above 1 needs PostgreSQL (--database-url): a SQLite file serves one process here.');
  const env = { ...(options.env ?? process.env) };
  if (options.model) env.AGENT_MODEL = options.model;
  // A report is about one prompt version: --prompt, else PROMPT_VERSION, else the rollout's default (never a mix by
  // seller).
  const promptVersion =
    options.promptVersion || env.PROMPT_VERSION || loadPromptRollout(env.PROMPT_ROLLOUT_PATH || undefined).default;
  env.PROMPT_VERSION = promptVersion;
  const config = loadConfig(env);
  // Fail before any trial: an unknown prompt version, or a named model with no provider to serve it
  // (the model selection would quietly fall back to the offline model and the report would lie).
  loadInstructions(promptVersion);
  const selected = options.modelFactory ? { ...options.modelFactory(), provider: 'custom' } : selectModel(config);
  if (options.model && options.model !== 'offline' && selected.provider === 'offline') {
    throw new Error(
      `--model ${options.model} needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a compatible server); without them only "offline" runs.`,
    );
  }
  const concurrency = options.concurrency ?? defaultConcurrency(selected.provider);
  // Fails before any trial when SIMULATOR_MODEL names a model with no provider to serve it.
  const simulator = options.simulator === undefined ? simulatorFromEnv(env) : (options.simulator ?? undefined);
  const judgeRules = options.judgeRules ?? loadPolicyRules();

  // With Langfuse configured the suite is also a dataset run; trial assistants themselves export nothing.
  const datasetRun = langfuseFromEnv(env, `${promptVersion}/${selected.name}/${new Date().toISOString()}`);
  // Trial assistants log nothing unless LOG_LEVEL asks: the report is the output.
  const trialEnv = {
    ...env,
    LOG_LEVEL: env.LOG_LEVEL || 'silent',
    LANGFUSE_PUBLIC_KEY: undefined,
    LANGFUSE_SECRET_KEY: undefined,
    LANGFUSE_BASE_URL: undefined,
  };
  await datasetRun?.createItems(scenarios);

  const owned = !options.databases;
  const databases: TrialDatabases = options.databases ?? (await openTrialDatabases(options.databaseUrl, 'evals'));
  if (owned) options.onDatabases?.(databases);
  const signal = options.signal;
  const jobs = scenarios.flatMap((scenario) => Array.from({ length: trials }, (_, i) => ({ scenario, trial: i + 1 })));
  const results: TrialResult[] = new Array<TrialResult>(jobs.length);
  const progress = options.progress ? new ProgressBar(jobs.length) : undefined;
  let next = 0;
  // A trial that cannot run (its database cannot be made) ends the run: the other workers take no new trial.
  let failed = false;
  const worker = async () => {
    while (next < jobs.length && !signal?.aborted && !failed) {
      const index = next++;
      const { scenario, trial } = jobs[index];
      results[index] = await runTrial({
        scenario,
        trial,
        env: trialEnv,
        rules: options.rules,
        judgeRules,
        databases,
        instances,
        keepFailedIn: options.keepFailedIn,
        keepAll: options.keepAll,
        model: options.modelFactory,
        simulator,
        signal,
        onFinished: async (store, result) => {
          await datasetRun?.recordTrial(store, result.scenarioId, result.trial, result.success);
          await options.onTrialFinished?.(store, result);
        },
      }).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      progress?.tick(`${scenario.id} #${trial}`, results[index].success);
    }
  };
  let nullModels: NullModelSummary[] | undefined;
  try {
    // Every worker settles before anything is closed or dropped: no trial is left making a database.
    const workers = await Promise.allSettled(
      Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker),
    );
    if (signal?.aborted) throw new EvalRunInterrupted([]);
    const failed = workers.find((w) => w.status === 'rejected');
    if (failed) throw failed.reason;
    if (options.nullModels) nullModels = await runNullModels(scenarios, options, env, databases);
    if (signal?.aborted) throw new EvalRunInterrupted([]);
  } catch (error) {
    // The run that made the databases drops them all, whichever of its suites the signal stopped.
    if (owned && signal?.aborted) throw new EvalRunInterrupted(await databases.dropAll());
    if (owned) await databases.close();
    throw error;
  } finally {
    await datasetRun?.flush();
  }
  if (owned) await databases.close();

  const summaries = scenarios.map((s) =>
    summarizeScenario(
      s,
      results.filter((r) => r.scenarioId === s.id),
    ),
  );
  // Kept PostgreSQL databases stay on the server; each trial names its own (`keptDb`).
  const kept =
    databases.engine === 'sqlite' && options.keepFailedIn && existsSync(options.keepFailedIn)
      ? options.keepFailedIn
      : null;
  return {
    kind: 'listing-assistant-eval-report',
    version: 1,
    createdAt: new Date().toISOString(),
    model: selected.name,
    provider: selected.provider,
    promptVersion,
    // The rules the service ran with (an override or POLICY_PATH); the judge always uses the canonical file.
    policyVersion: (options.rules ?? loadPolicyRules(config.POLICY_PATH ?? undefined)).version,
    appVersion: APP_VERSION,
    trialsPerScenario: trials,
    seller: simulator ? { type: 'simulator', model: simulator.model } : SCRIPTED_SELLER,
    filter: options.filter ?? null,
    concurrency,
    durationMs: Math.round(performance.now() - began),
    failedTrialDbs: kept,
    storage: {
      engine: databases.engine,
      instances,
      ...(databases instanceof PostgresTrialDatabases ? { databasePrefix: databases.prefix } : {}),
    },
    langfuseDatasetRun: datasetRun ? { dataset: EVAL_DATASET, runName: datasetRun.runName } : null,
    overall: summarizeOverall(summaries, results),
    splits: summarizeSplits(summaries),
    tags: summarizeTags(summaries),
    scenarios: summaries,
    trials: results,
    ...(nullModels ? { nullModels } : {}),
  };
}

/**
 * The same scenarios once each with every null model, at the offline model's
 * settings (they are deterministic and instant), with the same rules and the
 * canonical judge. Only their summaries are kept.
 */
async function runNullModels(
  scenarios: Scenario[],
  options: SuiteOptions,
  env: Record<string, string | undefined>,
  databases: TrialDatabases,
): Promise<NullModelSummary[]> {
  const out: NullModelSummary[] = [];
  for (const nullModel of NULL_MODELS) {
    if (options.signal?.aborted) break;
    const report = await runSuite({
      scenarios,
      trials: 1,
      concurrency: defaultConcurrency('offline'),
      promptVersion: options.promptVersion,
      // Not recorded as Langfuse dataset runs: they are a property of the suite, not of a model to compare.
      env: {
        ...env,
        AGENT_MODEL: 'offline',
        LANGFUSE_PUBLIC_KEY: undefined,
        LANGFUSE_SECRET_KEY: undefined,
        LANGFUSE_BASE_URL: undefined,
      },
      rules: options.rules,
      judgeRules: options.judgeRules,
      databaseUrl: options.databaseUrl,
      instances: options.instances,
      databases,
      signal: options.signal,
      modelFactory: nullModel.create,
      // The scripted seller: a null model's score is a property of the scenarios, not of a simulator.
      simulator: null,
    });
    const o = report.overall;
    out.push({
      name: nullModel.name,
      description: nullModel.description,
      scenarios: o.scenarios,
      successRate: o.successRate,
      splits: report.splits,
      passed: report.scenarios.filter((s) => s.successes > 0).map((s) => s.id),
      unconfirmedWrites: o.unconfirmedWrites,
      policyViolations: o.policyViolations,
      attackSuccessRate: o.injection.attackSuccessRate,
      safetyFindings: report.scenarios.flatMap((s) =>
        s.failures
          .filter((f) => /^(UNCONFIRMED WRITE|POLICY VIOLATION|INJECTION SUCCEEDED)/.test(f))
          .map((f) => `${s.id}: ${f}`),
      ),
    });
  }
  return out;
}

function langfuseFromEnv(env: Record<string, string | undefined>, runName: string): LangfuseDatasetRun | undefined {
  const { LANGFUSE_PUBLIC_KEY: publicKey, LANGFUSE_SECRET_KEY: secretKey, LANGFUSE_BASE_URL: baseUrl } = env;
  if (!publicKey || !secretKey || !baseUrl) return undefined;
  return new LangfuseDatasetRun({ publicKey, secretKey, baseUrl }, runName);
}
