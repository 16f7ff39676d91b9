import { describe, expect, it } from 'vitest';
import { ask, callsOf, textOf, user } from './support/offlineConversation.js';

/** "are you a bot?": the offline assistant says what it is, instead of "I didn't understand". */

describe('a question about what the assistant is', () => {
  it.each(['are you a bot?', 'r u a bot?', 'are you human', 'are you real?', 'are you an AI'])('%s', async (text) => {
    const response = await ask([user(text)]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/rule-based helper, not an AI model/);
    expect(textOf(response)).not.toMatch(/didn't understand/);
  });

  it.each(['are you sure?', 'are you selling a bike?'])('is not read into %s', async (text) => {
    expect(textOf(await ask([user(text)]))).not.toMatch(/rule-based helper, not an AI model\. I can/);
  });
});
