import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startBot, type TestBot } from '../support/harness';

// Issue 19: an instance killed after its handler committed and before it answered. Telegram sends the update again
// (maybe to another instance): the effect must not happen twice, and the person must still get an answer.
const SECRET = 'webhook-crash-secret_0123';

describe('a webhook update whose instance went silent after its commit', () => {
  let t: TestBot;
  beforeAll(async () => {
    const port = await freePort();
    t = await startBot({
      env: {
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: String(port),
      },
      // Telegram gives up on a POST that takes too long and sends the update again.
      fakeApi: { webhookRetryMs: 100, webhookTimeoutMs: 800 },
    });
  });
  afterAll(() => t?.stop());

  const questionsOf = async (userId: number) =>
    Number(
      (
        await t.db
          .selectFrom('faq_queries')
          .select((e) => e.fn.countAll().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const texts = (userId: number) => t.api.callsTo(userId).map((c) => String(c.payload.text ?? ''));
  const DONE_BEFORE = 'Your last message reached us and was done';

  it('an update whose first POST never reached an instance is handled in full by the retry, with no "done" answer', async () => {
    const u = await t.resident(7302, { language_code: 'en' });
    const before = await questionsOf(7302);
    // The first POST never reaches the bot; Telegram's retry does, and it is handled as new.
    const hook = t.api.webhook!.settings.url;
    const failures = t.api.webhook!.stats.failures;
    t.api.webhook!.settings.url = hook.replace('/tg/hook', '/elsewhere');
    await u.send('Where can I repair an old umbrella?');
    await expect.poll(() => t.api.webhook!.stats.failures).toBeGreaterThan(failures);
    t.api.webhook!.settings.url = hook;
    await expect.poll(() => questionsOf(7302), { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => texts(7302).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(texts(7302).some((x) => x.includes(DONE_BEFORE))).toBe(false);
  });
  it('is not handled again by the retry on another instance (the question is logged once), and the person still gets an answer', async () => {
    const u = await t.resident(7301, { language_code: 'en' });
    // Its question is logged (the effect, committed with the update's record), then its reply hangs: instance A is as
    // good as dead to Telegram, which retries; its claim stays until the lease runs out.
    t.api.fail({ method: 'sendMessage', chatId: 7301, error: { kind: 'slow', delayMs: 5_000 } });
    const failures = t.api.webhook!.stats.failures;
    await u.send('How do I get a leaking tap in my flat fixed?');
    await expect.poll(() => questionsOf(7301)).toBe(1);
    await expect.poll(() => t.api.webhook!.stats.failures, { timeout: 10_000 }).toBeGreaterThan(failures);
    // Instance B on the same database takes Telegram's retries (it sets the webhook to itself, as a balancer would
    // send them there); the lease of A's claim runs out, and B takes the update over.
    const portB = await freePort();
    const b = await startBot({
      api: t.api,
      clock: t.clock,
      empty: true,
      env: {
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${portB}/tg/hook`,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: String(portB),
        DATABASE_PATH: t.config.DATABASE_PATH,
        ...(t.config.DATABASE_URL ? { DATABASE_URL: t.config.DATABASE_URL } : {}),
      },
    });
    try {
      t.clock.advance(61_000);
      await expect.poll(() => texts(7301).some((x) => x.includes(DONE_BEFORE)), { timeout: 10_000 }).toBe(true);
      // A's hung reply finally goes too (a reply may come twice; the effect never does).
      await expect.poll(() => texts(7301).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(await questionsOf(7301)).toBe(1);
      expect(texts(7301).filter((x) => x.includes(DONE_BEFORE))).toHaveLength(1);
    } finally {
      await b.stop();
    }
  });
});
