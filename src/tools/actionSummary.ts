import type { Store } from '../store/index.js';
import { toolSpec } from './registry.js';

/**
 * The plain-language line a seller confirms, from the write tool's spec. Built by code from
 * the exact (parsed) arguments, never from model text, so what the seller reads is what runs.
 */
export async function summarizeAction(tool: string, args: Record<string, unknown>, store: Store): Promise<string> {
  const spec = toolSpec(tool);
  return spec?.effect === 'write' ? spec.summarize(args, store) : `Run ${tool} with ${JSON.stringify(args)}.`;
}
