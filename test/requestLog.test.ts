import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundLangfuseExport } from '../src/tracing/backgroundLangfuseExport.js';
import { createHarness, type Harness } from './support/harness.js';
import { captureLogs } from './support/logCapture.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the access log', () => {
  it('answers every response with its own id, errors and pages included, each with one access line', async () => {
    const logs = captureLogs('debug');
    h = await createHarness({ logger: logs.logger });
    const responses = [
      await h.call('GET', '/api/health'),
      await h.call('GET', '/api/conversations', { token: '' }),
      await h.call('GET', '/api/no-such-route'),
      await h.call('POST', '/api/conversations/cnv_x/messages', {
        raw: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
      await h.call('GET', '/'),
      await h.call('GET', '/assets/chat.js'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 400, 200, 200]);
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);

    const access = logs.lines().filter((l) => l.msg === 'request');
    expect(access.map((l) => l.requestId)).toEqual(ids);
    expect(access.map((l) => l.status)).toEqual(responses.map((r) => r.status));
    for (const line of access) {
      expect(line).toMatchObject({ method: expect.any(String), path: expect.any(String) });
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    // Liveness and readiness probes are there, but below info.
    expect(access[0]).toMatchObject({ path: '/api/health', level: 'debug' });
    expect(access[1]).toMatchObject({ path: '/api/conversations', level: 'info', status: 401 });
  });

  it('puts the id on every line written while serving the request, and no token or query text in any line', async () => {
    const logs = captureLogs('debug');
    h = await createHarness({ logger: logs.logger });
    const conversation = await h.call('POST', '/api/conversations');
    const { id } = (await conversation.json()) as { id: string };
    const sent = await h.call('POST', `/api/conversations/${id}/messages`, {
      body: { text: 'I want to sell my bike' },
    });
    expect(sent.status).toBe(200);
    const requestId = sent.headers.get('x-request-id');
    // The run's own lines (written by the agent loop, which never sees the HTTP request) carry it too.
    const runLines = logs.lines().filter((l) => typeof l.runId === 'string');
    expect(runLines.length).toBeGreaterThan(0);
    expect(runLines.every((l) => l.requestId === requestId)).toBe(true);

    const wrongToken = 'not-a-valid-token-7f3a9c2e51b8';
    const queryText = 'zebra-striped-velvet-sofa';
    expect((await h.call('GET', '/api/conversations', { token: wrongToken })).status).toBe(401);
    expect((await h.call('GET', `/api/listings?q=${queryText}`)).status).toBeLessThan(500);
    const all = logs.raw.join('\n');
    expect(all).not.toContain(wrongToken);
    expect(all).not.toContain('demo-seller');
    expect(all).not.toContain(queryText);
    expect(all.toLowerCase()).not.toContain('authorization');
  });

  it("never adopts a caller's X-Request-Id; a well-formed one is kept beside ours for correlation", async () => {
    const logs = captureLogs('debug');
    h = await createHarness({ logger: logs.logger });
    const theirs = 'lb-4f2a.17:9';
    const res = await h.call('GET', '/api/conversations', { headers: { 'x-request-id': theirs } });
    const ours = res.headers.get('x-request-id');
    expect(ours).toMatch(UUID);
    const odd = await h.call('GET', '/api/conversations', { headers: { 'x-request-id': `x"}{${'a'.repeat(100)}` } });
    const [first, second] = logs.lines().filter((l) => l.msg === 'request');
    expect(first).toMatchObject({ requestId: ours, upstreamRequestId: theirs });
    expect(second.requestId).toBe(odd.headers.get('x-request-id'));
    expect(second).not.toHaveProperty('upstreamRequestId');
  });

  it('is not ready once the trace export thread has stopped', async () => {
    // A receiver nobody listens on: the thread starts and runs; sending would fail quietly.
    h = await createHarness({
      env: {
        LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
        LANGFUSE_SECRET_KEY: 'sk-lf-test',
        LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
      },
    });
    expect(h.exporter).toBeInstanceOf(BackgroundLangfuseExport);
    expect((await h.call('GET', '/api/ready')).status).toBe(200);
    await h.exporter!.shutdown();
    const ready = await h.call('GET', '/api/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      error: { code: 'not_ready', message: expect.stringMatching(/export/) },
    });
  });
});
