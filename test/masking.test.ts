import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScriptedModel, modelError } from '@openai/agents/testing';
import { maskText, maskValue } from '../src/shared/masking.js';
import { generateListings } from '../src/store/seed/listingGenerator.js';
import { createHarness, type Harness } from './support/harness.js';
import { LangfuseReceiver } from './support/langfuseReceiver.js';
import { captureLogs } from './support/logCapture.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

// Generated personal data and secrets of every kind the masker knows, set in seller-like text.
// Each generator yields the whole sensitive string; a masked output must contain none of it.
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const upperDigits = (n: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{${n}}$`));
const word = fc.stringMatching(/^[a-z]{3,10}$/);
const name = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);

const SENSITIVE: Record<string, fc.Arbitrary<string>> = {
  email: fc.tuple(word, word, fc.constantFrom('com', 'org', 'de', 'co.uk')).map(([u, d, t]) => `${u}.x@${d}.${t}`),
  obfuscatedEmail: fc
    .tuple(
      word,
      word,
      fc.constantFrom('org', 'com'),
      fc.constantFrom(['(at)', '(dot)'], [' at ', ' dot '], ['[at]', '[dot]']),
    )
    .map(([u, d, t, [at, dot]]) => `${u}${at}${d}${dot}${t}`),
  phone: fc
    .tuple(
      fc.constantFrom('+49 ', '+44 ', '0', '+1 '),
      fc.integer({ min: 100, max: 999 }),
      fc.integer({ min: 1000000, max: 9999999 }),
    )
    .map(([p, a, n]) => `${p}${a} ${n}`),
  iban: fc
    .tuple(fc.constantFrom('DE', 'GB', 'FR', 'NL'), fc.integer({ min: 10, max: 99 }), upperDigits(16), fc.boolean())
    .map(([c, k, rest, spaced]) => (spaced ? `${c}${k} ${rest.match(/.{4}/g)!.join(' ')}` : `${c}${k}${rest}`)),
  aws: upperDigits(16).map((s) => `AKIA${s}`),
  github: alnum(36, 36).map((s) => `ghp_${s}`),
  stripe: fc
    .tuple(fc.constantFrom('sk', 'rk'), fc.constantFrom('live', 'test'), alnum(24, 24))
    .map(([a, b, s]) => `${a}_${b}_${s}`),
  openai: alnum(20, 40).map((s) => `sk-proj-${s}`),
  google: alnum(35, 35).map((s) => `AIza${s}`),
  jwt: fc.tuple(alnum(10, 30), alnum(10, 40), alnum(20, 43)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
  bearer: alnum(3, 12).map((s) => `Authorization: Bearer ${s}`),
  rawAuthorization: alnum(4, 20).map((s) => `Authorization: ${s}`),
  password: alnum(6, 16).map((s) => `password: ${s}`),
  street: fc
    .tuple(fc.integer({ min: 1, max: 999 }), name, fc.constantFrom('Street', 'Road', 'Avenue', 'Lane'))
    .map(([n, s, k]) => `${n} ${s} ${k}`),
  germanStreet: fc.tuple(name, fc.integer({ min: 1, max: 200 })).map(([s, n]) => `${s}straße ${n}`),
};

/** The part of a sensitive string that must not survive (the header name of a credential may). */
const secretPart = (kind: string, value: string) =>
  kind === 'bearer' || kind === 'rawAuthorization' || kind === 'password' ? value.split(/\s+/).pop()! : value;

const surroundings = fc.tuple(
  fc.constantFrom('Selling my Trek Marlin 7 for €420.', 'IKEA Kallax, 2019, 35,000 km', 'Hi!', '', 'Contact:'),
  fc.constantFrom(' ', '\n', ', ', ' — '),
  fc.constantFrom('', ' Thanks.', ' Pickup in Hamburg.', ' Size 42, €1,200.50.'),
);

describe('the masker', () => {
  for (const [kind, arbitrary] of Object.entries(SENSITIVE)) {
    it(`masks every generated ${kind}, wherever it sits in seller text`, () => {
      fc.assert(
        fc.property(arbitrary, surroundings, (value, [before, gap, after]) => {
          const text = `${before}${gap}${value}${after}`;
          const masked = maskText(text);
          expect(masked).not.toContain(secretPart(kind, value));
          expect(JSON.stringify(maskValue({ [kind]: [text] }))).not.toContain(secretPart(kind, value));
        }),
        { numRuns: 150 },
      );
    });
  }

  it.each([
    ['a zero-width space inside an email', 'write to bob\u200B@example.com', 'bob'],
    ['full-width "＠" and "．"', 'mail: bob＠example．com', 'bob'],
    ['full-width digits', 'call ０１７６ １２３４５６７８ after 6', '12345678'],
    ['zero-width spaces between digits', 'call 0176\u200B1234\u200B5678', '5678'],
    ['a soft hyphen inside an email', 'bob@exam\u00ADple.com', 'example'],
  ])('masks personal data written to dodge it: %s', (_what, text, part) => {
    const masked = maskText(text);
    expect(masked).not.toContain(part);
    expect(masked.normalize('NFKC').replace(/\p{Cf}/gu, '')).not.toContain(part);
  });

  it('leaves text with nothing to mask in its own characters', () => {
    for (const text of ['Ｔｒｅｋ Marlin ７, good condition', 'caf\u00E9 table\u200D', 'ﬁne oak desk'])
      expect(maskText(text)).toBe(text);
  });

  it('keeps ids: a UUID is never taken for a phone number, whatever its digits', () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    // Groups of digits only, as random ids sometimes are (one id in a few hundred starts with 8).
    const group = (n: number) => fc.oneof(hex(n), digits(n));
    const uuid = fc.tuple(group(8), group(4), group(4), group(4), group(12)).map((parts) => parts.join('-'));
    fc.assert(
      fc.property(uuid, fc.constantFrom('', 'run ', 'requestId='), (id, before) => {
        expect(maskText(`${before}${id}`)).toBe(`${before}${id}`);
        // A phone number beside an id is still a phone number.
        expect(maskText(`${id} call 0151 2345678`)).toBe(`${id} call [phone]`);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves listing text alone: 5,000 generated catalogue listings come out unchanged', () => {
    const changed = [];
    for (const listing of generateListings({ count: 5000, seed: 42, startIndex: 1 }))
      for (const text of [listing.title, listing.description]) if (maskText(text) !== text) changed.push(text);
    expect(changed).toEqual([]);
  });
});

// Every exit, with real clients: what leaves for Langfuse (the SDK's OTLP export, status messages
// included), the log lines, and error bodies carry none of the generated values.
let h: Harness | undefined;
let receiver: LangfuseReceiver | undefined;
afterEach(async () => {
  await h?.flushExports();
  await h?.close();
  await receiver?.close();
  h = undefined;
  receiver = undefined;
});

describe('every exit is masked', () => {
  // Generous: the Langfuse export thread takes seconds to start on a busy machine, and the flush waits for it.
  it('Langfuse attributes and status messages, logs and error bodies', { timeout: 90_000 }, async () => {
    const samples = Object.entries(SENSITIVE).map(([kind, arbitrary]) => {
      const [value] = fc.sample(arbitrary, { numRuns: 1, seed: 7 });
      return { kind, value, secret: secretPart(kind, value) };
    });
    const leaky = samples.map((s) => s.value).join(' · ');
    receiver = await LangfuseReceiver.start();
    const logs = captureLogs('debug');
    h = await createHarness({
      logger: logs.logger,
      env: { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-test', LANGFUSE_BASE_URL: receiver.url },
      model: new ScriptedModel([
        // A provider error echoing the request (it becomes a status message), then a draft the seller rejects.
        modelError(new Error(`400 invalid request: ${leaky}`)),
        callTool('createListing', { ...bikeDraft, description: `${bikeDraft.description} ${leaky}` }, 'c1', 'Draft?'),
        say('Understood, not posted.'),
      ]),
    });
    const seller = 'seller-1';
    const failed = await h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, {
      text: `my details: ${leaky}`,
    });
    expect(failed.stopReason).toBe('model_error');
    const paused = await h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, {
      text: `sell my bike. ${leaky}`,
    });
    await h.assistant.decide(paused.runId, seller, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'reject',
      message: `No, write to me instead: ${leaky}`,
    });
    const badRequest = await h.call('POST', `/api/runs/${paused.runId}/decisions`, {
      body: { approvalId: leaky, decision: leaky },
    });
    expect(badRequest.status).toBeGreaterThanOrEqual(400);
    const errorBody = await badRequest.text();
    await h.exporter!.forceFlush();

    const exported = receiver.requests.map((r) => r.raw).join('\n');
    expect(exported).toContain('status_message'); // the error reached Langfuse, masked
    const logged = logs.raw.join('\n');
    for (const { kind, secret } of samples) {
      expect(exported, `${kind} in the Langfuse export`).not.toContain(secret);
      expect(logged, `${kind} in the logs`).not.toContain(secret);
      expect(errorBody, `${kind} in an error body`).not.toContain(secret);
    }
  });
});
