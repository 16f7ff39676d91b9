import type { Store } from '../store/index.js';
import { formatEur } from '../domain/listing.js';
import { argText } from '../shared/argText.js';
import type { PolicyRules } from './policyRules.js';

export type PolicyDecision = 'allow' | 'needs_confirmation' | 'deny';

export interface PolicyVerdict {
  decision: PolicyDecision;
  /** A stable rule name, used in traces, metrics and evals. */
  rule: string;
  /** Plain words, safe to show to the model and the seller. */
  reason: string;
}

export interface ToolCallRequest {
  tool: string;
  /** Arguments that already passed the tool's schema. */
  args: Record<string, unknown>;
  sellerId: string;
}

/**
 * Decides allow / needs-confirmation / deny for every tool call from the rules
 * in `policies/` and the facts in the store. It is pure with respect to its
 * inputs (reads only), so the SDK may call it again when a paused run resumes.
 * Writes are re-decided right before they execute, so a rule that changed, a
 * listing sold or a rate limit reached meanwhile still holds.
 */
export class PolicyGate {
  constructor(
    readonly rules: PolicyRules,
    private readonly store: Store,
  ) {}

  isWrite(tool: string): boolean {
    return this.rules.tools[tool]?.effect === 'write';
  }

  writeTools(): string[] {
    return Object.entries(this.rules.tools)
      .filter(([, t]) => t.effect === 'write')
      .map(([name]) => name);
  }

  evaluate(call: ToolCallRequest): PolicyVerdict {
    const toolRule = this.rules.tools[call.tool];
    if (!toolRule) return deny('known-tool', `There is no tool named ${call.tool}.`);
    if (toolRule.disabled) return deny('tool-enabled', `${call.tool} is switched off.`);
    if (toolRule.effect === 'read') return { decision: 'allow', rule: 'read-only', reason: 'Reads change nothing.' };

    const refusal = this.checkWrite(call);
    if (refusal) return refusal;

    if (toolRule.requiresConfirmation === false) {
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

  private checkWrite(call: ToolCallRequest): PolicyVerdict | undefined {
    const { args } = call;
    const price = typeof args.price === 'number' ? args.price : undefined;
    let category = typeof args.category === 'string' ? args.category : undefined;

    if (call.tool === 'updatePrice') {
      const listing = this.store.listings.get(String(args.listingId));
      if (!listing) return deny('listing-exists', `Listing ${String(args.listingId)} does not exist.`);
      if (listing.sellerId !== call.sellerId) {
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
      category = listing.category;
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

    const text = `${argText(args.title)} ${argText(args.description)}`.toLowerCase();
    // Whole words (so "Gundam" is fine), plurals included ("guns").
    const term = this.rules.prohibitedTerms.find((t) =>
      new RegExp(`\\b${escapeRegExp(t.toLowerCase())}(s|es)?\\b`).test(text),
    );
    if (term)
      return deny('prohibited-item', `Listings for prohibited items ("${term}") are not allowed on this marketplace.`);

    const cap = this.rules.rateLimit.writesPerSellerPerHour;
    const since = new Date(this.store.now().getTime() - 3600_000);
    if (this.store.executions.countSince(call.sellerId, this.writeTools(), since) >= cap) {
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
