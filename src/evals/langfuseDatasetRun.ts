import { LangfuseClient } from '@langfuse/client';
import type { Store } from '../store/index.js';
import { LangfuseExporter, langfuseTraceId, type LangfuseConfig } from '../tracing/langfuseExporter.js';
import { FeedbackScores } from '../tracing/feedbackScores.js';
import type { Scenario } from './scenario.js';

export const EVAL_DATASET = 'listing-assistant-evals';

/**
 * Records an eval suite as a Langfuse dataset run: each scenario is a dataset
 * item, each trial's runs are exported as traces (tagged eval, scenario:…)
 * and linked to the item under one run name, so two prompt versions or two
 * models can be compared side by side in Langfuse. Failures are logged, never
 * fatal: the local report is the source of truth.
 */
export class LangfuseDatasetRun {
  private readonly client: LangfuseClient;
  private readonly exporter: LangfuseExporter;
  private readonly scores: FeedbackScores;
  private readonly pending: Promise<unknown>[] = [];

  constructor(
    private readonly config: LangfuseConfig,
    readonly runName: string,
  ) {
    this.client = new LangfuseClient({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
    });
    this.exporter = new LangfuseExporter(undefined, config);
    this.scores = new FeedbackScores(config);
  }

  /** Creates the eval dataset and an item per scenario in Langfuse (a failed call is logged, not thrown). */
  async createItems(scenarios: Scenario[]): Promise<void> {
    await this.quietly(
      this.client.api.datasets.create({
        name: EVAL_DATASET,
        description: 'Multi-turn seller scenarios judged by outcome',
      }),
    );
    await Promise.all(
      scenarios.map((s) =>
        this.quietly(
          this.client.api.datasetItems.create({
            datasetName: EVAL_DATASET,
            id: s.id,
            input: { persona: s.persona, turns: s.turns },
            expectedOutput: s.expect,
            metadata: { title: s.title, tags: s.tags },
          }),
        ),
      ),
    );
  }

  /** Exports a finished trial's runs from its store and links them to the scenario's dataset item. */
  async recordTrial(store: Store, scenarioId: string, trial: number, success: boolean): Promise<void> {
    for (const run of await store.runs.all()) {
      // Read from the trial's store before it is closed; sent later by the exporter.
      await this.exporter.exportRun(run, store);
      this.scores.evalOutcome(run.traceId, scenarioId, trial, success, `${scenarioId} trial ${trial}`);
      this.pending.push(
        this.quietly(
          this.client.api.datasetRunItems.create({
            runName: this.runName,
            datasetItemId: scenarioId,
            traceId: langfuseTraceId(run.traceId),
            metadata: { trial, success, runId: run.id },
          }),
        ),
      );
    }
  }

  async flush(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.exporter.shutdown();
    await this.scores.shutdown();
  }

  private async quietly<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (error) {
      (this.config.log ?? ((m, f) => console.error(JSON.stringify({ level: 'warn', msg: m, ...f }))))(
        'langfuse dataset call failed',
        {
          error: error instanceof Error ? error.message : String(error),
        },
      );
      return undefined;
    }
  }
}
