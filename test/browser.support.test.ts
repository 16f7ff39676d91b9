import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { launchChromium, screenshotDir, watchErrors } from './support/browser.js';

// A real PNG (4x4) as a data URL: the photo the seller attaches, stored inline in the recorded spans.
const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
const SCREENS = [
  { name: 'narrow', width: 390, height: 844 },
  { name: 'wide', width: 1280, height: 800 },
] as const;

let server: ServerProcess;
let browser: BrowserContext;
let dir: string;
let conversationId = '';
let photoRun = { runId: '', traceId: '' };
let lookupRun = { runId: '', traceId: '' };
let replacedRun = { runId: '', traceId: '' };

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: 'Bearer demo-seller', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type RunResult = { runId: string; traceId: string; reply?: string; pendingApprovals: { approvalId: string }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-support-'));
  // The paging test asks more in a minute than a seller may (60 runs); the limit is not what is tested here.
  // Every run is sampled for review, so that the review queue holds more than a page too.
  server = await startServer({
    DATABASE_PATH: join(dir, 'web.db'),
    SEED_COUNT: '600',
    RATE_LIMIT_RUNS_PER_MINUTE: '1000',
    REVIEW_SAMPLE_RATE: '1',
  });
  browser = await launchChromium();
  // A seller's conversation through the real API: a photo run that waits for approval, then a look-up.
  conversationId = (await call<{ id: string }>('POST', '/api/conversations')).id;
  const paused = await call<RunResult>('POST', `/api/conversations/${conversationId}/messages`, {
    text: 'I want to sell my solid oak dining table, good condition',
    images: [PHOTO],
  });
  const done = await call<RunResult>('POST', `/api/runs/${paused.runId}/decisions`, {
    approvalId: paused.pendingApprovals[0].approvalId,
    decision: 'approve',
  });
  photoRun = paused;
  const listingId = /lst_\w+/.exec(done.reply ?? '')?.[0];
  expect(listingId).toBeTruthy();
  lookupRun = await call<RunResult>('POST', `/api/conversations/${conversationId}/messages`, {
    text: `show me ${listingId}`,
  });
  // The seller did not like the look-up's answer: it lands in the review queue.
  await call('POST', `/api/runs/${lookupRun.runId}/feedback`, { value: -1, comment: 'not what I asked' });
  // Another seller's unrelated run, so the search has something to leave out.
  await call('POST', `/api/conversations/${(await call<{ id: string }>('POST', '/api/conversations')).id}/messages`, {
    text: 'what is my mountain bike worth?',
  });
  // A draft the seller replaced with a new message before confirming: that run ends `cancelled`.
  const other = (await call<{ id: string }>('POST', '/api/conversations')).id;
  const drafted = await call<RunResult>('POST', `/api/conversations/${other}/messages`, {
    text: 'selling my red sea kayak, good condition, 300 euros',
  });
  expect(drafted.pendingApprovals).toHaveLength(1);
  replacedRun = drafted;
  await call('POST', `/api/conversations/${other}/messages`, { text: 'never mind, I will keep the kayak' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function supportPage(screen: (typeof SCREENS)[number], path = '/support') {
  const page = await browser.newPage();
  await page.setViewportSize({ width: screen.width, height: screen.height });
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'demo-support', exact: true }).click();
  return { page, errors };
}

/** No page is wider than its window, whatever it shows: what sticks out, named (empty when nothing does). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}`);
    return scrollWidth > innerWidth || scrollWidth > clientWidth ? [`scrollWidth ${scrollWidth}`, ...out] : out;
  });

describe.each(SCREENS)('support view on a $name screen ($width x $height)', (screen) => {
  it('finds the run by the seller’s words, reads it as a tree with bars, photo as placeholder, no base64', async () => {
    const { page, errors } = await supportPage(screen);
    await page.getByTestId('trace-results').locator('table').waitFor();
    const rows = page.getByTestId('trace-row');
    const found = () => rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.traceId).sort());
    const search = async (words: string) => {
      await page.getByLabel('Words', { exact: true }).fill(words);
      await page.getByRole('button', { name: 'Search' }).click();
    };
    // The seller's message of one run, the reply of the other (the look-up shows the listing's title).
    await search('oak DINING');
    await expect.poll(found).toEqual([photoRun.traceId, lookupRun.traceId].sort());
    await search('sell OAK');
    await expect.poll(found).toEqual([photoRun.traceId]);
    expect(await rows.first().getAttribute('data-trace-id')).toBe(photoRun.traceId);
    expect(await rows.first().getByTestId('seller-words').textContent()).toContain('solid oak dining table');
    // The reply preview is plain text: no markdown markers.
    expect(await rows.first().getByTestId('reply-words').textContent()).not.toContain('**');
    expect(await overflow(page)).toEqual([]);

    await rows.first().getByTestId('run-link').click();
    const tree = page.getByTestId('timeline');
    await tree.waitFor();
    expect(page.url()).toContain(`#trace=${photoRun.traceId}`);
    const story = page.getByTestId('run-story');
    expect(await story.textContent()).toContain('I want to sell my solid oak dining table');
    const types = await tree
      .getByTestId('timeline-event')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type));
    for (const type of ['agent', 'model_call', 'tool_call', 'policy_decision', 'approval', 'waiting'])
      expect(types).toContain(type);
    // Segments hold their calls: the tree nests.
    expect(await tree.locator('li.segment > ol.children > li').count()).toBeGreaterThan(2);
    // The confirmation request comes after the policy decision that asked for it.
    expect(await tree.textContent()).toMatch(
      /Policy · createListing: needs confirmation[\s\S]*Approval requested · createListing[\s\S]*Waiting for the seller[\s\S]*Approval approved/,
    );
    // Bars: every model call has one with a width; waiting is its own bar, outside the segments.
    const widths = await tree
      .locator('.bar.model')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(1);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    expect(await tree.locator('li.segment .bar.waiting').count()).toBe(0);
    expect(await tree.locator('.bar.waiting').count()).toBe(1);
    // Markdown as the seller saw it: the draft title in bold, no asterisks anywhere in the words.
    expect(await tree.locator('.output strong').count()).toBeGreaterThan(0);
    const words = await page
      .getByTestId('trace-detail')
      .locator('.words, .story')
      .evaluateAll((els) =>
        els.map((e) => {
          const copy = e.cloneNode(true) as HTMLElement;
          for (const raw of copy.querySelectorAll('details.raw')) raw.remove();
          return copy.textContent ?? '';
        }),
      );
    expect(words.join('\n')).toContain('Solid oak dining table');
    expect(words.join('\n')).not.toContain('**');
    // The photo: a thumbnail when stored by id, else a placeholder with its size; never its bytes.
    const images =
      (await story.getByTestId('trace-image').count()) + (await story.getByTestId('image-placeholder').count());
    expect(images).toBe(1);
    if (await story.getByTestId('image-placeholder').count())
      expect(await story.getByTestId('image-placeholder').textContent()).toMatch(/^\[image, \d+ KB\]$/);
    const html = await page.content();
    expect(html).not.toContain('base64');
    // Raw JSON is one click away, and even opened it keeps the page within the window.
    for (const raw of await page.locator('details.raw').all())
      await raw.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await overflow(page)).toEqual([]);
    expect(await page.content()).not.toContain('base64');

    const target = screenshotDir();
    if (target && screen.name === 'wide') {
      for (const raw of await page.locator('details.raw').all())
        await raw.evaluate((d) => ((d as HTMLDetailsElement).open = false));
      await page.getByTestId('trace-detail').screenshot({ path: join(target, 'support-tree.png') });
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens the conversation from the run: all its runs in order, each linking back', async () => {
    const { page, errors } = await supportPage(screen, `/support#trace=${lookupRun.traceId}`);
    await page.getByTestId('timeline').waitFor();
    // A look-up's model call shows only the new message, not the conversation again.
    const firstCall = page.locator('[data-type="model_call"]').first();
    expect(await firstCall.locator('.new-input').textContent()).toMatch(
      /^Seller: show me lst_\w+\s*\(\d+ earlier items/,
    );
    await page.getByTestId('trace-detail').getByTestId('conversation-link').click();
    const runs = page.getByTestId('conversation-run');
    await expect.poll(() => runs.count()).toBe(2);
    expect(await runs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.traceId))).toEqual([
      photoRun.traceId,
      lookupRun.traceId,
    ]);
    expect(await runs.first().textContent()).toContain('solid oak dining table');
    expect(await overflow(page)).toEqual([]);
    await runs.first().getByTestId('run-link').click();
    await expect.poll(() => page.getByTestId('run-story').textContent()).toContain('solid oak dining table');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the review queue with replies as the seller saw them, and the dashboard, within the window', async () => {
    const review = await supportPage(screen, '/support/review');
    // The look-up the seller disliked; sampling may have queued other runs too (a share of all, by run id).
    const item = review.page.locator(`[data-testid="review-item"][data-run-id="${lookupRun.runId}"]`);
    await item.waitFor();
    const reply = item.getByTestId('review-reply');
    expect(await reply.locator('strong').count()).toBeGreaterThan(0);
    expect(await reply.textContent()).not.toContain('**');
    expect(await overflow(review.page)).toEqual([]);
    expect(review.errors).toEqual([]);
    await review.page.close();

    const dashboard = await supportPage(screen, '/support/dashboard');
    await dashboard.page.getByTestId('figures').waitFor();
    expect(await overflow(dashboard.page)).toEqual([]);
    // The charts' axis text stays readable: not scaled down to a few pixels on a phone.
    const axis = await dashboard.page
      .locator('.chart .axis')
      .evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().height)));
    expect(axis).toBeGreaterThanOrEqual(9);
    expect(dashboard.errors).toEqual([]);
    await dashboard.page.close();
  }, 60_000);
});

it('tells support what a stop reason means, and a replaced draft is not shown as a failure', async () => {
  const { page, errors } = await supportPage(SCREENS[1]);
  // Before anything is opened, the detail pane says what it is for.
  expect(await page.getByTestId('trace-detail').textContent()).toMatch(/open a run/i);
  const row = page.locator(`[data-testid="trace-row"][data-trace-id="${replacedRun.traceId}"]`);
  await row.waitFor();
  const badge = row.locator('.badge.stopped');
  expect(await badge.textContent()).toContain('cancelled');
  expect(await badge.getAttribute('title')).toMatch(/replaced by the seller/i);
  // Not the failure colour: the same badge without `cancelled` would be shown in another one.
  const [shown, asFailure] = await badge.evaluate((el) => {
    const failure = el.cloneNode(true) as HTMLElement;
    failure.classList.remove('cancelled');
    el.after(failure);
    const colours = [getComputedStyle(el).backgroundColor, getComputedStyle(failure).backgroundColor];
    failure.remove();
    return colours;
  });
  expect(shown).not.toBe(asFailure);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it('folds the filters past the words on a phone, so the runs show on the first screen', async () => {
  const phone = SCREENS[0];
  const { page, errors } = await supportPage(phone);
  const rows = page.getByTestId('trace-row');
  await rows.first().waitFor();
  const toggle = page.getByRole('button', { name: /^More filters/ });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByLabel('Seller', { exact: true }).isVisible()).toBe(false);
  expect(await page.getByLabel('Words', { exact: true }).isVisible()).toBe(true);
  // The first runs sit within the first screen, whole, below the words and Search: two at least.
  const bottoms = await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
  expect(bottoms.filter((bottom) => bottom <= phone.height).length).toBeGreaterThanOrEqual(2);
  expect(await overflow(page)).toEqual([]);

  // Opened, every filter is there and still narrows the list; folded again, it says one is set.
  await toggle.click();
  const fewer = page.getByRole('button', { name: /^Fewer filters/ });
  expect(await fewer.getAttribute('aria-expanded')).toBe('true');
  await page.locator('select[name=status]').selectOption('stopped');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect
    .poll(() => rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.traceId)))
    .toEqual([replacedRun.traceId]);
  expect(await overflow(page)).toEqual([]);
  await page.getByRole('button', { name: 'Fewer filters (1 set)' }).click();
  expect(await page.getByRole('button', { name: 'More filters (1 set)' }).getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('select[name=status]').isVisible()).toBe(false);
  await page.close();

  // On a wide screen nothing folds: every filter shows and there is no toggle.
  const wide = await supportPage(SCREENS[1]);
  await wide.page.getByTestId('trace-row').first().waitFor();
  expect(await wide.page.getByLabel('Seller', { exact: true }).isVisible()).toBe(true);
  expect(await wide.page.getByRole('button', { name: /filters/ }).count()).toBe(0);
  expect([...errors, ...wide.errors]).toEqual([]);
  await wide.page.close();
}, 60_000);

it('pages through many runs, narrows them to a time range, and copies a trace id', async () => {
  // More runs than one page holds (50): a seller asking the same thing across a few conversations, all
  // after a second's start (the range's precision), so a range from then holds exactly them.
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
  const before = new Date();
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      const id = (await call<{ id: string }>('POST', '/api/conversations')).id;
      for (let i = 0; i < 9; i++)
        await call('POST', `/api/conversations/${id}/messages`, { text: 'what is my road bike worth?' });
    }),
  );
  const { page, errors } = await supportPage(SCREENS[1]);
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const rows = page.getByTestId('trace-row');
  const ids = () => rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.traceId ?? ''));
  const count = page.getByTestId('result-count');
  await expect.poll(() => count.textContent()).toMatch(/^Runs 1–50 of \d+/);
  const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(58);
  const first = await ids();
  await page.getByTestId('older-page').click();
  await expect.poll(() => count.textContent()).toBe(`Runs 51–${total} of ${total}, newest first`);
  const second = await ids();
  // The second page holds the rest, none of the first page's runs, and the oldest run (the photo's) last.
  expect(second).toHaveLength(total - 50);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  expect(second).toContain(photoRun.traceId);
  expect(await page.getByTestId('older-page').count()).toBe(0);
  await page.getByTestId('newer-page').click();
  await expect.poll(ids).toEqual(first);

  // From the burst's start: only its runs, and a new search starts on its first page.
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  await page.getByLabel('From', { exact: true }).fill(local(before));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => count.textContent()).toBe('Runs 1–50 of 54, newest first');
  await page.getByLabel('To', { exact: true }).fill(local(before));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => count.textContent()).toMatch(/^No runs match/);
  expect(await rows.count()).toBe(0);

  await page.goto(`${server.url}/support#trace=${lookupRun.traceId}`);
  await page.getByTestId('trace-id').waitFor();
  await page.getByRole('button', { name: 'Copy trace id' }).click();
  await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(lookupRun.traceId);
  expect(errors).toEqual([]);

  // The token stops working mid-session (expired, revoked): the page says so and leads back to sign-in.
  await page.evaluate(() => sessionStorage.setItem('listing-assistant.token', 'revoked-token'));
  await page.getByRole('button', { name: 'Search' }).click();
  const alert = page.getByTestId('trace-results').getByRole('alert');
  await expect.poll(() => alert.textContent()).toMatch(/sign-in has expired or is no longer valid/);
  await alert.getByRole('button', { name: 'Sign in again' }).click();
  await page.getByTestId('signed-out').waitFor();
  await page.close();

  // The review queue pages the same way: every run of the burst was sampled into it.
  const review = await supportPage(SCREENS[1], '/support/review');
  const queued = review.page.getByTestId('result-count');
  await expect.poll(() => queued.textContent()).toMatch(/^Items 1–50 of \d+, newest first$/);
  const items = Number(/of (\d+)/.exec((await queued.textContent()) ?? '')?.[1]);
  expect(items).toBeGreaterThanOrEqual(54);
  const runIds = () =>
    review.page.getByTestId('review-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.runId));
  const firstItems = await runIds();
  expect(firstItems).toHaveLength(50);
  await review.page.getByTestId('older-page').click();
  await expect.poll(() => queued.textContent()).toBe(`Items 51–${items} of ${items}, newest first`);
  const rest = await runIds();
  expect(rest).toHaveLength(items - 50);
  expect(rest.filter((id) => firstItems.includes(id))).toEqual([]);
  expect(review.errors).toEqual([]);
  await review.page.close();
}, 90_000);
