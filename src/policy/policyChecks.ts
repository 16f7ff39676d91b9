import { formatEur } from '../domain/listing.js';
import type { PolicyCall, PolicyVerdict } from './policyCall.js';
import type { PolicyRules } from './policyRules.js';
import { findProhibitedTerm } from './prohibitedTerms.js';

export interface CheckContext {
  rules: PolicyRules;
  /** Writes the seller made in the last hour; asked only by the check that needs it. */
  writesInLastHour: (sellerId: string) => Promise<number>;
}

/** One rule: a verdict when it decides the call, undefined to go on to the next rule (a rule may ask the store). */
export type PolicyCheck = (
  call: PolicyCall,
  context: CheckContext,
) => PolicyVerdict | undefined | Promise<PolicyVerdict | undefined>;

const deny = (rule: string, reason: string): PolicyVerdict => ({ decision: 'deny', rule, reason });

export const knownTool: PolicyCheck = ({ tool, effect }) =>
  effect === undefined ? deny('known-tool', `There is no tool named ${tool}.`) : undefined;

export const toolEnabled: PolicyCheck = ({ tool }, { rules }) =>
  rules.tools[tool]?.disabled ? deny('tool-enabled', `${tool} is switched off.`) : undefined;

export const readOnly: PolicyCheck = ({ effect }) =>
  effect === 'read' ? { decision: 'allow', rule: 'read-only', reason: 'Reads change nothing.' } : undefined;

export const listingExists: PolicyCheck = ({ facts }) =>
  facts.listingId !== undefined && !facts.listing
    ? deny('listing-exists', `Listing ${facts.listingId} does not exist.`)
    : undefined;

/** Not switchable in the policy file: acting on another seller's listing is never a setting. */
export const ownListing: PolicyCheck = ({ facts, sellerId }) =>
  facts.listing && facts.listing.sellerId !== sellerId
    ? deny('own-listing', 'Sellers may only re-price their own listings; this listing belongs to someone else.')
    : undefined;

/**
 * Not switchable either: a listing shows only photos its seller sent. Judged before the seller is
 * asked, so a draft naming another seller's (or no) photo never becomes a card to confirm.
 */
export const ownPhotos: PolicyCheck = ({ facts: { photos = [] }, sellerId }) => {
  const foreign = photos.find((p) => p.sellerId !== sellerId);
  return foreign
    ? deny('own-photos', `${foreign.id} is not a photo this seller sent; use only the ids of the seller's photos.`)
    : undefined;
};

export const activeListing: PolicyCheck = ({ facts: { listing } }) =>
  listing && listing.status !== 'active'
    ? deny('active-listing', `Listing ${listing.id} is ${listing.status}; only active listings can be re-priced.`)
    : undefined;

export const priceChanges: PolicyCheck = ({ facts: { listing, price } }) =>
  listing && price !== undefined && price === listing.price
    ? deny('price-changes', `The listing already costs ${formatEur(price)}.`)
    : undefined;

export const categoryAllowed: PolicyCheck = ({ facts: { category } }, { rules }) =>
  category !== undefined && !rules.categories.includes(category)
    ? deny(
        'category-allowed',
        `"${category}" is not a marketplace category. Use one of: ${rules.categories.join(', ')}.`,
      )
    : undefined;

export const priceBounds: PolicyCheck = ({ facts: { price, category } }, { rules }) => {
  if (price === undefined) return undefined;
  const max = (category && rules.price.maxByCategory[category]) || rules.price.max;
  if (price >= rules.price.min && price <= max) return undefined;
  return deny(
    'price-bounds',
    `The price must be between ${formatEur(rules.price.min)} and ${formatEur(max)}${category ? ` for ${category}` : ''}.`,
  );
};

export const prohibitedItem: PolicyCheck = ({ facts }, { rules }) => {
  // Whole words (so "Gundam" is fine), plurals included, however spelt to dodge the match.
  const term = findProhibitedTerm(facts.text ?? '', rules.prohibitedTerms);
  return term
    ? deny('prohibited-item', `Listings for prohibited items ("${term}") are not allowed on this marketplace.`)
    : undefined;
};

export const writeRateLimit: PolicyCheck = async ({ sellerId }, { rules, writesInLastHour }) => {
  const cap = rules.rateLimit.writesPerSellerPerHour;
  return (await writesInLastHour(sellerId)) >= cap
    ? deny('write-rate-limit', `A seller may make at most ${cap} listing changes per hour; please try again later.`)
    : undefined;
};

/** The last rule always decides: a write that passed every check waits for the seller unless configured not to. */
export const confirmation: PolicyCheck = ({ tool }, { rules }) =>
  rules.tools[tool]?.requiresConfirmation === false
    ? {
        decision: 'allow',
        rule: 'write-without-confirmation',
        reason: 'This write is configured not to need confirmation.',
      }
    : {
        decision: 'needs_confirmation',
        rule: 'writes-need-confirmation',
        reason: 'Every write waits for the seller to confirm the exact action.',
      };

/** In order; the first verdict decides. Reads stop at read-only, so the rest judge writes. */
export const POLICY_CHECKS: readonly PolicyCheck[] = [
  knownTool,
  toolEnabled,
  readOnly,
  listingExists,
  ownListing,
  ownPhotos,
  activeListing,
  priceChanges,
  categoryAllowed,
  priceBounds,
  prohibitedItem,
  writeRateLimit,
  confirmation,
];

/**
 * The checks whose answer can change after a call was vetted: the listing may be sold or
 * re-priced, the seller may have written meanwhile. A write re-asks them right before it runs.
 */
export const STATE_CHECKS: readonly PolicyCheck[] = [
  listingExists,
  ownListing,
  activeListing,
  priceChanges,
  writeRateLimit,
];
