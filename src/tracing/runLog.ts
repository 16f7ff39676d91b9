import type { Span, SpanData } from '@openai/agents';
import type { Logger } from 'pino';
import type { RunRecord, Store } from '../store/index.js';
import type { SettledRun, TraceSink } from './traceRouter.js';
import { spanFact, type ToolOutcome } from './spanFacts.js';
import { SerialQueue } from './serialQueue.js';

/** The fields every log line about a run carries, so one run's lines can be found and split by prompt version. */
export function runLogger(
  logger: Logger,
  run: Pick<RunRecord, 'id' | 'traceId' | 'sellerId' | 'promptVersion' | 'model'>,
): Logger {
  // A logger that writes nothing needs no fields (a child costs a serialisation of them, once per run).
  if (logger.level === 'silent') return logger;
  return logger.child({
    runId: run.id,
    traceId: run.traceId,
    sellerId: run.sellerId,
    promptVersion: run.promptVersion,
    model: run.model,
  });
}

const OWN_FAILURES = new Set<ToolOutcome>(['failed', 'outcome_unknown', 'exception']);

/**
 * Logs what happens in runs from their traces, so the assistant stays free
 * of logging calls: a failed model call or tool call as a warning when its
 * span ends, and one line per settled segment (status, stop reason, steps).
 * Seller text and tool arguments are never logged: they live in the trace.
 * Lines are written in the order spans end and segments settle (one queue).
 */
export class RunLog implements TraceSink {
  private readonly lines = new SerialQueue();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  onSpanEnd(span: Span<SpanData>): Promise<void> | undefined {
    const fact = spanFact(span);
    // Our own failures only: a denied or malformed call is the gate doing its job, and is in the trace.
    // A write answered as outcome_unknown is one too: too slow, and the seller was asked to check.
    const failed =
      fact?.kind === 'model_call'
        ? fact.error !== undefined
        : fact?.kind === 'tool_call' && OWN_FAILURES.has(fact.outcome);
    if (!fact || !failed) return undefined;
    return this.lines.push(async () => {
      const run = await this.store.runs.byTraceId(span.traceId);
      if (!run) return;
      const log = runLogger(this.logger, run);
      if (fact.kind === 'model_call') log.warn({ durationMs: fact.durationMs, error: fact.error }, 'model call failed');
      else if (fact.kind === 'tool_call')
        log.warn(
          { tool: fact.tool, durationMs: fact.durationMs, outcome: fact.outcome, error: fact.error },
          fact.outcome === 'outcome_unknown' ? 'tool call outcome unknown' : 'tool call failed',
        );
    });
  }

  onSegmentSettled(runId: string, settled?: SettledRun): Promise<void> {
    return this.lines.push(() => this.logSettled(runId, settled?.run));
  }

  private async logSettled(runId: string, known?: RunRecord): Promise<void> {
    const run = known ?? (await this.store.runs.get(runId));
    if (!run) return;
    const fields = {
      status: run.status,
      stopReason: run.stopReason ?? undefined,
      steps: run.steps,
      tags: run.tags.length ? run.tags : undefined,
    };
    const warn = run.status === 'stopped' && run.stopReason !== 'cancelled';
    // A line below the logger's level is not written: no child logger is built for it.
    if (!this.logger.isLevelEnabled(warn ? 'warn' : 'info')) return;
    const log = runLogger(this.logger, run);
    if (warn) log.warn(fields, 'run stopped');
    else log.info(fields, `run ${run.status}`);
  }
}
