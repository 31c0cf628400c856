import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../src/playground/fake-api';
import { killAll, launch } from './support/process';

let api: FakeBotApi;
afterAll(async () => {
  killAll();
  await api?.close();
});

describe('the bot process', () => {
  it('starts polling within 5 seconds, answers, stops cleanly on SIGTERM, and carries on after a restart', async () => {
    api = await FakeBotApi.start();
    const env = {
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'linli-life-')), 'l.db'),
      ADMIN_IDS: '4242',
    };
    const t0 = Date.now();
    const first = launch(env);
    await api.waitForCall((c) => c.method === 'setMyCommands', { timeoutMs: 5000 });
    const u = api.user({ id: 31, language_code: 'en', first_name: 'Ann' });
    const hello = await (await u.command('/start')).reply({ timeoutMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(5000 + 1000);
    expect(String(hello[0]?.payload.text)).toContain('Hello Ann!');

    const stopAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);

    const second = launch(env);
    const again = await (await u.command('/me')).reply({ timeoutMs: 8000 });
    expect(String(again[0]?.payload.text)).toContain('My profile');
    // the admin from ADMIN_IDS got their staff menu in their own chat
    expect(api.calls.some((c) => c.method === 'setMyCommands' && c.payload.scope?.chat_id === 4242)).toBe(true);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 30_000);

  it('a bad configuration value stops start-up with one line naming it', async () => {
    const bad = launch({ TIMEZONE: 'Mars/Olympus', BOT_TOKEN: '' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('Configuration error — TIMEZONE: is not an IANA time zone such as Asia/Shanghai');
  }, 20_000);

  it('a port another instance on the machine holds stops start-up with one line naming its variable', async () => {
    const fake = await FakeBotApi.start();
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const base = {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'linli-port-')), 'l.db'),
      };
      const onConsole = launch({ ...base, CONSOLE_PORT: String(port) });
      expect(await onConsole.exited).toBe(1);
      expect(onConsole.output().trim()).toBe(
        `Configuration error — CONSOLE_PORT: 127.0.0.1:${port} is already in use (another instance on this machine? ` +
          'give each its own CONSOLE_PORT)',
      );
      const webhook = launch({
        ...base,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`,
        WEBHOOK_SECRET: 'port-test-secret-0123',
        WEBHOOK_PORT: String(port),
      });
      expect(await webhook.exited).toBe(1);
      expect(webhook.output().trim()).toBe(
        `Configuration error — WEBHOOK_PORT: 127.0.0.1:${port} is already in use (another instance on this machine? ` +
          'give each its own WEBHOOK_PORT)',
      );
    } finally {
      await new Promise((r) => taken.close(r));
      await fake.close();
    }
  }, 30_000);
});
