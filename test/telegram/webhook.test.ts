import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startBot, type TestBot } from '../support/harness';

const SECRET = 'webhook-test-secret_0123';

describe('updates by webhook (BOT_MODE=webhook)', () => {
  let t: TestBot;
  let hook: string;
  const logs: string[] = [];
  beforeAll(async () => {
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/tg/hook`;
    t = await startBot({
      env: { BOT_MODE: 'webhook', WEBHOOK_URL: hook, WEBHOOK_SECRET: SECRET, WEBHOOK_PORT: String(port) },
      fakeApi: { webhookRetryMs: 100 },
      logs,
    });
  });
  afterAll(() => t?.stop());

  const post = (body: object, secret?: string) =>
    fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
      body: JSON.stringify(body),
    });

  it('the bot registers its webhook with the secret, and a resident is answered through it', async () => {
    const set = t.api.calls.find((c) => c.method === 'setWebhook');
    expect(set?.payload).toMatchObject({ url: hook, secret_token: SECRET });
    const reply = await (await t.user(7001, { language_code: 'en', first_name: 'Ann' }).command('/start')).reply();
    expect(String(reply[0]?.payload.text)).toContain('Hello Ann!');
  });

  it('Telegram retrying an update the bot already handled gets 200 and no second answer', async () => {
    const u = await t.resident(7002, { language_code: 'en' });
    await (await u.command('/me')).reply();
    const before = t.api.callsTo(7002).length;
    const again = {
      update_id: 900_001,
      message: {
        message_id: 5,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 7002, type: 'private', first_name: 'U' },
        from: { id: 7002, is_bot: false, first_name: 'U', language_code: 'en' },
        text: '/me',
        entities: [{ type: 'bot_command', offset: 0, length: 3 }],
      },
    };
    // The same update twice at once (a retry racing the first POST), then once more later.
    const [a, b] = await Promise.all([post(again, SECRET), post(again, SECRET)]);
    const c = await post(again, SECRET);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(t.api.callsTo(7002).length - before).toBe(1);
  });

  it('a POST without the secret, or with a wrong one, is refused with 401, handled never and logged once', async () => {
    const forged = {
      update_id: 900_002,
      message: {
        message_id: 6,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 7003, type: 'private', first_name: 'M' },
        from: { id: 7003, is_bot: false, first_name: 'M' },
        text: '/start',
      },
    };
    expect((await post(forged)).status).toBe(401);
    expect((await post(forged, 'wrong-secret-wrong-secret')).status).toBe(401);
    expect(t.api.callsTo(7003)).toHaveLength(0);
    expect(logs.filter((l) => l.includes('without the right secret'))).toHaveLength(1);
  });

  it('an update whose POST failed is sent again by Telegram and answered once', async () => {
    const u = t.user(7004, { language_code: 'en', first_name: 'Bo' });
    // The first POST of the next update never reaches the bot: the connection is refused while the server is away.
    const posts = t.api.webhook!.stats.posts;
    const failures = t.api.webhook!.stats.failures;
    t.api.webhook!.settings.url = hook.replace('/tg/hook', '/elsewhere');
    const sent = await u.command('/start');
    await expect.poll(() => t.api.webhook!.stats.failures).toBeGreaterThan(failures);
    t.api.webhook!.settings.url = hook;
    const reply = await sent.reply();
    expect(String(reply[0]?.payload.text)).toContain('Hello Bo!');
    expect(t.api.webhook!.stats.posts - posts).toBeGreaterThanOrEqual(2);
    const greetings = t.api.callsTo(7004).filter((c) => String(c.payload.text).includes('Hello Bo!'));
    expect(greetings).toHaveLength(1);
  });

  it('health and readiness answer for a load balancer', async () => {
    const base = hook.replace('/tg/hook', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
  });
});
