import { afterSellerMessage } from './afterSellerMessage.js';
import { afterToolResult } from './afterToolResult.js';
import { sellerMessageAt, toolResultAt, type Item } from './history.js';
import * as replies from './replies.js';
import { continueSteps } from './requestSteps.js';
import { say, type Turn } from './turn.js';

/**
 * The offline model's whole decision: a pure function of the conversation.
 * The last item says what just happened: a tool answered, or the seller wrote.
 */
export function respond(items: Item[]): Turn {
  const last = items.length - 1;
  const result = toolResultAt(items, last);
  if (result) return continueSteps(items, result, afterToolResult(items, result));
  const message = sellerMessageAt(items, last);
  if (message) return afterSellerMessage(items, message);
  // Nothing new to act on (the Runner does not normally call a model in this state).
  return say(replies.help());
}
