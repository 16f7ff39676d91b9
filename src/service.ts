import type { Model } from '@openai/agents';
import type { Config } from './config.js';
import { openStore, type Clock, type Store } from './store/index.js';
import type { PolicyRules } from './policy/index.js';
import { createAssistant } from './agent/createAssistant.js';
import { createApp } from './api/app.js';
import { signInFrom } from './api/signIn.js';
import { DEMO_TOKENS } from './api/tokenRegistry.js';
import { seedIfEmpty } from './store/seed/seedDatabase.js';
import { LangfuseExporter, type LangfuseConfig } from './tracing/langfuseExporter.js';
import { FeedbackScores } from './tracing/feedbackScores.js';
import { LangfuseLinks } from './tracing/langfuseLinks.js';
import { BackgroundLangfuseExport } from './tracing/backgroundLangfuseExport.js';
import { registerLangfuseExportMetrics } from './tracing/langfuseExportMetrics.js';
import { createLogger, type Logger } from './logging/logger.js';
import { RunLog } from './tracing/runLog.js';
import { ServiceMetrics } from './metrics/serviceMetrics.js';
import { MetricsRecorder } from './metrics/metricsRecorder.js';
import { FeedbackLoop } from './feedback/feedbackLoop.js';
import { promotedScenariosDir } from './feedback/promotion.js';
import { ReplayThread } from './replay/replayThread.js';

export interface ServiceOverrides {
  /** A model to use instead of the configured one (tests: ScriptedModel, benches: a fake). */
  model?: { model: Model; name: string };
  store?: Store;
  rules?: PolicyRules;
  now?: Clock;
  /** A logger instead of one at LOG_LEVEL on stdout (tests read the lines). */
  logger?: Logger;
}

/** The composition root: one place that wires store, policy, model, assistant and HTTP app from configuration. */
export async function createService(config: Config, overrides: ServiceOverrides = {}) {
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL });
  // PostgreSQL when DATABASE_URL is set (StoreUnavailableError when it cannot be reached), else the SQLite file.
  const store =
    overrides.store ??
    (await openStore(config, overrides.now, {
      postgres: {
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        connectionTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      },
    }));
  const seeded = await seedIfEmpty(store, config.SEED_COUNT);
  const langfuse = langfuseConfig(config, logger);
  // A database file can be read by the export thread; an in-memory one (or PostgreSQL) only here.
  const exporter = langfuse
    ? config.DATABASE_PATH === ':memory:' || config.DATABASE_URL || overrides.store
      ? new LangfuseExporter(store, langfuse)
      : new BackgroundLangfuseExport(config.DATABASE_PATH, {
          ...langfuse,
          log: (msg, fields) => logger.error(fields, msg),
        })
    : undefined;
  const scores = langfuse ? new FeedbackScores(langfuse) : undefined;
  const links = langfuse ? new LangfuseLinks(langfuse) : undefined;
  // Metrics and run logs observe runs like the trace exporters do: nothing in the run loop calls them.
  const metrics = new ServiceMetrics();
  const metricsRecorder = new MetricsRecorder(store, metrics);
  if (exporter) registerLangfuseExportMetrics(metrics.registry, () => exporter.stats());
  const { assistant, policy, model, prompts } = createAssistant({
    config,
    store,
    rules: overrides.rules,
    model: overrides.model,
    logger,
    traceSinks: [
      metricsRecorder,
      new RunLog(store, logger),
      new FeedbackLoop(store, { sampleRate: config.REVIEW_SAMPLE_RATE }),
      ...(exporter ? [exporter] : []),
    ],
  });
  // A Langfuse prompt is fetched before the first run (bounded by LANGFUSE_PROMPT_TIMEOUT_MS; the files otherwise).
  await prompts.warm();
  const signIn = signInFrom(config);
  // Replays run on the engine the runs are recorded on: the store's PostgreSQL server, else SQLite scratch files.
  const replayServer = store.engine === 'postgres' ? config.DATABASE_URL : undefined;
  const replayThread = new ReplayThread(config.REPLAY_CONCURRENCY, replayServer);
  const usingDemoTokens = signIn.demo;
  const app = createApp({
    assistant,
    store,
    authenticator: signIn.authenticator,
    demo: signIn.demo,
    maxBodyBytes: config.MAX_BODY_BYTES,
    rateLimits: { perMinute: config.RATE_LIMIT_PER_MINUTE, runsPerMinute: config.RATE_LIMIT_RUNS_PER_MINUTE },
    signInFailuresPerMinute: config.SIGN_IN_FAILURES_PER_MINUTE,
    log: (msg, fields) => logger.error(fields, msg),
    logger,
    replays: { thread: replayThread, perMinute: config.REPLAY_PER_MINUTE },
    exportAlive: exporter instanceof BackgroundLangfuseExport ? () => exporter.alive : undefined,
    onFeedback: (run, value, comment) => {
      metricsRecorder.onFeedback(run, value);
      scores?.sellerFeedback(run.traceId, value, comment);
    },
    // Open in demo mode (loopback only); otherwise a support token or METRICS_TOKEN.
    metrics: { registry: metrics.registry, open: usingDemoTokens, token: config.METRICS_TOKEN },
    traceUrl: links ? (traceId) => links.traceUrl(traceId) : undefined,
    web: { demoTokens: usingDemoTokens ? demoTokenNames() : undefined },
    dashboard: {
      thresholds: {
        failureRate: config.ALERT_FAILURE_RATE,
        costPerRunUsd: config.ALERT_COST_PER_RUN_USD,
        minRuns: config.ALERT_MIN_RUNS,
      },
      now: overrides.now,
    },
    review: {
      scenarioDir: promotedScenariosDir(config.PROMOTED_SCENARIOS_DIR),
      onLabel: (item) => item.label && scores?.supportLabel(item.traceId, item.id, item.label, item.note),
    },
  });
  /** Flushes queued exports (bounded by their timeouts); call before exit. */
  const flushExports = async () => {
    await Promise.allSettled([exporter?.shutdown(), scores?.shutdown(), replayThread.close()]);
  };
  /**
   * Readies replays in the background (the replay thread and the catalogue's template): the server calls
   * it once it listens, so start and readiness do not wait for it. Tests and tools that never replay skip it.
   */
  const prepareReplays = () => replayThread.prepare(store);
  return {
    store,
    policy,
    assistant,
    app,
    model,
    prompts,
    seeded,
    usingDemoTokens,
    exporter,
    scores,
    flushExports,
    prepareReplays,
    logger,
    metrics,
  };
}

/** The demo tokens by role, offered on the pages' sign-in forms in demo mode. */
function demoTokenNames() {
  const entries = DEMO_TOKENS.split(',').map((e) => e.split(':'));
  return {
    seller: entries.filter((e) => e[2] === 'seller').map((e) => e[0]),
    support: entries.filter((e) => e[2] === 'support').map((e) => e[0]),
  };
}

/** Langfuse export is on only when all three variables are set. */
function langfuseConfig(config: Config, logger: Logger): LangfuseConfig | undefined {
  if (!config.LANGFUSE_PUBLIC_KEY || !config.LANGFUSE_SECRET_KEY || !config.LANGFUSE_BASE_URL) return undefined;
  const log = (msg: string, fields: Record<string, unknown>) => logger.error(fields, msg);
  return {
    publicKey: config.LANGFUSE_PUBLIC_KEY,
    secretKey: config.LANGFUSE_SECRET_KEY,
    baseUrl: config.LANGFUSE_BASE_URL,
    environment: config.LANGFUSE_ENVIRONMENT,
    maxQueuedRuns: config.LANGFUSE_EXPORT_QUEUE,
    log,
  };
}

export type Service = Awaited<ReturnType<typeof createService>>;
