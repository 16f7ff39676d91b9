import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

const csp = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );

describe('security headers on every response', () => {
  it('JSON, errors, docs, metrics and pages all carry them; the CSP pins base-uri and form-action', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    const responses = {
      health: await h.call('GET', '/api/health', { token: '' }),
      json: await h.call('GET', '/api/listings?limit=1'),
      unauthorised: await h.call('GET', '/api/listings', { token: '' }),
      notFound: await h.call('GET', '/api/nope'),
      docs: await h.call('GET', '/api/docs', { token: '' }),
      page: await h.call('GET', '/', { token: '' }),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), name).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security'), name).toMatch(/max-age=/);
      expect(csp(res)['base-uri'], name).toEqual(["'none'"]);
      expect(csp(res)['frame-ancestors'], name).toEqual(["'none'"]);
      expect(csp(res)['form-action'], name).toBeDefined();
    }
    expect(responses.unauthorised.status).toBe(401);
    expect(csp(responses.json)['default-src']).toEqual(["'none'"]);
    expect(csp(responses.docs)['script-src']).toBeUndefined(); // the docs page runs no script
    expect(csp(responses.page)['script-src']).toEqual(["'self'"]);
  });
});
