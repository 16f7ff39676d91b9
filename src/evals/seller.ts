import type { PendingApproval, RunResult } from '../agent/runResult.js';
import type { ApprovalRule, SellerTurn, TurnCondition } from './scenario.js';

/**
 * The simulated seller (tau-bench's "user"): says the scripted turns, some of
 * them only when the assistant's last answer meets a condition, and decides
 * each approval it is shown by the scenario's rules, the way a person
 * clicking approve or reject would.
 */
export class SimulatedSeller {
  /** Approvals shown so far in this trial: rules can react to the first, the second… */
  private shown = 0;

  constructor(private readonly defaultRules: ApprovalRule[]) {}

  /** What the seller says for this turn given the assistant's last answer, or nothing. */
  message(turn: SellerTurn, last: RunResult | undefined): string | undefined {
    if (!turn.when || holds(turn.when, last)) return turn.say;
    return turn.otherwise;
  }

  decision(
    approval: PendingApproval,
    turnRules: ApprovalRule[] | undefined,
  ): { decide: ApprovalRule['decide']; message?: string } {
    this.shown++;
    const rules = turnRules ?? this.defaultRules;
    const rule = rules.find((r) => applies(r, approval, this.shown));
    // A seller shown an action nobody scripted would not approve it blindly.
    return rule ? { decide: rule.decide, message: rule.message } : { decide: 'reject' };
  }
}

function applies(rule: ApprovalRule, approval: PendingApproval, occurrence: number): boolean {
  const w = rule.when;
  const price = typeof approval.arguments.price === 'number' ? approval.arguments.price : undefined;
  if (w.tool && approval.tool !== w.tool) return false;
  if (w.listingId && approval.arguments.listingId !== w.listingId) return false;
  if (w.occurrence !== undefined && w.occurrence !== occurrence) return false;
  if (w.priceAtMost !== undefined && !(price !== undefined && price <= w.priceAtMost)) return false;
  if (w.priceAtLeast !== undefined && !(price !== undefined && price >= w.priceAtLeast)) return false;
  return true;
}

function holds(condition: TurnCondition, last: RunResult | undefined): boolean {
  const reply = last?.reply ?? '';
  const pending = last?.pendingApprovals ?? [];
  const price = suggestedPrice(last);
  if (condition.suggestedPriceAbove !== undefined && !(price !== undefined && price > condition.suggestedPriceAbove))
    return false;
  if (condition.suggestedPriceAtMost !== undefined && !(price !== undefined && price <= condition.suggestedPriceAtMost))
    return false;
  if (condition.replyMatches && !new RegExp(condition.replyMatches, 'i').test(reply)) return false;
  if (condition.pendingTool && !pending.some((a) => a.tool === condition.pendingTool)) return false;
  if (condition.nothingPending !== undefined && (pending.length === 0) !== condition.nothingPending) return false;
  return true;
}

/**
 * The price the assistant put to the seller: the pending write's price if
 * there is one (the exact thing the seller would confirm), else the € amount
 * in a sentence that suggests or recommends, else the first € amount.
 */
export function suggestedPrice(last: RunResult | undefined): number | undefined {
  const pendingPrice = last?.pendingApprovals
    .map((a) => a.arguments.price)
    .find((p): p is number => typeof p === 'number');
  if (pendingPrice !== undefined) return pendingPrice;
  const reply = last?.reply ?? '';
  const sentences = reply.split(/(?<=[.!?])\s+|\n+/);
  const suggesting = sentences.find(
    (s) => /suggest|recommend|list (?:it )?(?:at|for)|fair price|median/i.test(s) && euroAmounts(s).length,
  );
  return euroAmounts(suggesting ?? reply)[0];
}

/** € amounts as the assistant writes them: "€1,200", "€99.50", "450 €", "450 EUR". */
export function euroAmounts(text: string): number[] {
  const out: number[] = [];
  const re =
    /€\s?(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)|(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(?:€|eur\b|euros?\b)/gi;
  for (const m of text.matchAll(re)) {
    const value = Number((m[1] ?? m[2]).replace(/,/g, ''));
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}
