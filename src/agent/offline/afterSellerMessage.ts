import { currentDraft, createListingArguments, isPriced, reviseDraft, type Draft } from './draft.js';
import type { DraftChange } from './draftChange.js';
import { repriceDescribed } from './describedReprice.js';
import { settleByOrTo } from './settleByOrTo.js';
import type { Item, SellerMessage } from './history.js';
import { classify, intentAt, type Intent } from './intent.js';
import { searchCategory, startStep, withPlan } from './requestSteps.js';
import { listedPrice, pendingReprice } from './pendingReprice.js';
import { applyRelativePrice } from './priceChange.js';
import { answerOwnPrice } from './ownPriceQuestion.js';
import * as replies from './replies.js';
import { callTool, say, type Turn } from './turn.js';

/** Words for a posted listing rather than a draft. */
const NAMES_A_LISTING = /\b(?:listings?|ads?|adverts?|advertisement|posts?)\b/i;

/** The next step when the seller has just written: classify the message and act on it. */
export function afterSellerMessage(items: Item[], message: SellerMessage): Turn {
  const intent = intentAt(items, message.index) ?? classify(message, currentDraft(items, message.index));
  const turn = act(items, message, intent);
  return withPlan(items, message.index, turn);
}

function act(items: Item[], message: SellerMessage, intent: Intent): Turn {
  switch (intent.kind) {
    case 'sell':
    case 'several':
      return startStep(intent.kind === 'sell' ? intent : intent.steps[0]);
    case 'sell_unclear':
      return say(replies.askForItem());
    case 'item_needs_detail':
      return say(replies.askItemDetails(intent.item));
    case 'quantity_unclear':
      return say(replies.askOneListingOrEach(intent.item.draft.title, intent.quantity, intent.each, intent.tooMany));
    case 'several_items':
      return say(replies.askWhichItemFirst(intent.parts));
    case 'two_requests':
      return say(replies.askWhichRequestFirst(intent.first, intent.second));
    case 'size_or_price_unclear':
      return say(replies.askSizeOrPrice(intent.item.draft.title, intent.amount));
    case 'vehicle_unclear':
      return say(replies.askVehicleDetails());
    case 'reprice_described':
      return repriceDescribed(items, intent);
    case 'price_question':
      return callTool('searchSimilar', { query: intent.query, category: searchCategory(intent.category), limit: 5 });
    case 'own_price_question':
      return answerOwnPrice(items, intent);
    case 'price_question_unclear':
      return say(replies.askWhichItemToPrice());
    case 'change_draft':
      return repriceInstead(items, message, intent.change) ?? proposeRevision(intent.draft, intent.change);
    case 'change_without_draft':
      return (
        repriceInstead(items, message, intent.change) ??
        // "lower it by 20" with nothing to start from: which listing is meant is the question, not a draft.
        say(
          intent.change.relativePrice || intent.change.byOrTo
            ? replies.askWhichListing()
            : // "change my listing's price to 100": the price is known, the listing is the question.
              intent.change.price !== undefined && NAMES_A_LISTING.test(message.text)
              ? replies.askWhichListingAt(intent.change.price)
              : replies.changeWithoutDraft(),
        )
      );
    case 'price_change_unclear': {
      const pending = pendingReprice(items, message.index);
      if (pending) return say(replies.askNewPriceOf(pending.listingId));
      return say(intent.draft ? replies.draftNeedsPrice(intent.draft) : replies.askWhichListing());
    }
    case 'unsupported':
      return say(replies.cannotDo(intent.action, [...new Set(message.text.match(/\blst_[A-Za-z0-9]{4,32}\b/g) ?? [])]));
    case 'not_an_item':
      return say(replies.notAnItem(intent.what));
    case 'confirm':
      if (!intent.draft) return say(replies.noDraft());
      return isPriced(intent.draft)
        ? callTool('createListing', createListingArguments(intent.draft), replies.draftAgain(intent.draft))
        : say(replies.draftNeedsPrice(intent.draft));
    case 'decline':
      return say(replies.declined());
    case 'reprice':
      return startStep(intent);
    case 'lookup':
      // Re-pricing starts with a look-up too: the seller sees the current price before confirming a new one.
      return callTool('getListing', { listingId: intent.listingId });
    case 'image_only':
      return say(replies.imageOnly());
    case 'greeting':
      return say(replies.greeting());
    case 'thanks':
      return say(replies.thanks());
    case 'help':
      return say(replies.help());
    case 'unknown':
      return say(replies.notUnderstood());
  }
}

function proposeRevision(draft: Draft, asked: DraftChange): Turn {
  const change = settleByOrTo(draft, asked);
  if (change === 'ask') return say(replies.askByOrTo(draft, asked.byOrTo!));
  const { draft: revised, changes } = reviseDraft(draft, change);
  if (!isPriced(revised)) return say(replies.draftNeedsPrice(revised));
  return callTool('createListing', createListingArguments(revised), replies.revisedDraft(changes));
}

/**
 * "350" right after "what should the new price be?" re-prices that listing, not a draft;
 * so does "lower it by 20", from the price the listing was shown at.
 */
function repriceInstead(items: Item[], message: SellerMessage, change: DraftChange): Turn | undefined {
  if (change.price === undefined && change.relativePrice === undefined) return undefined;
  const pending = pendingReprice(items, message.index);
  if (!pending) return undefined;
  const listed = change.relativePrice ? listedPrice(items, pending.listingId, message.index) : undefined;
  const price = change.relativePrice
    ? listed === undefined
      ? undefined
      : applyRelativePrice(listed, change.relativePrice)
    : change.price;
  if (price === undefined) return say(replies.askNewPriceOf(pending.listingId));
  return callTool(
    'updatePrice',
    { listingId: pending.listingId, price },
    replies.repriceRevised(pending.listingId, price, pending.proposed),
  );
}
