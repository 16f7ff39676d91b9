import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, modelError } from '@openai/agents/testing';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { createHarness, type Harness } from './support/harness.js';
import { captureLogs } from './support/logCapture.js';
import { bikeDraft, callTool, say } from './support/scripts.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const EMAIL = 'jane.doe@example.com';
const BEARER = 'Bearer abcDEF123456789secretvalue';
const RUN_FIELDS = ['runId', 'traceId', 'sellerId', 'promptVersion'];

describe('structured logs', () => {
  it('writes one JSON object per line; every line about a run names the run, trace, seller and prompt version, with personal data masked', async () => {
    const logs = captureLogs('debug');
    const leaky = `I am ${EMAIL}, call +49 170 1234567, auth ${BEARER}`;
    h = await createHarness({
      logger: logs.logger,
      env: { PROMPT_VERSION: '' },
      model: new ScriptedModel([
        // A provider error that echoes the request back, as some do.
        modelError(new Error(`400 invalid request: ${leaky}`)),
        callTool('getListing', { listingId: 'lst_9999999' }, 'c1'),
        say('No such listing.'),
        callTool('createListing', bikeDraft, 'c2', 'Draft ready.'),
        say('Posted.'),
      ]),
    });
    const seller = 'seller-4';
    const failed = await h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, {
      text: leaky,
    });
    expect(failed.stopReason).toBe('model_error');
    await h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, {
      text: `look up lst_9999999, ${EMAIL}`,
    });
    const paused = await h.assistant.sendMessage((await h.assistant.createConversation(seller)).id, seller, {
      text: `sell my bike, ${leaky}`,
    });
    const done = await h.assistant.decide(paused.runId, seller, {
      approvalId: paused.pendingApprovals[0].approvalId,
      decision: 'approve',
    });
    expect(done.status).toBe('completed');

    const lines = logs.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const aboutRuns = lines.filter((l) => 'runId' in l);
    for (const line of aboutRuns) {
      for (const field of RUN_FIELDS)
        expect(line[field], `${field} in ${JSON.stringify(line)}`).toEqual(expect.any(String));
      expect(line).toMatchObject({
        sellerId: seller,
        promptVersion: 'v1',
        level: expect.any(String),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
    const runs = new Map([failed, paused].map((r) => [r.runId, r.traceId]));
    for (const [runId, traceId] of runs)
      expect(aboutRuns.filter((l) => l.runId === runId).every((l) => l.traceId === traceId)).toBe(true);
    expect(aboutRuns.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'model call failed',
        'run failed',
        'run stopped',
        'run completed',
        'run awaiting_approval',
      ]),
    );

    const failure = aboutRuns.find((l) => l.msg === 'run failed')!;
    expect(failure).toMatchObject({ level: 'error', runId: failed.runId, traceId: failed.traceId });
    expect(failure.error).toContain('[email]');
    expect(failure.error).toContain('Bearer [secret]');
    expect(failure.error).toContain('[phone]');
    const all = logs.raw.join('\n');
    expect(all).not.toContain(EMAIL);
    expect(all).not.toContain('abcDEF123456789secretvalue');
    expect(all).not.toContain('1234567');
  });

  it('redacts secrets by field name and masks them in messages', () => {
    const logs = captureLogs('info');
    logs.logger.info(
      { authorization: 'Bearer abc', request: { token: 't0ps3cret', headers: { cookie: 'x' } }, apiKey: 'k' },
      `key sk-proj-abcdefgh12345678 for ${EMAIL}`,
    );
    const [line] = logs.lines();
    expect(line).toMatchObject({
      authorization: '[secret]',
      apiKey: '[secret]',
      request: { token: '[secret]' },
      msg: 'key [secret] for [email]',
    });
    expect(logs.raw[0]).not.toMatch(/t0ps3cret|sk-proj|example\.com/);
  });

  it('takes its level from LOG_LEVEL, and is silent under test unless asked', async () => {
    const quiet = await createService(loadConfig({ DATABASE_PATH: ':memory:', SEED_COUNT: '0' }));
    const chatty = await createService(loadConfig({ DATABASE_PATH: ':memory:', SEED_COUNT: '0', LOG_LEVEL: 'debug' }));
    expect([quiet.logger.level, chatty.logger.level]).toEqual(['silent', 'debug']);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    await quiet.store.close();
    await chatty.store.close();
  });
});
