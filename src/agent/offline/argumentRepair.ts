import type { z } from 'zod';
import { isToolName, TOOL_PARAMETERS, type ToolName } from '../../tools/index.js';
import { argText } from '../../shared/argText.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { canonicalCategory, categoryOf } from './category.js';
import { canonicalCondition, DEFAULT_CONDITION } from './condition.js';
import { parseJsonObject } from './history.js';
import { clampWords, TITLE_MAX } from './itemText.js';
import { parseAmount } from './price.js';

/**
 * Mechanical fixes for arguments a tool refused as invalid (too-long title,
 * price as text or with too many decimals, category in the wrong case). Only
 * fixes that need no judgement; the result must pass the tool's own schema,
 * otherwise the model apologises instead of guessing.
 */

const LISTING_ID = /lst_[A-Za-z0-9]{4,32}/;

function price(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 100) / 100;
  if (typeof value === 'string') {
    const digits = /\d[\d.,]*/.exec(value)?.[0];
    return digits ? parseAmount(digits.replace(/[.,]$/, '')) : value;
  }
  return value;
}

function trimStrings(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v]),
  );
}

function fix(tool: ToolName, raw: Record<string, unknown>): Record<string, unknown> {
  const args = trimStrings(raw);
  switch (tool) {
    case 'createListing': {
      const title = typeof args.title === 'string' ? clampWords(args.title, TITLE_MAX) : args.title;
      const condition = (typeof args.condition === 'string' && canonicalCondition(args.condition)) || DEFAULT_CONDITION;
      let description = typeof args.description === 'string' ? args.description.slice(0, 4000) : '';
      if (description.length < 10 && typeof title === 'string')
        description = `${description ? `${description} ` : ''}${title}. Condition: ${condition}.`;
      const category =
        (typeof args.category === 'string' && canonicalCategory(args.category)) ||
        categoryOf(argText(title), description);
      return { title, description, category, price: price(args.price), condition };
    }
    case 'updatePrice':
      return {
        listingId: LISTING_ID.exec(argText(args.listingId))?.[0] ?? args.listingId,
        price: price(args.price),
      };
    case 'getListing':
      return { listingId: LISTING_ID.exec(argText(args.listingId))?.[0] ?? args.listingId };
    case 'searchSimilar': {
      const fixed: Record<string, unknown> = {
        query: typeof args.query === 'string' ? args.query.slice(0, 200) : args.query,
      };
      if ('category' in args)
        fixed.category = typeof args.category === 'string' ? (canonicalCategory(args.category) ?? null) : null;
      if ('limit' in args) {
        fixed.limit =
          typeof args.limit === 'number' && Number.isFinite(args.limit)
            ? Math.min(20, Math.max(1, Math.round(args.limit)))
            : null;
      }
      return fixed;
    }
  }
}

/** Fixed arguments for a retry, or undefined when there is nothing mechanical to fix. */
export function repairArguments(tool: string, rawArguments: string): Record<string, unknown> | undefined {
  if (!isToolName(tool)) return undefined;
  const original = parseJsonObject(rawArguments);
  if (!original) return undefined;
  const parsed = (TOOL_PARAMETERS[tool] as z.ZodObject).safeParse(fix(tool, original));
  if (!parsed.success) return undefined;
  const repaired = parsed.data;
  return canonicalJson(repaired) === canonicalJson(original) ? undefined : repaired;
}
