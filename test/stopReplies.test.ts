import { describe, expect, it } from 'vitest';
import { STOP_REPLIES } from '../src/agent/replies.js';

// A run can stop after a write the seller confirmed has run (a model error on the next step, a timeout): a stop
// reply that said "nothing was posted or changed" outright would then be false.
describe('stop replies', () => {
  it.each(Object.entries(STOP_REPLIES).filter(([reason]) => reason !== 'expired'))(
    '%s says nothing changed without the seller’s confirmation, not that nothing changed',
    (_reason, reply) => {
      expect(reply).toMatch(/nothing was posted or changed without your confirmation/i);
    },
  );
});
