import { describe, expect, it } from 'vitest';
import { STOP_REPLIES } from '../src/agent/replies.js';

// A run can stop after a write the seller confirmed has run (a model error on the next step, a timeout): a stop
// reply that said "nothing was posted or changed" outright would then be false.
describe('stop replies', () => {
  it.each(Object.entries(STOP_REPLIES).filter(([reason]) => reason !== 'expired'))(
    '%s claims nothing changed only without the seller’s confirmation',
    (_reason, reply) => {
      if (/nothing was posted or changed/i.test(reply)) expect(reply).toMatch(/without your confirmation/);
    },
  );
});
