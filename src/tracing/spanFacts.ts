import type { Span, SpanData } from '@openai/agents';
import { TRACED_MODEL_MARKER } from './tracedModel.js';
import { TOOL_ERROR_CODES, type ToolErrorCode } from '../tools/index.js';

/** What an observer needs from a finished SDK span, without knowing the SDK's span shapes. */
export type SpanFact =
  | {
      kind: 'model_call';
      model: string;
      durationMs: number | null;
      inputTokens: number;
      outputTokens: number;
      error?: string;
    }
  | { kind: 'tool_call'; tool: string; durationMs: number | null; outcome: ToolOutcome; error?: string }
  | { kind: 'agent'; durationMs: number | null };

/**
 * How a tool call ended: `ok`; `rejected` when its approval was turned down
 * (by the seller or at once by the gate), which the SDK records as a span
 * error but is no failure; one of the tools' own error codes
 * (`invalid_arguments`, also for arguments that were not JSON,
 * `policy_denied`, `not_found`, `not_confirmed`, `failed`, which includes
 * reads and unstarted writes stopped at their time limit, `outcome_unknown`
 * for a write still under way at its limit); or `exception` for any other
 * error the span recorded.
 */
export type ToolOutcome = 'ok' | 'rejected' | ToolErrorCode | 'exception';

/** Facts of ended spans: several sinks ask about each span (metrics, the run log). */
const facts = new WeakMap<Span<SpanData>, SpanFact | undefined>();

export function spanFact(span: Span<SpanData>): SpanFact | undefined {
  // Only an ended span's facts are final (its output, error and end time are set by then).
  if (!span.endedAt) return factOf(span);
  if (facts.has(span)) return facts.get(span);
  const fact = factOf(span);
  facts.set(span, fact);
  return fact;
}

function factOf(span: Span<SpanData>): SpanFact | undefined {
  const data = span.spanData;
  const durationMs = span.startedAt && span.endedAt ? Date.parse(span.endedAt) - Date.parse(span.startedAt) : null;
  const error = span.error?.message;
  switch (data.type) {
    case 'agent':
      return { kind: 'agent', durationMs };
    case 'generation':
      // Only our TracedModel's spans: one per model call, whatever the provider.
      if (data.model_config?.[TRACED_MODEL_MARKER] !== true) return undefined;
      return {
        kind: 'model_call',
        model: String(data.model),
        durationMs,
        inputTokens: Number(data.usage?.input_tokens ?? 0),
        outputTokens: Number(data.usage?.output_tokens ?? 0),
        ...(error ? { error } : {}),
      };
    case 'function':
      return {
        kind: 'tool_call',
        tool: String(data.name),
        durationMs,
        outcome: span.error ? spanErrorOutcome(span.error) : outcomeOf(data.output),
        ...(error ? { error } : {}),
      };
    default:
      return undefined;
  }
}

/**
 * The SDK's own words for a rejected approval and for arguments it could not parse (agents-core
 * runner/toolExecution).
 */
function spanErrorOutcome(error: { message: string; data?: Record<string, unknown> | null }): ToolOutcome {
  const detail = error.data?.error;
  if (
    error.message === TOOL_APPROVAL_REJECTION_MESSAGE ||
    (typeof detail === 'string' && /rejected by user/.test(detail))
  )
    return 'rejected';
  if (error.message === 'Error running tool (non-fatal)') return 'invalid_arguments';
  return 'exception';
}

const TOOL_APPROVAL_REJECTION_MESSAGE = 'Tool execution was not approved.';

const CODES = new Set<ToolOutcome>(TOOL_ERROR_CODES);

function outcomeOf(output: unknown): ToolOutcome {
  if (typeof output !== 'string') return 'ok';
  // Tool results are JSON with `ok` first (toolResult.ts): a success needs no parse of the whole result.
  if (output.startsWith('{"ok":true')) return 'ok';
  try {
    const result = JSON.parse(output) as { ok?: boolean; error?: string };
    if (result?.ok !== false) return 'ok';
    return CODES.has(result.error as ToolOutcome) ? (result.error as ToolOutcome) : 'failed';
  } catch {
    return 'ok';
  }
}
