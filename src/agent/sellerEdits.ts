import type { ApprovalRecord } from '../store/index.js';

/**
 * A paused run's stored state with the seller's edits written into the calls they approved, so
 * the resumed run executes (and the model's history shows) exactly what the seller confirmed.
 * The SDK keeps a call in several places (the model response, the generated items, the
 * interruption, the processed response it executes from): every `function_call` with that call
 * id gets the edited arguments.
 */
export function withSellerEdits(state: string, approvals: ApprovalRecord[]): string {
  const edits = new Map(
    approvals
      .filter((a) => a.status === 'approved' && a.proposedArguments)
      .map((a) => [a.callId, JSON.stringify(a.arguments)]),
  );
  if (edits.size === 0) return state;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    const edited = out.type === 'function_call' && typeof out.callId === 'string' ? edits.get(out.callId) : undefined;
    return edited !== undefined && typeof out.arguments === 'string' ? { ...out, arguments: edited } : out;
  };
  return JSON.stringify(rewrite(JSON.parse(state)));
}
