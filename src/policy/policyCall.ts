import type { Listing } from '../domain/listing.js';

export type ToolEffect = 'read' | 'write';

export type PolicyDecision = 'allow' | 'needs_confirmation' | 'deny';

export interface PolicyVerdict {
  decision: PolicyDecision;
  /** A stable rule name, used in traces, metrics and evals. */
  rule: string;
  /** Plain words, safe to show to the model and the seller. */
  reason: string;
}

/** What a write tool's spec tells the policy beyond its arguments (looked up for valid arguments). */
export interface PolicyFacts {
  /** The id of the listing the call changes, when it changes one. */
  listingId?: string;
  /** That listing as it is now; absent when the id names none. */
  listing?: Pick<Listing, 'id' | 'sellerId' | 'status' | 'price' | 'category'>;
  /** The category the result is in: the draft's, or the re-priced listing's. */
  category?: string;
  /** The price the call would set (EUR). */
  price?: number;
  /** Text the call would publish, checked for prohibited items. */
  text?: string;
  /** The photos the call would publish, each with its owner (absent: no such photo). */
  photos?: { id: string; sellerId?: string }[];
}

/** A call by tool name with arguments that already passed the tool's schema. */
export interface ToolCallRequest {
  tool: string;
  args: Record<string, unknown>;
  sellerId: string;
}

/** What the checks decide over: the call with its tool's effect (undefined: no such tool) and facts. */
export interface PolicyCall extends ToolCallRequest {
  effect: ToolEffect | undefined;
  facts: PolicyFacts;
}
