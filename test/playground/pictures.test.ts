import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopChartThread } from '../../src/charts';
import { createConfig } from '../../src/config';
import { createPlayground, type Playground } from '../../src/playground/start';

// The pictures in a real browser against the real playground (issue 18): the PNG the chart thread draws is sent as
// a photo through the emulator and shows in the web chat. No browser is a failure, never a skip (see web.test.ts).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STAFF = 900_003;

let pg: Playground;
let browser: BrowserContext;
let page: Page;
const dirs: string[] = [];

const column = (id: number): Locator => page.locator(`section.chat[data-persona="${id}"]`);
const photos = (id: number): Locator => column(id).locator('.msg.bot img.photo');

// A brisk human pace: the flood guard answers a script's pace with "slow down", as it should.
const PACE_MS = 220;
async function say(id: number, text: string): Promise<void> {
  const box = column(id).locator('input.text');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForTimeout(PACE_MS);
}

/** Waits for the n-th picture of the chat to be loaded and drawn: its pixels, not only an <img> element. */
async function nthPictureShown(id: number, n: number): Promise<{ width: number; height: number }> {
  const img = photos(id).nth(n);
  await img.waitFor();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 })
    .toBe(true);
  return img.evaluate((el: HTMLImageElement) => ({ width: el.naturalWidth, height: el.naturalHeight }));
}

async function screenshotOnFailure(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', `playground-${name}.png`), fullPage: true }).catch(() => {});
    throw err;
  }
}

describe('the playground shows the pictures', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium`);
    const dir = mkdtempSync(join(tmpdir(), 'linli-playground-'));
    const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
    dirs.push(dir, profile);
    const config = createConfig({
      PLAYGROUND_PORT: '0',
      CONSOLE_PORT: '0',
      PLAYGROUND_HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DELIVERY_RATE_PER_SEC: '500',
    });
    pg = await createPlayground(config, {
      databasePath: join(dir, 'playground.db'),
      fresh: true,
      log: pino({ level: 'silent' }),
    });
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1500, height: 950 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(20_000);
    await page.goto(pg.url);
    await page.locator('body[data-ready="1"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    await stopChartThread();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('staff asking for where the fund’s money went get the picture in the chat', async () => {
    await screenshotOnFailure('fund-picture', async () => {
      await say(STAFF, '/fund');
      await column(STAFF)
        .locator('.msg.bot')
        .last()
        .getByRole('button', { name: /钱花在哪了/ })
        .click();
      const { width, height } = await nthPictureShown(STAFF, 0);
      expect(width).toBe(810);
      expect(height).toBeGreaterThan(300);
    });
  }, 90_000);

  it('staff sending /report get the community report as a picture', async () => {
    await screenshotOnFailure('report-picture', async () => {
      await say(STAFF, '/report');
      const { width } = await nthPictureShown(STAFF, 1);
      expect(width).toBe(810);
    });
  }, 90_000);
});
