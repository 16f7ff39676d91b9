import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const PREFIX = 'listing_assistant_';

/**
 * The service's Prometheus metrics on a registry of its own (not prom-client's
 * global one), so several services in one process (tests, evals) never share
 * or collide on series. Every metric about runs carries `prompt_version`, so
 * an A/B split reads off directly; model-related ones carry `model` too.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly runs = this.counter(
    'runs_total',
    'Run segments by how they ended: completed, awaiting_approval, or stopped with a stop_reason.',
    ['prompt_version', 'model', 'status', 'stop_reason'],
  );
  readonly badReplies = this.counter(
    'replies_failed_total',
    'Segments that gave the seller no real answer: kind="empty" (completed with a blank reply) or kind="failed" (stopped for any reason but cancelled).',
    ['prompt_version', 'model', 'kind'],
  );
  readonly runDuration = this.histogram(
    'run_duration_seconds',
    'Time the assistant worked on one run segment (waiting for the seller excluded), by outcome.',
    ['prompt_version', 'model', 'status'],
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120],
  );
  readonly modelCallDuration = this.histogram(
    'model_call_duration_seconds',
    'Latency of one model call (one step).',
    ['prompt_version', 'model'],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
  );
  readonly modelErrors = this.counter(
    'model_errors_total',
    'Model calls that failed (after the client’s own retries).',
    ['prompt_version', 'model'],
  );
  readonly tokens = this.counter('model_tokens_total', 'Tokens used by model calls, kind="input" or "output".', [
    'prompt_version',
    'model',
    'kind',
  ]);
  readonly cost = this.counter(
    'model_cost_usd_total',
    'Estimated model cost in USD from the price table (src/shared/modelPricing.ts); models without a listed price are not counted.',
    ['prompt_version', 'model'],
  );
  readonly approvals = this.counter(
    'approvals_total',
    'Approvals shown to sellers, by event: requested, approved, rejected, expired, superseded.',
    ['prompt_version', 'tool', 'event'],
  );
  readonly policyDenials = this.counter('policy_denials_total', 'Tool calls the policy gate refused, by rule.', [
    'prompt_version',
    'tool',
    'rule',
  ]);
  readonly toolErrors = this.counter(
    'tool_errors_total',
    'Tool calls that did not succeed for a reason other than a policy denial, by error code ' +
      '(outcome_unknown: a write whose outcome was not known by its time limit).',
    ['prompt_version', 'tool', 'error'],
  );
  readonly feedback = this.counter('feedback_total', 'Seller feedback on runs, value="up" or "down".', [
    'prompt_version',
    'value',
  ]);

  constructor(options: { processMetrics?: boolean } = {}) {
    // Event loop lag, memory, CPU, handles: the same scrape shows whether the process itself is the problem.
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of everything above. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]) {
    return new Counter<L>({ name: PREFIX + name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[], buckets: number[]) {
    return new Histogram<L>({ name: PREFIX + name, help, labelNames, buckets, registers: [this.registry] });
  }
}
