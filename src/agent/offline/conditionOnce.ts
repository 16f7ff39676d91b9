import { conditionFrom, requestedCondition } from './condition.js';

/**
 * The description ends with "Condition: good."; a clause of the seller's that says only the same
 * thing ("good condition", "in great condition", "condition is good", "like new") would say it twice.
 * Such a clause is left out; one with more in it ("like new, only used twice") is the seller's detail.
 */

const STATE =
  String.raw`(?:(?:very|really|super|overall)\s+)?(?:good|great|excellent|perfect|mint|fair|ok|okay|decent|` +
  String.raw`pristine|immaculate|like\s+new|as\s+new|brand\s+new|new)`;

const CONDITION_ONLY = new RegExp(
  String.raw`(^|[,;.!]|\s[-–—]|\s(?=in\s))\s*(?:(?:it(?:'s|\s+is)|is)\s+)?(?:(?:in\s+)?${STATE}\s+(?:condition|shape)|` +
    String.raw`condition\s*(?::|is|-)?\s*${STATE}|like\s+new|as\s+new|brand\s+new)\s*(?=[,;.!]|\s[-–—]|$)`,
  'gi',
);

export function withoutConditionClauses(text: string, condition: string): string {
  const out = text.replace(CONDITION_ONLY, (clause, start: string) =>
    (conditionFrom(clause) ?? requestedCondition(clause)) === condition
      ? start && /[.!]/.test(start)
        ? start
        : ''
      : clause,
  );
  // "(10th generation), like new, for 70" loses the clause, not the comma before it: no ",." left behind.
  return out === text ? text : out.replace(/\s*[,;]\s*(?=[.!?]|$)/g, '');
}
