import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { createPlayground, type Playground } from '../../src/playground/start';

// A real browser against the real playground. No browser is a failure, never a skip: CI installs Debian's
// chromium (.ci/run); on a workstation `apt-get install -y chromium`, or point CHROMIUM_PATH at another build.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WANG = 900_001;
const TOM = 900_002;
const STAFF = 900_003;
const DEPUTY = 900_004;

let pg: Playground;
let browser: BrowserContext;
let page: Page;
const dirs: string[] = [];

const column = (id: number): Locator => page.locator(`section.chat[data-persona="${id}"]`);
const lastBot = (id: number): Locator => column(id).locator('.msg.bot').last();

// The bot's flood guard answers more than 15 updates in 3 s from one user with "slow down", as it should;
// the test taps at a brisk human pace instead of a script's.
const PACE_MS = 220;
async function tap(target: Locator): Promise<void> {
  await target.click();
  await page.waitForTimeout(PACE_MS);
}
async function say(id: number, text: string): Promise<void> {
  const box = column(id).locator('input.text');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForTimeout(PACE_MS);
}

/** On failure, what the page looked like goes to test-results/ before the error is reported. */
async function screenshotOnFailure(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    console.log(
      'last Bot API calls:\n' +
        pg.api.calls
          .slice(-8)
          .map((c) => `${c.method} ${JSON.stringify(c.payload).slice(0, 200)} ${JSON.stringify(c.error ?? '')}`)
          .join('\n'),
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', `playground-${name}.png`), fullPage: true }).catch(() => {});
    throw err;
  }
}

it('has a real Chromium to drive (a missing browser fails here, it is never skipped)', () => {
  expect(
    existsSync(CHROMIUM),
    `No browser at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
  ).toBe(true);
});

describe('the playground web chat', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}`);
    const dir = mkdtempSync(join(tmpdir(), 'linli-playground-'));
    const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
    dirs.push(dir, profile);
    // An explicit environment: a developer's .env or BOT_TOKEN must not change what the test sees.
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
    // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1500, height: 950 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('says it is an emulator and opens resident, staff and deputy side by side', async () => {
    await screenshotOnFailure('open', async () => {
      await page.goto(pg.url);
      await page.locator('body[data-ready="1"]').waitFor();
      await expect(page.locator('.notice').innerText()).resolves.toMatch(/不是 Telegram[\s\S]*not Telegram/);
      await expect(
        page.locator('section.chat').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
      ).resolves.toEqual(['王阿姨', '刘社工', '张代表']);
    });
  });

  it('lets a resident onboard and book a market service by clicking, and staff see the booking', async () => {
    await screenshotOnFailure('book', async () => {
      const wang = column(WANG);
      await tap(wang.getByRole('button', { name: '开始 START' }));
      await tap(wang.getByRole('button', { name: '野鸭冲社区', exact: true }));
      await tap(wang.getByRole('button', { name: '荷塘花园', exact: true }));
      // The onboarding question is edited in place, not sent again.
      await expect.poll(() => wang.locator('.msg.bot', { hasText: '荷塘花园' }).count()).toBe(1);
      await tap(wang.locator('.reply-kb').getByRole('button', { name: /发送我的手机号/ }));
      await expect.poll(() => wang.locator('.msg.user .contact').innerText()).toContain('+8613800000001');
      await wang.locator('.msg.bot', { hasText: '手机号已保存' }).waitFor();

      await tap(wang.locator('.reply-kb').getByRole('button', { name: /市集预约/ }));
      const market = wang.locator('.msg.bot', { hasText: '野享市集' }).last();
      await market.waitFor();
      // The bot's <b> arrives as formatting, not as visible tags.
      await expect(market.locator('.body b').first().innerText()).resolves.toBe('野享市集');
      await expect(market.innerText()).resolves.not.toContain('<b>');
      await tap(market.getByRole('button', { name: /^磨刀 \(\d+\)$/ }));
      const done = wang.locator('.msg.bot', { hasText: '预约成功' });
      await done.waitFor();
      const ticket = await done.locator('b').first().innerText();
      expect(ticket).toMatch(/\S+/);

      const staff = column(STAFF);
      await tap(staff.getByRole('button', { name: '☰ 菜单' }));
      await tap(staff.locator('.menu-list').getByRole('button', { name: /^\/market/ }));
      await staff.locator('.msg.bot', { hasText: '市集管理' }).waitFor();
      await tap(
        lastBot(STAFF)
          .getByRole('button', { name: /已发布/ })
          .first(),
      );
      const panel = staff.locator('.msg.bot', { hasText: '磨刀：已约' }).last();
      await panel.waitFor();
      await expect(panel.innerText()).resolves.toMatch(/磨刀：已约 1\/\d+/);
    });
  });

  it('shows what a resident types as text, never as markup', async () => {
    await screenshotOnFailure('escape', async () => {
      const wang = column(WANG);
      const evil = '<b>大字</b><img src=x onerror="window.__pwned=1"> & <a href="javascript:alert(1)">点我</a>';
      await wang.getByRole('textbox', { name: 'message from 王阿姨' }).fill(evil);
      await wang.getByRole('textbox', { name: 'message from 王阿姨' }).press('Enter');
      const mine = wang.locator('.msg.user', { hasText: '<b>大字</b>' });
      await mine.waitFor();
      await expect(mine.locator('.body').innerText()).resolves.toBe(evil);
      await expect(mine.locator('b, img, a').count()).resolves.toBe(0);
      await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    });
  });

  it(
    'carries a petition with location and photo from the resident on the left to the deputy on the right, ' +
      'and a neighbour co-signs from the link',
    async () => {
      await screenshotOnFailure('petition', async () => {
        const wang = column(WANG);
        await tap(wang.locator('.reply-kb').getByRole('button', { name: /我要反映/ }));
        await tap(lastBot(WANG).getByRole('button', { name: /环境卫生/ }));
        await wang.locator('.msg.bot', { hasText: '问题在哪里' }).waitFor();
        await wang.getByRole('textbox', { name: 'message from 王阿姨' }).fill('荷塘花园 2 栋楼下');
        await tap(wang.getByRole('button', { name: '➤' })); // the send button as well as Enter
        await tap(wang.locator('.reply-kb').getByRole('button', { name: /发送我的位置/ }));
        await expect.poll(() => wang.locator('.msg.user .loc').count()).toBe(1);
        await wang.locator('.msg.bot', { hasText: '请说说是什么问题' }).waitFor();
        await say(WANG, '垃圾桶满了三天没人清运，味道很大。');
        await wang.locator('.msg.bot', { hasText: '有照片吗' }).waitFor();
        await wang
          .locator('input[type=file]')
          .setInputFiles({ name: 'bins.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('荷塘花园 2 栋') });
        await wang.locator('.msg.bot', { hasText: '收到第 1 张照片' }).waitFor();
        await tap(lastBot(WANG).getByRole('button', { name: /照片发完了/ }));
        await tap(lastBot(WANG).getByRole('button', { name: /显示我的名字/ }));
        await tap(lastBot(WANG).getByRole('button', { name: /确认提交/ }));
        const filed = wang.locator('.msg.bot', { hasText: '已提交，编号' });
        await filed.waitFor();

        const deputy = column(DEPUTY);
        const arrived = deputy.locator('.msg.bot', { hasText: '新的居民反映' }).last();
        await arrived.waitFor();
        await expect(arrived.innerText()).resolves.toContain('垃圾桶满了三天没人清运');
        const photo = deputy.locator('.msg.bot img.photo').last();
        await photo.waitFor();
        await expect
          .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 1))
          .toBe(true);

        // The confirmation's link is a t.me deep link: pasted into Tom's chat and tapped, it opens the petition.
        const link = (await filed.getByRole('link').first().innerText()).trim();
        expect(link).toMatch(/^https:\/\/t\.me\/linli_playground_bot\?start=\w+$/);
        await page.locator('.chip', { hasText: 'Tom Baker' }).locator('input').check();
        const tom = column(TOM);
        await say(TOM, link);
        await tap(tom.locator('.msg.user').getByRole('link', { name: link }));
        await expect.poll(() => tom.locator('.msg.user').last().innerText()).toMatch(/^\/start \w+/);
        await tom
          .getByRole('button', { name: /Co-sign/ })
          .first()
          .waitFor();
      });
    },
  );

  it('gives staff the relief report as a document they can download', async () => {
    await screenshotOnFailure('document', async () => {
      const staff = column(STAFF);
      await tap(staff.getByRole('button', { name: '☰ 菜单' }));
      await tap(staff.locator('.menu-list').getByRole('button', { name: /^\/relief_report/ }));
      await tap(lastBot(STAFF).getByRole('button', { name: /CSV/i }));
      const doc = staff.locator('.msg.bot a.doc').last();
      await doc.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), doc.click()]);
      expect(download.suggestedFilename()).toMatch(/^relief-\d{4}-\d{2}\.csv$/);
      const path = await download.path();
      expect(readFileSync(path, 'utf8').split('\n')[0]!.length).toBeGreaterThan(5);
    });
  });

  it('moves simulated time forward so the market-eve reminder arrives', async () => {
    await screenshotOnFailure('clock', async () => {
      const before = await page.locator('#now').getAttribute('data-iso');
      const booking = await column(WANG).locator('.msg.bot', { hasText: '预约成功' }).innerText();
      const date = /📅 (\d{4}-\d{2}-\d{2})/.exec(booking)?.[1];
      expect(date).toBeDefined();
      const eve = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await page.locator('#to').fill(`${eve}T18:30`);
      await tap(page.getByRole('button', { name: '跳到 go' }));
      await expect.poll(() => page.locator('#now').innerText()).toBe(`${eve} 18:30`);
      expect(Date.parse((await page.locator('#now').getAttribute('data-iso'))!)).toBeGreaterThan(Date.parse(before!));
      await column(WANG).locator('.msg.bot', { hasText: '明天是野享市集' }).waitFor();
    });
  });
});
