import { mkdtempSync } from 'node:fs';
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
});
