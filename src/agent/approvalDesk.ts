import type { AgentInputItem, RunToolApprovalItem } from '@openai/agents';
import type { ApprovalRecord, RunRecord, Store } from '../store/index.js';
import { newId } from '../store/ids.js';
import type { PolicyGate, PolicyVerdict } from '../policy/index.js';
import { parseArguments, summarizeAction, TOOL_PARAMETERS } from '../tools/index.js';
import { rejectionMessage } from './replies.js';

/**
 * Where a paused run's write requests become approvals for the seller, or
 * are turned away at once by the gate. Every decision it takes is recorded.
 */
export class ApprovalDesk {
  constructor(
    private readonly store: Store,
    private readonly policy: PolicyGate,
    private readonly approvalTtlMs: number,
  ) {}

  /**
   * Turns the SDK's interruptions into approvals the seller sees. A call is
   * only shown if it is well-formed and the policy would let it run once
   * confirmed; anything else is rejected at once with a reason the model can
   * act on. Returns whether any approval now waits for the seller.
   */
  request(run: RunRecord, interruptions: RunToolApprovalItem[]): boolean {
    let needSeller = false;
    const expiresAt = new Date(this.store.now().getTime() + this.approvalTtlMs).toISOString();
    for (const item of interruptions) {
      const callId = callIdOf(item);
      const existing = this.store.approvals.forCall(run.id, callId);
      if (existing) {
        needSeller ||= existing.status === 'pending';
        continue;
      }
      const tool = item.name ?? 'unknown';
      const raw = item.arguments ?? '';
      const verdict = this.vet(tool, raw, run.sellerId);
      const approval = this.store.approvals.request({
        id: newId('apr'),
        runId: run.id,
        callId,
        sellerId: run.sellerId,
        tool,
        arguments: verdict.args ?? {},
        summary: verdict.args
          ? summarizeAction(tool, verdict.args, this.store)
          : `Rejected ${tool} call: ${verdict.reason}`,
        expiresAt,
      });
      this.store.decisions.record({
        runId: run.id,
        callId,
        tool,
        phase: 'proposal',
        decision: verdict.decision,
        rule: verdict.rule,
        reason: verdict.reason,
        arguments: verdict.args ?? raw.slice(0, 2000),
      });
      if (verdict.decision === 'needs_confirmation') {
        needSeller = true;
      } else {
        this.store.approvals.decide(approval.id, 'rejected', 'policy-gate', verdict.reason);
      }
    }
    return needSeller;
  }

  private vet(tool: string, raw: string, sellerId: string): PolicyVerdict & { args?: Record<string, unknown> } {
    const schema = TOOL_PARAMETERS[tool as keyof typeof TOOL_PARAMETERS];
    if (!schema) return { decision: 'deny', rule: 'known-tool', reason: `There is no tool named ${tool}.` };
    let decoded: unknown;
    try {
      decoded = JSON.parse(raw);
    } catch {
      return {
        decision: 'deny',
        rule: 'valid-json',
        reason: `The arguments for ${tool} were not valid JSON; send them again as a JSON object.`,
      };
    }
    const parsed = parseArguments(schema, decoded);
    if (!parsed.ok) {
      return {
        decision: 'deny',
        rule: 'valid-arguments',
        reason: `Fix these arguments and call ${tool} again: ${parsed.issues.join('; ')}`,
      };
    }
    const args = parsed.args as Record<string, unknown>;
    return { ...this.policy.evaluate({ tool, args, sellerId }), args };
  }
}

/**
 * The SDK answers a call with malformed JSON arguments with a fixed "not
 * approved" text whatever rejection message is given; the model should read
 * the gate's reason instead, so it can correct itself.
 */
export function explainGateRejections(
  input: AgentInputItem[],
  rejections: Map<string, ApprovalRecord>,
): AgentInputItem[] {
  if (rejections.size === 0) return input;
  return input.map((item) => {
    if (item.type !== 'function_call_result') return item;
    const approval = rejections.get(item.callId);
    return approval ? { ...item, output: { type: 'text' as const, text: rejectionMessage(approval) } } : item;
  });
}

export function callIdOf(item: RunToolApprovalItem): string {
  return (item.rawItem as { callId?: string; id?: string }).callId ?? (item.rawItem as { id?: string }).id ?? '';
}
