import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@telegram-apps/init-data-node';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../../support/harness';

// The relief roster page in a real Chromium, opened as a Mini App: the console's own script carries Telegram's
// signature on every link and form. No browser is a failure, never a skip (CI installs Debian's chromium).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = 920_001;

let tb: TestBot;
let browser: BrowserContext;
let page: Page;
let base: string;
let profile: string;

describe('the relief roster in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium`);
    tb = await startBot({ seedDemo: true });
    await tb.withRole(ADMIN, 'admin', { first_name: 'Ada', language_code: 'en' });
    base = tb.app.consoleUrl()!;
    profile = mkdtempSync(join(tmpdir(), 'linli-relief-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
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
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('staff find a person by name and stop their package, and the chat roster shows it stopped', async () => {
    const person = (await tb.services.relief.roster()).find((r) => r.active)!;
    const initData = sign({ user: { id: ADMIN, first_name: 'Ada' } }, tb.config.BOT_TOKEN!, tb.clock.now());
    await page.goto(`${base}/app#tgWebAppData=${encodeURIComponent(initData)}`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Dashboard');
    await page.locator('header nav a', { hasText: 'Relief roster' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Relief roster');

    await page.locator('#roster-filters input[name="q"]').fill(person.name);
    await page.locator('#roster-filters').getByRole('button', { name: 'Filter' }).click();
    const row = page.locator('tbody tr', { hasText: `#${person.id}` });
    // The search's answer replaces the page of fifty.
    await expect.poll(() => page.locator('tbody tr').count()).toBeLessThan(5);
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('not yet');

    await row.getByRole('button', { name: 'Stop package' }).click();
    await page.locator('.notice.ok').waitFor();
    expect(await page.locator('.notice.ok').textContent()).toContain('The package is stopped');
    // Back on the same search, the person now stopped and offered a restart.
    expect(await page.locator('#roster-filters input[name="q"]').inputValue()).toBe(person.name);
    expect(await row.textContent()).toContain('stopped');
    await row.getByRole('button', { name: 'Restart package' }).waitFor();
    expect((await tb.services.relief.recipient(person.id))?.active).toBe(false);
  });
});
