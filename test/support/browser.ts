import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];

/** Debian's chromium, headless, with a fresh profile per launch (installed by `.ci/run` when missing). */
export async function launchChromium(): Promise<BrowserContext> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath)
    throw new Error(
      'Chromium not found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Screenshots for the docs are written only when asked (`npm run docs:screenshots`), so tests leave the tree clean. */
export const screenshotDir = () => process.env.SCREENSHOT_DIR;

/** Writes the page as docs/screenshots/<name>.png when screenshots are asked for. */
export async function shoot(page: Page, name: string): Promise<void> {
  const target = screenshotDir();
  if (target) await page.screenshot({ path: join(target, `${name}.png`), fullPage: false });
}

/**
 * The browser's own errors fail the test: a page that throws is broken even if the DOM looks right.
 * `expected` names console errors the test provokes on purpose (e.g. a 403 it asks for).
 */
export function watchErrors(page: Page, expected?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !expected?.test(m.text()) && errors.push(m.text()));
  return errors;
}
