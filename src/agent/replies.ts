import type { ApprovalRecord, StopReason } from '../store/index.js';

/** What the seller reads when a run stops for a limit: honest, and clear that nothing changed unconfirmed. */
export const STOP_REPLIES: Record<StopReason, string> & { expired: string } = {
  max_steps:
    'I could not finish this within my step limit, so I stopped. Nothing was posted or changed without your confirmation. Could you rephrase or break the request into smaller steps?',
  timeout:
    'This took too long, so I stopped. Nothing was posted or changed without your confirmation. Please try again.',
  model_error: 'The assistant is unavailable right now. Nothing was posted or changed. Please try again in a minute.',
  cancelled: 'This request was cancelled before it finished. Nothing was posted or changed without your confirmation.',
  loop_detected:
    'I was repeating the same step without progress, so I stopped. Nothing was posted or changed without your confirmation.',
  expired: 'The confirmation request expired, so nothing was posted or changed. Send a new message to start again.',
};

/** The tool result a model sees for a call that never ran (superseded, timed out, interrupted). */
export const NOT_RUN_OUTPUT =
  'This action did not run and nothing was changed: the seller moved on or the run was interrupted.';

/** The tool result the model sees for a call that was not approved, with the seller's words if any. */
export function rejectionMessage(approval: ApprovalRecord | undefined): string {
  if (!approval) return 'The seller did not confirm this action, so nothing was changed.';
  if (approval.decidedBy === 'policy-gate')
    return `Refused without asking the seller: ${approval.message ?? 'not allowed'}`;
  switch (approval.status) {
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
