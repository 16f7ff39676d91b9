import type { Store } from '../store/index.js';
import type { PolicyCall, PolicyFacts, PolicyVerdict, ToolCallRequest, ToolEffect } from './policyCall.js';
import { POLICY_CHECKS, STATE_CHECKS, type CheckContext, type PolicyCheck } from './policyChecks.js';
import type { PolicyRules } from './policyRules.js';

/**
 * What the gate needs to know about a tool. The tool specs (src/tools) are these: the policy may
 * not import tools, so they are handed in, and the gate never needs to know a tool by name.
 */
export interface PolicyTool {
  readonly name: string;
  readonly effect: ToolEffect;
  /** The facts a call needs judging on, for arguments that passed the tool's schema. */
  facts?(args: Record<string, unknown>, store: Store): PolicyFacts | Promise<PolicyFacts>;
}

/**
 * Decides allow / needs-confirmation / deny for every tool call from the rules
 * in `policies/` and the facts in the store. It is pure with respect to its
 * inputs (reads only), so the SDK may call it again when a paused run resumes.
 * Writes are re-decided right before they execute, so a rule that changed, a
 * listing sold or a rate limit reached meanwhile still holds.
 */
export class PolicyGate {
  private readonly tools: ReadonlyMap<string, PolicyTool>;
  private readonly writeTools: string[];

  constructor(
    readonly rules: PolicyRules,
    private readonly store: Store,
    tools: readonly PolicyTool[],
  ) {
    this.tools = new Map(tools.map((t) => [t.name, t]));
    this.writeTools = tools.filter((t) => t.effect === 'write').map((t) => t.name);
    const unknown = Object.keys(rules.tools).filter((name) => !this.tools.has(name));
    if (unknown.length) throw new Error(`Policy ${rules.version} configures unknown tools: ${unknown.join(', ')}`);
  }

  /** Judges a call with its tool's effect and the facts the tool looks up for it. */
  async evaluate(call: ToolCallRequest): Promise<PolicyVerdict> {
    const verdict = await this.run(POLICY_CHECKS, await this.withFacts(call));
    if (!verdict) throw new Error('the last policy check always decides');
    return verdict;
  }

  /** The named checks in order (src/policy/policyChecks.ts); the first verdict decides. */
  async decide(call: PolicyCall): Promise<PolicyVerdict> {
    const verdict = await this.run(POLICY_CHECKS, call);
    if (!verdict) throw new Error('the last policy check always decides');
    return verdict;
  }

  /**
   * Right before a vetted write runs: the checks the store's state can change since (listing
   * sold or re-priced, rate limit reached), on fresh facts. A refusal, or undefined to go ahead.
   * Ask it inside the write's transaction, so nothing changes between the answer and the write.
   */
  async recheck(call: ToolCallRequest): Promise<PolicyVerdict | undefined> {
    return this.run(STATE_CHECKS, await this.withFacts(call));
  }

  private async withFacts(call: ToolCallRequest): Promise<PolicyCall> {
    const tool = this.tools.get(call.tool);
    return { ...call, effect: tool?.effect, facts: (await tool?.facts?.(call.args, this.store)) ?? {} };
  }

  private async run(checks: readonly PolicyCheck[], call: PolicyCall): Promise<PolicyVerdict | undefined> {
    const context: CheckContext = {
      rules: this.rules,
      writesInLastHour: (sellerId) =>
        this.store.executions.countSince(sellerId, this.writeTools, new Date(this.store.now().getTime() - 3600_000)),
    };
    for (const check of checks) {
      const verdict = await check(call, context);
      if (verdict) return verdict;
    }
    return undefined;
  }
}
