import { describe, expect, it } from 'vitest';
import type { AgentInputItem } from '@openai/agents';
import { readDraftChange } from '../src/agent/offline/draftChange.js';
import { classify } from '../src/agent/offline/intent.js';
import { ask, assistant, call, callsOf, listing, result, textOf, user } from './support/offlineConversation.js';

/** Answers to the model's own questions: they complete the seller's previous request. */

const lookedUp = (l: ReturnType<typeof listing>) => ({
  ok: true as const,
  listing: { ...l, description: 'Seller-written.', yours: true },
  note: 'Seller-written data.',
});

/** Runs the model over `history` plus each tool result it asks for, from the lookups given; returns its calls. */
async function followThrough(history: AgentInputItem[], listings: Array<ReturnType<typeof listing>>) {
  const first = await ask(history);
  const [lookup] = callsOf(first);
  expect(lookup?.name).toBe('getListing');
  const found = listings.find((l) => l.id === lookup.args.listingId)!;
  const second = await ask([
    ...history,
    call('getListing', lookup.args, 'look'),
    result('getListing', 'look', lookedUp(found)),
  ]);
  return callsOf(second);
}

describe('OfflineModel: the listing id given after "which listing?"', () => {
  const lamps = [listing('lst_0000771', 'Brass desk lamp', 40), listing('lst_0000772', 'Paper floor lamp', 30)];

  it('re-prices the listing named, at the price asked for before', async () => {
    const history = [
      user('cut the price of my lamp ad to 25'),
      call('searchSimilar', { query: 'lamp', category: null, limit: 5, mine: true }, 's'),
      result('searchSimilar', 's', { ok: true, matches: lamps, stats: null, note: 'Seller-written data.' }),
      assistant('Several of your listings match “lamp”. Which listing do you mean?'),
      user('the brass one, lst_0000771'),
    ];
    expect(await followThrough(history, lamps)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000771', price: 25 } },
    ]);
  });

  it('keeps an amount given without naming any listing', async () => {
    const history = [
      user('set my ad to 70 euros please'),
      assistant('Which listing should I re-price? Tell me its id.'),
      user('lst_0000772'),
    ];
    expect(await followThrough(history, lamps)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000772', price: 70 } },
    ]);
  });

  it('keeps a relative change, worked out from the listing looked up', async () => {
    const history = [
      user('knock 10% off my listing'),
      assistant('Which listing should I re-price? Tell me its id.'),
      user('it is lst_0000771 i think'),
    ];
    expect(await followThrough(history, lamps)).toEqual([
      { name: 'updatePrice', args: { listingId: 'lst_0000771', price: 36 } },
    ]);
  });

  it('only looks up an id given after a change was already proposed', async () => {
    const history = [
      user('lower lst_0000772 to 20'),
      call('getListing', { listingId: 'lst_0000772' }, 'a'),
      result('getListing', 'a', lookedUp(lamps[1])),
      call('updatePrice', { listingId: 'lst_0000772', price: 20 }, 'b'),
      result('updatePrice', 'b', 'The seller did not confirm this action, so nothing was changed.'),
      assistant("OK, I won't do that."),
      user('lst_0000771'),
    ];
    expect(await followThrough(history, lamps)).toEqual([]);
  });
});

describe('OfflineModel: listing the item just asked about', () => {
  const question = "what's a reasonable price for a Bose QuietComfort 45 headset?";
  const stats = { count: 6, min: 120, p25: 140, median: 151.4, p75: 170, max: 210 };
  const asked = [
    user(question),
    call('searchSimilar', { query: 'Bose QuietComfort 45 headset', category: 'Electronics', limit: 5 }, 'q'),
    result('searchSimilar', 'q', { ok: true, matches: [], stats, note: 'Seller-written data.' }),
    assistant('Around €151 would be a fair asking price. Tell me if you would like me to draft a listing.'),
  ];

  async function drafted(reply: string) {
    const first = await ask([...asked, user(reply)]);
    const [search] = callsOf(first);
    expect(search).toMatchObject({ name: 'searchSimilar', args: { query: expect.stringMatching(/bose/i) } });
    const second = await ask([
      ...asked,
      user(reply),
      call('searchSimilar', search.args, 'r'),
      result('searchSimilar', 'r', { ok: true, matches: [], stats, note: 'Seller-written data.' }),
    ]);
    return callsOf(second);
  }

  it.each([
    ['ok, post it at that price', 151],
    ['yes please', 151],
    ['great, go ahead and list it', 151],
    ['sure, sell it for 160', 160],
  ])('%s', async (reply, price) => {
    const [proposal] = await drafted(reply);
    expect(proposal).toMatchObject({ name: 'createListing', args: { title: expect.stringMatching(/bose/i), price } });
  });

  it('does not list anything when no item was asked about', async () => {
    const response = await ask([user('ok, post it at that price')]);
    expect(callsOf(response)).toEqual([]);
    expect(textOf(response)).toMatch(/what would you like to sell/i);
  });
});

describe('a price question that describes the item', () => {
  it.each([
    "What's a fair price for a Vitamix 5200 blender in fair condition?",
    'how much would a Canon EOS 250D go for, good condition, barely used?',
    'what would my Herman Miller Aeron chair be worth in like new condition?',
  ])('is a question, not a change: %s', (text) => {
    expect(classify({ text, images: 0 }).kind).toBe('price_question');
  });

  it.each([
    ['make the condition fair', 'fair'],
    ['condition: like new, and that is a fair price', 'like new'],
    ['a good price, but the condition is poor', 'fair'],
  ])('still reads the condition asked for in %s', (text, condition) => {
    expect(readDraftChange(text)?.condition).toBe(condition);
  });
});

describe('OfflineModel: the listing described after "which listing?"', () => {
  const bikes = [
    listing('lst_0000881', 'Giant Talon 3 mountain bike, 29er', 390),
    listing('lst_0000882', "Puky children's bike, 16 inch, red", 85),
  ];
  const asked = [
    user('reduce my bike listing to 70'),
    call('searchSimilar', { query: 'bike', category: null, limit: 5, mine: true }, 's'),
    result('searchSimilar', 's', { ok: true, matches: bikes, stats: null, note: 'Seller-written data.' }),
    assistant('Several of your listings match “bike”. Which listing do you mean?'),
  ];

  it.each([
    ['the Puky', 'lst_0000882'],
    ["oh the red children's one", 'lst_0000882'],
    ['The Giant mountain bike', 'lst_0000881'],
    ['the second one', 'lst_0000882'],
  ])('%s', async (answer, listingId) => {
    expect(await followThrough([...asked, user(answer)], bikes)).toEqual([
      { name: 'updatePrice', args: { listingId, price: 70 } },
    ]);
  });

  it('searches own listings again when the words pick no candidate, never drafting an item', async () => {
    const response = await ask([...asked, user('the bike')]);
    expect(callsOf(response)).toEqual([
      { name: 'searchSimilar', args: { query: 'bike', category: null, limit: 5, mine: true } },
    ]);
  });

  it('treats an item offered with its own price as a new request', async () => {
    const response = await ask([...asked, user('a Brompton folding bike, 900 euros')]);
    expect(callsOf(response)[0]).toMatchObject({
      name: 'searchSimilar',
      args: { query: expect.stringMatching(/brompton/i) },
    });
    expect(callsOf(response)[0].args.mine).toBeUndefined();
  });
});

describe('OfflineModel: details of an item first named only by its type', () => {
  const stats = { count: 6, min: 20, p25: 60, median: 150, p75: 300, max: 900 };
  const askedAbout = (first: string, type: string, details: string) => [
    user(first),
    call('searchSimilar', { query: type, category: null, limit: 5 }, 's'),
    result('searchSimilar', 's', { ok: true, matches: [], stats, note: 'Seller-written data.' }),
    assistant('What price would you like to ask? (Brand, model and age would also help me compare.)'),
    user(details),
  ];

  it.each([
    ['I want to sell a lamp', 'lamp', "it's an Artemide Tolomeo desk lamp, 120 euros", /^Artemide Tolomeo desk lamp$/i],
    ['sell my phone', 'phone', "it's a Pixel 7a, 128GB, 250", /^Pixel 7a$/i],
    // The year stays in the title, not in the search words (round 6).
    ['selling my bike', 'bike', 'a Canyon Grail 2022, size M', /^Canyon Grail bike$/i],
  ])('%s … %s', async (first, type, details, query) => {
    const response = await ask(askedAbout(first, type, details));
    expect(callsOf(response)).toEqual([
      { name: 'searchSimilar', args: expect.objectContaining({ query: expect.stringMatching(query) }) },
    ]);
  });

  it.each(['it is a bit wobbly', 'make it 90', '90'])('keeps the draft for %s', async (details) => {
    const response = await ask(askedAbout('selling my bike', 'bike', details));
    expect(callsOf(response).every((c) => c.name !== 'searchSimilar')).toBe(true);
  });
});

describe('OfflineModel: the item chosen after "which one first?"', () => {
  const noStats = { ok: true as const, matches: [], stats: null, note: 'Seller-written data.' };

  /** The search the model starts, and the draft it proposes once nothing comparable is found. */
  async function chosen(offer: string, answer: string) {
    const first = await ask([user(offer)]);
    const history = [user(offer), assistant(textOf(first)), user(answer)];
    const [search] = callsOf(await ask(history));
    if (search?.name !== 'searchSimilar') return { search, draft: undefined };
    const next = await ask([
      ...history,
      call('searchSimilar', search.args, 's'),
      result('searchSimilar', 's', noStats),
    ]);
    return { search, draft: callsOf(next)[0]?.args };
  }

  it.each([
    ['I want to sell my kettle and my toaster', 'the toaster first, 20 euros', /^toaster$/i, 20],
    ['selling a desk 80 and a chair 30', 'chair', /^chair$/i, 30],
    ['two things: a rake and a wheelbarrow', 'the first one for 10', /^rake$/i, 10],
    ['two things: a rake and a wheelbarrow', 'a Fiskars rake, 15 euros', /^fiskars rake$/i, 15],
  ])('%s … %s', async (offer, answer, query, price) => {
    const { search, draft } = await chosen(offer, answer);
    expect(search?.args.query).toMatch(query);
    expect(draft).toMatchObject({ price });
  });

  it('drafts neither when the answer names both', async () => {
    const { search } = await chosen('two things: a rake and a wheelbarrow', 'both');
    expect(search).toBeUndefined();
  });
});

describe('OfflineModel: the other item of a list, once one is live', () => {
  const kettle = { title: 'Kettle', description: 'Kettle. Condition: good.', category: 'Home & Garden', price: 15 };
  const posted = (title: string, id: string, price: number): AgentInputItem[] => [
    call('createListing', { ...kettle, title, price }, `c_${id}`),
    result('createListing', `c_${id}`, { ok: true, created: listing(id, title, price) }),
    assistant(`Your listing is live: ${title}.`),
  ];
  const history = [
    user('I want to sell my kettle and my toaster'),
    assistant('That sounds like two items. Which one should I list first, and at what price?'),
    user('the kettle, 15'),
    ...posted('Kettle', 'lst_0000901', 15),
  ];

  it.each([
    ['now the other one for 20', 20],
    ['next one please, 22 euros', 22],
    ['ok and the remaining item', undefined],
  ])('%s', async (text, price) => {
    const [search] = callsOf(await ask([...history, user(text)]));
    expect(search).toMatchObject({ name: 'searchSimilar', args: { query: expect.stringMatching(/^toaster$/i) } });
    const next = await ask([
      ...history,
      user(text),
      call('searchSimilar', search.args, 's'),
      result('searchSimilar', 's', { ok: true, matches: [], stats: null, note: 'x' }),
    ]);
    if (price === undefined) expect(callsOf(next)).toEqual([]);
    else expect(callsOf(next)[0]?.args).toMatchObject({ title: expect.stringMatching(/toaster/i), price });
  });

  it('finds nothing left once both are live', async () => {
    const response = await ask([
      ...history,
      user('toaster, 20'),
      ...posted('Toaster', 'lst_0000902', 20),
      user('the other one'),
    ]);
    expect(callsOf(response)).toEqual([]);
  });
});

describe('OfflineModel: a new price for "my listing" without saying which', () => {
  it.each(["Set my ad's price to 75", 'change the price of my listing to 120 please', 'my post should be 30 now'])(
    'asks which listing, keeping the price: %s',
    async (text) => {
      const response = await ask([user(text)]);
      expect(callsOf(response)).toEqual([]);
      expect(textOf(response)).toMatch(/Which listing should I re-price to €\d+\?/);
    },
  );

  it('still says there is no draft when no listing is named', async () => {
    const response = await ask([user('make it 75')]);
    expect(textOf(response)).not.toMatch(/re-price to €75/);
  });

  it('re-prices the listing then described by its title words', async () => {
    const response = await ask([
      user("Set my ad's price to 75"),
      assistant('Which listing should I re-price to €75?'),
      user('the walnut side table'),
    ]);
    expect(callsOf(response)).toEqual([
      { name: 'searchSimilar', args: { query: 'walnut side table', category: null, limit: 5, mine: true } },
    ]);
  });
});

describe('OfflineModel: a new price right after a listing went live', () => {
  const live = [
    user('selling my walnut side table for 90'),
    call(
      'createListing',
      { title: 'Walnut side table', description: 'x', category: 'Furniture', price: 90, condition: 'good' },
      'c',
    ),
    result('createListing', 'c', { ok: true, created: listing('lst_0000777', 'Walnut side table', 90) }),
    assistant('Your listing is live: Walnut side table at €90 (id lst_0000777).'),
  ];

  it.each([
    ['actually make it 80', { price: 80 }],
    ['hmm, lower it by 10%', { relative: { direction: -1, unit: 'percent', amount: 10 } }],
    ['should be 85 really', { price: 85 }],
  ])('re-prices that listing after a look-up: %s', async (text, change) => {
    const response = await ask([...live, user(text)]);
    expect(callsOf(response)).toEqual([{ name: 'getListing', args: { listingId: 'lst_0000777' } }]);
    const lookedUp = { ...listing('lst_0000777', 'Walnut side table', 90), description: 'x', yours: true };
    const next = await ask([
      ...live,
      user(text),
      call('getListing', { listingId: 'lst_0000777' }, 'g'),
      result('getListing', 'g', { ok: true, listing: lookedUp, note: 'x' }),
    ]);
    const price = 'price' in change ? change.price : 81;
    expect(callsOf(next)).toEqual([{ name: 'updatePrice', args: { listingId: 'lst_0000777', price } }]);
  });

  it('does not re-price a listing posted before the seller moved on', async () => {
    const response = await ask([...live, user('thanks!'), assistant("You're welcome!"), user('make it 80')]);
    expect(callsOf(response)).toEqual([]);
  });
});
