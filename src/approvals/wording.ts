import { canonicalJson } from '../shared/canonicalJson.js';
import type { ApprovalRecord, RefusalRecord, Store } from '../store/index.js';
import { callRecord, type CallRecord } from './status.js';

/** The tool result the model sees for a call the gate refused: its reason, so the model can correct itself. */
export function refusalMessage(refusal: RefusalRecord): string {
  return `Refused without asking the seller: ${refusal.reason}`;
}

/** The tool result the model sees for a call that was not approved, with the seller's words if any. */
export function rejectionMessage(approval: ApprovalRecord | undefined): string {
  switch (approval?.status) {
    case 'rejected':
      return approval.message
        ? `The seller did not confirm this action, so nothing was changed. Seller's message: "${approval.message}"`
        : 'The seller did not confirm this action, so nothing was changed.';
    case 'expired':
      return 'The seller did not confirm this action in time, so nothing was changed.';
    default:
      return 'The seller did not confirm this action, so nothing was changed.';
  }
}

/** What the model reads for a call that did not go ahead: the gate's refusal, or how the seller decided. */
export async function notApprovedMessage(store: Store, runId: string, callId: string): Promise<string> {
  return notApprovedText(await callRecord(store, runId, callId));
}

/** `notApprovedMessage` for a call whose record the caller has at hand. */
export function notApprovedText(call: CallRecord | undefined): string {
  return call?.refusal ? refusalMessage(call.refusal) : rejectionMessage(call?.approval);
}

/**
 * What the model reads beside the result of an action the seller edited before confirming: which
 * fields changed, from what to what, so it neither repeats its own version nor argues with the seller's.
 */
export function sellerEditMessage(approval: ApprovalRecord): string | undefined {
  const before = approval.proposedArguments;
  if (!before) return undefined;
  const after = approval.arguments;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes = keys
    .filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null))
    .map((k) => `${k} from ${JSON.stringify(before[k] ?? null)} to ${JSON.stringify(after[k] ?? null)}`);
  if (!changes.length) return undefined;
  return `The seller edited this action before confirming it (${changes.join('; ')}); it ran with the seller's version.`;
}
