import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateLabel } from '../../../src/core/calendar';
import { addDays } from '../../../src/core/time';
import type { RecordedCall } from '../../../src/playground/fake-api';
import { alertOf, button, buttons, plainTexts, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 items 6, 11 and 13 (meetings, the date step, rates with what they count) and issue 14 item 1 (a confirm
// that arrives again files nothing).

let tb: TestBot;
const DEPUTY = 7501;
const STAFF = 7502;
let xiaoming: number;

beforeAll(async () => {
  tb = await startBot();
  xiaoming = (await tb.services.residents.compounds()).find((c) => c.nameZh === '肖明组')!.id;
  const yeyachong = (await tb.services.residents.communities()).find((c) => c.nameZh === '野鸭冲社区')!.id;
  await tb.withRole(DEPUTY, 'deputy', { first_name: '周代表' });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.services.petitions.assignDeputy(null, DEPUTY, yeyachong, null);
  await tb.app.features.find((f) => f.name === 'petitions')!.demo!();
});
afterAll(() => tb.stop());

async function file(userId: number, place: string) {
  await tb.resident(userId, { compound: xiaoming });
  const draft = { category: 'sanitation' as const, place, latitude: null, longitude: null, photos: [], showName: true };
  return tb.services.petitions.file(userId, { ...draft, description: `${place}的垃圾三天没人清运` });
}
const keyboardOf = (out: RecordedCall[]) =>
  out.flatMap((c) => (c.payload.reply_markup?.keyboard ?? []).flat().map((b: { text: string }) => b.text));

describe('代表·局长面对面', () => {
  let a = 0;
  let b = 0;

  it('the petitions discussed are picked from buttons, previewed, then sent: each resident is told once', async () => {
    a = (await file(7510, '肖明组东头垃圾站')).id;
    b = (await file(7511, '肖明组西头垃圾站')).id;
    await tb.services.petitions.cosign(b, 7510, true); // 7510 follows both
    await tb.delivered();
    const d = tb.user(DEPUTY);
    let out = await (await d.command('/meeting')).reply();
    expect(keyboardOf(out)).toEqual(expect.arrayContaining(['今天', '昨天']));
    out = await (await d.send('昨天')).reply();
    const yesterday = addDays(tb.services.petitions.today(), -1);
    expect(plainTexts(out)).toContain(`开会日期：${dateLabel(yesterday)['zh-CN']}`);
    out = await (await d.click(button(out, '城管局'))).reply();
    out = await (await d.click(button(out, '选好了'))).reply();
    expect(texts(out)).toContain('讨论了哪些反映');
    expect(buttons(out).map((x) => x.callback_data)).toEqual(expect.arrayContaining([`pt:d:mi:${a}`, `pt:d:mi:${b}`]));
    out = await (await d.click(`pt:d:mi:${a}`)).reply();
    out = await (await d.click(`pt:d:mi:${b}`)).reply();
    out = await (await d.click(button(out, '选好了'))).reply();
    out = await (await d.send('城管局同意每天清运两次')).reply();
    const preview = plainTexts(out);
    expect(preview).toContain('请确认');
    expect(preview).toContain(`#${a} 肖明组东头垃圾站`);
    expect(preview).toContain(`#${b} 肖明组西头垃圾站`);
    expect(preview).toContain('会通知 2 位居民');
    const mark = tb.api.lastSeq();
    await tb.delivered();
    expect(tb.api.callsTo(7510, { after: mark })).toEqual([]); // nothing goes out before "send"
    out = await (await d.click(button(out, '发送给居民'))).reply();
    expect(texts(out)).toContain('已记录');
    await tb.delivered();
    const told = seen(tb, 7510).filter((m) => m.text?.includes('代表·局长面对面'));
    expect(told.length).toBe(1);
    expect(told[0]!.text).toContain(`#${a} 肖明组东头垃圾站`);
    expect(told[0]!.text).toContain(`#${b} 肖明组西头垃圾站`);
    expect(told[0]!.text).toContain('城管局同意每天清运两次');
    // the deputy's card of each now says the residents were answered
    const cards = seen(tb, DEPUTY).filter((m) => m.text?.includes(`居民反映 #${a}`));
    expect(cards.map((m) => m.text)).toEqual([expect.stringContaining('已答复居民')]);
  });

  it('pressing 发送 again says it was already sent and sends nothing twice', async () => {
    const out = await (await tb.user(DEPUTY).click('pt:d:ms')).reply();
    expect(alertOf(out)).toContain('已经发送过了');
    await tb.delivered();
    expect(seen(tb, 7510).filter((m) => m.text?.includes('代表·局长面对面')).length).toBe(1);
  });

  it('the date step reads "12月1日"-style days, echoes them in words, and asks again for a day ahead', async () => {
    const d = tb.user(DEPUTY);
    await (await d.command('/meeting')).reply();
    const today = tb.services.petitions.today();
    let out = await (await d.send(addDays(today, 1))).reply();
    expect(texts(out)).toContain('请写日期');
    out = await (await d.send('明天')).reply();
    expect(texts(out)).toContain('请写日期');
    const earlier = addDays(today, -3);
    out = await (await d.send(`${Number(earlier.slice(5, 7))}月${Number(earlier.slice(8))}号`)).reply();
    expect(plainTexts(out)).toContain(`开会日期：${dateLabel(earlier)['zh-CN']}`);
    await (await d.command('/cancel')).reply();
  });
});

describe('progress and reports', () => {
  it('every rate shows what it counts ("2 件中 1 件") and the deputies page five at a time', async () => {
    const communities = await tb.services.residents.communities();
    for (let i = 0; i < 6; i++) {
      await tb.withRole(7520 + i, 'deputy', { first_name: `代表${i}` });
      await tb.services.petitions.assignDeputy(null, 7520 + i, communities[i % communities.length]!.id, null);
    }
    const s = tb.user(STAFF);
    let out = await (await s.command('/petitionstats')).reply();
    expect(plainTexts(out)).toMatch(/解决率 \d+%（\d+ 件中 \d+ 件）|解决率 —（还没有到期的）/);
    expect(plainTexts(out)).toMatch(/响应率 \d+%（\d+ 件中 \d+ 件）/);
    expect(plainTexts(out)).toContain('第 1/2 页');
    out = await (await s.click(button(out, '▶'))).reply();
    expect(plainTexts(out)).toContain('第 2/2 页');
  });
});

describe('filing', () => {
  it('pressing ✅ 确认提交 twice files one petition and names it the second time, after a restart too', async () => {
    const u = await tb.resident(7530, { compound: xiaoming });
    let out = await (await u.send('📣 我要反映')).reply();
    out = await (await u.click(button(out, '噪音'))).reply();
    out = await (await u.send('幸福里广场')).reply();
    out = await (await u.send('跳过')).reply();
    out = await (await u.send('晚上十一点还在放音乐，老人睡不着')).reply();
    if (texts(out).includes('同一个问题')) out = await (await u.click(button(out, '不是同一个问题'))).reply();
    out = await (await u.click(button(out, '没有照片'))).reply();
    out = await (await u.click(button(out, '匿名'))).reply();
    const summary = seen(tb, 7530).at(-1)!;
    out = await (await u.click(button(out, '确认提交'))).reply();
    const id = Number(/#(\d+)/.exec(texts(out))![1]);
    out = await (await u.click('pt:ok', { messageId: summary.message_id })).reply();
    expect(alertOf(out)).toContain(`已经提交过了，编号 #${id}`);
    await tb.restart(); // Telegram redelivering the confirm after a crash finds the same
    out = await (await u.click('pt:ok', { messageId: summary.message_id })).reply();
    expect(alertOf(out)).toContain(`#${id}`);
    expect((await tb.services.petitions.mine(7530)).map((p) => p.id)).toEqual([id]);
    await tb.delivered();
    expect(seen(tb, DEPUTY).filter((m) => m.text?.includes('晚上十一点还在放音乐')).length).toBe(1);
  });

  it('"照片发完了" is only on the newest photo prompt and leaves once pressed', async () => {
    const u = await tb.resident(7532, { compound: xiaoming });
    let out = await (await u.send('📣 我要反映')).reply();
    out = await (await u.click(button(out, '公共设施'))).reply();
    out = await (await u.send('肖明组篮球场')).reply();
    out = await (await u.send('跳过')).reply();
    out = await (await u.send('篮球架的篮板裂了，随时会掉下来')).reply();
    if (texts(out).includes('同一个问题')) out = await (await u.click(button(out, '不是同一个问题'))).reply();
    await (await u.photo()).reply();
    await (await u.photo()).reply();
    const withDone = () => seen(tb, 7532).filter((m) => JSON.stringify(m.reply_markup ?? {}).includes('pt:ph:done'));
    expect(withDone().length).toBe(1);
    expect(withDone()[0]!.text).toContain('收到第 2 张照片');
    out = await (await u.click('pt:ph:done')).reply();
    expect(texts(out)).toContain('要让联名的邻居看到您的名字吗');
    expect(withDone()).toEqual([]);
    await (await u.command('/cancel')).reply();
  });

  it('co-signing instead of filing, pressed twice, joins once and says so', async () => {
    const u = await tb.resident(7531, { compound: xiaoming });
    let out = await (await u.send('📣 我要反映')).reply();
    out = await (await u.click(button(out, '噪音'))).reply();
    out = await (await u.send('幸福里广场')).reply();
    out = await (await u.send('跳过')).reply();
    out = await (await u.send('晚上十一点广场还在放音乐，老人睡不着')).reply();
    expect(texts(out)).toContain('同一个问题');
    const id = Number(
      /联名 #(\d+)/.exec(
        buttons(out)
          .map((x) => x.text)
          .join(' '),
      )![1],
    );
    out = await (await u.click(button(out, `联名 #${id}`))).reply();
    const choice = seen(tb, 7531).at(-1)!;
    out = await (await u.click(button(out, '匿名'))).reply();
    expect(texts(out)).toContain(`已联名 #${id}`);
    out = await (await u.click(`pt:cs:${id}:0`, { messageId: choice.message_id })).reply();
    expect(alertOf(out)).toContain('已经联名过');
    expect((await tb.services.petitions.mine(7531)).map((p) => p.id)).toEqual([id]);
  });
});
