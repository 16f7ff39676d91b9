import { afterEach, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ScriptedModel } from '@openai/agents/testing';
import { createHarness, type Harness } from './support/harness.js';

let h: Harness;
afterEach(() => h?.close());

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1, covers every API route, and documents bodies from the validating schemas', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    const res = await h.call('GET', '/api/openapi.json', { token: '' });
    expect(res.status).toBe(200);
    const spec = await res.json();
    expect(spec.openapi).toBe('3.1.0');
    const validation = await new Validator().validate(spec);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);

    // Every route the app serves under /api is in the document.
    const served = h.app.routes
      .filter(
        (r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !['/api/openapi.json', '/api/docs'].includes(r.path),
      )
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((m) => `${m} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));

    const message = spec.paths['/api/conversations/{id}/messages'].post;
    const body = message.requestBody.content['application/json'].schema;
    expect(body.properties.text).toMatchObject({ type: 'string', maxLength: 4000 });
    expect(Object.keys(message.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '413']));
    expect(spec.paths['/api/runs/{runId}/decisions'].post.responses['409']).toBeDefined();
    expect(spec.paths['/api/review/{id}/promote'].post.responses).toMatchObject({
      201: expect.anything(),
      403: expect.anything(),
      409: expect.anything(),
    });
    expect(spec.paths['/api/review'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'reason']),
    );
  });

  it('serves a readable reference page', async () => {
    h = await createHarness({ model: new ScriptedModel([]) });
    const res = await h.call('GET', '/api/docs', { token: '' });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('/api/conversations/{id}/messages');
    expect(page).toContain('Approve or reject a pending approval');
  });
});
