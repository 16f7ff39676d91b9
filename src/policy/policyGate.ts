import type { Store } from '../store/index.js';
import type { PolicyCall, PolicyFacts, PolicyVerdict, ToolCallRequest, ToolEffect } from './policyCall.js';
import { formatEur } from '../domain/listing.js';
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

  decide(call: PolicyCall): PolicyVerdict {
    if (call.effect === undefined) return deny('known-tool', `There is no tool named ${call.tool}.`);
    const toolRule = this.rules.tools[call.tool];
    if (toolRule?.disabled) return deny('tool-enabled', `${call.tool} is switched off.`);
    if (call.effect === 'read') return { decision: 'allow', rule: 'read-only', reason: 'Reads change nothing.' };

    const refusal = this.checkWrite(call);
    if (refusal) return refusal;

    if (toolRule?.requiresConfirmation === false) {
      return {
        decision: 'allow',
        rule: 'write-without-confirmation',
        reason: 'This write is configured not to need confirmation.',
      };
    }
    return {
      decision: 'needs_confirmation',
      rule: 'writes-need-confirmation',
      reason: 'Every write waits for the seller to confirm the exact action.',
    };
  }

  private checkWrite({ facts, sellerId }: PolicyCall): PolicyVerdict | undefined {
    const { listing, price, category } = facts;
    if (facts.listingId !== undefined && !listing)
      return deny('listing-exists', `Listing ${facts.listingId} does not exist.`);
    if (listing) {
      if (listing.sellerId !== sellerId) {
        return deny(
          'own-listing',
          'Sellers may only re-price their own listings; this listing belongs to someone else.',
        );
      }
      if (listing.status !== 'active')
        return deny(
          'active-listing',
          `Listing ${listing.id} is ${listing.status}; only active listings can be re-priced.`,
        );
      if (price !== undefined && price === listing.price)
        return deny('price-changes', `The listing already costs ${formatEur(price)}.`);
    }

    if (category !== undefined && !this.rules.categories.includes(category)) {
      return deny(
        'category-allowed',
        `"${category}" is not a marketplace category. Use one of: ${this.rules.categories.join(', ')}.`,
      );
    }
    if (price !== undefined) {
      const max = (category && this.rules.price.maxByCategory[category]) || this.rules.price.max;
      if (price < this.rules.price.min || price > max) {
        return deny(
          'price-bounds',
          `The price must be between ${formatEur(this.rules.price.min)} and ${formatEur(max)}${category ? ` for ${category}` : ''}.`,
        );
      }
    }

    const text = (facts.text ?? '').toLowerCase();
    // Whole words (so "Gundam" is fine), plurals included ("guns").
    const term = this.rules.prohibitedTerms.find((t) =>
      new RegExp(`\\b${escapeRegExp(t.toLowerCase())}(s|es)?\\b`).test(text),
    );
    if (term)
      return deny('prohibited-item', `Listings for prohibited items ("${term}") are not allowed on this marketplace.`);

    const cap = this.rules.rateLimit.writesPerSellerPerHour;
    const since = new Date(this.store.now().getTime() - 3600_000);
    if (this.store.executions.countSince(sellerId, this.writeTools, since) >= cap) {
      return deny(
        'write-rate-limit',
        `A seller may make at most ${cap} listing changes per hour; please try again later.`,
      );
    }
    return undefined;
  }
}

function deny(rule: string, reason: string): PolicyVerdict {
  return { decision: 'deny', rule, reason };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
