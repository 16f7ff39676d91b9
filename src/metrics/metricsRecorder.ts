import type { Span, SpanData } from '@openai/agents';
import type { ApprovalRecord, PolicyDecisionRecord, RunRecord, Store } from '../store/index.js';
import type { SettledRun, TraceSink } from '../tracing/traceRouter.js';
import { spanFact, type SpanFact } from '../tracing/spanFacts.js';
import { SerialQueue } from '../tracing/serialQueue.js';
import { estimateCost } from '../shared/modelPricing.js';
import type { ServiceMetrics } from './serviceMetrics.js';

type RunLabels = { prompt_version: string; model: string };

/** Runs whose store events are remembered as counted; past this, the oldest are forgotten (abandoned paused runs). */
const MAX_TRACKED_RUNS = 10_000;

/**
 * Feeds the metrics by observing runs, never by being called from the run
 * loop: model and tool calls from their trace spans as they end, and the
 * run's outcome, approvals and policy denials from the store each time a
 * segment settles (the store is the source of truth for those, and a
 * resumed run adds to what an earlier segment left). Each store event is
 * counted once per process; events from before this process started are not
 * counted again after a restart. What needs the store runs on one queue, in
 * the order spans ended and segments settled; a settled segment waits for it.
 */
export class MetricsRecorder implements TraceSink {
  private readonly labelsByTrace = new Map<string, RunLabels>();
  /** Agent (segment) time seen so far, per trace, until the segment settles. */
  private readonly workMs = new Map<string, number>();
  private readonly counted = new Map<string, Set<string>>();
  private readonly since: number;
  private readonly work = new SerialQueue();

  constructor(
    private readonly store: Store,
    private readonly metrics: ServiceMetrics,
  ) {
    this.since = store.now().getTime();
  }

  onSpanEnd(span: Span<SpanData>): Promise<void> | undefined {
    const fact = spanFact(span);
    if (!fact) return undefined;
    if (fact.kind === 'agent') {
      this.workMs.set(span.traceId, (this.workMs.get(span.traceId) ?? 0) + (fact.durationMs ?? 0));
      return undefined;
    }
    // The run's labels travel with its spans (the trace's metadata); a trace without them is looked up.
    const meta = span.traceMetadata as { promptVersion?: unknown; model?: unknown } | undefined;
    const known =
      typeof meta?.promptVersion === 'string' && typeof meta.model === 'string'
        ? { prompt_version: meta.promptVersion, model: meta.model }
        : undefined;
    // Counters add up in any order: only a lookup of the labels needs the queue.
    if (known) return void this.countCall(fact, known);
    return this.work.push(async () => {
      const labels = await this.labelsFor(span.traceId);
      if (labels) this.countCall(fact, labels);
    });
  }

  private countCall(fact: Exclude<SpanFact, { kind: 'agent' }>, labels: RunLabels): void {
    const { metrics } = this;
    if (fact.kind === 'model_call') {
      const byModel = { ...labels, model: fact.model };
      if (fact.durationMs !== null) metrics.modelCallDuration.observe(byModel, fact.durationMs / 1000);
      if (fact.error) metrics.modelErrors.inc(byModel);
      metrics.tokens.inc({ ...byModel, kind: 'input' }, fact.inputTokens);
      metrics.tokens.inc({ ...byModel, kind: 'output' }, fact.outputTokens);
      const cost = estimateCost(fact.model, fact);
      if (cost !== null) metrics.cost.inc(byModel, cost);
    } else if (fact.outcome !== 'ok' && fact.outcome !== 'policy_denied' && fact.outcome !== 'rejected') {
      // Denials are counted by rule from the policy decisions, rejections as approvals: not twice here.
      metrics.toolErrors.inc({ prompt_version: labels.prompt_version, tool: fact.tool, error: fact.outcome });
    }
  }

  onSegmentSettled(runId: string, settled?: SettledRun): Promise<void> {
    return this.work.push(() => this.countSegment(runId, settled));
  }

  private async countSegment(runId: string, settled?: SettledRun): Promise<void> {
    const run = settled?.run ?? (await this.store.runs.get(runId));
    if (!run) return;
    const labels = { prompt_version: run.promptVersion, model: run.model };
    const { metrics } = this;
    metrics.runs.inc({ ...labels, status: run.status, ...(run.stopReason ? { stop_reason: run.stopReason } : {}) });
    if (run.status === 'completed' && !run.reply?.trim()) metrics.badReplies.inc({ ...labels, kind: 'empty' });
    if (run.status === 'stopped' && run.stopReason !== 'cancelled')
      metrics.badReplies.inc({ ...labels, kind: 'failed' });
    const worked = this.workMs.get(run.traceId);
    if (worked !== undefined) metrics.runDuration.observe({ ...labels, status: run.status }, worked / 1000);
    this.workMs.delete(run.traceId);
    this.labelsByTrace.delete(run.traceId);
    await this.countStoreEvents(run, settled?.approvals, settled?.decisions);
  }

  /** Thumbs up or down on a run (called by the feedback route's hook). */
  onFeedback(run: RunRecord, value: 1 | -1): void {
    this.metrics.feedback.inc({ prompt_version: run.promptVersion, value: value === 1 ? 'up' : 'down' });
  }

  private async countStoreEvents(
    run: RunRecord,
    known?: ApprovalRecord[],
    knownDecisions?: PolicyDecisionRecord[],
  ): Promise<void> {
    const seen = this.counted.get(run.id) ?? new Set<string>();
    const once = (key: string, at: string, count: () => void) => {
      if (seen.has(key) || Date.parse(at) < this.since) return;
      seen.add(key);
      count();
    };
    const version = run.promptVersion;
    const [decisions, approvals] = await Promise.all([
      knownDecisions ?? this.store.decisions.forRun(run.id),
      known ?? this.store.approvals.forRun(run.id),
    ]);
    for (const d of decisions) {
      if (d.decision !== 'deny') continue;
      once(`deny:${d.callId}:${d.phase}`, d.createdAt, () =>
        this.metrics.policyDenials.inc({ prompt_version: version, tool: d.tool, rule: d.rule }),
      );
    }
    for (const a of approvals) {
      once(`approval:${a.id}:requested`, a.createdAt, () =>
        this.metrics.approvals.inc({ prompt_version: version, tool: a.tool, event: 'requested' }),
      );
      if (a.status !== 'pending' && a.decidedAt) {
        once(`approval:${a.id}:${a.status}`, a.decidedAt, () =>
          this.metrics.approvals.inc({ prompt_version: version, tool: a.tool, event: a.status }),
        );
      }
    }
    this.counted.delete(run.id);
    // A finished run changes no more; a paused one keeps what was counted for its next segment.
    if (run.status !== 'completed' && run.status !== 'stopped') {
      this.counted.set(run.id, seen);
      if (this.counted.size > MAX_TRACKED_RUNS) this.counted.delete(this.counted.keys().next().value!);
    }
  }

  private async labelsFor(traceId: string): Promise<RunLabels | undefined> {
    let labels = this.labelsByTrace.get(traceId);
    if (!labels) {
      const run = await this.store.runs.byTraceId(traceId);
      if (!run) return undefined;
      labels = { prompt_version: run.promptVersion, model: run.model };
      this.labelsByTrace.set(traceId, labels);
    }
    return labels;
  }
}
