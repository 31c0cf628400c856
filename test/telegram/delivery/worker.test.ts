import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/outbox/service';
import { until } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

async function residentsN(t: TestBot, n: number, from = 1000): Promise<number[]> {
  const ids = Array.from({ length: n }, (_, i) => from + i);
  for (const id of ids)
    await t.app.identity.touch({ id, first_name: `R${id}`, language_code: id % 2 ? 'en' : 'zh-hans' });
  return ids;
}

const notice = (id: number, tag = 'n1'): OutMessage => ({
  dedupeKey: `test:${tag}:${id}`,
  chatId: id,
  userId: id,
  category: 'notice',
  content: { key: 'common.help', params: { commands: '<i>x</i> & y' } },
});

const sendsTo = (t: TestBot, id: number) =>
  t.api.calls.filter((c) => c.method === 'sendMessage' && c.chatId === id && c.ok).length;

describe('delivery outbox', () => {
  it('each message arrives once, in the recipient language, with parameters escaped', async () => {
    tb = await startBot();
    const ids = await residentsN(tb, 20);
    await tb.platform.outbox.enqueue(
      tb.db,
      ids.map((id) => notice(id)),
      tb.clock.now(),
    );
    // the same notification queued again is not queued twice
    expect(
      await tb.platform.outbox.enqueue(
        tb.db,
        ids.map((id) => notice(id)),
        tb.clock.now(),
      ),
    ).toBe(0);
    await tb.delivered();
    for (const id of ids) expect(sendsTo(tb, id)).toBe(1);
    expect(tb.api.messages(1001).at(-1)?.text).toContain('Here is what I can do');
    expect(tb.api.messages(1000).at(-1)?.text).toContain('我能帮您做这些事');
    expect(tb.api.messages(1000).at(-1)?.text).toContain('<i>x</i> & y');
    expect((await tb.platform.outbox.find('test:n1:1000'))?.state).toBe('sent');
  });

  it('a long notice to many residents is stored once and still reaches each of them in full', async () => {
    tb = await startBot();
    const ids = await residentsN(tb, 5);
    const text = `停水通知：${'明天上午八点到下午五点，荷塘花园全小区停水检修。'.repeat(20)}`;
    await tb.platform.outbox.enqueue(
      tb.db,
      ids.map((id) => ({ ...notice(id, 'long'), content: { text } })),
      tb.clock.now(),
    );
    expect(await tb.db.selectFrom('delivery_contents').select('id').execute()).toHaveLength(1);
    await tb.delivered();
    for (const id of ids) expect(tb.api.messages(id).at(-1)?.text).toBe(text);
  });

  it('a 429 storm pauses all sending for retry_after, then everything still arrives once', async () => {
    tb = await startBot();
    const ids = await residentsN(tb, 30);
    tb.api.fail({ method: 'sendMessage', times: 3, error: { kind: '429', retryAfter: 1 } });
    const t0 = Date.now();
    await tb.platform.outbox.enqueue(
      tb.db,
      ids.map((id) => notice(id)),
      tb.clock.now(),
    );
    tb.app.worker.wake();
    await tb.delivered(15_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    for (const id of ids) expect(sendsTo(tb, id)).toBe(1);
    expect(tb.app.worker.stats.rateLimited).toBe(3);
    // after the first 429, nothing was sent until retry_after had passed
    const first429 = tb.api.calls.find((c) => c.error?.error_code === 429)!;
    // requests already in flight when the 429 came back may land; no new one starts until retry_after passed
    const settled = first429.at + 100;
    expect(
      tb.api.calls.filter((c) => c.method === 'sendMessage' && c.at > settled && c.at < first429.at + 950),
    ).toEqual([]);
    expect(tb.api.calls.some((c) => c.method === 'sendMessage' && c.ok && c.at >= first429.at + 950)).toBe(true);
  });

  it(
    'a resident who blocked the bot is marked unreachable and their other messages are skipped; ' +
      'unblocking restores them',
    async () => {
      tb = await startBot();
      const [a, b] = await residentsN(tb, 2);
      const u = tb.user(a!);
      tb.api.chats.blocked.add(a!);
      await tb.platform.outbox.enqueue(tb.db, [notice(a!, 'x'), notice(b!, 'x')], tb.clock.now());
      await tb.delivered();
      await tb.platform.outbox.enqueue(tb.db, [notice(a!, 'y')], tb.clock.now());
      await tb.delivered();
      expect((await tb.app.identity.user(a!))?.reachable).toBe(false);
      expect(await tb.platform.outbox.find(`test:x:${a}`)).toMatchObject({ state: 'skipped', reason: 'unreachable' });
      expect(await tb.platform.outbox.find(`test:y:${a}`)).toMatchObject({ state: 'skipped', reason: 'unreachable' });
      expect((await tb.platform.outbox.find(`test:x:${b}`))?.state).toBe('sent');
      const counts = await tb.platform.outbox.counts();
      expect(counts).toMatchObject({ unreachable: 2, failed: 0, sent: 1 });
      await await u.unblockBot();
      await new Promise((r) => setTimeout(r, 400));
      expect((await tb.app.identity.user(a!))?.reachable).toBe(true);
    },
  );

  it('"chat not found" fails the row; 5xx and dropped connections are retried with backoff until sent', async () => {
    tb = await startBot();
    const [a, b, c] = await residentsN(tb, 3);
    tb.api.fail({ chatId: a, error: { kind: '400-chat-not-found' } });
    tb.api.fail({ chatId: b, times: 2, error: { kind: '500' } });
    tb.api.fail({ chatId: c, error: { kind: 'drop' } });
    await tb.platform.outbox.enqueue(tb.db, [notice(a!), notice(b!), notice(c!)], tb.clock.now());
    tb.app.worker.wake();
    // backoff is 2 s then 4 s of (injected) clock time: move the clock instead of waiting
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tb.clock.advance(1000);
      tb.app.worker.wake();
    }
    await tb.delivered();
    expect(await tb.platform.outbox.find(`test:n1:${a}`)).toMatchObject({ state: 'failed', reason: 'chat_not_found' });
    expect(await tb.platform.outbox.find(`test:n1:${b}`)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(await tb.platform.outbox.find(`test:n1:${c}`)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a server that keeps failing is retried with backoff for the whole retry window, then given up', async () => {
    tb = await startBot({ env: { DELIVERY_RETRY_HOURS: '0.1' } }); // six minutes
    const [a] = await residentsN(tb, 1);
    tb.api.fail({ chatId: a, times: 100, error: { kind: '500' } });
    await tb.platform.outbox.enqueue(tb.db, [notice(a!)], tb.clock.now());
    // after each failed try, a minute of clock time passes (the per-chat gap of a second is real time)
    const tries = () => tb!.api.calls.filter((c) => c.chatId === a && c.method === 'sendMessage').length;
    for (let n = 1; (await tb.platform.outbox.find(`test:n1:${a}`))?.state !== 'failed'; n++) {
      await until(
        async () => tries() >= n && (await tb!.platform.outbox.find(`test:n1:${a}`))?.state !== 'sending',
        `try ${n}`,
      );
      tb.clock.advance(60_000);
      tb.app.worker.wake();
    }
    const row = await tb.platform.outbox.find(`test:n1:${a}`);
    expect(row?.state).toBe('failed');
    expect(row?.reason).toMatch(/^gave_up/);
    // one try a minute of clock time for six minutes, not a fixed five
    expect(row!.attempts).toBeGreaterThanOrEqual(6);
    expect(tb.api.calls.filter((c) => c.chatId === a && c.method === 'sendMessage')).toHaveLength(row!.attempts);
  });

  it('one private chat gets at most one message a second', async () => {
    tb = await startBot();
    const [a] = await residentsN(tb, 1);
    await tb.platform.outbox.enqueue(
      tb.db,
      [1, 2, 3].map((i) => notice(a!, `p${i}`)),
      tb.clock.now(),
    );
    await tb.delivered();
    const at = tb.api.calls.filter((c) => c.method === 'sendMessage' && c.chatId === a).map((c) => c.at);
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(990);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(990);
  });

  it('a message not due yet waits for its time', async () => {
    tb = await startBot();
    const [a] = await residentsN(tb, 1);
    await tb.platform.outbox.enqueue(
      tb.db,
      [{ ...notice(a!), notBefore: new Date(tb.clock.now().getTime() + 3_600_000) }],
      tb.clock.now(),
    );
    tb.app.worker.wake();
    await new Promise((r) => setTimeout(r, 400));
    expect(sendsTo(tb, a!)).toBe(0);
    tb.clock.advance(3_600_001);
    await tb.delivered();
    expect(sendsTo(tb, a!)).toBe(1);
  });

  it('a restart in the middle of a broadcast finishes the rest, each recipient once', async () => {
    tb = await startBot({ env: { DELIVERY_RATE_PER_SEC: '40' } });
    const ids = await residentsN(tb, 80);
    await tb.platform.outbox.enqueue(
      tb.db,
      ids.map((id) => notice(id)),
      tb.clock.now(),
    );
    tb.app.worker.wake();
    await tb.api.waitForCall(() => tb!.api.stats.sent >= 20, { timeoutMs: 5000 });
    await tb.restart();
    const mid = (await tb.platform.outbox.counts()).sent;
    expect(mid).toBeGreaterThanOrEqual(20);
    expect(mid).toBeLessThan(80);
    await tb.delivered(15_000);
    for (const id of ids) expect(sendsTo(tb, id)).toBe(1);
    expect(await tb.platform.outbox.counts()).toMatchObject({ sent: 80, queued: 0, sending: 0 });
  });

  it('a restart while sends are still on their way waits for each of them, however they finish, and starts again', async () => {
    tb = await startBot();
    const ids = await residentsN(tb, 3);
    // Three sends in flight at once, answered one after another: the restart must wait for the last, not hang.
    ids.forEach((id, i) => {
      tb!.api.fail({ method: 'sendMessage', chatId: id, error: { kind: 'slow', delayMs: 200 + 300 * i } });
    });
    await tb.platform.outbox.enqueue(
      tb.db,
      ids.map((id) => notice(id)),
      tb.clock.now(),
    );
    const arrived = () => tb!.api.stats.byMethod.sendMessage ?? 0;
    const before = arrived();
    tb.app.worker.wake();
    await until(() => arrived() - before === 3, 'three sends on their way');
    expect(sendsTo(tb, ids[0]!)).toBe(0);
    await tb.restart();
    await tb.delivered();
    for (const id of ids) expect(sendsTo(tb, id)).toBe(1);
    expect(await tb.platform.outbox.counts()).toMatchObject({ sent: 3, queued: 0, sending: 0 });
  });

  it('a card other people hold is edited in place when its state changes, not sent again beside the old one', async () => {
    tb = await startBot();
    const [a] = await residentsN(tb, 1);
    const card = (state: string, key: string, replaces?: string): OutMessage => ({
      dedupeKey: key,
      chatId: a!,
      userId: a!,
      category: 'staff',
      content: { text: `卡片：${state}`, ...(replaces ? { replaces } : {}) },
    });
    await tb.platform.outbox.enqueue(tb.db, [card('新', 'card:1')], tb.clock.now());
    await tb.delivered();
    await tb.platform.outbox.enqueue(tb.db, [card('已受理', 'card:1:ack', 'card:1')], tb.clock.now());
    await tb.delivered();
    const bot = tb.api.messages(a!).filter((m) => m.from === 'bot');
    expect(bot.map((m) => m.text)).toEqual(['卡片：已受理']);
    expect(bot[0]!.edited).toBe(true);
    // an update of a card that never went out goes out instead of it
    await tb.platform.outbox.enqueue(
      tb.db,
      [{ ...card('新', 'card:2'), notBefore: new Date(tb.clock.now().getTime() + 3_600_000) }],
      tb.clock.now(),
    );
    await tb.platform.outbox.enqueue(tb.db, [card('已转交', 'card:2:fw', 'card:2')], tb.clock.now());
    await tb.delivered();
    expect(await tb.platform.outbox.find('card:2')).toMatchObject({ state: 'skipped', reason: 'superseded' });
    expect(
      tb.api
        .messages(a!)
        .filter((m) => m.from === 'bot')
        .map((m) => m.text),
    ).toEqual(['卡片：已受理', '卡片：已转交']);
  });
});
