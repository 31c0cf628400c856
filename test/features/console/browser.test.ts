import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@telegram-apps/init-data-node';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../../../src/playground/fake-api';
import { startBot, type TestBot } from '../../support/harness';

// The staff console in a real Chromium, against the real app (bot and console from createApp). One browser for the
// whole file, one page; no browser is a failure, never a skip (CI installs Debian's chromium).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = 910_001;
const RESIDENT = 910_002;
const DAY = 86_400_000;

let tb: TestBot;
let admin: FakeUser;
let browser: BrowserContext;
let page: Page;
let base: string;
const dirs: string[] = [];

const initData = (userId: number) =>
  sign({ user: { id: userId, first_name: `U${userId}` } }, tb.config.BOT_TOKEN!, tb.clock.now());

/** The text of the first element matching, once it is there. */
async function textOf(selector: string): Promise<string> {
  const l = page.locator(selector).first();
  try {
    await l.waitFor();
  } catch (err) {
    console.log(page.url(), ((await page.locator('body').textContent()) ?? '').slice(0, 800));
    throw err;
  }
  return ((await l.textContent()) ?? '').trim();
}

/** Waits until the page's heading says this (a Mini App page is replaced by the console's script, not loaded). */
async function heading(text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.trim() === t, text);
}

async function openAsMiniApp(userId: number) {
  // A new document each time, as Telegram opens a Mini App (a changed #hash alone would not reload the page).
  await page.goto('about:blank');
  await page.goto(`${base}/app#tgWebAppData=${encodeURIComponent(initData(userId))}`);
}

describe('the staff console in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium`);
    tb = await startBot({ seedDemo: true });
    // A month on: the demo's open petitions are past their time limits.
    tb.clock.advance(30 * DAY);
    admin = await tb.withRole(ADMIN, 'admin', { first_name: 'Ada', language_code: 'en' });
    await tb.resident(RESIDENT);
    base = tb.app.consoleUrl()!;
    const profile = mkdtempSync(join(tmpdir(), 'linli-console-chromium-'));
    dirs.push(profile);
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    await browser.addCookies([{ name: 'linli_lang', value: 'en', url: base }]);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await tb?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('staff sign in with the link /console sends and see the dashboard charts render', async () => {
    await (await admin.command('console')).reply();
    const link = /http:\/\/\S+\/login\/\S+/.exec(admin.lastText() ?? '')?.[0];
    expect(link, admin.lastText()).toBeDefined();
    expect(admin.lastText()).toContain('own network');
    await page.goto(link!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await textOf('h1')).toBe('Dashboard');
    // ECharts drew the chart: a canvas of the chart's size.
    await page.locator('#fund-months canvas').waitFor();
    const width = await page.locator('#fund-months canvas').evaluate((c) => (c as HTMLCanvasElement).width);
    expect(width).toBeGreaterThan(100);
  });

  it('the petitions board filters to the overdue petitions of one community', async () => {
    const late = await tb.services.petitions.listForHandler(
      { id: ADMIN, roles: new Set(['admin']) },
      { overdue: true },
    );
    const community = late.find((p) => p.communityId !== null)?.communityId;
    expect(community, 'the demo has an overdue petition in some community').toBeDefined();
    const expected = late.filter((p) => p.communityId === community).length;
    await page.goto(`${base}/petitions`);
    await page.selectOption('select[name="community"]', String(community));
    await page.check('input[name="overdue"]');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/overdue=1/);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(Math.min(expected, 50));
    for (const text of await rows.allInnerTexts()) expect(text).toContain('overdue');
  });

  it('a ledger entry is recorded and then reversed exactly', async () => {
    await page.goto(`${base}/fund`);
    const form = page.locator('#entry-form');
    await form.locator('input[name="amount"]').fill('88.50');
    await form.locator('input[name="note"]').fill('console test');
    await form.getByRole('button', { name: 'Record entry' }).click();
    expect(await textOf('.notice.ok')).toBe('The entry is recorded.');
    const row = page.locator('tbody tr', { hasText: 'console test' }).first();
    await row.locator('input[name="reason"]').fill('typed twice');
    await row.getByRole('button', { name: 'Reverse' }).click();
    expect(await textOf('.notice.ok')).toContain('reversed');
    expect(await page.locator('tbody tr', { hasText: '-88.50' }).count()).toBe(1);
  });

  it('a form without its CSRF token is refused', async () => {
    await page.goto(`${base}/fund`);
    await page.locator('#entry-form input[name="_csrf"]').evaluate((el) => el.remove());
    await page.locator('#entry-form input[name="amount"]').fill('1');
    await page.locator('#entry-form').getByRole('button', { name: 'Record entry' }).click();
    expect(await textOf('.notice.error')).toContain('security token');
  });

  it('an import refuses a bad file row by row, previews a good one and applies it on confirm', async () => {
    await page.goto(`${base}/files`);
    const exportForm = page.locator('form[action="/files/export/places"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportForm.locator('button[type="submit"]').click(),
    ]);
    const good = join(dirs[0]!, 'places.xlsx');
    await download.saveAs(good);
    expect(readFileSync(good).subarray(0, 2).toString()).toBe('PK');

    const bad = join(dirs[0]!, 'bad.csv');
    writeFileSync(bad, 'nothing,like,places\n1,2,3\n');
    const importForm = page.locator('form[action="/files/import/places"]');
    await importForm.locator('input[type="file"]').setInputFiles(bad);
    await importForm.locator('button[type="submit"]').click();
    expect(await textOf('.notice.error')).toContain('not imported');

    await page.goto(`${base}/files`);
    await page.locator('form[action="/files/import/places"] input[type="file"]').setInputFiles(good);
    await page.locator('form[action="/files/import/places"] button[type="submit"]').click();
    expect(await textOf('.notice.info')).toContain('The file is fine');
    await page.getByRole('button', { name: 'Confirm import' }).click();
    expect(await textOf('.notice.ok')).toContain('Imported');
  });

  it('an expired login link is refused', async () => {
    const { token } = await tb.app.identity.logins.createLink(ADMIN);
    tb.clock.advance(11 * 60_000);
    await page.goto(`${base}/login/${token}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await textOf('.notice.error')).toContain('expired');
  });

  it('staff open it as a Mini App by signed initData; a resident is refused', async () => {
    await openAsMiniApp(ADMIN);
    await heading('Dashboard');
    await page.locator('header nav a', { hasText: 'Petitions' }).click();
    await heading('Petitions');
    await openAsMiniApp(RESIDENT);
    await heading('Not allowed');
  });
});
