import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, type RecordedCall } from '../../src/playground/fake-api';
import { CommandMenus } from '../../src/playground/web/menus';
import { startWebServer, type WebServer } from '../../src/playground/web/server';

const WANG = 900_001;

describe('the playground web server', () => {
  let api: FakeBotApi;
  let web: WebServer;
  let now = Date.parse('2026-03-01T02:00:00Z');
  const moved: number[] = [];

  beforeAll(async () => {
    api = await FakeBotApi.start();
    web = await startWebServer({
      api,
      host: '127.0.0.1',
      port: 0,
      timezone: 'Asia/Shanghai',
      now: () => new Date(now),
      advance: async (ms) => {
        moved.push(ms);
        now += ms;
      },
    });
  });
  afterAll(async () => {
    await web.close();
    await api.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${web.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('on loopback answers only to a localhost Host header (a DNS-rebinding page gets 421)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(`${web.url}/api/state`);
        request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await status('evil.example:80')).toBe(421);
    expect(await status(new URL(web.url).host)).toBe(200);
  });

  it('says on every page load that it is an emulator, not Telegram', async () => {
    const st = (await (await fetch(`${web.url}/api/state`)).json()) as { notice: string; personas: { role: string }[] };
    expect(st.notice).toMatch(/not Telegram/);
    expect(st.personas.map((p) => p.role)).toEqual(['resident', 'resident', 'staff', 'deputy', 'admin']);
    const page = await fetch(`${web.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('不是 Telegram');
  });

  it('sends what a persona types to the bot as that persona', async () => {
    expect((await post(`/api/personas/${WANG}/act`, { action: 'text', text: '你好' })).status).toBe(200);
    expect(api.messages(WANG).at(-1)).toMatchObject({ from: 'user', text: '你好' });
  });

  it('refuses to act for another web site, for an unknown persona or with a form post', async () => {
    const before = api.messages(WANG).length;
    expect(
      (await post(`/api/personas/${WANG}/act`, { action: 'text', text: 'evil' }, { origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
    expect((await post('/api/personas/12345/act', { action: 'text', text: 'hi' })).status).toBe(404);
    const form = await fetch(`${web.url}/api/personas/${WANG}/act`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"action":"text","text":"x"}',
    });
    expect(form.status).toBe(415);
    expect(api.messages(WANG)).toHaveLength(before);
  });

  it('moves simulated time only forward', async () => {
    expect((await post('/api/clock', { hours: 24 })).status).toBe(200);
    expect(moved).toEqual([86_400_000]);
    expect((await post('/api/clock', { to: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect(moved).toHaveLength(1);
  });
});

describe('command menus as Telegram shows them in a private chat', () => {
  const call = (method: string, payload: Record<string, unknown>): RecordedCall => ({
    seq: 1,
    method,
    payload,
    chatId: null,
    at: 0,
    ok: true,
  });
  const cmds = (...names: string[]) => names.map((command) => ({ command, description: command }));

  it('prefers the chat scope, then the language, then the default', () => {
    const m = new CommandMenus();
    m.observe(call('setMyCommands', { commands: cmds('start') }));
    m.observe(call('setMyCommands', { commands: cmds('start', 'me'), language_code: 'en' }));
    m.observe(call('setMyCommands', { commands: cmds('start', 'market'), scope: { type: 'chat', chat_id: 7 } }));
    expect(m.forPrivateChat(1, 'en').map((c) => c.command)).toEqual(['start', 'me']);
    expect(m.forPrivateChat(1, 'zh-hans').map((c) => c.command)).toEqual(['start']);
    expect(m.forPrivateChat(7, 'en').map((c) => c.command)).toEqual(['start', 'market']);
    m.observe(call('deleteMyCommands', { scope: JSON.stringify({ type: 'chat', chat_id: 7 }) }));
    expect(m.forPrivateChat(7, 'en').map((c) => c.command)).toEqual(['start', 'me']);
  });
});
