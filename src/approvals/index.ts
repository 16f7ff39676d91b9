/**
 * The life of a confirmation: requested with the exact arguments, decided
 * once by the conversation's seller, expired or superseded, worded for the
 * model, and checked by the write path. The gate's automatic refusals are
 * recorded here too, apart from approvals. Sits between policy and tools.
 */
export { requestApproval, type ApprovalRequest } from './request.js';
export { decideApproval, vetSellerEdit, type EditVetting, type SellerDecision } from './decide.js';
export { expireApprovals, supersedeApprovals } from './lapse.js';
export { isConfirmed, type Confirmation, type WriteCall } from './confirmation.js';
export { refuseCall, refusalsByCall, type Refusal } from './refusal.js';
export { callRecord, callStatus, type CallRecord, type CallStatus } from './status.js';
export { notApprovedMessage, notApprovedText, refusalMessage, rejectionMessage, sellerEditMessage } from './wording.js';
export { ApprovalNotPendingError, EditRefusedError } from './errors.js';
