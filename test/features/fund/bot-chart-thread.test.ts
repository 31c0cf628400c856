import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartAsync, stopChartThread } from '../../../src/charts';
import { ManualClock } from '../../../src/core/clock';
import { texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { tooBigForTheChartThread } from '../../support/too-big-chart';

let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock('2025-03-10T02:00:00Z'), seedDemo: true });
});
afterAll(async () => {
  await stopChartThread();
  await tb.stop();
});

describe('a resident never sees the chart thread replaced', () => {
  it('the fund picture asked while the chart thread dies of another picture arrives as usual', async () => {
    const r = await tb.resident(7301);
    await (await r.command('/fund')).reply();
    // Asked first, so the thread is drawing it when the resident's picture is queued behind it; it dies of it.
    const killer = renderChartAsync(tooBigForTheChartThread).then(
      () => null,
      (e: Error) => e,
    );
    const chart = await (await r.click('fd:c')).reply({ timeoutMs: 90_000 });
    expect((await killer)?.message).toMatch(/memory/);
    const photo = chart.find((c) => c.method === 'sendPhoto');
    expect(photo?.ok).toBe(true);
    expect(texts(chart)).not.toMatch(/出错|失败|稍后/);
    const f = await tb.app.bot.api.getFile(photo!.result.photo.at(-1).file_id);
    const res = await fetch(`${tb.config.TELEGRAM_API_ROOT}/file/bot${tb.config.BOT_TOKEN}/${f.file_path}`);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(810);
  }, 120_000);
});
