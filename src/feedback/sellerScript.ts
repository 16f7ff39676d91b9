import type { ApprovalRecord } from '../store/index.js';
import type { WriteToolName } from '../tools/index.js';
import type { ApprovalRule, SellerTurn } from '../evals/scenario.js';
import { sellerText, type ConversationRecord } from './conversationRecord.js';

/** Said when the assistant proposes something the recorded seller never approved and no words of theirs fit. */
const NOT_ASKED = 'That is not what I asked for.';

type Rule = { when?: ApprovalRule['when']; decide: ApprovalRule['decide']; message?: string };

/**
 * The simulated seller of a promoted scenario: the recorded seller messages
 * as turns, and approval rules that make the same decisions the real seller
 * made. What the seller approved is approved again wherever it shows up
 * (matched by tool, exact price and listing); anything else is turned down
 * as they turned it down, in their words, or left undecided in a turn where
 * they typed their next message instead of deciding. An action the approval
 * rule would accept but that the seller turned down (e.g. a title fixed at
 * the same price) is turned down by its position, as it happened.
 */
export function sellerScript(record: ConversationRecord): { turns: SellerTurn[]; approvals: Rule[] } {
  const approveRules = record.approvals.filter(approvedBySeller).map(approveRule(record));
  const byPosition: Rule[] = [];
  record.approvals.forEach((approval, i) => {
    if (approvedBySeller(approval) || !approveRules.some((rule) => wouldApprove(rule, approval))) return;
    byPosition.push({ when: { occurrence: i + 1 }, ...recordedDecision(approval) });
  });
  const base = [...byPosition, ...approveRules];
  const fallback: Rule = { decide: 'reject', message: lastRejectionMessage(record.approvals) ?? NOT_ASKED };
  const approvals = [...base, fallback];

  const turns = record.runs.map((run): SellerTurn => {
    const turnFallback = lastOutcome(record.approvals.filter((a) => a.runId === run.id)) ?? fallback;
    const same = turnFallback.decide === fallback.decide && turnFallback.message === fallback.message;
    return { say: sellerText(run), ...(same ? {} : { approvals: [...base, turnFallback] as ApprovalRule[] }) };
  });
  return { turns, approvals };
}

function approvedBySeller(a: ApprovalRecord): boolean {
  return a.status === 'approved' && a.decidedBy === a.sellerId;
}

function approveRule(record: ConversationRecord) {
  return (a: ApprovalRecord): Rule => {
    const price = typeof a.arguments.price === 'number' ? a.arguments.price : undefined;
    const listingId =
      typeof a.arguments.listingId === 'string' && !record.createdIds.has(a.arguments.listingId)
        ? a.arguments.listingId
        : undefined;
    return {
      when: {
        tool: a.tool as WriteToolName,
        ...(listingId ? { listingId } : {}),
        ...(price !== undefined ? { priceAtLeast: price, priceAtMost: price } : {}),
      },
      decide: 'approve',
    };
  };
}

function wouldApprove(rule: Rule, a: ApprovalRecord): boolean {
  const w = rule.when ?? {};
  const price = a.arguments.price;
  if (w.tool && w.tool !== a.tool) return false;
  if (w.listingId && w.listingId !== a.arguments.listingId) return false;
  if (w.priceAtLeast !== undefined && !(typeof price === 'number' && price >= w.priceAtLeast)) return false;
  if (w.priceAtMost !== undefined && !(typeof price === 'number' && price <= w.priceAtMost)) return false;
  return true;
}

function recordedDecision(a: ApprovalRecord): Rule {
  if (a.status === 'rejected') return { decide: 'reject', ...(a.message ? { message: a.message } : {}) };
  return { decide: 'ignore' };
}

/**
 * How the seller ended a turn's last approval: turned down (in these words, or none), or left for their next message.
 */
function lastOutcome(own: ApprovalRecord[]): Rule | undefined {
  const last = own.at(-1);
  if (!last || approvedBySeller(last)) return undefined;
  return recordedDecision(last);
}

function lastRejectionMessage(approvals: ApprovalRecord[]): string | undefined {
  return (
    approvals.filter((a) => a.status === 'rejected' && a.decidedBy === a.sellerId && a.message).at(-1)?.message ??
    undefined
  );
}
