import type { AgentInputItem, RunToolApprovalItem } from '@openai/agents';
import type { RefusalRecord, RunRecord, Store } from '../store/index.js';
import type { PolicyVerdict } from '../policy/index.js';
import { callRecord, refusalMessage, refuseCall, requestApproval, type CallRecord } from '../approvals/index.js';
import { recordedArguments, summarizeAction, type CallVetting } from '../tools/index.js';

/**
 * Where a paused run's write requests become approvals for the seller, or
 * are turned away at once by the gate. Every decision it takes is recorded.
 */
export class ApprovalDesk {
  constructor(
    private readonly store: Store,
    private readonly vetting: CallVetting,
    private readonly approvalTtlMs: number,
  ) {}

  /**
   * Turns the SDK's interruptions into approvals the seller sees. A call is
   * only shown if it is well-formed and the policy would let it run once
   * confirmed; anything else is refused at once (a refusal, not an approval)
   * with a reason the model can act on. Returns whether any approval now
   * waits for the seller, and where each call stands (so the caller need not
   * read it again). Callers run it in the transaction that stores the pause.
   */
  async request(
    run: RunRecord,
    interruptions: RunToolApprovalItem[],
  ): Promise<{ needSeller: boolean; calls: Map<string, CallRecord> }> {
    let needSeller = false;
    const calls = new Map<string, CallRecord>();
    // No more cards at once than the seller could confirm within the hour: a model proposing
    // hundreds of writes in one turn gets the rest refused, with a reason it can act on.
    const cap = this.vetting.policy.rules.rateLimit.writesPerSellerPerHour;
    let waiting = 0;
    for (const item of interruptions) {
      const callId = callIdOf(item);
      const known = await callRecord(this.store, run.id, callId);
      if (known) {
        calls.set(callId, known);
        if (known.status === 'pending') waiting++;
        needSeller ||= known.status === 'pending';
        continue;
      }
      const tool = item.name ?? 'unknown';
      const raw = item.arguments ?? '';
      const vetted = await this.vetting.vet({
        runId: run.id,
        callId,
        sellerId: run.sellerId,
        tool,
        input: raw,
      });
      const { args } = vetted;
      const verdict =
        vetted.verdict.decision === 'needs_confirmation' && waiting >= cap ? tooMany(cap) : vetted.verdict;
      if (verdict.decision === 'needs_confirmation' && args) {
        waiting++;
        const approval = await requestApproval(this.store, {
          runId: run.id,
          callId,
          sellerId: run.sellerId,
          tool,
          args,
          summary: await summarizeAction(tool, args, this.store),
          ttlMs: this.approvalTtlMs,
        });
        calls.set(callId, { status: approval.status, approval });
        needSeller = true;
      } else {
        const refusal = await refuseCall(this.store, {
          runId: run.id,
          callId,
          tool,
          args: args ?? recordedArguments(raw),
          rule: verdict.rule,
          reason: verdict.reason,
        });
        calls.set(callId, { status: 'refused', refusal });
      }
      await this.store.decisions.record({
        runId: run.id,
        callId,
        tool,
        phase: 'proposal',
        decision: verdict.decision,
        rule: verdict.rule,
        reason: verdict.reason,
        arguments: args ?? recordedArguments(raw),
      });
    }
    return { needSeller, calls };
  }
}

const tooMany = (cap: number): PolicyVerdict => ({
  decision: 'deny',
  rule: 'pending-limit',
  reason:
    `At most ${cap} actions can wait for the seller's confirmation at once; ` +
    'propose the others after the seller has decided these.',
});

/**
 * The SDK answers a call with malformed JSON arguments with a fixed "not
 * approved" text whatever rejection message is given; the model should read
 * the gate's reason instead, so it can correct itself.
 */
export function explainGateRejections(input: AgentInputItem[], refusals: Map<string, RefusalRecord>): AgentInputItem[] {
  if (refusals.size === 0) return input;
  return input.map((item) => {
    if (item.type !== 'function_call_result') return item;
    const refusal = refusals.get(item.callId);
    return refusal ? { ...item, output: { type: 'text' as const, text: refusalMessage(refusal) } } : item;
  });
}

export function callIdOf(item: RunToolApprovalItem): string {
  return (item.rawItem as { callId?: string; id?: string }).callId ?? (item.rawItem as { id?: string }).id ?? '';
}
