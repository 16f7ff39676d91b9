import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyGate, loadPolicyRules } from '../src/policy/index.js';
import { CallVetting, TOOL_SPECS, toolSpec } from '../src/tools/index.js';
import { tempStore } from './support/tempStore.js';

// Arguments a hostile or confused model (or a seller editing a proposal) sends to bend a rule,
// vetted the way every call is: the tool's schema, then the policy gate.
const SELLER = 'seller-1';
let t: ReturnType<typeof tempStore>;
let vetting: CallVetting;
let n = 0;

beforeAll(async () => {
  t = tempStore();
  vetting = new CallVetting(
    new PolicyGate(loadPolicyRules(), t.store, TOOL_SPECS),
    (tool) => toolSpec(tool)?.parameters,
  );
});
afterAll(() => t?.dispose());

const vet = (tool: string, input: unknown) =>
  vetting.vet({ runId: 'run_attacks', callId: `c${n++}`, sellerId: SELLER, tool, input });

const draft = {
  title: 'Leather holster bag',
  description: 'A sturdy bag in good condition, pick-up only.',
  category: 'Sports',
  price: 40,
  condition: 'good',
};

describe('prohibited items, however spelt', () => {
  it.each([
    ['zero-width space inside the word', 'g\u200Bun for sale'],
    ['soft hyphen inside the word', 'pis\u00ADtol, barely used'],
    ['full-width letters', 'ｇｕｎ and case'],
    ['accents', 'Pístol replica'],
    ['Cyrillic look-alike letters', 'ѕtоlеn road bike'],
    ['digits for letters', 'st0len road bike'],
    ['symbols for letters', '$tolen road bike'],
    ['spaced-out letters', 'G U N cleaning kit'],
    ['dotted letters', 'a.m.m.o box, full'],
    ['a symbol inside the word', 'g*un, works'],
    ['a hyphen inside the word', 'rep-lica rolex watch'],
    ['two words run together', 'fakeid cards'],
    ['two words across a line break', 'Replica\nRolex'],
    ['a plural with -es', 'two replica rolexes'],
  ])('refuses %s', async (_how, title) => {
    const { verdict } = await vet('createListing', { ...draft, title });
    expect(verdict).toMatchObject({ decision: 'deny', rule: 'prohibited-item' });
  });

  it.each([
    'Gundam model kit',
    'Gunmetal grey bike lock',
    'Heroines of history, hardcover',
    'Storage box, e.g. UN-approved',
    'Flour 250 g unsalted butter dish',
    'Ammonite fossil pendant',
    'Pistachio green armchair',
    'Big unit shelf',
  ])('still asks the seller about "%s"', async (title) => {
    const { verdict } = await vet('createListing', { ...draft, title });
    expect(verdict).toMatchObject({ decision: 'needs_confirmation' });
  });
});
