import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Canvas } from '../src/evals/png.js';
import { startServer, type ServerProcess } from './support/serverProcess.js';
import { launchChromium, watchErrors } from './support/browser.js';

let server: ServerProcess;
let browser: BrowserContext;
let dir: string;
let traceId = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-support-photo-'));
  server = await startServer({ DATABASE_PATH: join(dir, 'web.db'), SEED_COUNT: '200' });
  browser = await launchChromium();
  // A real, decodable photo far larger than any screen here: 1600 x 1200.
  const photo = new Canvas(1600, 1200, [200, 120, 40]).circle(800, 600, 300, [20, 20, 200]).png();
  const headers = { authorization: 'Bearer demo-seller', 'content-type': 'application/json' };
  const { id } = (await (await fetch(`${server.url}/api/conversations`, { method: 'POST', headers })).json()) as {
    id: string;
  };
  const run = await fetch(`${server.url}/api/conversations/${id}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      text: 'selling my oak table, good condition',
      images: [`data:image/png;base64,${photo.toString('base64')}`],
    }),
  });
  expect(run.status).toBe(200);
  traceId = ((await run.json()) as { traceId: string }).traceId;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { name: 'phone', width: 390, height: 844 },
  { name: 'wide', width: 1280, height: 800 },
])("a seller's big photo in support's run view ($name)", (screen) => {
  it('is a bounded thumbnail that opens the whole photo over the page, and closes back to it', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/support#trace=${traceId}`);
    await page.getByRole('button', { name: 'demo-support', exact: true }).click();
    await page.getByTestId('timeline').waitFor();

    const story = page.getByTestId('run-story');
    const open = story.getByRole('button', { name: 'Photo the seller sent: open at full size' });
    const thumb = open.getByTestId('trace-image');
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1600);
    // Every copy of the photo on the page (the story's and the model call's) is a thumbnail.
    for (const box of await page
      .getByTestId('trace-image')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeLessThanOrEqual(96);
      expect(box.height).toBeLessThanOrEqual(96);
      expect(box.width).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.width);

    await open.click();
    const viewer = page.getByRole('dialog', { name: 'Photo the seller sent' });
    await viewer.waitFor();
    const full = viewer.getByRole('img', { name: 'Photo the seller sent (full size)' });
    await expect.poll(() => full.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1600);
    // The whole photo, scaled down to the window rather than cut or overflowing it.
    const box = (await full.boundingBox())!;
    expect(box.width).toBeGreaterThan(Math.min(1600, screen.width) * 0.6);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
    expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
    expect(Math.abs(box.width / box.height - 4 / 3)).toBeLessThan(0.02);

    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    // And Close does the same.
    await open.click();
    await viewer.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => viewer.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
