import type { RunStreamEvent } from '@openai/agents';
import type { PendingApproval, RunResult } from './runResult.js';
import type { PriceStatistics } from '../store/priceStats.js';
import { toolSpec, type ListingSummary } from '../tools/index.js';

/** What a search found, for the seller's draft card: the price statistics and the closest matches. */
export interface Comparables {
  stats: PriceStatistics | null;
  matches: Pick<ListingSummary, 'id' | 'title' | 'price' | 'condition'>[];
}

/** What a streaming client sees while a run executes (the SSE events of the messages route). */
export type RunEvent =
  | { type: 'text_delta'; delta: string }
  | { type: 'tool_call'; tool: string; label: string }
  | { type: 'tool_result'; tool: string; ok: boolean; comparables?: Comparables; listing?: ListingSummary }
  | { type: 'approval_requested'; approval: PendingApproval }
  | { type: 'result'; result: RunResult };

export const toolLabel = (tool: string) => toolSpec(tool)?.progress ?? `Running ${tool}…`;

/** Maps the SDK's stream events to the few a seller-facing client needs; the rest are dropped. */
export function toRunEvent(event: RunStreamEvent): RunEvent | undefined {
  if (event.type === 'raw_model_stream_event') {
    const data = event.data as { type: string; delta?: string };
    return data.type === 'output_text_delta' && data.delta ? { type: 'text_delta', delta: data.delta } : undefined;
  }
  if (event.type === 'run_item_stream_event') {
    const raw = event.item.rawItem as { name?: string; output?: unknown };
    if (event.name === 'tool_called' && raw.name)
      return { type: 'tool_call', tool: raw.name, label: toolLabel(raw.name) };
    if (event.name === 'tool_output') return toolResultEvent(raw.name ?? 'tool', raw.output);
  }
  return undefined;
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (output && typeof output === 'object' && 'text' in output) return String(output.text);
  return JSON.stringify(output ?? '');
}

/** The fields of a tool's JSON result (a ToolResult) read here; parsed, not validated. */
interface ToolResultFields {
  ok?: unknown;
  stats?: PriceStatistics | null;
  matches?: ListingSummary[];
  mine?: boolean;
  created?: ListingSummary;
  updated?: ListingSummary;
}

/** The tool's own JSON result, reduced to what a seller's screen shows (no other sellers' ids). */
export function toolResultEvent(tool: string, output: unknown): RunEvent {
  let result: ToolResultFields | undefined;
  try {
    result = JSON.parse(outputText(output)) as ToolResultFields | undefined;
  } catch {
    return { type: 'tool_result', tool, ok: false };
  }
  const ok = result?.ok === true;
  const event: RunEvent = { type: 'tool_result', tool, ok };
  if (!ok || !result) return event;
  // A look-up of the seller's own listings is not comparables: the panel would call them "similar listings".
  if (tool === 'searchSimilar' && Array.isArray(result.matches) && result.mine !== true) {
    event.comparables = {
      stats: result.stats ?? null,
      matches: result.matches
        .slice(0, 5)
        .map((m: ListingSummary) => ({ id: m.id, title: m.title, price: m.price, condition: m.condition })),
    };
  }
  const listing = result.created ?? result.updated;
  if (listing) event.listing = listing;
  return event;
}
