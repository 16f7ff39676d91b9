import { currentDraft, draftFromOffer } from './draft.js';
import type { Item, SellerMessage } from './history.js';
import type { Intent } from './intentKind.js';

/** "it's an", "this is a": the seller goes on about the item under discussion. */
const SAME_ITEM_LEAD = /^(?:it'?s|it is|its|this is|that'?s|that is|the \w+ is)\s+(?=(?:a|an|the)\b)/i;

/** Verbs of an edit ("make it", "call it"): such a message changes the draft, it does not describe the item. */
const EDIT_VERB = /\b(?:make|change|set|lower|reduce|drop|raise|increase|bump|update|cut|call|rename|title|adjust)\b/i;

/**
 * "I want to sell a chair", then "it's an IKEA Poäng armchair, good condition, 40 euros" or "a Cube
 * Attention 2021, size L": the details of the item drafted only by its type. The draft starts again
 * from the fuller description (searched anew), instead of keeping the bare "Chair" or not understanding.
 */
export function moreDetailedItem(items: Item[], message: SellerMessage, intent: Intent): Intent | undefined {
  const readAsNewItem = intent.kind === 'sell' && SAME_ITEM_LEAD.test(message.text);
  if (intent.kind !== 'change_draft' && intent.kind !== 'unknown' && !readAsNewItem) return undefined;
  const draft = intent.kind === 'change_draft' ? intent.draft : currentDraft(items, message.index);
  if (!draft || draft.title.split(/\s+/).length > 2 || EDIT_VERB.test(message.text)) return undefined;
  const lead = SAME_ITEM_LEAD.exec(message.text);
  const said = message.text.slice(lead?.[0].length ?? 0).trim();
  if ((!lead && !/^(?:a|an)\s/i.test(said)) || NOT_AN_ITEM.test(said)) return undefined;
  const first = draftFromOffer({ itemText: said, explicit: true });
  if (first.vague || first.draft.title.split(/\s+/).length < 2) return undefined;
  const type = draft.title.toLowerCase();
  const named = first.draft.title.toLowerCase().includes(type);
  // A brand and model the categories do not know ("a Cube Attention 2021") is the item drafted by its type.
  const unknownBrand = first.draft.category === 'Other' && /\b[A-Z]/.test(said.replace(/^(?:a|an)\s+/i, ''));
  if (first.draft.category !== draft.category && !named && !unknownBrand) return undefined;
  if (!unknownBrand || named || !/^\p{L}+$/u.test(type)) return { kind: 'sell', item: first };
  // "Cube Attention 2021, size L" after "my bike": the type word goes with the model ("…2021 bike, size L").
  const itemText = said.replace(/^([^,;.]*)/, `$1 ${type}`);
  const item = draftFromOffer({ itemText, explicit: true });
  return { kind: 'sell', item: { ...item, draft: { ...item.draft, category: draft.category } } };
}

/** "a bit rusty", "a few scratches": words about the item's state, not another item. */
const NOT_AN_ITEM = /^(?:a|an)\s+(?:bit|little|few|lot|couple|tad)\b/i;
