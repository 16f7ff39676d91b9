import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { launchChromium, shoot, watchErrors } from './support/browser.js';

// A drawn chair (160x120): a real image the browser decodes, so "it loads" can be checked.
const CHAIR = readFileSync(join(process.cwd(), 'evals', 'images', 'chair.png'));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

let server: ServerProcess;
let browser: BrowserContext;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-listing-'));
  server = await startServer({ DATABASE_PATH: join(dir, 'listing.db'), SEED_COUNT: '600' });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** The image has arrived and decoded: a broken or refused photo has no natural width. */
async function loaded(img: Locator): Promise<number> {
  await img.waitFor({ timeout: 15_000 });
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

async function noSidewaysScroll(page: Page, what: string) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${what}: page ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}

/** How often `text` occurs in what the page shows (hidden text included: a screen reader would read it too). */
const occurrences = (page: Page, text: string) =>
  page.evaluate((t) => document.body.textContent.split(t).length - 1, text);

describe.each([
  ['a desktop', DESKTOP, 'seller-chat'],
  ['a phone', PHONE, 'seller-chat-phone'],
])('a seller on %s posts a listing with a photo', (_name, viewport, screenshot) => {
  it('attaches a photo, confirms the draft card once, and the public listing page shows the photo', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    try {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'demo-seller', exact: true }).click();
      await page.getByTestId('who').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'New conversation' }).click();
      await page.getByTestId('panel-empty').waitFor({ state: 'attached' });

      await page.getByTestId('photo-input').setInputFiles({ name: 'chair.png', mimeType: 'image/png', buffer: CHAIR });
      await page.getByTestId('photo-preview').waitFor();
      await page.getByLabel('Message').fill('Selling my oak dining chair, solid wood, good condition, 120 euros');
      await page.getByRole('button', { name: 'Send' }).click();

      const card = page.locator('[data-testid="approval-card"]:not(.decided)');
      await card.waitFor({ timeout: 30_000 });
      // The draft shows once: the card carries its fields, the reply only what the card does not say.
      const description = (await card.locator('.description').textContent()) ?? '';
      expect(description.length).toBeGreaterThan(10);
      expect(await occurrences(page, description)).toBe(1);
      expect(await page.getByTestId('draft-card').count()).toBe(1);
      const reply = (await page.getByTestId('assistant-message').last().textContent()) ?? '';
      expect(reply).toMatch(/confirm/i);
      expect(reply).not.toContain('Furniture');
      // The card shows the photo the listing will get, loaded with the seller's token (it is private until posted).
      expect(await loaded(card.getByTestId('photo'))).toBeGreaterThan(0);
      expect(await card.getByTestId('photo').getAttribute('src')).toMatch(/^blob:/);
      await noSidewaysScroll(page, 'chat with the draft card');
      await shoot(page, screenshot);

      await card.getByRole('button', { name: 'Confirm' }).click();
      const posted = page.getByTestId('posted-card');
      await posted.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.getByTestId('assistant-message').last().getAttribute('data-status'), { timeout: 30_000 })
        .toBe('completed');
      expect(await occurrences(page, 'listing is live')).toBe(1);
      const listingId = (await posted.getAttribute('data-listing-id')) ?? '';
      expect(listingId).toMatch(/^lst_/);
      expect(await loaded(posted.getByTestId('photo'))).toBeGreaterThan(0);

      // A reload restores the photos from the server: in the seller's message, on the decided card, on the panel.
      await page.reload();
      await page.getByTestId('posted-card').waitFor({ timeout: 15_000 });
      expect(await loaded(page.getByTestId('sent-photo').first())).toBeGreaterThan(0);
      expect(await loaded(page.getByTestId('approval-card').getByTestId('photo'))).toBeGreaterThan(0);
      expect(await loaded(page.getByTestId('posted-card').getByTestId('photo'))).toBeGreaterThan(0);
      expect(await occurrences(page, description)).toBe(1);
      expect(await page.getByTestId('photo-missing').count()).toBe(0);
      await noSidewaysScroll(page, 'chat after a reload');

      // Anyone, with no sign-in (a fresh tab holds no token), sees the listing with that photo.
      const visitor = await browser.newPage();
      const visitorErrors = watchErrors(visitor);
      try {
        await visitor.setViewportSize(viewport);
        await visitor.goto(`${server.url}/listings/${listingId}`);
        await visitor.getByTestId('listing').waitFor({ timeout: 15_000 });
        expect(await visitor.getByTestId('sign-in').count()).toBe(0);
        const photo = visitor.getByTestId('listing').getByTestId('photo');
        expect(await loaded(photo)).toBeGreaterThan(0);
        expect(await photo.getAttribute('src')).toMatch(/^\/api\/images\/img_/);
        expect(await visitor.getByTestId('listing-price').textContent()).toBe('€120.00');
        await noSidewaysScroll(visitor, 'public listing page');
        expect(visitorErrors).toEqual([]);
      } finally {
        await visitor.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
