import type { StopReason } from '../store/index.js';

/** What the seller reads when a run stops for a limit: honest, and clear that nothing changed unconfirmed. */
export const STOP_REPLIES: Record<StopReason, string> & { expired: string } = {
  max_steps:
    'I could not finish this within my step limit, so I stopped. Nothing was posted or changed without your confirmation. Could you rephrase or break the request into smaller steps?',
  timeout:
    'This took too long, so I stopped. Nothing was posted or changed without your confirmation. Please try again.',
  // A run can fail after a confirmed write ran: "nothing was posted" alone would then be false.
  model_error:
    'The assistant is unavailable right now. Nothing was posted or changed without your confirmation. Please try again in a minute.',
  cancelled: 'This request was cancelled before it finished. Nothing was posted or changed without your confirmation.',
  loop_detected:
    'I was repeating the same step without progress, so I stopped. Nothing was posted or changed without your confirmation.',
  interrupted:
    'The server running this request stopped before it finished. Nothing was posted or changed without your confirmation. Please send your message again.',
  storage_error:
    'I could not save my work just now, so I stopped. Nothing was posted or changed without your confirmation. Please try again in a minute.',
  expired: 'The confirmation request expired, so nothing was posted or changed. Send a new message to start again.',
};

/** The tool result a model sees for a call that never ran (superseded, timed out, interrupted). */
export const NOT_RUN_OUTPUT =
  'This action did not run and nothing was changed: the seller moved on or the run was interrupted.';
