import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, TOKENS, type Harness } from './support/harness.js';
import { callTool, say } from './support/scripts.js';
import { ENGINES } from './support/engines.js';
import { listen } from '../src/api/httpServer.js';
import { storableJson, storableText } from '../src/shared/storableText.js';
import { MAX_REQUEST_DEPTH, requestShapeProblem } from '../src/api/requestShape.js';

/**
 * Request parts no route's schema speaks of: the body's content type, a query parameter given twice,
 * and strings the database cannot store (NUL, a lone surrogate), which PostgreSQL refused with a 500
 * halfway through a request. Each is a 400 with a message naming the part, and changes nothing.
 */
const SELL = 'I want to sell my Trek Marlin 7 bike, good condition, 420 euros';
const NUL = 'Trek\u0000 bike';
const HIGH = 'Trek \uD800 bike';
const LOW = 'Trek \uDC00 bike';

async function answer(res: Response) {
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe.each(ENGINES)('text and times the database cannot store, on %s', (engine) => {
  let h: Harness;
  let conv: string;
  let run: { runId: string; pendingApprovals: Array<{ approvalId: string }> };
  let reviewId: string;

  beforeAll(async () => {
    h = await createHarness({ engine });
    conv = (await (await h.call('POST', '/api/conversations')).json()).id;
    // A run paused for approval (the offline model drafts the listing), with a thumbs-down under review.
    run = await (await h.call('POST', `/api/conversations/${conv}/messages`, { body: { text: SELL } })).json();
    expect(run.pendingApprovals).toHaveLength(1);
    await h.call('POST', `/api/runs/${run.runId}/feedback`, { body: { value: -1 } });
    const queue = await (await h.call('GET', '/api/review', { token: TOKENS.support })).json();
    reviewId = queue.items[0].id;
  });
  afterAll(() => h?.close());

  const requests = (bad: string) =>
    [
      ['a message', 'text', 'POST', () => `/api/conversations/${conv}/messages`, { text: bad }],
      [
        'a field no schema reads',
        'note',
        'POST',
        () => `/api/conversations/${conv}/messages`,
        { text: 'hi', note: bad },
      ],
      ['a key', 'x', 'POST', () => `/api/conversations/${conv}/messages`, { text: 'hi', [`x${bad}`]: 1 }],
      [
        'an edited title',
        'arguments.title',
        'POST',
        () => `/api/runs/${run.runId}/decisions`,
        decision({ title: bad }),
      ],
      ['a decision note', 'message', 'POST', () => `/api/runs/${run.runId}/decisions`, decision(undefined, bad)],
      ['a feedback comment', 'comment', 'POST', () => `/api/runs/${run.runId}/feedback`, { value: 1, comment: bad }],
      ['a review note', 'note', 'POST', () => `/api/review/${reviewId}/label`, { label: 'bad', note: bad }],
      ['a listing search', 'q', 'GET', () => `/api/listings?q=${encodeURIComponent(bad)}`, undefined],
      ['a trace search', 'q', 'GET', () => `/api/traces?q=${encodeURIComponent(bad)}`, undefined],
      ['a trace filter', 'tag', 'GET', () => `/api/traces?tag=${encodeURIComponent(bad)}`, undefined],
    ] as const;
  const decision = (args?: Record<string, unknown>, message?: string) => ({
    approvalId: run.pendingApprovals[0].approvalId,
    decision: 'approve',
    ...(args ? { arguments: args } : {}),
    ...(message ? { message } : {}),
  });

  it.each([
    ['NUL', NUL],
    ['a lone high surrogate', HIGH],
    ['a lone low surrogate', LOW],
  ])('answers 400 naming the field for %s in every part of a request, and stores nothing', async (_what, bad) => {
    const before = await h.store.conversations.items(conv);
    const messagesBefore = (await (await h.call('GET', `/api/conversations/${conv}`)).json()).messagesTotal;
    // A URL cannot carry a lone surrogate (it has no UTF-8 form), so the query rows go with NUL only.
    for (const [what, field, method, path, body] of requests(bad).filter(([, , m]) => m === 'POST' || bad === NUL)) {
      const target = path();
      const token = /review|traces/.test(target) ? TOKENS.support : undefined;
      const res = await answer(await h.call(method, target, { body, token }));
      expect(res, what).toMatchObject({ status: 400, body: { error: { code: 'invalid_text' } } });
      expect(res.body.error!.message, what).toContain(`Invalid request: ${field}`);
    }
    // Nothing changed: the approval is still pending, no message, feedback or label was stored.
    expect(await h.store.conversations.items(conv)).toEqual(before);
    expect((await (await h.call('GET', `/api/conversations/${conv}`)).json()).messagesTotal).toBe(messagesBefore);
    expect((await h.call('GET', `/api/runs/${run.runId}`).then((r) => r.json())).status).toBe('awaiting_approval');
    expect((await h.store.feedback.forRun(run.runId)).map((f) => f.comment)).toEqual([null]);
    expect((await h.store.reviews.get(reviewId))?.label ?? null).toBeNull();
  });

  it.each([
    ['year 0000', 'from=0000-01-01T00:00:00Z', 400],
    ['year 0000 as the end', 'to=0000-12-31T23:59:59Z', 400],
    ['February 30th', 'from=2026-02-30T00:00:00Z', 400],
    ['an offset instead of Z', 'from=2026-01-01T00:00:00%2B01:00', 400],
    ['year 1', 'from=0001-01-01T00:00:00Z', 200],
    ['year 9999', 'to=9999-12-31T23:59:59.999Z', 200],
  ])('traces from/to with %s: %s answers %i', async (_what, query, status) => {
    const res = await answer(await h.call('GET', `/api/traces?${query}`, { token: TOKENS.support }));
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.error).toMatchObject({ code: 'invalid_request' });
  });
});

describe('what no schema states', () => {
  let h: Harness;
  let conv: string;
  let run: { runId: string; pendingApprovals: Array<{ approvalId: string }> };
  beforeAll(async () => {
    h = await createHarness();
    conv = (await (await h.call('POST', '/api/conversations')).json()).id;
    run = await (await h.call('POST', `/api/conversations/${conv}/messages`, { body: { text: SELL } })).json();
  });
  afterAll(() => h?.close());

  const bodies = () =>
    [
      [`/api/conversations/${conv}/messages`, { text: 'hello' }],
      [`/api/runs/${run.runId}/decisions`, { approvalId: run.pendingApprovals[0].approvalId, decision: 'reject' }],
      [`/api/runs/${run.runId}/feedback`, { value: 1 }],
    ] as const;

  it.each([
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['JSON-looking text', 'text/json'],
  ])('answers 400 naming the content type for a JSON body sent as %s, and changes nothing', async (_what, type) => {
    const messagesBefore = await h.store.conversations.items(conv);
    for (const [path, body] of bodies()) {
      const headers = type ? { 'content-type': type } : undefined;
      const res = await answer(await h.call('POST', path, { raw: JSON.stringify(body), headers }));
      expect(res, path).toMatchObject({ status: 400, body: { error: { code: 'unsupported_content_type' } } });
      expect(res.body.error!.message).toContain('Content-Type: application/json');
    }
    expect(await h.store.conversations.items(conv)).toEqual(messagesBefore);
    expect((await h.call('GET', `/api/runs/${run.runId}`).then((r) => r.json())).status).toBe('awaiting_approval');
    expect(await h.store.feedback.forRun(run.runId)).toEqual([]);
  });

  it('answers 400 for an edited action nested too deep (it overflowed the stack: 500), deciding nothing', async () => {
    const deep = `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const raw = `{"approvalId":"${run.pendingApprovals[0].approvalId}","decision":"approve","arguments":${deep}}`;
    const res = await answer(
      await h.call('POST', `/api/runs/${run.runId}/decisions`, {
        raw,
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'too_deep' } } });
    expect(res.body.error!.message).toContain('Invalid request: arguments.title.0');
    expect((await h.call('GET', `/api/runs/${run.runId}`).then((r) => r.json())).status).toBe('awaiting_approval');
  });

  it.each(['application/json; charset=utf-8', 'application/vnd.listing+json', 'APPLICATION/JSON'])(
    'reads a body sent as %s',
    async (type) => {
      const res = await h.call('POST', `/api/runs/${run.runId}/feedback`, {
        raw: JSON.stringify({ value: 1 }),
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(201);
    },
  );

  it.each([
    ['PATCH', '/api/listings/lst_0000001', 'GET, HEAD'],
    ['DELETE', '/api/conversations/{conv}', 'GET, HEAD'],
    ['GET', '/api/conversations/{conv}/messages', 'POST'],
    ['PUT', '/api/runs/{run}/decisions', 'POST'],
    ['OPTIONS', '/api/listings', 'GET, HEAD'],
    ['POST', '/api/health', 'GET, HEAD'],
  ])('answers %s %s with 405 and the methods it allows', async (method, path, allow) => {
    const res = await h.call(method, path.replace('{conv}', conv).replace('{run}', run.runId));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect((await res.json()).error).toMatchObject({
      code: 'method_not_allowed',
      message: expect.stringContaining(method),
    });
  });

  it('still answers 404 for a path no method has', async () => {
    const res = await answer(await h.call('GET', '/api/conversations/x/y/z'));
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it.each([
    ['/api/listings?limit=5&limit=500', 'limit', TOKENS.seller],
    ['/api/listings?category=Books&category=Sports', 'category', TOKENS.seller],
    ['/api/traces?status=completed&status=stopped', 'status', TOKENS.support],
    ['/api/review?offset=0&offset=1', 'offset', TOKENS.support],
    [`/api/conversations/{conv}?before=1&before=2`, 'before', TOKENS.seller],
  ])('answers 400 for a query parameter given twice: %s', async (path, name, token) => {
    const res = await answer(await h.call('GET', path.replace('{conv}', conv), { token }));
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(res.body.error!.message).toBe(`Invalid request: ${name}: give this parameter once.`);
  });
});

describe('requests Node cannot parse', () => {
  let h: Harness;
  let server: Server;
  let port: number;
  let conv: string;
  beforeAll(async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    server = await new Promise<Server>((resolve) => {
      const s = listen(h.app.fetch, 0, '127.0.0.1', () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
    conv = (await (await h.call('POST', '/api/conversations')).json()).id;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await h?.close();
  });

  /** Sends `request` as raw bytes, half-closes, and answers all the server wrote before closing. */
  const exchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => (answer += d.toString('latin1')));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.end(request);
    });
  const head = 'Host: 127.0.0.1\r\nAuthorization: Bearer demo-seller\r\n';

  it.each([
    ['not HTTP at all', () => 'HELLO\r\n\r\n', 400, 'malformed_request'],
    [
      'a 20 KB URL',
      () => `GET /api/listings?q=${'a'.repeat(20_000)} HTTP/1.1\r\n${head}\r\n`,
      431,
      'headers_too_large',
    ],
    [
      '3,000 headers',
      () =>
        `GET /api/session HTTP/1.1\r\n${head}${Array.from({ length: 3000 }, (_, i) => `X-N${i}: 1\r\n`).join('')}\r\n`,
      431,
      'headers_too_large',
    ],
    [
      'a body shorter than its Content-Length',
      () =>
        `POST /api/conversations/${conv}/messages HTTP/1.1\r\n${head}Content-Type: application/json\r\n` +
        'Content-Length: 100\r\n\r\n{"text": "hello"}',
      400,
      'malformed_request',
    ],
  ])('answers %s with the JSON error, and goes on serving', async (_what, request, status, code) => {
    const answer = await exchange(request());
    expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(answer).toMatch(/\r\ncontent-type: application\/json\r\n/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code } });
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    // The cut-off message was never run.
    expect(await h.store.conversations.items(conv)).toEqual([]);
  });
});

describe('text from the model the database cannot store', () => {
  // A reply is kept with U+FFFD in place of what cannot be stored; a listing's text is cleaned by the tool first
  // (control characters dropped, lone surrogates made U+FFFD: src/shared/readableText.ts).
  it('is kept with U+FFFD in its place on PostgreSQL: the run completes and the listing is posted', async () => {
    const draft = {
      title: 'Trek\u0000 bike \uD800',
      description: 'A bike in good\u0000 condition, \uDC00 serviced.',
      category: 'Sports',
      price: 100,
      condition: 'good',
    };
    const script = [say('Hello\u0000 there \uD800'), callTool('createListing', draft, 'c1'), say('Done.')];
    const h = await createHarness({ engine: 'postgres', model: new ScriptedModel(script) });
    try {
      const conv = (await (await h.call('POST', '/api/conversations')).json()).id;
      const send = (text: string) => h.call('POST', `/api/conversations/${conv}/messages`, { body: { text } });
      const hello = await answer(await send('hello'));
      expect(hello).toMatchObject({ status: 200, body: { status: 'completed', reply: 'Hello\uFFFD there \uFFFD' } });
      const paused = (await (await send('post it')).json()) as {
        runId: string;
        status: string;
        pendingApprovals: Array<{ approvalId: string; arguments: { title: string } }>;
      };
      expect(paused.status).toBe('awaiting_approval');
      expect(paused.pendingApprovals[0].arguments.title).toBe('Trek bike \uFFFD');
      const approved = await h.call('POST', `/api/runs/${paused.runId}/decisions`, {
        body: { approvalId: paused.pendingApprovals[0].approvalId, decision: 'approve' },
      });
      expect(await answer(approved)).toMatchObject({ status: 200, body: { status: 'completed' } });
      const mine = await h.store.listings.list({ sellerId: 'seller-1', limit: 100, offset: 0 });
      const posted = mine.find((l) => l.title.startsWith('Trek bike'));
      expect(posted).toMatchObject({ title: 'Trek bike \uFFFD', price: 100 });
      expect(posted!.description).toBe('A bike in good condition, \uFFFD serviced.');
    } finally {
      await h.close();
    }
  });
});

/** `depth` arrays, one inside the other. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

describe('storable text and request shapes', () => {
  it.each([
    ['NUL', 'a\u0000b', 'a\uFFFDb'],
    ['a lone high surrogate', 'a\uD83Db', 'a\uFFFDb'],
    ['a lone low surrogate', 'a\uDE00b', 'a\uFFFDb'],
    ['a pair (an emoji) kept', 'a😀b', 'a😀b'],
    ['other control characters kept', 'a\u0001\tb', 'a\u0001\tb'],
  ])('storableText: %s', (_what, input, stored) => {
    expect(storableText(input)).toBe(stored);
    // The JSON form says the same: the escapes JSON.stringify writes for NUL and lone surrogates go.
    expect(JSON.parse(storableJson(JSON.stringify({ [input]: input })))).toEqual({ [stored]: stored });
  });

  it('storableJson leaves a literal backslash-u in text alone', () => {
    const text = JSON.stringify({ s: '\\u0000 and \\\\u0000 and \\ud800' });
    expect(storableJson(text)).toBe(text);
  });

  it.each([
    ['a string deep inside', { a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'a.1.c', 'invalid_text'],
    ['a key', { a: { ['k\u0000']: 1 } }, 'a.k\uFFFD', 'invalid_text'],
    ['the value itself', 'x\uDC00', '', 'invalid_text'],
    ['nesting past the limit', { a: nested(MAX_REQUEST_DEPTH) }, `a${'.0'.repeat(MAX_REQUEST_DEPTH - 1)}`, 'too_deep'],
    ['nesting far past the stack', nested(200_000), '0'.repeat(MAX_REQUEST_DEPTH).split('').join('.'), 'too_deep'],
  ])('requestShapeProblem finds %s', (_what, value, path, code) => {
    expect(requestShapeProblem(value)).toMatchObject({ path, code });
  });

  it('requestShapeProblem passes what requests hold, as deep as the limit and as long as a body can be', () => {
    expect(
      requestShapeProblem({ a: 'ok', b: ['😀', 1, null, true], c: nested(MAX_REQUEST_DEPTH - 1) }),
    ).toBeUndefined();
    expect(requestShapeProblem(Array.from({ length: 300_000 }, (_, i) => (i % 2 ? 'x' : { i })))).toBeUndefined();
  });
});
