import type { RunStreamEvent } from '@openai/agents';
import type { PendingApproval, RunResult } from './runResult.js';

/** What a streaming client sees while a run executes (the SSE events of the messages route). */
export type RunEvent =
  | { type: 'text_delta'; delta: string }
  | { type: 'tool_call'; tool: string; label: string }
  | { type: 'tool_result'; tool: string; ok: boolean }
  | { type: 'approval_requested'; approval: PendingApproval }
  | { type: 'result'; result: RunResult };

const LABELS: Record<string, string> = {
  searchSimilar: 'Looking up similar listings…',
  getListing: 'Looking up the listing…',
  createListing: 'Preparing your listing for confirmation…',
  updatePrice: 'Preparing the price change for confirmation…',
};

export const toolLabel = (tool: string) => LABELS[tool] ?? `Running ${tool}…`;

/** Maps the SDK's stream events to the few a seller-facing client needs; the rest are dropped. */
export function toRunEvent(event: RunStreamEvent): RunEvent | undefined {
  if (event.type === 'raw_model_stream_event') {
    const data = event.data as { type: string; delta?: string };
    return data.type === 'output_text_delta' && data.delta ? { type: 'text_delta', delta: data.delta } : undefined;
  }
  if (event.type === 'run_item_stream_event') {
    const raw = event.item.rawItem as { name?: string; output?: unknown };
    if (event.name === 'tool_called' && raw.name) return { type: 'tool_call', tool: raw.name, label: toolLabel(raw.name) };
    if (event.name === 'tool_output') {
      const tool = (event.item as { rawItem: { name?: string } }).rawItem.name ?? 'tool';
      const text = JSON.stringify(raw.output ?? '');
      return { type: 'tool_result', tool, ok: !text.includes('\\"ok\\":false') };
    }
  }
  return undefined;
}
