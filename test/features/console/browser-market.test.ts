import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@telegram-apps/init-data-node';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { startBot, type TestBot } from '../../support/harness';

// The market and broadcasts pages inside Telegram's Mini App, in a real Chromium: every page is fetched by the
// console's script with the signed initData, so the nav and the links must work through it. No browser is a
// failure, never a skip (CI installs Debian's chromium).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STAFF = 940_001;
const DAY = '2026-03-14';

let tb: TestBot;
let browser: BrowserContext;
let page: Page;
const dirs: string[] = [];

/** Waits until the page's heading says this (a Mini App page is replaced by the console's script, not loaded). */
const heading = (text: string) =>
  page.waitForFunction((t) => document.querySelector('h1')?.textContent?.trim() === t, text);

describe('the market and broadcasts pages in the Mini App', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium`);
    tb = await startBot({ clock: new ManualClock(new Date('2026-03-10T02:00:00Z')) });
    await tb.withRole(STAFF, 'staff', { first_name: 'Wang', language_code: 'en' });
    const { market, residents } = tb.services;
    const [home] = await residents.compounds();
    const knife = await market.addService(STAFF, {
      nameZh: '磨刀',
      nameEn: 'Knife sharpening',
      groupKey: 'daily',
      defaultCapacity: 2,
      minutesPerTicket: 10,
      needsDetails: false,
      needsPhoto: false,
    });
    const venue = await market.addVenue(STAFF, {
      nameZh: '广场',
      nameEn: 'Square',
      address: '',
      compoundId: home!.id,
      latitude: null,
      longitude: null,
    });
    const id = await market.createMarket(STAFF, {
      date: DAY,
      startsAt: '09:00',
      endsAt: '12:00',
      venueId: venue.id,
      services: [{ serviceId: knife.id }],
    });
    await market.publishMarket(STAFF, id);
    await tb.resident(940_011);
    await market.book(940_011, (await market.offers(id))[0]!.id, {});

    const profile = mkdtempSync(join(tmpdir(), 'linli-console-chromium-'));
    dirs.push(profile);
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    const base = tb.app.consoleUrl()!;
    await browser.addCookies([{ name: 'linli_lang', value: 'en', url: base }]);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
    const initData = sign({ user: { id: STAFF, first_name: 'Wang' } }, tb.config.BOT_TOKEN!, tb.clock.now());
    await page.goto(`${base}/app#tgWebAppData=${encodeURIComponent(initData)}`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await tb?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('staff go from the nav to a market day and see its places booked, then to the broadcasts', async () => {
    await heading('Dashboard');
    await page.locator('header nav a', { hasText: 'Market' }).click();
    await heading('Market days');
    await page.locator('a', { hasText: DAY }).click();
    await heading(`Market day ${DAY}`);
    const row = page.locator('tbody tr', { hasText: 'Knife sharpening' }).first();
    expect(await row.locator('td').allInnerTexts()).toEqual(['Knife sharpening', '1 / 2', '0', '0', '1', '0', '0']);
    await page.locator('header nav a', { hasText: 'Broadcasts' }).click();
    await heading('Broadcasts');
    expect(await page.locator('.empty').first().textContent()).toBe('Nothing has been broadcast yet.');
  });
});
