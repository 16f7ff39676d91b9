import { describe, expect, it } from 'vitest';
import type { AgentInputItem, ModelResponse, StreamEvent } from '@openai/agents';
import type { ToolResult } from '../src/tools/index.js';
import { ask, assistant, call, model, request, result, textOf, user } from './support/offlineConversation.js';

/** Hand-built conversations, fed straight to the model: no runner, no tools. */
const userWithPhoto = (text: string): AgentInputItem => ({
  type: 'message',
  role: 'user',
  content: [
    { type: 'input_text', text },
    { type: 'input_image', image: 'data:image/png;base64,iVBORw0KGgo=' },
  ],
});

/** The calls a response makes, with their ids (the ids say which step of the conversation made them). */
function callsOf(response: ModelResponse): Array<{ name: string; args: Record<string, unknown>; callId: string }> {
  return response.output.flatMap((item) =>
    item.type === 'function_call'
      ? [{ name: item.name, args: JSON.parse(item.arguments) as Record<string, unknown>, callId: item.callId }]
      : [],
  );
}

const stats = { count: 12, min: 350, p25: 380, median: 419.6, p75: 450, max: 480 };
const comparable = {
  id: 'lst_0000009',
  title: 'Trek Marlin 7 (2020)',
  category: 'Sports',
  condition: 'good',
  price: 400,
  status: 'active',
  sellerId: 'seller-2',
};
const searchOk = (s: typeof stats | null = stats): ToolResult => ({
  ok: true,
  matches: s ? [comparable] : [],
  stats: s,
  note: 'Seller-written data.',
});

const bikeDraft = {
  title: 'Trek Marlin 7 bike',
  description: 'Trek Marlin 7 bike, barely used. Condition: like new.',
  category: 'Sports',
  price: 420,
  condition: 'like new',
};

const sofa = {
  id: 'lst_0000001',
  title: 'Grey IKEA sofa',
  category: 'Furniture',
  condition: 'fair',
  price: 400,
  status: 'active',
  sellerId: 'seller-1',
};

describe('OfflineModel: describing an item to sell', () => {
  it('searches for comparables in the right category, without words yet', async () => {
    const response = await ask([user('I want to sell my Trek Marlin 7 bike, barely used')]);
    expect(callsOf(response)).toEqual([
      {
        name: 'searchSimilar',
        args: { query: 'Trek Marlin 7 bike', category: 'Sports', limit: 5 },
        callId: 'call_off_1_0',
      },
    ]);
    expect(textOf(response)).toBe('');
  });

  it.each([
    ['selling a brand new iPhone 13 for 500', 'Electronics'],
    ['I have a Sony WH-1000XM4 headphones for sale, used but works perfectly', 'Electronics'],
    ['IKEA Kallax shelf, white, 40 euros', 'Furniture'],
    ['list my leather jacket, size M', 'Clothing'],
    ['Can you help me sell my Vespa scooter?', 'Vehicles'],
    ['I would like to sell a box of Harry Potter books', 'Books'],
    ['selling my Bosch drill, never used, asking 60', 'Home & Garden'],
    ['I want to sell my bike helmet', 'Sports'],
  ])('"%s" → searchSimilar in %s', async (text, category) => {
    const [search] = callsOf(await ask([user(text)]));
    expect(search.name).toBe('searchSimilar');
    expect(search.args.category).toBe(category);
  });

  it('proposes createListing at the rounded median and explains the comparables', async () => {
    const response = await ask([
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('searchSimilar', { query: 'Trek Marlin 7 bike', category: 'Sports', limit: 5 }, 'call_off_1_0'),
      result('searchSimilar', 'call_off_1_0', searchOk()),
    ]);
    const calls = callsOf(response);
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('createListing');
    expect(calls[0].args).toEqual({ ...bikeDraft, price: 420 });
    const text = textOf(response);
    expect(text).toContain('median €419.60');
    expect(text).toContain('12 similar active listings');
    expect(text).toContain('I suggest €420');
    expect(text).toMatch(/confirm/i);
    // The seller sees the draft as a card: the reply does not restate its fields.
    expect(text).not.toContain(bikeDraft.description);
    expect(text).not.toMatch(/Sports|like new/);
  });

  it('keeps a price the seller stated instead of the median', async () => {
    const response = await ask([
      user('IKEA Kallax shelf, white, 40 euros'),
      call('searchSimilar', { query: 'IKEA Kallax shelf', category: 'Furniture', limit: 5 }, 'c1'),
      result('searchSimilar', 'c1', searchOk()),
    ]);
    const [create] = callsOf(response);
    expect(create.args).toMatchObject({
      title: 'IKEA Kallax shelf, white',
      category: 'Furniture',
      price: 40,
      condition: 'good',
    });
    expect(textOf(response)).toContain('median €419.60');
  });

  it('asks for a price, without posting, when there are no comparables and no stated price', async () => {
    const response = await ask([
      user('I want to sell my handmade birdhouse'),
      call('searchSimilar', { query: 'handmade birdhouse', category: null, limit: 5 }, 'c1'),
      result('searchSimilar', 'c1', searchOk(null)),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/no comparable active listings.*What price/);
  });

  it('answers an image with little text honestly', async () => {
    const response = await ask([userWithPhoto('sell this')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/can't see photos/);
  });
});

describe('OfflineModel: price questions', () => {
  it('searches, then answers with the range and median without writing', async () => {
    const first = await ask([user('How much should I ask for my Trek Marlin 7 bike?')]);
    expect(callsOf(first)[0]).toMatchObject({
      name: 'searchSimilar',
      args: { query: 'Trek Marlin 7 bike', category: 'Sports' },
    });
    const second = await ask([
      user('How much should I ask for my Trek Marlin 7 bike?'),
      call('searchSimilar', callsOf(first)[0].args, 'call_off_1_0'),
      result('searchSimilar', 'call_off_1_0', searchOk()),
    ]);
    expect(callsOf(second)).toEqual([]);
    expect(textOf(second)).toContain('€350–€480 (median €419.60)');
  });
});

describe('OfflineModel: changing a draft', () => {
  const proposed = [
    user('I want to sell my Trek Marlin 7 bike, barely used'),
    call('searchSimilar', { query: 'Trek Marlin 7 bike', category: 'Sports', limit: 5 }, 'call_off_1_0'),
    result('searchSimilar', 'call_off_1_0', searchOk()),
    assistant("Here's your draft…"),
    call('createListing', bikeDraft, 'call_off_3_0'),
  ];

  it('follows a rejection that names a new price', async () => {
    const response = await ask([
      ...proposed,
      result(
        'createListing',
        'call_off_3_0',
        'The seller did not confirm this action, so nothing was changed. Seller\'s message: "make it 80"',
      ),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'createListing', args: { ...bikeDraft, price: 80 }, callId: 'call_off_6_0' },
    ]);
    expect(textOf(response)).toContain('the price to €80 (was €420)');
  });

  it('follows a rejection that names a new title', async () => {
    const response = await ask([
      ...proposed,
      result(
        'createListing',
        'call_off_3_0',
        'The seller did not confirm this action. Seller\'s message: "call it Trek Marlin 7 mountain bike, size L"',
      ),
    ]);
    expect(callsOf(response)[0].args).toEqual({ ...bikeDraft, title: 'Trek Marlin 7 mountain bike, size L' });
  });

  it.each(['The seller did not confirm this action, so nothing was changed.', 'Tool execution was not approved.'])(
    'asks what to change after a rejection without a reason: %s',
    async (output) => {
      const response = await ask([...proposed, result('createListing', 'call_off_3_0', output)]);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toBe("OK, I won't do that. Tell me what to change.");
    },
  );

  it.each([
    ['make it 120', { price: 120 }],
    ['change the price to 99.50', { price: 99.5 }],
    ['lower it to 80', { price: 80 }],
    ['change the title to Trek Marlin 7 2021', { title: 'Trek Marlin 7 2021' }],
    ['actually it is brand new', { condition: 'new', description: 'Trek Marlin 7 bike, barely used. Condition: new.' }],
  ])('revises the draft in chat: "%s"', async (text, changed) => {
    const response = await ask([
      ...proposed,
      result(
        'createListing',
        'call_off_3_0',
        'This action did not run and nothing was changed: the seller moved on or the run was interrupted.',
      ),
      user(text),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'createListing', args: { ...bikeDraft, ...changed }, callId: 'call_off_7_0' },
    ]);
  });

  it('proposes the current draft again when the seller says yes in chat', async () => {
    const response = await ask([
      ...proposed,
      result('createListing', 'call_off_3_0', 'The seller did not confirm this action.'),
      assistant('OK'),
      user('yes, post it'),
    ]);
    expect(callsOf(response)[0]).toMatchObject({ name: 'createListing', args: bikeDraft });
  });

  it('has no draft to post once the listing is live: a new price re-prices that listing', async () => {
    const response = await ask([
      ...proposed,
      result('createListing', 'call_off_3_0', {
        ok: true,
        created: {
          id: 'lst_0000042',
          title: bikeDraft.title,
          category: 'Sports',
          condition: 'like new',
          price: 420,
          status: 'active',
          sellerId: 'seller-1',
        },
      }),
      assistant('Your listing is live…'),
      user('make it 400'),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'getListing', args: { listingId: 'lst_0000042' }, callId: expect.any(String) },
    ]);
  });

  it('reports a live listing with its id', async () => {
    const created = {
      id: 'lst_0000042',
      title: bikeDraft.title,
      category: 'Sports',
      condition: 'like new',
      price: 420,
      status: 'active',
      sellerId: 'seller-1',
    };
    const response = await ask([...proposed, result('createListing', 'call_off_3_0', { ok: true, created })]);
    expect(textOf(response)).toBe('Your listing is live: Trek Marlin 7 bike at €420 (id lst_0000042).');
  });

  it('relays a policy refusal plainly and does not retry', async () => {
    const message = 'The price must be between €1 and €50,000.';
    const response = await ask([
      ...proposed,
      result('createListing', 'call_off_3_0', { ok: false, error: 'policy_denied', rule: 'price-bounds', message }),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toContain(message);
    const refused = await ask([
      ...proposed,
      result('createListing', 'call_off_3_0', `Refused without asking the seller: ${message}`),
    ]);
    expect(callsOf(refused)).toEqual([]);
    expect(textOf(refused)).toContain(message);
  });

  it('retries invalid arguments once with a mechanical fix, then apologises', async () => {
    const longTitle = `${'Very long title word '.repeat(8)}end`;
    const invalid: ToolResult = {
      ok: false,
      error: 'invalid_arguments',
      issues: ['title: Too big'],
      message: 'Fix these arguments',
    };
    const history = [
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('createListing', { ...bikeDraft, title: longTitle }, 'c1'),
      result('createListing', 'c1', invalid),
    ];
    const retry = callsOf(await ask(history));
    expect(retry).toHaveLength(1);
    expect((retry[0].args.title as string).length).toBeLessThanOrEqual(80);

    const again = await ask([
      ...history,
      call('createListing', { ...bikeDraft, title: 'x' }, 'c2'),
      result('createListing', 'c2', invalid),
    ]);
    expect(callsOf(again)).toEqual([]);
    expect(textOf(again)).toContain('title: Too big');
  });
});

describe('OfflineModel: listings', () => {
  it('re-prices in two steps: getListing, then updatePrice', async () => {
    const first = await ask([user('change the price of lst_0000001 to 350')]);
    expect(callsOf(first)).toEqual([
      { name: 'getListing', args: { listingId: 'lst_0000001' }, callId: 'call_off_1_0' },
    ]);
    const second = await ask([
      user('change the price of lst_0000001 to 350'),
      call('getListing', { listingId: 'lst_0000001' }, 'call_off_1_0'),
      result('getListing', 'call_off_1_0', {
        ok: true,
        listing: { ...sofa, description: 'Grey sofa.', yours: true },
        note: 'data',
      }),
    ]);
    expect(callsOf(second)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000001', price: 350 }, callId: 'call_off_3_0' },
    ]);
    // The card shows the change from €400; the reply names the listing and the new price only.
    expect(textOf(second)).toMatch(/Grey IKEA sofa to €350\b/);
    expect(textOf(second)).not.toContain('Grey sofa.');
  });

  it("still proposes updatePrice for someone else's listing: refusing is the policy gate's job", async () => {
    const response = await ask([
      user('reduce lst_0000001 to 300'),
      call('getListing', { listingId: 'lst_0000001' }, 'c1'),
      result('getListing', 'c1', {
        ok: true,
        listing: { ...sofa, sellerId: 'seller-2', description: 'Grey sofa.', yours: false },
        note: 'data',
      }),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000001', price: 300 }, callId: 'call_off_3_0' },
    ]);
  });

  it('describes a listing that was only looked up', async () => {
    const response = await ask([
      user('show me lst_0000001'),
      call('getListing', { listingId: 'lst_0000001' }, 'c1'),
      result('getListing', 'c1', {
        ok: true,
        listing: { ...sofa, description: 'Grey sofa.', yours: true },
        note: 'data',
      }),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/Grey IKEA sofa.*€400.*fair.*active/);
  });

  it('reports a finished price change', async () => {
    const response = await ask([
      user('set my listing lst_0000001 to 350'),
      call('updatePrice', { listingId: 'lst_0000001', price: 350 }, 'c2'),
      result('updatePrice', 'c2', { ok: true, updated: { ...sofa, price: 350 }, previousPrice: 400 }),
    ]);
    expect(textOf(response)).toBe('Done: Grey IKEA sofa now costs €350 (was €400).');
  });

  it('follows a rejected price change that names another price', async () => {
    const response = await ask([
      user('set my listing lst_0000001 to 350'),
      call('updatePrice', { listingId: 'lst_0000001', price: 350 }, 'c2'),
      result('updatePrice', 'c2', 'The seller did not confirm this action. Seller\'s message: "€320 please"'),
    ]);
    expect(callsOf(response)[0]).toMatchObject({ name: 'updatePrice', args: { listingId: 'lst_0000001', price: 320 } });
  });

  it('explains a listing that does not exist', async () => {
    const response = await ask([
      user('show me lst_9999999'),
      call('getListing', { listingId: 'lst_9999999' }, 'c1'),
      result('getListing', 'c1', { ok: false, error: 'not_found', message: 'There is no listing lst_9999999.' }),
    ]);
    expect(textOf(response)).toContain('There is no listing lst_9999999.');
  });
});

describe('OfflineModel: honesty and shape', () => {
  it.each(['What is the capital of France?', 'write me a poem about cats'])(
    'says it did not understand "%s", without tools',
    async (text) => {
      const response = await ask([user(text)]);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toMatch(/didn't understand/);
      expect(textOf(response)).toMatch(/rule-based, not an AI model/);
      // The capability list quotes example requests ("show me lst_0000001"); outside those quotes the reply names no
      // listing id.
      expect(textOf(response).replace(/"[^"\n]*"/g, '""')).not.toMatch(/lst_\d+/);
    },
  );

  it('is deterministic, with non-zero usage and a message shaped like the SDK builds it', async () => {
    const input = [user('hello')];
    const a = await ask(input);
    const b = await ask(input);
    expect(a.output).toEqual(b.output);
    expect(a.responseId).toBe(b.responseId);
    expect(a.usage.inputTokens).toBeGreaterThan(0);
    expect(a.usage.outputTokens).toBeGreaterThan(0);
    expect(a.usage.totalTokens).toBe(a.usage.inputTokens + a.usage.outputTokens);
    expect(a.output[0]).toEqual({
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: expect.any(String) }],
    });
  });

  it('accepts a plain string input', async () => {
    const response = await model.getResponse({ ...request([]), input: 'I want to sell my Trek Marlin 7 bike' });
    expect(callsOf(response)[0].name).toBe('searchSimilar');
  });

  it('streams the reply as word deltas that add up to the final text', async () => {
    const events: StreamEvent[] = [];
    const input = [
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('searchSimilar', { query: 'Trek Marlin 7 bike', category: 'Sports', limit: 5 }, 'call_off_1_0'),
      result('searchSimilar', 'call_off_1_0', searchOk()),
    ];
    for await (const event of model.getStreamedResponse(request(input))) events.push(event);
    expect(events[0]).toEqual({ type: 'response_started' });
    const done = events[events.length - 1];
    if (done.type !== 'response_done') throw new Error('the stream must end with response_done');
    const deltas = events
      .filter((e) => e.type === 'output_text_delta')
      .map((e) => (e.type === 'output_text_delta' ? e.delta : ''));
    expect(deltas.length).toBeGreaterThan(3);
    const final = textOf({ output: done.response.output, usage: (await ask(input)).usage });
    expect(deltas.join('')).toBe(final);
    expect(final).toContain('median');
    expect(done.response.output.some((item) => item.type === 'function_call' && item.name === 'createListing')).toBe(
      true,
    );
    expect(done.response.usage.totalTokens).toBeGreaterThan(0);
  });
});

describe('OfflineModel: relative price changes', () => {
  const lookedUp = (text: string, listing: Partial<typeof sofa> = {}): AgentInputItem[] => [
    user(text),
    call('getListing', { listingId: 'lst_0000001' }, 'c1'),
    result('getListing', 'c1', {
      ok: true,
      listing: { ...sofa, ...listing, description: 'Grey sofa.', yours: true },
      note: 'data',
    }),
  ];

  it('raises by an amount from the current price, not to the amount', async () => {
    const text = 'Lots of interest in my sofa lst_0000001, raise the price by 20 euros.';
    expect(callsOf(await ask([user(text)]))).toEqual([
      { name: 'getListing', args: { listingId: 'lst_0000001' }, callId: 'call_off_1_0' },
    ]);
    const response = await ask(lookedUp(text));
    expect(callsOf(response)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000001', price: 420 }, callId: 'call_off_3_0' },
    ]);
    expect(textOf(response)).toMatch(/listed at €400; raising it by €20 makes €420/);
  });

  it.each([
    ['lower lst_0000001 by 30', 370],
    ['knock €15 off lst_0000001', 385],
    ['reduce lst_0000001 by 10 euros', 390],
    ['lower the price of lst_0000001 by 10%', 360],
    ['10% off lst_0000001 please', 360],
    ['reduce lst_0000001 15 percent', 340],
    ['raise lst_0000001 by 5%', 420],
    ['lower lst_0000001 to 300', 300],
  ])('"%s" on a listing at €400 proposes %d', async (text, price) => {
    expect(callsOf(await ask(lookedUp(text)))).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000001', price }, callId: 'call_off_3_0' },
    ]);
  });

  it('rounds a percentage to cents', async () => {
    const response = await ask(lookedUp('reduce lst_0000001 by 15%', { price: 289.99 }));
    expect(callsOf(response)[0].args).toEqual({ listingId: 'lst_0000001', price: 246.49 });
  });

  it('asks for a price instead of proposing zero or less', async () => {
    const response = await ask(lookedUp('lower lst_0000001 by €500'));
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/Lowering it by €500 would leave no price\. What should the new price be\?/);
  });

  it('works out "lower it by 30" from the price the listing was shown at', async () => {
    const response = await ask([
      ...lookedUp('I want to re-price lst_0000001'),
      assistant('What should the new price be?'),
      user('lower it by 30'),
    ]);
    expect(callsOf(response)[0]).toMatchObject({ name: 'updatePrice', args: { listingId: 'lst_0000001', price: 370 } });
  });

  it('applies "knock €20 off" to the draft price', async () => {
    const response = await ask([
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('createListing', bikeDraft, 'c1'),
      result('createListing', 'c1', 'The seller did not confirm this action.'),
      user('knock €20 off'),
    ]);
    expect(callsOf(response)[0]).toMatchObject({ name: 'createListing', args: { ...bikeDraft, price: 400 } });
  });

  it('asks which listing when a relative change names none and there is no draft', async () => {
    const response = await ask([user('lower it by 30')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/^Which listing should I re-price\?/);
  });
});

describe('OfflineModel: "make it cheaper" without an amount', () => {
  it('asks which listing, by id, when nothing is under discussion', async () => {
    const response = await ask([user('Make it cheaper.')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/Which listing should I re-price\? Tell me its id/);
  });

  it('asks for the new price of the draft under discussion', async () => {
    const response = await ask([
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('createListing', bikeDraft, 'c1'),
      result('createListing', 'c1', 'The seller did not confirm this action.'),
      user('make it cheaper'),
    ]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/What price would you like to ask for \*\*Trek Marlin 7 bike\*\*\?/);
  });
});

describe('OfflineModel: condition phrases', () => {
  it.each([
    ['worn only a couple of times', 'like new'],
    ['worn twice', 'like new'],
    ['only worn a few times', 'like new'],
    ['used once', 'like new'],
    ['barely used', 'like new'],
    ['worn', 'fair'],
    ['a bit scratched', 'fair'],
    ['used', 'good'],
    ['brand new', 'new'],
    ['not working', 'for parts'],
  ])('drafts "%s" as %s', async (phrase, condition) => {
    const text = `I want to sell my North Face Nuptse down jacket, ${phrase}, for 140 euros`;
    const response = await ask([
      user(text),
      call('searchSimilar', { query: 'North Face Nuptse jacket', category: 'Clothing', limit: 5 }, 'c1'),
      result('searchSimilar', 'c1', searchOk(null)),
    ]);
    expect(callsOf(response)[0]).toMatchObject({ name: 'createListing', args: { condition, price: 140 } });
  });
});

describe('OfflineModel: requests no tool can do', () => {
  it.each([
    [
      'Mark lst_0000001 as sold, I sold it yesterday.',
      /^I can't mark listings as sold here, so lst_0000001 stays as it is; I can draft new listings, suggest prices and change the price of your listings\./,
    ],
    ['mark lst_0000001 as sold for 150', /^I can't mark listings as sold here/],
    ['lst_0000001 has been sold', /^I can't mark listings as sold here/],
    ['please delete my listing lst_0000001', /^I can't delete or take down listings here/],
    ['take down my ad', /^I can't delete or take down listings here/],
  ])('"%s": says it cannot, and neither looks up nor re-prices', async (text, reply) => {
    const response = await ask([user(text)]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(reply);
    expect(textOf(response)).toContain('Nothing was changed.');
  });

  it('does not mistake a draft edit for deleting a listing', async () => {
    const response = await ask([
      user('I want to sell my Trek Marlin 7 bike, barely used'),
      call('createListing', bikeDraft, 'c1'),
      result('createListing', 'c1', 'The seller did not confirm this action.'),
      user('remove the word bike from the title'),
    ]);
    expect(textOf(response)).not.toMatch(/can't delete/);
  });
});
