import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a listing is public', () => {
  it('serves one listing and its page without a token; everything else still asks for one', async () => {
    h = await createHarness();
    const [listing] = await h.store.listings.list({ limit: 1, offset: 0 });
    const open = await h.call('GET', `/api/listings/${listing.id}`, { token: '' });
    expect(open.status).toBe(200);
    expect(((await open.json()) as { id: string }).id).toBe(listing.id);
    expect((await h.call('GET', `/api/listings/${listing.id}`, { token: 'not-a-token' })).status).toBe(200);
    expect((await h.call('GET', '/api/listings/lst_missing0', { token: '' })).status).toBe(404);
    expect((await h.call('GET', '/api/listings/not an id', { token: '' })).status).toBe(400);
    const page = await h.call('GET', `/listings/${listing.id}`, { token: '' });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('demo-seller');
    for (const path of ['/api/listings', '/api/listings?q=bike', '/api/conversations/cnv_abcdefgh'])
      expect((await h.call('GET', path, { token: '' })).status, path).toBe(401);
  });
});
