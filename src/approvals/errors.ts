import { BadRequestError, ConflictError } from '../errors.js';
import type { ApprovalStatus } from '../store/index.js';

/** A decision on an approval that is no longer pending (decided, expired or superseded): 409. */
export class ApprovalNotPendingError extends ConflictError {
  constructor(readonly current: ApprovalStatus) {
    super(`This approval is ${current}, not pending.`, 'approval_not_pending');
  }
}

/** The seller's edit of an action failed its schema or the policy gate: 400, and the approval stays pending. */
export class EditRefusedError extends BadRequestError {
  constructor(code: 'invalid_arguments' | 'edit_refused', reason: string) {
    super(reason, code);
  }
}
