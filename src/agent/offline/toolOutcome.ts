import type { ListingSummary, PriceStats } from '../../tools/index.js';
import { parseJsonObject } from './history.js';

/**
 * What a tool result means for the next step. Tool results are JSON (see
 * ToolResult in tools/schemas.ts); a call that never ran comes back as plain
 * words: the seller's rejection (with their message, if any), a refusal by
 * the policy gate, or a call that was superseded.
 */
export type ToolOutcome =
  | { kind: 'search'; matches: ListingSummary[]; stats: PriceStats | null }
  | { kind: 'listing'; listing: ListingSummary & { description: string; yours: boolean } }
  | { kind: 'created'; listing: ListingSummary }
  | { kind: 'updated'; listing: ListingSummary; previousPrice: number }
  | { kind: 'invalid_arguments'; issues: string[]; message: string }
  | { kind: 'policy_denied'; message: string }
  | { kind: 'not_found' | 'not_confirmed' | 'failed'; message: string }
  /** A write that answered past its time limit: it may still have gone through. */
  | { kind: 'outcome_unknown'; message: string }
  | { kind: 'rejected'; sellerMessage?: string; expired: boolean }
  | { kind: 'not_run' }
  | { kind: 'unreadable'; text: string };

const SELLER_MESSAGE = /Seller'?s message:\s*"([\s\S]*)"\s*\.?\s*$/i;

export function readToolOutcome(text: string): ToolOutcome {
  const json = parseJsonObject(text);
  if (json && typeof json.ok === 'boolean') return fromJson(json) ?? { kind: 'unreadable', text };

  const refused = /^Refused without asking the seller:\s*([\s\S]*)$/i.exec(text.trim());
  if (refused) return { kind: 'policy_denied', message: refused[1].trim() || 'not allowed' };
  if (/did not confirm|not approved|was rejected|declined|rejected by/i.test(text)) {
    const message = SELLER_MESSAGE.exec(text)?.[1].trim();
    return { kind: 'rejected', sellerMessage: message || undefined, expired: /\bin time\b|expired/i.test(text) };
  }
  if (/did not run|was not run|nothing was changed: the seller moved on/i.test(text)) return { kind: 'not_run' };
  if (/\berror\b|timed out|took too long/i.test(text)) return { kind: 'failed', message: text.trim() };
  return { kind: 'unreadable', text };
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function fromJson(json: Record<string, unknown>): ToolOutcome | undefined {
  if (json.ok === true) {
    if (Array.isArray(json.matches))
      return {
        kind: 'search',
        matches: json.matches as ListingSummary[],
        stats: (json.stats as PriceStats | null) ?? null,
      };
    if (json.listing && typeof json.listing === 'object')
      return { kind: 'listing', listing: json.listing as ListingSummary & { description: string; yours: boolean } };
    if (json.created && typeof json.created === 'object')
      return { kind: 'created', listing: json.created as ListingSummary };
    if (json.updated && typeof json.updated === 'object') {
      return { kind: 'updated', listing: json.updated as ListingSummary, previousPrice: Number(json.previousPrice) };
    }
    return undefined;
  }
  const message = str(json.message, 'no details given');
  switch (json.error) {
    case 'invalid_arguments':
      return { kind: 'invalid_arguments', issues: Array.isArray(json.issues) ? json.issues.map(String) : [], message };
    case 'policy_denied':
      return { kind: 'policy_denied', message };
    case 'not_found':
    case 'not_confirmed':
    case 'failed':
    case 'outcome_unknown':
      return { kind: json.error, message };
    default:
      return { kind: 'failed', message };
  }
}
