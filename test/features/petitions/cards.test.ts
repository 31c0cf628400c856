import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/features/petitions/service';
import type { ChatMessage } from '../../../src/playground/fake-api/types';
import { alertOf, button, buttons, type InlineButton, plainTexts, seen } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 items 2 and 3: a petition's card tells the truth in every handler's chat, and only what the petition's
// state allows is offered or done.

let tb: TestBot;
const HOUR = 3_600_000;
const DEPUTY = 7401;
const SECOND = 7402; // a second deputy of the same community
const STAFF = 7403;
const deputy: Actor = { id: DEPUTY, roles: new Set(['deputy']) };
let xiaoming: number;
let bureau: number; // 城管局

beforeAll(async () => {
  tb = await startBot();
  xiaoming = (await tb.services.residents.compounds()).find((c) => c.nameZh === '肖明组')!.id;
  const yeyachong = (await tb.services.residents.communities()).find((c) => c.nameZh === '野鸭冲社区')!.id;
  await tb.withRole(DEPUTY, 'deputy', { first_name: '周代表' });
  await tb.withRole(SECOND, 'deputy', { first_name: '郑代表' });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  for (const d of [DEPUTY, SECOND]) await tb.services.petitions.assignDeputy(null, d, yeyachong, null);
  await tb.app.features.find((f) => f.name === 'petitions')!.demo!();
  bureau = (await tb.services.petitions.departments()).find((d) => d.nameZh === '城管局')!.id;
});
afterAll(() => tb.stop());

async function file(userId: number, place: string) {
  await tb.resident(userId, { compound: xiaoming });
  const draft = { category: 'roads' as const, place, latitude: null, longitude: null, photos: [], showName: true };
  const p = await tb.services.petitions.file(userId, { ...draft, description: `${place}一下雨就积水，过不去` });
  await tb.delivered();
  return p;
}

/** Every message in a chat that is a card of this petition (the forwarded card, edited in place since). */
const cardsOf = (chatId: number, id: number) =>
  seen(tb, chatId).filter((m) => m.text?.includes(`居民反映 #${id}`) && m.reply_markup);
const buttonsOf = (m: ChatMessage): InlineButton[] => (m.reply_markup?.inline_keyboard ?? []).flat();
const dataOf = (m: ChatMessage) => buttonsOf(m).map((b) => b.callback_data ?? b.url);

describe('a card always shows the current state', () => {
  it("a deputy's card says 已受理 with no ✅ 受理 once accepted, in every deputy's chat", async () => {
    const p = await file(7410, '肖明组涵洞');
    const [mine] = cardsOf(DEPUTY, p.id);
    expect(mine!.text).toContain('前受理');
    expect(dataOf(mine!)).toContain(`pt:d:ak:${p.id}`);
    const out = await (await tb.user(DEPUTY).click(`pt:d:ak:${p.id}`, { messageId: mine!.message_id })).reply();
    expect(alertOf(out)).toContain(`已受理反映 #${p.id}`);
    await tb.delivered();
    for (const chat of [DEPUTY, SECOND]) {
      const cards = cardsOf(chat, p.id);
      expect(cards.length).toBe(1); // edited in place, not a second card beside a stale one
      expect(cards[0]!.text).toContain('进展：已受理');
      expect(cards[0]!.text).not.toContain('前受理');
      expect(dataOf(cards[0]!)).not.toContain(`pt:d:ak:${p.id}`);
      expect(dataOf(cards[0]!)).toContain(`pt:d:sm:${p.id}`);
    }
    // the other deputy's old ✅ 受理 (a stale card, a second tap) is refused by name and tells nobody anything
    const again = await (await tb.user(SECOND).click(`pt:d:ak:${p.id}`)).reply();
    expect(alertOf(again)).toContain('已经受理过了');
    expect(alertOf(again)).not.toContain('已通知居民');
  });

  it('resolving from the card turns it into 已办结 with only 详情 left, for every deputy', async () => {
    const p = await file(7411, '肖明组垃圾站');
    const d = tb.user(DEPUTY);
    const card = cardsOf(DEPUTY, p.id)[0]!;
    let out = await (await d.click(`pt:d:sm:${p.id}`, { messageId: card.message_id })).reply();
    const choices = buttons(out).map((b) => b.text);
    expect(choices).toEqual(expect.arrayContaining(['已受理', '调查中', '已转交部门', '已解决', '无法解决']));
    out = await (await d.click(button(out, '已解决'), { messageId: card.message_id })).reply();
    await (await d.send('已经清运完毕')).reply();
    await tb.delivered();
    for (const chat of [DEPUTY, SECOND]) {
      const [now] = cardsOf(chat, p.id);
      expect(now!.text).toContain('已办结：已解决');
      expect(dataOf(now!)).toEqual([`pt:d:v:${p.id}`]);
    }
  });
});

describe('petition state never contradicts itself', () => {
  it('a status notice names the place and the change ("#N 肖明组…：已转交城管局"), never "部门：—"', async () => {
    const p = await file(7420, '肖明组路口');
    const mark = tb.api.lastSeq();
    await tb.services.petitions.setStatus(deputy, p.id, { status: 'transferred', departmentId: bureau });
    await tb.delivered();
    const told = plainTexts(tb.api.callsTo(7420, { after: mark }).filter((c) => c.method === 'sendMessage'));
    expect(told).toContain(`#${p.id}（肖明组路口）：已转交城管局`);
    expect(told).not.toContain('—');
  });

  it('✅ 受理 on a petition already 已转交部门 says so, changes nothing and tells no one', async () => {
    const p = await file(7421, '肖明组桥下');
    await tb.services.petitions.setStatus(deputy, p.id, { status: 'transferred', departmentId: bureau });
    await tb.delivered();
    const mark = tb.api.lastSeq();
    const out = await (await tb.user(DEPUTY).click(`pt:d:ak:${p.id}`)).reply();
    expect(alertOf(out)).toContain('已转交部门');
    expect(alertOf(out)).not.toContain('已通知居民');
    await tb.delivered();
    expect(tb.api.callsTo(7421, { after: mark })).toEqual([]);
    expect((await tb.services.petitions.petition(p.id)).status).toBe('transferred');
  });

  it('the timeline is in time order and never shows "已受理 —"', async () => {
    const staff = { id: STAFF, roles: new Set(['staff']) };
    const demo = (await tb.services.petitions.listForHandler(staff, {})).find((p) => p.place === '肖明组铁路涵洞')!;
    const out = await (await tb.user(STAFF).click(`pt:d:v:${demo.id}`)).reply();
    const lines = plainTexts(out)
      .split('\n')
      .filter((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(l));
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.map((l) => l.slice(0, 16))).toEqual(lines.map((l) => l.slice(0, 16)).sort());
    expect(lines.some((l) => l.includes('已受理'))).toBe(true);
    expect(lines.some((l) => /—/.test(l))).toBe(false);
  });

  it('three changes in an hour reach the resident as one notice and one digest saying where it stands', async () => {
    const p = await file(7422, '肖明组水塔');
    await tb.services.petitions.acknowledge(deputy, p.id);
    tb.clock.advance(0.2 * HOUR);
    await tb.services.petitions.setStatus(deputy, p.id, { status: 'investigating' });
    tb.clock.advance(0.2 * HOUR);
    await tb.services.petitions.setStatus(deputy, p.id, { status: 'transferred', departmentId: bureau });
    tb.clock.advance(HOUR);
    await tb.delivered();
    const about = seen(tb, 7422).filter((m) => m.text?.includes(`#${p.id}`));
    expect(about.map((m) => m.text)).toEqual([
      expect.stringContaining('肖明组水塔）：已受理'),
      expect.stringContaining('肖明组水塔）最新进展：已转交城管局'),
    ]);
    expect(plainTexts(tb.api.callsTo(7422))).not.toContain('好几项');
  });

  it('a written reply or a meeting outcome answers it: past the limit, no 超过办理时限 and no 催办', async () => {
    const replied = await file(7430, '肖明组菜场');
    const met = await file(7431, '肖明组学校门口');
    const waiting = await file(7432, '肖明组公交站');
    await tb.services.petitions.replyToPetitioner(deputy, replied.id, '已联系市场监管所，下周现场处理');
    await tb.services.petitions.recordMeeting(deputy, {
      heldOn: tb.services.petitions.today(),
      departmentIds: [bureau],
      petitionIds: [met.id],
      outcome: '城管局同意明年一季度改造',
    });
    await tb.services.petitions.setStatus(deputy, waiting.id, { status: 'transferred', departmentId: bureau });
    tb.clock.advance(16 * 24 * HOUR);
    const mark = tb.api.lastSeq();
    await tb.runJobs();
    await tb.delivered();
    for (const [who, p] of [
      [7430, replied],
      [7431, met],
    ] as const) {
      expect(plainTexts(tb.api.callsTo(who, { after: mark }))).not.toContain('超过办理时限');
      const card = await (await tb.user(who).click(`pt:v:${p.id}`)).reply();
      expect(plainTexts(card)).not.toContain('超过办理时限');
      expect(buttons(card).some((b) => b.callback_data === `pt:ch:${p.id}`)).toBe(false);
      const chase = await (await tb.user(who).click(`pt:ch:${p.id}`)).reply();
      expect(alertOf(chase)).toContain('还没有超过时限');
    }
    // the one not answered is late: its resident may chase, and the deputy's 催办 card offers no ✅ 受理
    expect(plainTexts(tb.api.callsTo(7432, { after: mark }))).toContain('超过办理时限');
    const before = tb.api.lastSeq();
    await (await tb.user(7432).click(`pt:ch:${waiting.id}`)).reply();
    await tb.delivered();
    const chased = tb.api.callsTo(DEPUTY, { after: before }).filter((c) => plainTexts([c]).includes('居民催办'));
    expect(chased.length).toBe(1);
    expect(buttons(chased).map((b) => b.callback_data)).not.toContain(`pt:d:ak:${waiting.id}`);
    expect(buttons(chased).map((b) => b.callback_data)).toContain(`pt:d:sm:${waiting.id}`);
  });
});
