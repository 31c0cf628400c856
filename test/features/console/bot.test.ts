import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../../../src/playground/fake-api';
import { alertOf, button } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

const STAFF = 920_001;
const DEPUTY = 920_002;
const RESIDENT = 920_003;

describe('/console in the chat', () => {
  let tb: TestBot | undefined;
  afterEach(async () => {
    await tb?.stop();
    tb = undefined;
  });

  it('staff get a one-time link that says the console is only on the server network without a public URL', async () => {
    tb = await startBot();
    const staff = await tb.withRole(STAFF, 'staff', { language_code: 'en' });
    await (await staff.command('console')).reply();
    const text = staff.lastText() ?? '';
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/login\/[\w-]{20,}/);
    expect(text).toContain("server's own network");
    expect(tb.api.menuButtons.has(STAFF)).toBe(false);
  });

  it('staff open it from a button on the workbench, without knowing the command; a forged button gets a resident nothing', async () => {
    tb = await startBot();
    const staff = await tb.withRole(STAFF, 'staff', { language_code: 'en' });
    const home = await (await staff.send('🧰 Workbench')).reply();
    await (await staff.click(button(home, 'Web console'))).reply();
    expect(staff.lastText() ?? '').toMatch(/\/login\/[\w-]{20,}/);
    const resident = await tb.resident(RESIDENT, { language_code: 'en' });
    expect(alertOf(await (await resident.click('cs:open')).reply())).toBeTruthy();
    expect(await tb.db.selectFrom('console_login_links').selectAll().execute()).toHaveLength(1);
  });

  it('a resident is not given a link, and the refusal is recorded', async () => {
    tb = await startBot();
    const resident = await tb.resident(RESIDENT, { language_code: 'en' });
    await (await resident.command('console')).reply();
    expect(resident.lastText() ?? '').not.toContain('/login/');
    expect(await tb.db.selectFrom('console_login_links').selectAll().execute()).toHaveLength(0);
  });

  it('with a public HTTPS address a deputy gets a Mini App button and the menu button opens the console', async () => {
    tb = await startBot({ env: { CONSOLE_PUBLIC_URL: 'https://console.example.org' } });
    const deputy = await tb.withRole(DEPUTY, 'deputy', { language_code: 'en' });
    await tb.app.platform.telegram.publishCommandsFor(DEPUTY);
    expect(tb.api.menuButtons.get(DEPUTY)).toMatchObject({
      type: 'web_app',
      web_app: { url: 'https://console.example.org/app' },
    });
    await (await deputy.command('console')).reply();
    const msg = tb.api
      .messages(DEPUTY)
      .filter((m) => m.from === 'bot')
      .at(-1)!;
    expect(msg.text).toMatch(/https:\/\/console\.example\.org\/login\//);
    const buttons = msg.reply_markup.inline_keyboard.flat();
    expect(buttons[0].web_app.url).toBe('https://console.example.org/app');
  });

  it('the emulated Bot API refuses a Mini App that is not served over HTTPS, as Telegram does', async () => {
    const api = await FakeBotApi.start();
    try {
      const call = (method: string, body: unknown) =>
        fetch(`${api.apiRoot}/bot${api.token}/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ ok: boolean; description?: string }>);
      const http = { type: 'web_app', text: 'Console', web_app: { url: 'http://console.example.org/app' } };
      expect(await call('setChatMenuButton', { chat_id: 1, menu_button: http })).toMatchObject({ ok: false });
      const https = { ...http, web_app: { url: 'https://console.example.org/app' } };
      expect(await call('setChatMenuButton', { chat_id: 1, menu_button: https })).toMatchObject({ ok: true });
      const kb = { inline_keyboard: [[{ text: 'Open', web_app: { url: 'http://x.example/app' } }]] };
      expect(await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: kb })).toMatchObject({ ok: false });
    } finally {
      await api.close();
    }
  });
});
