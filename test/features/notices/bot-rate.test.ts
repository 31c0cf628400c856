import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, dataOf, seen, texts, until } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { sendFormatted } from './compose';

// Telegram's real limit is about 30 messages a second; the fake API enforces it with real 429s.
let tb: TestBot;
const RESIDENTS = Array.from({ length: 300 }, (_, i) => 20_000 + i);
beforeAll(async () => {
  tb = await startBot({ env: { DELIVERY_RATE_PER_SEC: '30' }, fakeApi: { rateLimitPerSec: 30 } });
  const compounds = await tb.services.residents.compounds();
  for (const id of RESIDENTS) await tb.resident(id, { compound: compounds[1]!.id });
}, 60_000);
afterAll(() => tb.stop());

async function broadcastToAll(text: string) {
  const staff = await tb.withRole(1, 'staff');
  await (await staff.command('/broadcast')).reply();
  await sendFormatted(tb, staff, text, []);
  const out = await (await staff.click('nt:a:all')).reply();
  expect(texts(out)).toContain('收件人：301 人'); // the 300 and the staff member
  const confirmed = await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
  const id = Number(/#(\d+)/.exec(texts(confirmed))![1]);
  return { staff, id };
}

const copies = (id: number, text: string) => seen(tb, id).filter((m) => m.text === text).length;

describe('a broadcast at 30 messages a second', () => {
  it('reaches 300 residents once each, while the staff member watches one progress message count down', async () => {
    const started = Date.now();
    const { id } = await broadcastToAll('明晚 7 点社区电影放映');
    let sawProgress = false;
    await until(
      async () => {
        const mark = tb.api.lastSeq();
        await tb.runJobs();
        const edit = tb.api.callsTo(1, { after: mark }).find((c) => c.method === 'editMessageText');
        if (edit && /剩余：\d+，约 \d+ 秒/.test(edit.payload.text) && !/剩余：0/.test(edit.payload.text))
          sawProgress = true;
        const c = await tb.platform.outbox.counts(id);
        return c.queued + c.sending === 0;
      },
      'broadcast drained',
      40_000,
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `300-resident broadcast at 30/s: ${seconds.toFixed(1)} s, ${(301 / seconds).toFixed(1)} msg/s, ` +
        `429s from the fake API: ${tb.api.stats.errors429}`,
    );
    expect(sawProgress).toBe(true);
    for (const r of RESIDENTS) expect(copies(r, '明晚 7 点社区电影放映'), `resident ${r}`).toBe(1);
    await tb.runJobs();
    await tb.delivered();
    expect(await tb.services.notices.broadcast(id)).toMatchObject({ state: 'done', sent: 301, failed: 0 });
    // the progress message edited, and the report
    expect(seen(tb, 1).filter((m) => m.text?.includes(`通知 #${id} 发送完毕`)).length).toBe(2);
    // no progress message was created twice: the confirmation itself became it
    expect(
      tb.api.calls.filter((c) => c.method === 'sendMessage' && c.chatId === 1 && /正在发送/.test(c.payload.text)),
    ).toHaveLength(0);
  }, 60_000);

  it('the stop button stops the rest: nobody gets it twice, ' +
    'and the final report counts what was not sent', async () => {
    const { staff, id } = await broadcastToAll('这条会被中途停止');
    await until(async () => (await tb.platform.outbox.counts(id)).sent >= 30, 'some sent', 10_000);
    const ask = await (await staff.click(`nt:s:${id}`)).reply();
    expect(texts(ask)).toContain(`确定停止通知 #${id}`);
    const done = await (await staff.click(`nt:sy:${id}`)).reply();
    expect(answerOf(done)).toBeDefined();
    expect(texts(done)).toMatch(/已停止，\d+ 条没有发出/);
    // rows the worker had already claimed still go out (in flight); one that meets a 429 comes back and the progress
    // job stops it
    await until(
      async () => {
        await tb.runJobs();
        const now = await tb.platform.outbox.counts(id);
        return now.queued + now.sending === 0;
      },
      'in-flight finished',
      10_000,
    );
    const c = await tb.platform.outbox.counts(id);
    expect(c.sent).toBeLessThan(301);
    expect(c.sent + c.skipped).toBe(301);
    for (const r of RESIDENTS) expect(copies(r, '这条会被中途停止')).toBeLessThanOrEqual(1);
    // the staff member also got the preview
    const got = RESIDENTS.filter((r) => copies(r, '这条会被中途停止') === 1).length + copies(1, '这条会被中途停止') - 1;
    expect(got).toBe(c.sent);
    // the progress job writes the final report on its next run after the last row is final
    await until(
      async () => {
        await tb.runJobs();
        return seen(tb, 1).some((m) => m.text?.includes(`通知 #${id} 已停止`));
      },
      'the final report',
      10_000,
    );
    expect(
      seen(tb, 1).some((m) => m.text?.includes(`通知 #${id} 已停止`) && m.text.includes(`没有发出：${c.skipped}`)),
    ).toBe(true);
    // a stopped broadcast cannot be stopped again
    const again = await (await staff.click(`nt:sy:${id}`)).reply();
    expect(answerOf(again)?.text).toContain('已经发完、停止或取消');
  }, 60_000);
});
