import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../src/config';

describe('configuration', () => {
  it('an empty environment gives the documented defaults', () => {
    const c = createConfig({});
    expect(c).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      DATABASE_PATH: './data/linli.db',
      ADMIN_IDS: [],
      TIMEZONE: 'Asia/Shanghai',
      DEFAULT_LOCALE: 'zh-CN',
      LOG_LEVEL: 'info',
      DELIVERY_RATE_PER_SEC: 25,
    });
    expect(c.TELEGRAM_PROXY).toBeUndefined();
    expect(c.BOT_TOKEN).toBeUndefined();
  });

  it('the staff console listens on 127.0.0.1:8081 with no public address unless told', () => {
    const c = createConfig({});
    expect([c.CONSOLE_HOST, c.CONSOLE_PORT, c.CONSOLE_PUBLIC_URL]).toEqual(['127.0.0.1', 8081, undefined]);
  });

  it('reads the console public address without its trailing slash', () => {
    const c = createConfig({ CONSOLE_PUBLIC_URL: 'https://console.linli.example.org/', CONSOLE_PORT: '9000' });
    expect(c.CONSOLE_PUBLIC_URL).toBe('https://console.linli.example.org');
    expect(c.CONSOLE_PORT).toBe(9000);
  });

  it('reads admin ids, a proxy and an API root', () => {
    const c = createConfig({
      ADMIN_IDS: '1, 22 ,333',
      TELEGRAM_PROXY: 'http://127.0.0.1:3128',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
    });
    expect(c.ADMIN_IDS).toEqual([1, 22, 333]);
    expect(c.TELEGRAM_PROXY).toBe('http://127.0.0.1:3128');
    expect(c.TELEGRAM_API_ROOT).toBe('http://127.0.0.1:8081');
  });

  it.each([
    ['TIMEZONE', 'Moon/Base', /TIMEZONE: .*IANA/],
    ['DEFAULT_LOCALE', 'fr', /DEFAULT_LOCALE: must be one of zh-CN, en/],
    ['ADMIN_IDS', '12,abc', /ADMIN_IDS: "abc" is not a Telegram user id/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['BOT_TOKEN', 'not-a-token', /BOT_TOKEN: does not look like a token/],
    ['TELEGRAM_API_ROOT', 'ftp://x', /TELEGRAM_API_ROOT/],
    ['DELIVERY_RATE_PER_SEC', '-3', /DELIVERY_RATE_PER_SEC/],
    ['MARKET_REMIND_EVENING', '25:00', /MARKET_REMIND_EVENING: must be HH:MM/],
    ['CONSOLE_PORT', '70000', /CONSOLE_PORT/],
    ['CONSOLE_PUBLIC_URL', 'http://console.example.org', /CONSOLE_PUBLIC_URL: must be an https:\/\/ address/],
    ['CONSOLE_PUBLIC_URL', 'not a url', /CONSOLE_PUBLIC_URL: must be an https:\/\/ address/],
    ['CONSOLE_PUBLIC_URL', 'https://example.org/console', /CONSOLE_PUBLIC_URL: must be an https:\/\/ address/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['BOT_MODE', 'push', /BOT_MODE: must be one of polling, webhook/],
    ['WEBHOOK_URL', 'http://bot.example.org/tg', /WEBHOOK_URL: must be https:\/\//],
    ['WEBHOOK_SECRET', 'short', /WEBHOOK_SECRET: must be 16–256/],
  ])('a bad %s stops start-up with one line naming it', (name, value, message) => {
    let err: unknown;
    try {
      createConfig({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const lines = (err as Error).message.split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('webhook mode names both settings it needs, and starts with them', () => {
    expect(() => createConfig({ BOT_MODE: 'webhook' })).toThrow(
      /WEBHOOK_URL: is required when BOT_MODE=webhook\nWEBHOOK_SECRET: is required/,
    );
    const c = createConfig({
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: 'a-long-enough-secret_1',
    });
    expect(c).toMatchObject({ BOT_MODE: 'webhook', WEBHOOK_PORT: 8443, WEBHOOK_HOST: '127.0.0.1' });
    expect(createConfig({}).BOT_MODE).toBe('polling');
  });
});
