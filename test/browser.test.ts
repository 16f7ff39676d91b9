import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { launchChromium, shoot, watchErrors } from './support/browser.js';

// A 2x2 PNG: the photo a seller attaches.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

let server: ServerProcess;
let browser: BrowserContext;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-test-'));
  // The same entry as `npm start`: a real server process on loopback, the offline model, a seeded SQLite file.
  server = await startServer({
    DATABASE_PATH: join(dir, 'web.db'),
    SEED_COUNT: '3000',
    PROMOTED_SCENARIOS_DIR: join(dir, 'promoted'),
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh tab on `path`, signed in with one of the demo tokens the page offers; the page's errors are collected. */
async function signedIn(path: string, token: string, url = server.url): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page, /status of 403/);
  await page.goto(`${url}${path}`);
  await page.getByRole('button', { name: token, exact: true }).click();
  return { page, errors };
}

describe('seller chat in a real browser', () => {
  let postedTitle = '';
  let postedId = '';

  it('drafts with comparables, cancels once with a new price, confirms, and sees the posted listing', async () => {
    const { page, errors } = await signedIn('/', 'demo-seller');
    await expect.poll(() => page.getByTestId('who').textContent()).toBe('seller-1');

    await page.getByTestId('photo-input').setInputFiles({ name: 'bike.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByTestId('photo-preview').waitFor();
    await page.getByLabel('Message').fill('I want to sell my Trek Marlin 7 mountain bike, size L, good condition');
    await page.getByRole('button', { name: 'Send' }).click();

    // The run streams: a progress line, then a draft waiting for confirmation.
    const first = page.getByTestId('approval-card').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-tool')).toBe('createListing');
    expect(await page.getByTestId('seller-message').last().locator('img').count()).toBe(1);
    await expect.poll(() => page.getByTestId('draft-title').textContent()).toMatch(/Trek Marlin 7/i);
    const comparables = await page.getByTestId('comparables').textContent();
    expect(comparables).toMatch(/Median €[\d,.]+/);
    const firstSummary = await first.getByTestId('approval-summary').textContent();
    expect(firstSummary).toMatch(/Trek Marlin 7/i);

    // Cancel once, telling the assistant the price to use instead.
    await first.getByRole('button', { name: 'Cancel' }).click();
    await first.getByLabel('Message to the assistant').fill('make the price 380');
    await first.getByRole('button', { name: 'Cancel request' }).click();
    await expect.poll(() => first.getByTestId('approval-outcome').textContent()).toBe('Cancelled');

    const revised = page.locator('[data-testid="approval-card"]:not(.decided)');
    await revised.waitFor({ timeout: 30_000 });
    expect(await revised.getByTestId('approval-summary').textContent()).toContain('€380');
    await expect.poll(() => revised.getByTestId('draft-price').textContent()).toBe('€380.00');

    await revised.getByRole('button', { name: 'Confirm' }).click();
    const link = page.getByTestId('posted-listing-link');
    await link.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('assistant-message').last().getAttribute('data-status')).toBe('completed');
    postedTitle = (await page.getByTestId('posted-card').locator('.title').textContent()) ?? '';
    expect(postedTitle).toMatch(/Trek Marlin 7/i);

    // Thumbs up on the reply is stored.
    await page.getByTestId('assistant-message').last().getByRole('button', { name: 'Helpful', exact: true }).click();
    await page.getByText('Thanks for the feedback.').waitFor();

    postedId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    await link.click();
    await page.getByTestId('listing').waitFor();
    expect(await page.getByTestId('listing-title').textContent()).toBe(postedTitle);
    expect(await page.getByTestId('listing-price').textContent()).toBe('€380.00');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('re-prices the posted listing only after the seller confirms the exact change', async () => {
    expect(postedId).toMatch(/^lst_/);
    const { page, errors } = await signedIn('/', 'demo-seller');
    await page.getByTestId('who').waitFor();
    await page.getByLabel('Message').fill(`change the price of ${postedId} to 360`);
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.locator('[data-testid="approval-card"][data-tool="updatePrice"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('approval-summary').textContent()).toBe(
      `Change the price of "${postedTitle}" (${postedId}) from €380 to €360.`,
    );
    // Nothing changed yet: the listing still shows the old price.
    const before = await page.evaluate(
      async (id) =>
        (await (await fetch(`/api/listings/${id}`, { headers: { authorization: 'Bearer demo-seller' } })).json()).price,
      postedId,
    );
    expect(before).toBe(380);
    await card.getByRole('button', { name: 'Confirm' }).click();
    // The panel follows the confirmed re-price.
    await expect.poll(() => page.getByTestId('posted-price').textContent(), { timeout: 30_000 }).toBe('€360.00');
    await page.getByTestId('posted-listing-link').click();
    await expect.poll(() => page.getByTestId('listing-price').textContent()).toBe('€360.00');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('restores the conversation and its state after a reload', async () => {
    const { page } = await signedIn('/', 'demo-seller');
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect.poll(() => page.getByTestId('assistant-message').count()).toBe(1);
    await page.getByLabel('Message').fill('I want to sell an IKEA Poäng armchair, like new');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('approval-card').waitFor({ timeout: 30_000 });
    await page.reload();
    // Same tab: the token and the conversation survive; the pending approval is shown again from the server.
    const card = page.getByTestId('approval-card');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('approval-summary').textContent()).toMatch(/Poäng/i);
    expect(await page.getByTestId('seller-message').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('shows a clear error when the server refuses a message, and keeps working', async () => {
    const { page } = await signedIn('/', 'demo-seller-2');
    await page.getByTestId('who').waitFor();
    // The route rejects text over 4000 characters with a 400; the composer caps input, so send through the page's own
    // client path.
    await page.getByLabel('Message').evaluate((el: HTMLTextAreaElement) => el.removeAttribute('maxlength'));
    await page.getByLabel('Message').fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Send' }).click();
    const failed = page.locator('[data-testid="assistant-message"][data-status="error"]');
    await failed.waitFor({ timeout: 10_000 });
    expect(await failed.getByTestId('run-status').textContent()).toMatch(/text/i);
    await page.getByLabel('Message').fill('What is my bike worth? It is a Cube Attention, used');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.getByTestId('assistant-message').last().getAttribute('data-status'), { timeout: 30_000 })
      .toMatch(/completed|awaiting_approval/);
    await page
      .getByTestId('assistant-message')
      .last()
      .getByRole('button', { name: 'Not helpful', exact: true })
      .click();
    await page.getByText('Thanks — we will look into it.').waitFor();
    await page.close();
  }, 60_000);
});

describe('limits in a real browser', () => {
  it('shows the step-limit state when a run stops at its step budget', async () => {
    // A second server whose runs get one model turn: the offline model needs two to draft.
    const limited = await startServer({
      DATABASE_PATH: join(dir, 'limited.db'),
      SEED_COUNT: '500',
      AGENT_MAX_STEPS: '1',
    });
    try {
      const { page } = await signedIn('/', 'demo-seller', limited.url);
      await page.getByLabel('Message').fill('I want to sell my Trek Marlin 7 mountain bike');
      await page.getByRole('button', { name: 'Send' }).click();
      const stopped = page.locator('[data-testid="assistant-message"][data-status="stopped"]');
      await stopped.waitFor({ timeout: 30_000 });
      expect(await stopped.getByTestId('run-status').getAttribute('data-stop-reason')).toBe('max_steps');
      expect(await stopped.getByTestId('run-status').textContent()).toMatch(/step limit/);
      expect(await page.getByTestId('approval-card').count()).toBe(0);
      // The composer is usable again.
      expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
      await page.close();
    } finally {
      await limited.kill('SIGTERM');
    }
  }, 60_000);
});

describe('support trace viewer in a real browser', () => {
  it('finds the seller’s run, opens its timeline and replays it', async () => {
    const { page, errors } = await signedIn('/support', 'demo-support');
    await page.getByTestId('trace-results').locator('table').waitFor();

    await page.getByLabel('Seller').fill('seller-1');
    await page.getByLabel('Tool').selectOption('createListing');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('trace-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Newest first; the posted listing's run is the one with a completed createListing.
    const completed = page.locator('[data-testid="trace-row"]', { hasText: 'completed' }).first();
    await completed.click();

    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const types = await timeline
      .getByTestId('timeline-event')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type));
    for (const type of ['model_call', 'tool_call', 'policy_decision', 'approval', 'feedback'])
      expect(types).toContain(type);
    expect(await timeline.textContent()).toMatch(
      /Approval rejected · createListing[\s\S]*make the price 380[\s\S]*Approval approved · createListing/,
    );
    expect(await page.getByTestId('trace-detail').textContent()).toMatch(/tokens/);
    await page.getByTestId('replay').click();
    const outcome = page.getByTestId('replay-outcome');
    await expect.poll(() => outcome.getAttribute('data-identical'), { timeout: 30_000 }).toBe('true');
    expect(await outcome.textContent()).toMatch(/^Identical/);
    await shoot(page, 'support-trace');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('reads the dashboard: figures by prompt version, charts and alerts', async () => {
    const { page, errors } = await signedIn('/support/dashboard', 'demo-support');
    const figures = page.getByTestId('figures');
    await figures.waitFor();
    const versions = await figures
      .locator('thead th[data-version]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.version));
    expect(versions.length).toBeGreaterThan(0);
    expect(await figures.textContent()).toMatch(/Failure rate/);
    expect(await page.getByTestId('chart').count()).toBe(4);
    expect(await page.getByTestId('chart').first().locator('rect').count()).toBeGreaterThan(0);
    // Each chart's axis reads: no tick label repeated (a chart of zeros has one tick), none cut off at the left.
    for (const chart of await page.getByTestId('chart').all()) {
      const { labels, leftmost } = await chart.locator('svg.chart').evaluate((svg) => {
        const ticks = [...svg.querySelectorAll('text.axis[text-anchor="end"]')] as SVGTextElement[];
        return { labels: ticks.map((t) => t.textContent), leftmost: Math.min(...ticks.map((t) => t.getBBox().x)) };
      });
      expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
      expect(leftmost).toBeGreaterThanOrEqual(0);
    }
    await page.getByTestId('alerts').waitFor();
    await page.getByRole('button', { name: 'Last day' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Last day' }).getAttribute('aria-pressed')).toBe('true');
    await shoot(page, 'support-dashboard');
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('finds the thumbs-down run in the review queue, labels it bad and promotes it to an eval scenario', async () => {
    const { page, errors } = await signedIn('/support/review', 'demo-support');
    await page.getByLabel('Reason').selectOption('thumbs_down');
    await page.getByRole('button', { name: 'Show' }).click();
    const item = page.locator('[data-testid="review-item"]', { hasText: 'seller-2' }).first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/thumbs down/);
    expect(await item.textContent()).toMatch(/Cube Attention/);
    await item.getByLabel('Note').fill('did not suggest a price');
    await item.getByRole('button', { name: 'Bad', exact: true }).click();
    const labelled = page.locator('[data-testid="review-item"]', { hasText: 'Labelled bad' }).first();
    await labelled.waitFor();
    expect(await labelled.getByTestId('review-label').textContent()).toBe(
      'Labelled bad by support-1: did not suggest a price',
    );
    await labelled.getByTestId('promote').click();
    const promoted = labelled.getByTestId('promoted');
    await promoted.waitFor();
    const scenarioId = /scenario (\S+) /.exec((await promoted.textContent()) ?? '')?.[1];
    expect(scenarioId).toBeTruthy();
    expect(readdirSync(join(dir, 'promoted')).some((f) => f.startsWith(scenarioId!))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('refuses a seller token, and the API behind it answers 403', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/support`);
    await page.getByLabel('Access token').fill('demo-seller');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const forbidden = page.getByTestId('forbidden');
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain('seller-1 (seller)');
    expect(await page.getByTestId('trace-row').count()).toBe(0);
    const status = await page.evaluate(
      async () => (await fetch('/api/traces', { headers: { authorization: 'Bearer demo-seller' } })).status,
    );
    expect(status).toBe(403);
    for (const path of ['/support/dashboard', '/support/review']) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('forbidden').waitFor();
    }
    await page.close();
  }, 30_000);
});
