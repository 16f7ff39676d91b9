import type { Store } from '../store/index.js';
import type { PolicyCall, PolicyFacts, PolicyVerdict, ToolCallRequest, ToolEffect } from './policyCall.js';
import { POLICY_CHECKS, type CheckContext } from './policyChecks.js';
import type { PolicyRules } from './policyRules.js';

/**
 * What the gate needs to know about a tool. The tool specs (src/tools) are these: the policy may
 * not import tools, so they are handed in, and the gate never needs to know a tool by name.
 */
export interface PolicyTool {
  readonly name: string;
  readonly effect: ToolEffect;
  /** The facts a call needs judging on, for arguments that passed the tool's schema. */
  facts?(args: Record<string, unknown>, store: Store): PolicyFacts;
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
  evaluate(call: ToolCallRequest): PolicyVerdict {
    const tool = this.tools.get(call.tool);
    return this.decide({ ...call, effect: tool?.effect, facts: tool?.facts?.(call.args, this.store) ?? {} });
  }

  /** The named checks in order (src/policy/policyChecks.ts); the first verdict decides. */
  decide(call: PolicyCall): PolicyVerdict {
    const context: CheckContext = {
      rules: this.rules,
      writesInLastHour: (sellerId) =>
        this.store.executions.countSince(sellerId, this.writeTools, new Date(this.store.now().getTime() - 3600_000)),
    };
    for (const check of POLICY_CHECKS) {
      const verdict = check(call, context);
      if (verdict) return verdict;
    }
    throw new Error('the last policy check always decides');
  }
}
