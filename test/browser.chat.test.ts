import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { launchChromium } from './support/browser.js';

// A 2x2 PNG: the photo a seller attaches.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

let server: ServerProcess;
let browser: BrowserContext;
let dir: string;
/** One tab for the seller's whole story (reused, like a seller would), one for checks without a token. */
let page: Page;
let errors: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-chat-'));
  server = await startServer({ DATABASE_PATH: join(dir, 'chat.db'), SEED_COUNT: '600' });
  browser = await launchChromium();
  page = await browser.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A refused edit answers 4xx on purpose, and the retry test aborts a request: neither is a page error.
  page.on(
    'console',
    (m) => m.type() === 'error' && !/status of 4\d\d|ERR_FAILED/.test(m.text()) && errors.push(m.text()),
  );
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'demo-seller', exact: true }).click();
  await page.getByTestId('who').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function say(text: string) {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const openCard = () => page.locator('[data-testid="approval-card"]:not(.decided)');
const lastReply = () => page.getByTestId('assistant-message').last();

async function settled() {
  await expect
    .poll(() => lastReply().getAttribute('data-status'), { timeout: 30_000 })
    .toMatch(/completed|awaiting_approval|stopped|error/);
}

/** Nothing on the page is wider than the window: no sideways scrolling. */
async function noSidewaysScroll(p: Page, what: string) {
  const { scroll, inner } = await p.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${what}: page ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}

describe('the seller chat shows the current conversation', () => {
  let listingId = '';

  it('edits the drafted price and title in the card and posts exactly that', async () => {
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('photo-input').setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByTestId('photo-preview').waitFor();
    await say('Selling my Artemide Tolomeo desk lamp, good condition, 120 euros');
    const card = openCard();
    await card.waitFor({ timeout: 30_000 });
    // The draft shows once, as the card, with the photo the seller sent.
    expect(await page.getByTestId('draft-card').count()).toBe(1);
    expect(await card.getByTestId('photo').count()).toBe(1);
    expect(await page.getByTestId('comparables').count()).toBe(1);

    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Title').fill('Artemide Tolomeo desk lamp, aluminium');
    await card.getByLabel('Price (€)').fill('99.5');
    await card.getByRole('button', { name: 'Confirm changes' }).click();
    await page.getByTestId('posted-card').waitFor({ timeout: 30_000 });
    await settled();
    expect(await page.getByTestId('posted-price').textContent()).toBe('€99.50');
    expect(await page.getByTestId('posted-card').locator('.title').textContent()).toBe(
      'Artemide Tolomeo desk lamp, aluminium',
    );
    expect(await page.getByTestId('approval-outcome').last().textContent()).toBe('Confirmed with your changes');
    // "Live" is said once: in the assistant's reply; the panel just shows the listing.
    expect((await page.getByTestId('log').textContent())?.match(/listing is live/gi)?.length ?? 0).toBeLessThanOrEqual(
      1,
    );
    listingId = (await page.getByTestId('posted-card').getAttribute('data-listing-id')) ?? '';
    expect(listingId).toMatch(/^lst_/);
    await lastReply().getByRole('button', { name: 'Helpful', exact: true }).click();
    await page.getByTestId('feedback-given').last().waitFor();
  }, 90_000);

  it('refuses an edit the rules do not allow, on the card, and keeps it open', async () => {
    await say(`change the price of ${listingId} to 110`);
    const card = openCard();
    await card.waitFor({ timeout: 30_000 });
    // The card shows the change from the current price; the reply does not say it again.
    expect(await card.getByTestId('approval-summary').textContent()).toContain('from €99.50 to €110');
    expect(await lastReply().textContent()).not.toContain('€99.50');
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Price (€)').fill('9999999');
    await card.getByRole('button', { name: 'Confirm changes' }).click();
    await expect.poll(() => card.getByTestId('approval-error').textContent(), { timeout: 30_000 }).toMatch(/Not saved/);
    expect(await card.getAttribute('class')).not.toContain('decided');
    // The confirmed re-price updates the panel's price (it was €99.50).
    await card.getByRole('button', { name: 'Back' }).click();
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByTestId('posted-price').textContent(), { timeout: 30_000 }).toBe('€110.00');
    await settled();
  }, 60_000);

  it('restores replies, thumbs, decided cards, comparables and the listing after a reload', async () => {
    const before = {
      replies: await page.getByTestId('assistant-message').count(),
      cards: await page.getByTestId('approval-card').count(),
      mine: await page.getByTestId('seller-message').count(),
    };
    await page.reload();
    await page.getByTestId('posted-card').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('posted-price').textContent()).toBe('€110.00');
    expect(await page.getByTestId('comparables').count()).toBe(1);
    expect(await page.getByTestId('approval-card').count()).toBe(before.cards);
    expect(await page.getByTestId('approval-outcome').allTextContents()).toEqual([
      'Confirmed with your changes',
      'Confirmed',
    ]);
    // One reply per message (decisions' own notes are not stored), plus the greeting.
    expect(await page.getByTestId('assistant-message').count()).toBe(3);
    expect(before.replies).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('seller-message').count()).toBeLessThanOrEqual(before.mine);
    // The thumbs given before the reload are shown as given.
    expect(await page.getByTestId('feedback-given').count()).toBe(1);
  }, 30_000);

  it('starts a new conversation empty', async () => {
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByTestId('panel-empty').waitFor();
    expect(await page.getByTestId('comparables').count()).toBe(0);
    expect(await page.getByTestId('posted-card').count()).toBe(0);
    expect(await page.getByTestId('approval-card').count()).toBe(0);
    expect(await page.getByTestId('assistant-message').count()).toBe(1);
    await page.reload();
    // The empty panel is drawn before the conversation is fetched; the greeting comes with what was fetched.
    await page.getByTestId('assistant-message').first().waitFor();
    await page.getByTestId('panel-empty').waitFor();
    expect(await page.getByTestId('assistant-message').count()).toBe(1);
  }, 30_000);

  it('keeps the text after a network failure and sends it again on Retry', async () => {
    const text = 'What is my Canon EOS 250D worth? Used, with the kit lens';
    const fail = (route: { abort: () => Promise<void> }) => route.abort();
    // The server is out of reach (its health check too) while the seller sends.
    await page.route('**/api/conversations/*/messages', fail);
    await page.route('**/api/health', fail);
    await say(text);
    const failed = page.locator('[data-testid="assistant-message"][data-status="error"]');
    await failed.waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Message').inputValue()).toBe(text);
    const connection = page.getByTestId('connection');
    expect(await connection.textContent()).toMatch(/cannot be reached/);
    await page.unroute('**/api/conversations/*/messages', fail);
    await page.unroute('**/api/health', fail);
    // Back: the page says so by itself, and Retry sends the words.
    await expect.poll(() => connection.textContent(), { timeout: 15_000 }).toMatch(/Connected again/);
    await failed.getByTestId('retry').click();
    await settled();
    expect(await lastReply().getAttribute('data-status')).toMatch(/completed|awaiting_approval/);
    expect(await page.getByLabel('Message').inputValue()).toBe('');
    expect(await page.locator('[data-testid="assistant-message"][data-status="error"]').count()).toBe(0);
    expect(await page.getByTestId('seller-message').allTextContents()).toEqual([text]);
  }, 45_000);

  it('waits out a busy conversation (409 with Retry-After) and sends once it is free', async () => {
    let refused = 0;
    await page.route('**/api/conversations/*/messages', async (route) => {
      if (refused++ > 0) return route.fallback();
      await route.fulfill({
        status: 409,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
        body: JSON.stringify({ error: { code: 'conversation_busy', message: 'busy' } }),
      });
    });
    const started = Date.now();
    await say('thanks');
    await settled();
    expect(refused).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await lastReply().getAttribute('data-status')).toBe('completed');
    await page.unrouteAll();
  }, 45_000);

  it('works from the keyboard alone and names its parts for a screen reader', async () => {
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByTestId('panel-empty').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          label:
            el?.getAttribute('aria-label') ??
            (el as HTMLInputElement).labels?.[0]?.textContent ??
            el?.textContent ??
            '',
          inCard: !!el?.closest('[data-testid="approval-card"]'),
          photo: el?.getAttribute('data-testid') === 'photo-input',
        };
      });
    expect((await focused()).label).toBe('Message');
    await page.keyboard.type('Selling my Brompton folding bike');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('black, good condition, 900 euros');
    expect(await page.getByLabel('Message').inputValue()).toBe(
      'Selling my Brompton folding bike\nblack, good condition, 900 euros',
    );
    await page.keyboard.press('Enter');
    await openCard().waitFor({ timeout: 30_000 });
    await settled();
    // After the reply the seller types on; a couple of steps back reach the photo picker, then the card.
    expect((await focused()).label).toBe('Message');
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).photo).toBe(true);
    const ring = await page.locator('label[for="photo"]').evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(ring, 'the focused photo picker shows it').not.toBe('none');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ inCard: true, label: 'Cancel' });
    // Into the cancel form and out again (Escape, as Back): the keyboard stays on the card.
    await page.keyboard.press('Enter');
    expect((await focused()).label).toBe('Message to the assistant');
    await page.keyboard.press('Escape');
    expect(await focused()).toMatchObject({ inCard: true, label: 'Cancel' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect((await focused()).label).toBe('Title');
    await page.keyboard.press('Escape');
    expect(await focused()).toMatchObject({ inCard: true, label: 'Edit' });
    // What a screen reader finds: the conversation as a log, who said what, the draft as a named region.
    expect(await page.getByRole('log', { name: 'Conversation' }).count()).toBe(1);
    expect(await page.getByRole('article', { name: 'You' }).count()).toBe(1);
    expect(await page.getByRole('article', { name: 'Assistant' }).count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Your draft: post it?' }).count()).toBe(1);
  }, 45_000);

  it('shows what the server has when a draft was decided elsewhere (another tab)', async () => {
    const card = openCard();
    const approvalId = await card.getAttribute('data-approval-id');
    const runId = await lastReply().getAttribute('data-run-id');
    // The seller confirms it in another tab; this one still shows it open.
    const res = await fetch(`${server.url}/api/runs/${runId}/decisions`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-seller', 'content-type': 'application/json' },
      body: JSON.stringify({ approvalId, decision: 'approve' }),
    });
    expect(res.status).toBe(200);
    await card.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('refreshed').waitFor({ timeout: 15_000 });
    // The listing the other tab posted, and the card as decided there: no error, no second post.
    await page.getByTestId('posted-card').waitFor();
    const decided = page.locator(`[data-approval-id="${approvalId}"]`);
    expect(await decided.getByTestId('approval-outcome').textContent()).toBe('Confirmed');
    expect(await page.locator('[data-testid="assistant-message"][data-status="error"]').count()).toBe(0);

    // The composer grows with a long message, up to a third of the window.
    const box = page.getByLabel('Message');
    const height = () => box.evaluate((el) => el.getBoundingClientRect().height);
    const empty = await height();
    await box.fill(Array.from({ length: 6 }, (_, i) => `line ${i + 1} of the description`).join('\n'));
    expect(await height()).toBeGreaterThan(empty * 2);
    await box.fill(Array.from({ length: 60 }, () => 'more').join('\n'));
    expect(await height()).toBeLessThanOrEqual(DESKTOP.height / 3 + 1);
    await box.fill('');
  }, 45_000);

  it('works on a phone: no sideways scroll, the draft in view while chatting', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByTestId('panel-empty').waitFor({ state: 'attached' });
    await say('I want to sell my Fjällräven Kånken backpack, like new, 45 euros');
    const card = openCard();
    await card.waitFor({ timeout: 30_000 });
    await noSidewaysScroll(page, 'chat with a draft');
    const box = (await card.boundingBox())!;
    const composer = (await page.locator('.composer').boundingBox())!;
    // The card's top is on screen and the composer is too (it stays at the bottom).
    expect(box.y).toBeLessThan(PHONE.height);
    expect(box.y + 40).toBeGreaterThan(0);
    expect(composer.y + composer.height).toBeLessThanOrEqual(PHONE.height + 1);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await noSidewaysScroll(page, 'chat with the cancel form');
    expect(await card.getByRole('button', { name: 'Back' }).isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Back' }).click();
    await card.getByRole('button', { name: 'Edit' }).click();
    await noSidewaysScroll(page, 'chat with the edit form');
    await page.setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll(page, 'chat at 360 px');
    await page.setViewportSize(DESKTOP);
  }, 60_000);

  it('keeps a draft open while a message fails to send, and marks it replaced once one is sent', async () => {
    const card = openCard();
    await card.getByRole('button', { name: 'Back' }).click();
    const approvalId = await card.getAttribute('data-approval-id');
    const fail = (route: { abort: () => Promise<void> }) => route.abort();
    await page.setViewportSize(PHONE);
    await page.route('**/api/conversations/*/messages', fail);
    await say('make it 50');
    const failed = page.locator('[data-testid="assistant-message"][data-status="error"]');
    await failed.waitFor({ timeout: 15_000 });
    // On a phone the failed reply shows above the composer, which grew by the connection notice.
    await page.getByTestId('connection').waitFor();
    const reply = (await failed.boundingBox())!;
    const composer = (await page.locator('.composer').boundingBox())!;
    expect(reply.y + reply.height).toBeLessThanOrEqual(composer.y + 1);
    // The server never got the message: the draft is still open and can be confirmed.
    const draft = page.locator(`[data-approval-id="${approvalId}"]`);
    expect(await draft.getAttribute('class')).not.toContain('decided');
    expect(await draft.getByRole('button', { name: 'Confirm' }).isEnabled()).toBe(true);
    await page.unroute('**/api/conversations/*/messages', fail);
    await page.getByTestId('retry').click();
    await settled();
    // Now it was replaced: the card says so, with no deadline, and its reply no longer says it waits.
    expect(await draft.getByTestId('approval-outcome').textContent()).toBe('Replaced by your next message');
    expect(await draft.getByTestId('approval-expiry').count()).toBe(0);
    const waiting = page.getByTestId('log').getByText('Waiting for your confirmation below.');
    expect(await waiting.count()).toBe(await openCard().count());
    // Restored, the replaced card still follows the reply that asked for it (its words point below).
    await page.reload();
    await draft.waitFor();
    const before = () => draft.evaluate((el) => (el.previousElementSibling as HTMLElement | null)?.dataset.testid);
    expect(await before()).toBe('assistant-message');
    await page.setViewportSize(DESKTOP);
  }, 45_000);

  it('shows a listing to anyone, without sign-in, with its photos', async () => {
    const visitor = await browser.newPage();
    try {
      for (const viewport of [PHONE, DESKTOP]) {
        await visitor.setViewportSize(viewport);
        await visitor.goto(`${server.url}/listings/${listingId}`);
        await visitor.getByTestId('listing').waitFor();
        expect(await visitor.getByTestId('sign-in').count()).toBe(0);
        expect(await visitor.getByTestId('listing-price').textContent()).toBe('€110.00');
        await noSidewaysScroll(visitor, `listing page at ${viewport.width}px`);
      }
      // The photo the seller sent with the message is on the posted listing, public with it.
      const photo = visitor.getByTestId('listing').getByTestId('photo');
      await photo.waitFor();
      expect(await photo.getAttribute('src')).toMatch(/^\/api\/images\/img_[0-9a-f]{32}$/);
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
    } finally {
      await visitor.close();
    }
  }, 30_000);

  it('leaves no page wider than a phone', async () => {
    const tab = await browser.newPage();
    try {
      await tab.setViewportSize(PHONE);
      for (const path of ['/support', '/support/review', '/support/dashboard']) {
        await tab.goto(`${server.url}${path}`);
        const demo = tab.getByRole('button', { name: 'demo-support', exact: true });
        if (await demo.count()) await demo.click();
        await tab.waitForLoadState('networkidle');
        await noSidewaysScroll(tab, path);
      }
    } finally {
      await tab.close();
    }
    expect(errors).toEqual([]);
  }, 45_000);
});

describe('a seller whose token stops working', () => {
  it('is led back to sign in, and the unsent words wait in the composer', async () => {
    const text = 'what is my Garmin Edge 530 worth?';
    await page.evaluate(() => sessionStorage.setItem('listing-assistant.token', 'revoked-token'));
    // Confirming the open draft fails for that reason, and the card does not invite a hopeless retry.
    await openCard().getByRole('button', { name: 'Confirm' }).click();
    const refused = openCard().getByTestId('approval-error');
    await expect.poll(() => refused.textContent(), { timeout: 15_000 }).toMatch(/sign-in has expired/);
    expect(await refused.textContent()).not.toMatch(/try again/);
    await say(text);
    const failed = page.locator('[data-testid="assistant-message"][data-status="error"]');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toMatch(/sign-in has expired or is no longer valid/);
    await failed.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByTestId('signed-out').waitFor();
    await page.getByRole('button', { name: 'demo-seller', exact: true }).click();
    await expect.poll(() => page.getByLabel('Message').inputValue()).toBe(text);
    // Words typed while the conversation is still loading are not undone when it arrives.
    await page.route('**/api/conversations/*', async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.fallback();
    });
    await page.reload();
    await page.getByLabel('Message').fill('typed while loading');
    await page.getByTestId('assistant-message').first().waitFor();
    await page.waitForTimeout(200);
    expect(await page.getByLabel('Message').inputValue()).toBe('typed while loading');
    await page.unrouteAll();
    await page.getByLabel('Message').fill('');
    expect(errors).toEqual([]);
  }, 30_000);
});

describe('a conversation at its message cap', () => {
  it('offers to go on in a new conversation, and the message is answered there', async () => {
    const capDir = mkdtempSync(join(tmpdir(), 'browser-cap-'));
    const capped = await startServer({
      DATABASE_PATH: join(capDir, 'cap.db'),
      SEED_COUNT: '300',
      CONVERSATION_MAX_MESSAGES: '1',
    });
    const tab = await browser.newPage();
    try {
      await tab.goto(`${capped.url}/`);
      await tab.getByRole('button', { name: 'demo-seller', exact: true }).click();
      await tab.getByTestId('who').waitFor();
      await tab.getByRole('button', { name: 'New conversation' }).click();
      const sayHere = async (text: string) => {
        await tab.getByLabel('Message').fill(text);
        await tab.getByRole('button', { name: 'Send' }).click();
      };
      await sayHere('what is my road bike worth?');
      await expect
        .poll(() => tab.getByTestId('assistant-message').last().getAttribute('data-status'))
        .toBe('completed');
      await sayHere('and my helmet?');
      const failed = tab.getByTestId('assistant-message').last();
      await expect.poll(() => failed.getAttribute('data-status')).toBe('error');
      expect(await failed.textContent()).toMatch(/limit of 1 message.*new conversation/);
      await failed.getByRole('button', { name: 'Continue in a new conversation' }).click();
      // A new conversation: the greeting, the seller's message again, and its answer; the composer is empty.
      await expect
        .poll(() => tab.getByTestId('assistant-message').last().getAttribute('data-status'))
        .toBe('completed');
      const log = await tab.locator('.message').allTextContents();
      expect(log.filter((t) => t.includes('and my helmet?'))).toHaveLength(1);
      expect(log.some((t) => t.includes('what is my road bike worth?'))).toBe(false);
      expect(await tab.getByLabel('Message').inputValue()).toBe('');
    } finally {
      await tab.close();
      await capped.kill('SIGTERM');
      rmSync(capDir, { recursive: true, force: true });
    }
  }, 60_000);
});
