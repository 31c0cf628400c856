import { run } from '@grammyjs/runner';
import { Bot, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../../src/playground/fake-api';
import { until } from '../support/chat';

let api: FakeBotApi;
afterEach(() => api?.close());

const call = async (method: string, body: object, token = api.token) => {
  const r = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await r.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any };
};

describe('fake Bot API', () => {
  it('getUpdates confirms by offset and long-polls until an update arrives', async () => {
    api = await FakeBotApi.start();
    const u = api.user({ id: 7 });
    await u.send('one');
    await u.send('two');
    const first = await call('getUpdates', {});
    expect(first.result.map((x: any) => x.message.text)).toEqual(['one', 'two']);
    const again = await call('getUpdates', { offset: first.result[1].update_id });
    expect(again.result.map((x: any) => x.message.text)).toEqual(['two']);
    const t0 = Date.now();
    const waiting = call('getUpdates', { offset: first.result[1].update_id + 1, timeout: 5 });
    setTimeout(() => void u.send('three'), 200);
    const late = await waiting;
    expect(late.result.map((x: any) => x.message.text)).toEqual(['three']);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a real grammY bot (with the runner) round-trips a message and a button', async () => {
    api = await FakeBotApi.start();
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    bot.command('start', (ctx) =>
      ctx.reply('<b>hi</b>', {
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] },
      }),
    );
    bot.callbackQuery('go', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText('went');
    });
    await bot.init();
    const handle = run(bot);
    const u = api.user({ id: 8 });
    const out = await (await u.command('/start')).reply();
    expect(out[0]).toMatchObject({ method: 'sendMessage', ok: true, chatId: 8 });
    expect(api.messages(8).at(-1)).toMatchObject({ text: 'hi', html: '<b>hi</b>' });
    const mark = api.lastSeq();
    await u.click('go');
    await api.waitForCall((c) => c.method === 'editMessageText', { after: mark });
    expect(api.messages(8).at(-1)).toMatchObject({ text: 'went', edited: true });
    await handle.stop();
  });

  it('refuses what Telegram refuses: bad HTML, empty or over-long text, a wrong token, unknown messages', async () => {
    api = await FakeBotApi.start();
    expect((await call('sendMessage', { chat_id: 1, text: 'a < b', parse_mode: 'HTML' })).description).toMatch(
      /can't parse entities/,
    );
    expect((await call('sendMessage', { chat_id: 1, text: '<b>x', parse_mode: 'HTML' })).description).toMatch(
      /can't parse entities/,
    );
    expect((await call('sendMessage', { chat_id: 1, text: 'a &lt; b', parse_mode: 'HTML' })).ok).toBe(true);
    expect((await call('sendMessage', { chat_id: 1, text: '' })).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).description).toBe(
      'Bad Request: message is too long',
    );
    expect((await call('getMe', {}, '1:wrong')).error_code).toBe(401);
    expect((await call('editMessageText', { chat_id: 1, message_id: 99, text: 'x' })).description).toMatch(
      /message to edit not found/,
    );
  });

  it('injects 429, 403, chat not found, 5xx and dropped connections on demand', async () => {
    api = await FakeBotApi.start();
    api.fail({ method: 'sendMessage', error: { kind: '429', retryAfter: 7 } });
    const r429 = await call('sendMessage', { chat_id: 1, text: 'x' });
    expect(r429).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 7 } });
    api.fail({ chatId: 2, error: { kind: '403' } });
    expect((await call('sendMessage', { chat_id: 2, text: 'x' })).error_code).toBe(403);
    api.fail({ chatId: 3, error: { kind: '400-chat-not-found' } });
    expect((await call('sendMessage', { chat_id: 3, text: 'x' })).description).toBe('Bad Request: chat not found');
    api.fail({ chatId: 4, error: { kind: '500' } });
    expect((await call('sendMessage', { chat_id: 4, text: 'x' })).error_code).toBe(500);
    api.fail({ chatId: 5, error: { kind: 'drop' } });
    await expect(call('sendMessage', { chat_id: 5, text: 'x' })).rejects.toThrow();
    // each fault fires once
    expect((await call('sendMessage', { chat_id: 4, text: 'x' })).ok).toBe(true);
  });

  it('a configured global rate produces real 429s for a sender going faster', async () => {
    api = await FakeBotApi.start({ rateLimitPerSec: 50 });
    const t0 = Date.now();
    const results = [];
    // twice the allowed rate for about a second
    for (let i = 0; i < 100; i++) {
      results.push(call('sendMessage', { chat_id: 100 + i, text: 'x' }));
      await new Promise((r) => setTimeout(r, 10));
    }
    const done = await Promise.all(results);
    const seconds = (Date.now() - t0) / 1000;
    const ok = done.filter((r) => r.ok).length;
    expect(ok).toBeLessThanOrEqual(Math.ceil(50 * seconds + 5));
    expect(ok).toBeGreaterThanOrEqual(Math.floor(50 * seconds * 0.8));
    expect(done.filter((r) => r.error_code === 429).every((r) => r.parameters.retry_after >= 1)).toBe(true);
    expect(api.stats.errors429).toBe(100 - ok);
  });

  it('a blocked user answers 403 until they unblock, and the bot is told both times', async () => {
    api = await FakeBotApi.start();
    const u = api.user({ id: 9 });
    await u.blockBot();
    expect((await call('sendMessage', { chat_id: 9, text: 'x' })).error_code).toBe(403);
    await u.unblockBot();
    expect((await call('sendMessage', { chat_id: 9, text: 'x' })).ok).toBe(true);
    const ups = (await call('getUpdates', {})).result.map((x: any) => x.my_chat_member.new_chat_member.status);
    expect(ups).toEqual(['kicked', 'member']);
  });

  it('an uploaded photo can be fetched back with getFile and downloaded byte for byte', async () => {
    api = await FakeBotApi.start();
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    const bytes = Buffer.from([1, 2, 3, 250, 251, 252]);
    const msg = await bot.api.sendPhoto(11, new InputFile(bytes, 'x.png'), { caption: 'cap' });
    const file = await bot.api.getFile(msg.photo.at(-1)!.file_id);
    const got = Buffer.from(await (await fetch(`${api.apiRoot}/file/bot${api.token}/${file.file_path}`)).arrayBuffer());
    expect(got.equals(bytes)).toBe(true);
    expect(api.messages(11).at(-1)?.caption).toBe('cap');
  });

  it('edits and deletions show in the chat history', async () => {
    api = await FakeBotApi.start();
    const m = await call('sendMessage', {
      chat_id: 12,
      text: 'first',
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'a' }]] },
    });
    await call('editMessageReplyMarkup', {
      chat_id: 12,
      message_id: m.result.message_id,
      reply_markup: { inline_keyboard: [] },
    });
    expect(
      (
        await call('editMessageText', {
          chat_id: 12,
          message_id: m.result.message_id,
          text: 'first',
          reply_markup: { inline_keyboard: [] },
        })
      ).description,
    ).toMatch(/not modified/);
    await call('deleteMessage', { chat_id: 12, message_id: m.result.message_id });
    expect(api.messages(12)).toEqual([]);
  });

  it('a venue and a pin go both ways: the bot sends them with grammY, a user sends a venue and the bot reads it', async () => {
    api = await FakeBotApi.start();
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    const sent = await bot.api.sendVenue(13, 27.8409, 113.1798, '社区党群服务中心', '荷塘区月塘街道');
    expect(sent.venue).toMatchObject({ title: '社区党群服务中心', address: '荷塘区月塘街道' });
    await bot.api.sendLocation(13, 27.85, 113.19);
    expect(api.messages(13).map((m) => [m.venue?.title, m.location?.latitude])).toEqual([
      ['社区党群服务中心', 27.8409],
      [undefined, 27.85],
    ]);
    expect((await call('sendVenue', { chat_id: 13, latitude: 1, longitude: 2, title: 'x', address: '' })).ok).toBe(
      false,
    );

    let got: unknown;
    bot.on('message:venue', (ctx) => {
      got = { ...ctx.message.venue, point: ctx.message.location };
    });
    await bot.init();
    const handle = run(bot);
    await api.user({ id: 13 }).venue(27.86, 113.15, '荷塘花园', '月塘路 18 号');
    await until(() => got !== undefined, 'the venue to reach the bot');
    expect(got).toMatchObject({ title: '荷塘花园', address: '月塘路 18 号', point: { latitude: 27.86 } });
    await handle.stop();
  });
});
